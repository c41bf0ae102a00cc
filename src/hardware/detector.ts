// Single-photon detectors (threshold: click or no click, no photon-number resolution).
import { PS_PER_S } from '../util/units.js';
import {
  checkNumber,
  type FieldPath,
  freezePresets,
  type HardwarePreset,
  nonNegative,
  probability,
  withDefaults,
} from './params.js';

export interface DetectorParams {
  /** System detection efficiency (probability an arriving photon clicks). */
  readonly efficiency: number;
  /** Dark-count rate, Hz (clicks without light, Poisson in time). */
  readonly darkCountRateHz: number;
  /** Time after a click during which the detector is blind, ns. */
  readonly deadTimeNs: number;
  /** Timing jitter as a full width at half maximum, ps (how datasheets quote it). */
  readonly jitterFwhmPs: number;
}

export const DETECTOR_PRESETS = freezePresets({
  snspd: {
    description: 'superconducting nanowire detector: η = 0.9, 10 Hz dark, 50 ns dead, 30 ps FWHM jitter',
    // Commercial fibre-coupled SNSPDs at 1550 nm reach 85–95% efficiency with dark counts of order
    // 10 Hz, recovery of tens of ns and jitter of tens of ps; these are round representative values.
    source: 'commercial SNSPD datasheets (representative values)',
    params: { efficiency: 0.9, darkCountRateHz: 10, deadTimeNs: 50, jitterFwhmPs: 30 },
  },
  'ingaas-spad': {
    description: 'free-running InGaAs/InP avalanche diode: η = 0.2, 1 kHz dark, 10 µs dead, 150 ps jitter',
    // Free-running InGaAs/InP SPADs trade efficiency (10–30%) against dark counts (~1 kHz) and
    // afterpulsing, which forces dead times of µs; jitter is ~100–200 ps. Representative values.
    source: 'commercial free-running InGaAs/InP SPAD datasheets (representative values)',
    params: { efficiency: 0.2, darkCountRateHz: 1000, deadTimeNs: 10_000, jitterFwhmPs: 150 },
  },
} as const satisfies Record<string, HardwarePreset<DetectorParams>>);

export type DetectorPresetName = keyof typeof DETECTOR_PRESETS;
export const DEFAULT_DETECTOR: DetectorParams = DETECTOR_PRESETS.snspd.params;

export function validateDetector(params: DetectorParams, path: FieldPath): DetectorParams {
  checkNumber(params, 'efficiency', path, probability('the system detection efficiency'));
  checkNumber(params, 'darkCountRateHz', path, nonNegative('the dark-count rate in Hz'));
  checkNumber(params, 'deadTimeNs', path, nonNegative('the dead time in ns'));
  checkNumber(params, 'jitterFwhmPs', path, nonNegative('the timing jitter (FWHM) in ps'));
  return params;
}

export function makeDetector(overrides: Partial<DetectorParams> = {}, path: FieldPath = []): DetectorParams {
  return validateDetector(withDefaults(DEFAULT_DETECTOR, overrides), path);
}

/** FWHM of a Gaussian = 2·sqrt(2 ln 2)·σ. */
export const FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.LN2);

/** Jitter as a Gaussian standard deviation σ, ps. */
export function jitterSigmaPs(d: DetectorParams): number {
  return d.jitterFwhmPs / FWHM_PER_SIGMA;
}

/** Probability of at least one dark count in a window: 1 − exp(−rate·window) (Poisson). */
export function darkCountProbability(darkCountRateHz: number, windowPs: number): number {
  return -Math.expm1(-(darkCountRateHz * windowPs) / PS_PER_S);
}

/** Probability that a detector clicks in a window where a photon arrives with probability p. */
export function clickProbability(d: DetectorParams, photonProbability: number, windowPs: number): number {
  // Signal and dark counts independent: 1 − (1−s)(1−d), expanded so that small values keep their digits.
  const s = d.efficiency * photonProbability;
  const dark = darkCountProbability(d.darkCountRateHz, windowPs);
  return s + dark - s * dark;
}

/** Largest click rate the dead time allows, Hz (∞ without dead time). */
export function maxCountRateHz(d: DetectorParams): number {
  return d.deadTimeNs === 0 ? Number.POSITIVE_INFINITY : 1e9 / d.deadTimeNs;
}
