// Device presets a scenario file defines: a hardware kind, a built-in (or file) preset to start from
// and the fields to change. Ranges are not checked here but by the device models' own validators
// (hardware-resolve.ts), so one rule decides what a QPU or a detector may be, whoever builds it.
import { z } from 'zod';

/** Default built-in preset of each kind a scenario can name, used when `base` or a node field is absent. */
export const DEFAULT_HARDWARE = {
  qpu: 'heron-r2',
  transducer: 'transducer-2025',
  detector: 'snspd',
  'heralding-station': 'bsm-snspd',
  'optical-switch': 'mems-switch',
  'pair-source': 'spdc-2025',
  clock: 'white-rabbit',
} as const;

export type ScenarioHardwareKind = keyof typeof DEFAULT_HARDWARE;

const base = (kind: ScenarioHardwareKind) =>
  z
    .string()
    .optional()
    .describe(
      `Preset of the same kind to start from (built-in or from \`presets\`); default \`${DEFAULT_HARDWARE[kind]}\`.`,
    );
const num = (description: string) => z.number().optional().describe(description);

export const QpuPresetSchema = z
  .strictObject({
    kind: z.literal('qpu').describe('Preset kind: a QPU class (noise and timings; the node gives the size).'),
    base: base('qpu'),
    t1Us: num('Energy relaxation time T1, in microseconds (µs).'),
    t2Us: num('Coherence time T2, in microseconds (µs); at most 2·T1.'),
    gate1qDurationNs: num('Single-qubit gate duration, ns.'),
    gate1qError: num('Single-qubit gate error (average infidelity), in [0, 1].'),
    gate2qDurationNs: num('Two-qubit gate duration, ns.'),
    gate2qError: num('Two-qubit gate error (average infidelity), in [0, 1].'),
    readoutDurationNs: num('Readout duration, ns.'),
    readoutError: num('Readout assignment error, in [0, 1].'),
  })
  .meta({ title: 'QpuPreset', description: 'A processor class: coherence, gate and readout figures.' });

export const TransducerPresetSchema = z
  .strictObject({
    kind: z.literal('transducer').describe('Preset kind: microwave-to-optical transducer (the QNU).'),
    base: base('transducer'),
    efficiency: num('End-to-end conversion efficiency η, in (0, 1].'),
    addedNoisePhotons: num('Input-referred added noise N, photons per mode.'),
    pulseLengthNs: num('Length of one converted pulse, ns.'),
    repetitionRateHz: num('Pulses (attempts) per second, Hz.'),
  })
  .meta({ title: 'TransducerPreset', description: 'A transducer: efficiency, noise and timing.' });

const detectorFields = {
  efficiency: num('System detection efficiency, in [0, 1].'),
  darkCountRateHz: num('Dark-count rate, Hz.'),
  deadTimeNs: num('Dead time after a click, ns.'),
  jitterFwhmPs: num('Timing jitter (FWHM), in picoseconds (ps).'),
};

export const DetectorPresetSchema = z
  .strictObject({
    kind: z.literal('detector').describe('Preset kind: single-photon detector.'),
    base: base('detector'),
    ...detectorFields,
  })
  .meta({ title: 'DetectorPreset', description: 'A threshold single-photon detector.' });

const DetectorOverridesSchema = z
  .strictObject(detectorFields)
  .meta({ title: 'DetectorOverrides', description: 'Fields of the base station detector to change.' });

export const HeraldingStationPresetSchema = z
  .strictObject({
    kind: z.literal('heralding-station').describe('Preset kind: midpoint Bell-state-measurement station.'),
    base: base('heralding-station'),
    detectors: z.int().optional().describe('Detectors: 2 (time-bin) or 4 (polarisation).'),
    detector: z
      .union([z.string(), DetectorOverridesSchema])
      .optional()
      .describe('Its detectors: a detector preset name, or fields changing those of the base station.'),
    insertionLossDb: num('Loss inside the station before the detectors, dB.'),
    windowPs: num('Heralding window per time bin, in picoseconds (ps).'),
    visibility: num('Two-photon (HOM) visibility of perfectly timed photons, in [0, 1].'),
  })
  .meta({
    title: 'HeraldingStationPreset',
    description: 'A heralding station: beam splitter, detectors, window and visibility.',
  });

export const OpticalSwitchPresetSchema = z
  .strictObject({
    kind: z.literal('optical-switch').describe('Preset kind: optical circuit switch.'),
    base: base('optical-switch'),
    ports: z.int().optional().describe('Inputs (and as many outputs).'),
    reconfigurationTimeUs: num(
      'Time from a reconfiguration command until light flows, in microseconds (µs).',
    ),
    insertionLossDb: num('Loss through one path, dB.'),
  })
  .meta({ title: 'OpticalSwitchPreset', description: 'An N×N optical circuit switch.' });

export const PairSourcePresetSchema = z
  .strictObject({
    kind: z.literal('pair-source').describe('Preset kind: entangled photon-pair source (SPDC).'),
    base: base('pair-source'),
    channels: z.int().optional().describe('Independent channels.'),
    repetitionRateHz: num('Pump pulses per second, Hz.'),
    meanPairsPerPulse: num('Mean pairs per pulse per channel μ.'),
    heraldingEfficiency: num('Probability a photon of a pair enters its fibre, in [0, 1].'),
    statistics: z.enum(['thermal', 'poisson']).optional().describe('Photon-number statistics of a pulse.'),
  })
  .meta({ title: 'PairSourcePreset', description: 'A pulsed photon-pair source for midpoint-source links.' });

export const ClockPresetSchema = z
  .strictObject({
    kind: z.literal('clock').describe('Preset kind: a node clock as its synchronisation leaves it.'),
    base: base('clock'),
    syncProtocol: z
      .enum(['white-rabbit', 'ptp', 'ntp', 'custom'])
      .optional()
      .describe('Protocol keeping the clock in step (for reports).'),
    syncIntervalMs: num('Time between synchronisations, ms.'),
    syncResidualPs: num('Offset left by each synchronisation (s.d.), in picoseconds (ps).'),
    offsetPs: num('Systematic offset no sync removes, in picoseconds (ps).'),
    fractionalFrequency: num('Fractional frequency error between syncs.'),
    wanderPsPerSqrtS: num('Random-walk wander of the offset, ps/√s.'),
    jitterPs: num('White timestamp noise (s.d.), in picoseconds (ps).'),
  })
  .meta({ title: 'ClockPreset', description: 'A clock: synchronisation accuracy, drift and jitter.' });

/** Every hardware preset schema, one per kind, to join the scenario's preset union. */
export const HARDWARE_PRESET_SCHEMAS = [
  QpuPresetSchema,
  TransducerPresetSchema,
  DetectorPresetSchema,
  HeraldingStationPresetSchema,
  OpticalSwitchPresetSchema,
  PairSourcePresetSchema,
  ClockPresetSchema,
] as const;

export type HardwarePresetInput = z.output<(typeof HARDWARE_PRESET_SCHEMAS)[number]>;

export function isScenarioHardwareKind(kind: string): kind is ScenarioHardwareKind {
  return Object.hasOwn(DEFAULT_HARDWARE, kind);
}
