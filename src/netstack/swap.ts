// Entanglement swapping at a repeater node: pairs A–B and B–C become one pair A–C. The node makes a
// Bell-state measurement (BSM) on its two qubits and tells A and C the two bits; the Pauli correction
// they imply is a frame update, so the pair exists at once but is usable only once the bits arrive.
import { depolarize } from '../state/belldiag-channels.js';
import type { BellDiagonal } from '../state/belldiag-state.js';
import { swap } from '../state/belldiag-swap.js';
import { QnetError } from '../util/errors.js';
import { agePair, type HeldPair, type MemoryOf, otherEnd, sharedNode } from './held-pair.js';
import { type LocalNoise, PERFECT_LOCAL_NOISE } from './local-noise.js';

/** Success probability of a BSM with linear optics and no ancillas. */
// Calsamiglia & Lütkenhaus, Appl. Phys. B 72, 67 (2001): a linear-optics BSM succeeds at most half the time.
export const LINEAR_OPTICS_BSM_SUCCESS = 0.5;

export interface SwapOptions {
  /** When the BSM starts; both pairs decohere in memory until then. */
  atPs: number;
  /**
   * Noise and durations of the BSM circuit at the swapping node: CNOT, H, two readouts (read in
   * parallel). Defaults to perfect, instantaneous operations.
   */
  noise?: Partial<LocalNoise>;
  /**
   * Probability that the BSM succeeds (default 1: a gate-based BSM on superconducting memories is
   * deterministic; use LINEAR_OPTICS_BSM_SUCCESS for photonic BSMs). Failure destroys both pairs.
   */
  bsmSuccessProbability?: number;
  /** One-way classical delay (ps) for the outcome from the swapping node to each outer node (default 0). */
  classicalDelayPs?: (from: string, to: string) => number;
  memoryOf?: MemoryOf;
}

export interface SwapResult {
  /** The swapping node. */
  node: string;
  /**
   * The outer pair given success: ends [outer end of left, outer end of right]. Its state refers to
   * `atPs`: the outer qubits idle through the BSM, which the next `agePair` accounts for.
   */
  pair: HeldPair;
  successProbability: number;
  /** When the BSM outcome is known at the swapping node. */
  measuredPs: number;
  /** When each outer node (in `pair.ends` order) learns the outcome and its Pauli frame. */
  learnedPs: readonly [number, number];
  /** When both outer nodes can use the pair. */
  readyPs: number;
}

/** The outer pair's state after a BSM with `noise` at the middle node (default noiseless). */
export function bsmSwap(
  left: BellDiagonal,
  right: BellDiagonal,
  noise: Partial<LocalNoise> = {},
): BellDiagonal {
  // The CNOT's depolarising and the readout flips are closed-form in belldiag's swap; the H on the
  // control adds a one-qubit depolarising, which shifts the outer pair's label like any Pauli on it.
  const state = swap(left, right, {
    gateDepolarizing: noise.gate2qDepolarizing ?? 0,
    measurementFlip: noise.measurementFlip ?? 0,
  });
  const p1 = noise.gate1qDepolarizing ?? 0;
  return p1 > 0 ? depolarize(state, p1) : state;
}

/** Swaps `left` (A–B) and `right` (B–C) at their common node B. */
export function swapPairs(left: HeldPair, right: HeldPair, options: SwapOptions): SwapResult {
  const node = sharedNode(left, right);
  const success = options.bsmSuccessProbability ?? 1;
  if (!(success > 0 && success <= 1)) {
    throw new QnetError('E_SWAP', `bsmSuccessProbability = ${success} must be in (0, 1]`, {
      path: ['bsmSuccessProbability'],
      hint: 'use 1 for a gate-based Bell measurement, 0.5 for linear optics',
    });
  }
  const noise = { ...PERFECT_LOCAL_NOISE, ...options.noise };
  const a = agePair(left, options.atPs, options.memoryOf);
  const b = agePair(right, options.atPs, options.memoryOf);
  const state = bsmSwap(a.state, b.state, noise);
  const ends = [otherEnd(left, node), otherEnd(right, node)] as const;
  const measuredPs = options.atPs + noise.gate2qPs + noise.gate1qPs + noise.readoutPs;
  const delay = options.classicalDelayPs ?? (() => 0);
  const learnedPs = [measuredPs + delay(node, ends[0]), measuredPs + delay(node, ends[1])] as const;
  return {
    node,
    pair: { ends, state, statePs: options.atPs },
    successProbability: success,
    measuredPs,
    learnedPs,
    readyPs: Math.max(...learnedPs),
  };
}
