// Entanglement swapping of two Bell-diagonal pairs A–B1 and B2–C: a Bell measurement on B1, B2
// (CNOT B1→B2, H on B1, measure both in Z) and the Pauli correction X^{m(B2)} Z^{m(B1)} on C.
// Labels add: the A–C pair carries label l1 XOR l2, plus whatever the noise below adds.
import { QnetError } from '../util/errors.js';
import { type BellDiagonal, xorConvolve } from './belldiag-state.js';
import { checkProbability } from './density-channels.js';

export interface SwapNoise {
  /**
   * Two-qubit depolarising probability of the Bell measurement's CNOT (Stim's DEPOLARIZE2: each of
   * the 15 non-identity Paulis with probability p/15). The channel commutes with every unitary, so
   * it does not matter whether it acts before or after the CNOT.
   */
  gateDepolarizing?: number;
  /** Probability that each of the two measured bits is read wrong (independently). */
  measurementFlip?: number;
}

/** The A–C pair after swapping A–B1 (`left`) with B2–C (`right`). */
export function swap(left: BellDiagonal, right: BellDiagonal, noise: SwapNoise = {}): BellDiagonal {
  // REFERENCES.md, Swapping and purification: ideal swapping XOR-convolves the two distributions.
  let out = xorConvolve(left, right);
  const p = noise.gateDepolarizing ?? 0;
  const q = noise.measurementFlip ?? 0;
  checkProbability(p, 'gateDepolarizing');
  checkProbability(q, 'measurementFlip');
  if (p > 0) {
    // P on B1 and Q on B2 shift the labels of their pairs, so the A–C label by P XOR Q: of the 15
    // errors, XX, YY, ZZ shift by nothing and each non-zero shift has 4 pairs (P, Q) with P ⊕ Q = s.
    const s = (4 * p) / 15;
    out = xorConvolve(out, [1 - 3 * s, s, s, s]);
  }
  if (q > 0) {
    // A wrong m(B1) applies a wrong Z on C (shift z), a wrong m(B2) a wrong X (shift x).
    out = xorConvolve(out, [(1 - q) * (1 - q), q * (1 - q), q * (1 - q), q * q]);
  }
  return out;
}

/** Swaps along a chain of pairs, left to right: pair k joins node k and node k + 1. */
export function swapChain(pairs: readonly BellDiagonal[], noise: SwapNoise = {}): BellDiagonal {
  const [first, ...rest] = pairs;
  if (!first) throw new QnetError('E_STATE', 'swapChain needs at least one pair');
  return rest.reduce((acc, pair) => swap(acc, pair, noise), first);
}
