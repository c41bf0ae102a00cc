// Entangled photon-pair source for the midpoint-source architecture: a pulsed spontaneous
// parametric down-conversion (SPDC) source sends one photon of each pair towards each end.
import {
  checkNumber,
  checkOneOf,
  type FieldPath,
  freezePresets,
  type HardwarePreset,
  positive,
  probability,
  withDefaults,
} from './params.js';

/** Photon-number statistics of one pulse in one channel. */
export type PairStatistics = 'thermal' | 'poisson';
const STATISTICS: readonly PairStatistics[] = ['thermal', 'poisson'];

export interface PairSourceParams {
  /** Independent channels (e.g. frequency bins), each with its own pairs. */
  readonly channels: number;
  /** Pump pulses per second, Hz. */
  readonly repetitionRateHz: number;
  /** Mean pairs per pulse per channel, μ. */
  readonly meanPairsPerPulse: number;
  /** Probability that a photon of a generated pair enters its output fibre (heralding efficiency). */
  readonly heraldingEfficiency: number;
  /** 'thermal' for a single-mode source, 'poisson' when many modes are summed. */
  readonly statistics: PairStatistics;
}

export const PAIR_SOURCE_PRESETS = freezePresets({
  'spdc-2025': {
    description:
      'pulsed single-mode SPDC source: 100 MHz, μ = 0.01 pairs per pulse, heralding efficiency 0.8',
    // μ = 0.01 is the usual compromise between rate and multi-pair noise (P(≥2) ≈ μ²); heralding
    // efficiencies around 0.8 are reported for the best fibre-coupled sources. Representative values.
    source: 'typical pulsed SPDC sources (representative values)',
    params: {
      channels: 1,
      repetitionRateHz: 100_000_000,
      meanPairsPerPulse: 0.01,
      heraldingEfficiency: 0.8,
      statistics: 'thermal',
    },
  },
} as const satisfies Record<string, HardwarePreset<PairSourceParams>>);

export type PairSourcePresetName = keyof typeof PAIR_SOURCE_PRESETS;
export const DEFAULT_PAIR_SOURCE: PairSourceParams = PAIR_SOURCE_PRESETS['spdc-2025'].params;

export function validatePairSource(params: PairSourceParams, path: FieldPath): PairSourceParams {
  checkNumber(params, 'channels', path, { min: 1, integer: true, meaning: 'the number of channels' });
  checkNumber(params, 'repetitionRateHz', path, positive('the pump repetition rate in Hz'));
  checkNumber(params, 'meanPairsPerPulse', path, positive('the mean number of pairs per pulse per channel'));
  checkNumber(params, 'heraldingEfficiency', path, probability('the heralding (collection) efficiency'));
  checkOneOf(params, 'statistics', path, STATISTICS, 'the photon-number statistics of a pulse');
  return params;
}

export function makePairSource(
  overrides: Partial<PairSourceParams> = {},
  path: FieldPath = [],
): PairSourceParams {
  return validatePairSource(withDefaults(DEFAULT_PAIR_SOURCE, overrides), path);
}

/** Mean pairs generated per second in one channel, μ·R. */
export function pairRatePerChannelHz(s: PairSourceParams): number {
  return s.meanPairsPerPulse * s.repetitionRateHz;
}

/** Probability of exactly one pair in a pulse and channel. */
export function singlePairProbability(s: PairSourceParams): number {
  const mu = s.meanPairsPerPulse;
  // Thermal: P(n) = μ^n/(1+μ)^(n+1); Poisson: P(n) = e^−μ μ^n/n! (Loudon, Quantum Theory of Light, ch. 3).
  return s.statistics === 'thermal' ? mu / (1 + mu) ** 2 : mu * Math.exp(-mu);
}

/** Probability of two or more pairs in a pulse and channel: the source of multi-pair errors. */
export function multiPairProbability(s: PairSourceParams): number {
  const mu = s.meanPairsPerPulse;
  // Thermal: P(n ≥ 2) = (μ/(1+μ))²; Poisson: 1 − e^−μ (1 + μ).
  return s.statistics === 'thermal' ? (mu / (1 + mu)) ** 2 : -Math.expm1(-mu) - mu * Math.exp(-mu);
}

/** Probability that both photons of one pair enter their fibres, η_h². */
export function pairCollectionProbability(s: PairSourceParams): number {
  return s.heraldingEfficiency ** 2;
}
