// Stim's four circuit-noise knobs for generated codes (`stim gen --after_clifford_depolarization ...`),
// as a noise model: depolarising after every Clifford, flips before measurements and after resets,
// and depolarising on the data qubits at the start of each round.
import { QnetError } from '../util/errors.js';
import { flipChannel, type NoiseModel, noiseOp } from './surface-code-noise.js';

export interface StimNoiseKnobs {
  afterCliffordDepolarization: number;
  beforeMeasureFlipProbability: number;
  afterResetFlipProbability: number;
  beforeRoundDataDepolarization: number;
}

export const KNOB_NAMES: readonly (keyof StimNoiseKnobs)[] = [
  'afterCliffordDepolarization',
  'beforeMeasureFlipProbability',
  'afterResetFlipProbability',
  'beforeRoundDataDepolarization',
];

/** All four knobs at `p` (Stim's usual "uniform depolarizing" circuit noise). */
export function uniformNoise(p: number): StimNoiseKnobs {
  return {
    afterCliffordDepolarization: p,
    beforeMeasureFlipProbability: p,
    afterResetFlipProbability: p,
    beforeRoundDataDepolarization: p,
  };
}

/** Throws E_QEC_PROBABILITY at `path` unless `value` is a probability. */
export function checkProbability(value: unknown, path: readonly (string | number)[]): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw new QnetError(
      'E_QEC_PROBABILITY',
      `${String(path.at(-1))} must be a probability in [0, 1], got ${String(value)}`,
      {
        path,
        hint: 'error probabilities are per operation, e.g. 0.001 for 0.1 %',
      },
    );
  return value;
}

export function validateKnobs(
  knobs: StimNoiseKnobs,
  path: readonly (string | number)[] = ['noise'],
): StimNoiseKnobs {
  for (const name of KNOB_NAMES) checkProbability(knobs[name], [...path, name]);
  return knobs;
}

export function isStimNoiseKnobs(value: unknown): value is StimNoiseKnobs {
  return typeof value === 'object' && value !== null && KNOB_NAMES.every((k) => k in value);
}

/** The knobs as a noise model; instructions with probability 0 are left out, as Stim's generator does. */
export function knobsNoiseModel(knobs: StimNoiseKnobs): NoiseModel {
  const k = validateKnobs(knobs);
  return {
    afterReset: (basis, targets) => noiseOp(flipChannel(basis), k.afterResetFlipProbability, targets),
    afterGate1: (targets) => noiseOp('depolarize1', k.afterCliffordDepolarization, targets),
    afterGate2: (pairs) => noiseOp('depolarize2', k.afterCliffordDepolarization, pairs),
    beforeMeasure: (basis, targets) => noiseOp(flipChannel(basis), k.beforeMeasureFlipProbability, targets),
    beforeRound: (data) => noiseOp('depolarize1', k.beforeRoundDataDepolarization, data),
    idle: () => [],
  };
}
