// A Bell pair held in two memories, with the time its state refers to. Pairs age lazily: the state
// is brought forward only when an operation needs it, so a pair idling for a long time costs nothing
// until it is used, and every operation sees the decoherence of exactly the time that passed.
import type { CoherenceTimes } from '../hardware/qpu.js';
import { idle } from '../state/belldiag-channels.js';
import type { BellDiagonal } from '../state/belldiag-state.js';
import { QnetError } from '../util/errors.js';
import { PS_PER_US } from '../util/units.js';

export interface HeldPair {
  /** The two nodes holding the qubits. Bell-diagonal states are symmetric, so the order is free. */
  readonly ends: readonly [string, string];
  readonly state: BellDiagonal;
  /**
   * Time (ps) at which `state` describes the pair. For a link-layer pair whose state already includes
   * the memory decay up to its herald, this is its `heraldedPs`.
   */
  readonly statePs: number;
}

/** The memory a node stores its qubits in; undefined means a perfect memory. */
export type MemoryOf = (node: string) => CoherenceTimes | undefined;

/**
 * A Bell-diagonal pair after both qubits idle for `waitPs`, each in its memory (undefined: perfect),
 * projected back onto the Bell-diagonal states. Twirling each qubit's decay separately (belldiag's
 * `idle`) would drop the γA·γB/4 that joint relaxation of |11⟩ to |00⟩ returns to Φ±.
 */
export function idlePair(
  state: BellDiagonal,
  waitPs: number,
  memoryA: CoherenceTimes | undefined,
  memoryB: CoherenceTimes | undefined,
): BellDiagonal {
  if (waitPs === 0) return state;
  let out = state;
  for (const m of [memoryA, memoryB]) if (m) out = idle(out, waitPs, m.t1Us * PS_PER_US, m.t2Us * PS_PER_US);
  if (!memoryA || !memoryB) return out;
  const gA = -Math.expm1(-waitPs / (memoryA.t1Us * PS_PER_US));
  const gB = -Math.expm1(-waitPs / (memoryB.t1Us * PS_PER_US));
  // Derived here: with ρ = (II + Σ t_k σ_k σ_k)/4, damping maps II → II + γA·ZI + γB·IZ + γAγB·ZZ, so
  // the Bell-diagonal part gains γAγB on t_z, i.e. γAγB/4 moves from Ψ± to Φ± (checked against
  // hardware's storedPairFidelityBothStored in the tests).
  const d = (gA * gB) / 4;
  return [out[0] + d, Math.max(0, out[1] - d), out[2] + d, Math.max(0, out[3] - d)];
}

/** The pair's state at `nowPs`: both qubits idle in their nodes' memories since `statePs`. */
export function agePair(pair: HeldPair, nowPs: number, memoryOf?: MemoryOf): HeldPair {
  const waitPs = nowPs - pair.statePs;
  if (!(waitPs >= 0)) {
    throw new QnetError(
      'E_PAIR_TIME',
      `pair ${pair.ends[0]}–${pair.ends[1]} is described at ${pair.statePs} ps, after the requested ${nowPs} ps`,
      { hint: 'operate on a pair only at or after the time its state refers to' },
    );
  }
  const state =
    waitPs > 0 && memoryOf
      ? idlePair(pair.state, waitPs, memoryOf(pair.ends[0]), memoryOf(pair.ends[1]))
      : pair.state;
  return { ends: pair.ends, state, statePs: nowPs };
}

/** The node both pairs hold a qubit at; a QnetError unless there is exactly one. */
export function sharedNode(left: HeldPair, right: HeldPair): string {
  const shared = left.ends.filter((n) => right.ends.includes(n));
  if (shared.length !== 1 || left.ends[0] === left.ends[1] || right.ends[0] === right.ends[1]) {
    throw new QnetError(
      'E_PAIR_ENDS',
      `pairs ${left.ends.join('–')} and ${right.ends.join('–')} do not meet at exactly one node`,
      { hint: 'swap two pairs A–B and B–C at their common node B' },
    );
  }
  return shared[0]!;
}

/** The end of `pair` that is not `node`. */
export const otherEnd = (pair: HeldPair, node: string): string =>
  pair.ends[0] === node ? pair.ends[1] : pair.ends[0];

/** True when both pairs join the same two nodes (in either order). */
export const sameEnds = (a: HeldPair, b: HeldPair): boolean =>
  (a.ends[0] === b.ends[0] && a.ends[1] === b.ends[1]) ||
  (a.ends[0] === b.ends[1] && a.ends[1] === b.ends[0]);
