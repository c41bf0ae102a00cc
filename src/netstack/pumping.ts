// Entanglement pumping: one kept pair is purified again and again with fresh pairs of the same kind.
// It needs only two memories per node, but its fidelity saturates at a fixed point below 1, and a
// failed round loses the kept pair too, so the cost in fresh pairs grows with every round.
import type { BellDiagonal } from '../state/belldiag-state.js';
import { QnetError } from '../util/errors.js';
import type { LocalNoise } from './local-noise.js';
import { type PurificationProtocol, purify } from './purify.js';

export interface PumpingStep {
  /** The kept pair after this many successful rounds. */
  state: BellDiagonal;
  /** Probability that this round succeeds (1 for step 0, the fresh pair itself). */
  successProbability: number;
  /** Expected fresh pairs consumed to hold a pair pumped this many times, restarting on failure. */
  expectedFreshPairs: number;
}

/** Steps 0..rounds of pumping `fresh` into itself (fresh pairs are all in state `fresh`). */
export function pump(
  fresh: BellDiagonal,
  rounds: number,
  protocol: PurificationProtocol,
  noise: Partial<LocalNoise> = {},
): PumpingStep[] {
  if (!(Number.isInteger(rounds) && rounds >= 0)) {
    throw new QnetError('E_PURIFY', `rounds = ${rounds} must be a whole number >= 0`, { path: ['rounds'] });
  }
  const steps: PumpingStep[] = [{ state: fresh, successProbability: 1, expectedFreshPairs: 1 }];
  for (let k = 1; k <= rounds; k++) {
    const prev = steps[k - 1]!;
    const r = purify(prev.state, fresh, protocol, noise);
    // Derived here (renewal): an attempt costs a (k−1)-pumped pair plus one fresh pair and succeeds with p_k.
    const expectedFreshPairs = (prev.expectedFreshPairs + 1) / r.successProbability;
    steps.push({ state: r.state, successProbability: r.successProbability, expectedFreshPairs });
  }
  return steps;
}

/** The state pumping converges to, by iterating until no weight moves by more than `tolerance`. */
export function pumpingFixedPoint(
  fresh: BellDiagonal,
  protocol: PurificationProtocol,
  noise: Partial<LocalNoise> = {},
  tolerance = 1e-14,
  maxRounds = 100_000,
): BellDiagonal {
  let state = fresh;
  for (let k = 0; k < maxRounds; k++) {
    const next = purify(state, fresh, protocol, noise).state;
    let moved = 0;
    for (let i = 0; i < 4; i++) moved = Math.max(moved, Math.abs(next[i]! - state[i]!));
    state = next;
    if (moved <= tolerance) return state;
  }
  throw new Error(`pumping did not converge in ${maxRounds} rounds`);
}

/** Closed-form fixed-point fidelity of noiseless BBPSSW pumping with fresh Werner pairs of fidelity f > 1/4. */
export function bbpsswPumpingFixedPoint(f: number): number {
  if (!(f > 0.25 && f <= 1)) {
    throw new QnetError('E_PURIFY', `fresh fidelity ${f} must be in (1/4, 1] for BBPSSW pumping`);
  }
  const q = (1 - f) / 3;
  // Derived here from BBPSSW with distinct pairs, F' = (F f + Q q)/(F f + F q + Q f + 5 Q q), Q = (1 − F)/3, set F' = F:
  // 2(f − q) F² + (6q − 2f) F − q = 0; the larger root is the attracting one.
  const a = 2 * (f - q);
  const b = 6 * q - 2 * f;
  return (-b + Math.sqrt(b * b + 4 * a * q)) / (2 * a);
}
