// Entanglement purification of two Bell-diagonal pairs into one, with the probability that both
// sides' parity measurements agree (the pair is kept). Pair `a` is the one kept (the CNOTs' control),
// pair `b` is measured. Both protocols take two different pairs; with a = b they reduce to the
// one-pair formulas of REFERENCES.md, which the tests check.
import { type BellDiagonal, PHI_MINUS, PHI_PLUS, PSI_MINUS, PSI_PLUS, werner } from './belldiag-state.js';

export interface PurificationResult {
  /** The kept pair, given success. Maximally mixed (and meaningless) when success is impossible. */
  state: BellDiagonal;
  successProbability: number;
}

const MIXED: BellDiagonal = [0.25, 0.25, 0.25, 0.25];

/**
 * DEJMPS (Deutsch et al., PRL 77, 2818, 1996): rotations Rx(π/2) ⊗ Rx(−π/2) on both pairs, bilateral
 * CNOT, keep on equal outcomes. Not twirled: the output is Bell-diagonal for Bell-diagonal inputs.
 */
export function dejmps(a: BellDiagonal, b: BellDiagonal = a): PurificationResult {
  const [A1, B1, C1, D1] = [a[PHI_PLUS], a[PSI_MINUS], a[PSI_PLUS], a[PHI_MINUS]];
  const [A2, B2, C2, D2] = [b[PHI_PLUS], b[PSI_MINUS], b[PSI_PLUS], b[PHI_MINUS]];
  // REFERENCES.md (Deutsch et al. 1996): A' = (A²+B²)/N, B' = 2CD/N, C' = (C²+D²)/N, D' = 2AB/N, N = (A+B)² + (C+D)², with one factor per pair.
  const n = (A1 + B1) * (A2 + B2) + (C1 + D1) * (C2 + D2);
  if (!(n > 0)) return { state: MIXED, successProbability: 0 };
  const A = (A1 * A2 + B1 * B2) / n;
  const B = (C1 * D2 + D1 * C2) / n;
  const C = (C1 * C2 + D1 * D2) / n;
  const D = (A1 * B2 + B1 * A2) / n;
  const state: BellDiagonal = [A, C, D, B];
  return { state, successProbability: n };
}

/**
 * BBPSSW (Bennett et al., PRL 76, 722, 1996): each pair is first twirled to the Werner state of its
 * fidelity, the bilateral CNOT and parity check follow, and the kept pair is twirled again.
 */
export function bbpssw(a: BellDiagonal, b: BellDiagonal = a): PurificationResult {
  const f1 = a[PHI_PLUS];
  const f2 = b[PHI_PLUS];
  const q1 = (1 - f1) / 3;
  const q2 = (1 - f2) / 3;
  // REFERENCES.md (Bennett et al. 1996, twirled): F' = (F² + ((1−F)/3)²)/N, N = F² + 2F(1−F)/3 + 5((1−F)/3)², with one factor per pair.
  const n = f1 * f2 + f1 * q2 + q1 * f2 + 5 * q1 * q2;
  if (!(n > 0)) return { state: MIXED, successProbability: 0 };
  return { state: werner(Math.min(1, (f1 * f2 + q1 * q2) / n)), successProbability: n };
}
