// The midpoint station of a heralded link: a beam splitter and threshold detectors performing a
// linear-optics Bell-state measurement on one photon from each end.
import { dbToTransmissivity } from '../util/units.js';
import { fractionInWindow } from './clock.js';
import { DETECTOR_PRESETS, type DetectorParams, darkCountProbability, validateDetector } from './detector.js';
import { type FibreParams, spanTransmissivity } from './fibre.js';
import { expectedHomVisibility, type TimingMismatch, type Wavepacket } from './hom-visibility.js';
import { type OpticalSwitchParams, switchTransmissivity } from './optical-switch.js';
import {
  checkNumber,
  type FieldPath,
  fail,
  freezePresets,
  type HardwarePreset,
  nonNegative,
  positive,
  probability,
  withDefaults,
} from './params.js';
import type { TransducerParams } from './transducer.js';

export interface HeraldingStationParams {
  /** 2 (one per beam-splitter output: time-bin or number encoding) or 4 (polarisation, after PBSs). */
  readonly detectors: number;
  readonly detector: DetectorParams;
  /** Loss inside the station before the detectors (beam splitter, couplings), dB. */
  readonly insertionLossDb: number;
  /** Heralding window per time bin, ps: clicks outside it are ignored. */
  readonly windowPs: number;
  /** Two-photon visibility of perfectly timed photons (mismatch of polarisation, spectrum, shape). */
  readonly visibility: number;
}

export const HERALDING_STATION_PRESETS = freezePresets({
  'bsm-snspd': {
    description: 'two-SNSPD time-bin BSM: 0.5 dB inside, 1 µs window, visibility 0.9',
    // A 1 µs window holds ~96% of an exponential photon of 300 ns lifetime (transducer-2025 pulses);
    // 0.5 dB covers a fibre beam splitter and connectors; V = 0.9 is typical of two-photon
    // interference between remote emitters. Representative values.
    source: 'representative values; detector: the snspd preset',
    params: {
      detectors: 2,
      detector: DETECTOR_PRESETS.snspd.params,
      insertionLossDb: 0.5,
      windowPs: 1_000_000,
      visibility: 0.9,
    },
  },
} as const satisfies Record<string, HardwarePreset<HeraldingStationParams>>);

export type HeraldingStationPresetName = keyof typeof HERALDING_STATION_PRESETS;
export const DEFAULT_HERALDING_STATION: HeraldingStationParams =
  HERALDING_STATION_PRESETS['bsm-snspd'].params;

export function validateHeraldingStation(
  params: HeraldingStationParams,
  path: FieldPath,
): HeraldingStationParams {
  const n = checkNumber(params, 'detectors', path, {
    integer: true,
    min: 2,
    max: 4,
    meaning: 'the detector count',
  });
  if (n === 3) fail(path, 'detectors', 'a Bell-state measurement uses 2 or 4 detectors, not 3', 'use 2 or 4');
  if (typeof params.detector !== 'object' || params.detector === null) {
    fail(path, 'detector', 'detector must be a set of detector parameters', 'e.g. the snspd preset');
  }
  validateDetector(params.detector, [...path, 'detector']);
  checkNumber(params, 'insertionLossDb', path, nonNegative('the loss inside the station in dB'));
  checkNumber(params, 'windowPs', path, positive('the heralding window in ps'));
  checkNumber(
    params,
    'visibility',
    path,
    probability('the two-photon visibility of perfectly timed photons'),
  );
  return params;
}

export function makeHeraldingStation(
  overrides: Partial<HeraldingStationParams> = {},
  path: FieldPath = [],
): HeraldingStationParams {
  return validateHeraldingStation(withDefaults(DEFAULT_HERALDING_STATION, overrides), path);
}

/** Success probability of a linear-optics BSM without ancillas: two of four Bell states, 1/2. */
export const LINEAR_OPTICS_BSM_SUCCESS = 0.5; // Calsamiglia & Lütkenhaus, Appl. Phys. B 72, 67 (2001)

/** Success probability of the station's BSM given both photons arrive (ideal: 1/2, losses apart). */
export function bsmSuccessProbability(_station: HeraldingStationParams): number {
  return LINEAR_OPTICS_BSM_SUCCESS;
}

/** The four factors of one arm's efficiency. */
export interface ArmEfficiencyFactors {
  readonly transducerEfficiency: number;
  readonly fibreTransmissivity: number;
  readonly switchTransmissivity: number;
  readonly detectorEfficiency: number;
}

/**
 * η_arm = η_transducer · η_fibre · η_switch · η_detector: the probability that a photon leaving one
 * end's qubit is detected at the station (the link layer's `etaTotal`, one arm).
 */
export function armEfficiency(f: ArmEfficiencyFactors): number {
  return f.transducerEfficiency * f.fibreTransmissivity * f.switchTransmissivity * f.detectorEfficiency;
}

/** What lies along one arm, from the QPU's transducer to the station. */
export interface Arm {
  readonly transducer: TransducerParams;
  readonly fibre: FibreParams;
  readonly lengthKm: number;
  /** Switches the photon crosses, in any order (none: []). */
  readonly switches: readonly OpticalSwitchParams[];
}

/** The factors of one arm ending at `station`; the station's inside loss counts with its detector. */
export function armEfficiencyFactors(arm: Arm, station: HeraldingStationParams): ArmEfficiencyFactors {
  return {
    transducerEfficiency: arm.transducer.efficiency,
    fibreTransmissivity: spanTransmissivity(arm.fibre, arm.lengthKm),
    switchTransmissivity: arm.switches.reduce((eta, s) => eta * switchTransmissivity(s), 1),
    detectorEfficiency: station.detector.efficiency * dbToTransmissivity(station.insertionLossDb),
  };
}

/** Probability that at least one of the station's detectors clicks from dark counts in one window. */
export function stationDarkClickProbability(station: HeraldingStationParams): number {
  return darkCountProbability(station.detectors * station.detector.darkCountRateHz, station.windowPs);
}

/**
 * Fraction of a photon's intensity inside the window: opened at the expected arrival for an
 * exponential photon, centred on it for a Gaussian one.
 */
export function wavepacketInWindow(w: Wavepacket, windowPs: number): number {
  if (w.shape === 'exponential') return -Math.expm1(-windowPs / w.lifetimePs);
  return fractionInWindow(windowPs, w.sigmaPs);
}

/** The station's HOM visibility: intrinsic visibility times the average over the ends' timing mismatch. */
export function stationVisibility(
  station: HeraldingStationParams,
  w: Wavepacket,
  mismatch: TimingMismatch,
  detuningHz = 0,
): number {
  return station.visibility * expectedHomVisibility(w, mismatch, detuningHz);
}
