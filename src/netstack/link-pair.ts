// A pair delivered by an entanglement link, and how its state decays while its two qubits wait in
// their memories. Each qubit waits from its own start (a station scheme's qubit from its emission, a
// midpoint-source qubit from its absorption) under T1/T2 decay (amplitude damping, then dephasing).
// The state is kept Bell-diagonal: its weights are the Bell-basis diagonal of the true decayed state
// (what a final bilateral twirl would leave), computed exactly from the heralded (twirled) state and
// the whole storage time of each qubit — never by chaining short decays, which would twirl in between.
import type { CoherenceTimes } from '../hardware/qpu.js';
import { idle } from '../state/belldiag-channels.js';
import { type BellDiagonal, bellDiagonalMatrix } from '../state/belldiag-state.js';
import type { CMatrix } from '../util/complex-matrix.js';
import { PS_PER_US } from '../util/units.js';

/** A Bell pair made by a link; structurally a HeldPair (ends, state, statePs) for swapping and purifying. */
export interface EntangledPair {
  /** Unique within its link, in order of creation. */
  readonly id: number;
  readonly link: string;
  /** The nodes holding qubit 0 and qubit 1 of the pair. */
  readonly ends: readonly [string, string];
  /** Which pair of communication qubits holds it (0 .. slots−1). */
  readonly slot: number;
  /** Station tick of the successful attempt, ps. */
  readonly createdPs: number;
  /** When each end's qubit started waiting in memory, ps. */
  readonly storedSincePs: readonly [number, number];
  /** When each end learned of the pair (its herald arrived), ps. */
  readonly readyPs: readonly [number, number];
  /** When both ends know the pair: it is usable from then on, ps. */
  readonly heraldedPs: number;
  /** The pair is discarded at this time unless taken before, ps (Infinity: no cutoff). */
  readonly deadlinePs: number;
  /** The heralded state before any memory decay (twirled, target Φ+). */
  readonly heraldState: BellDiagonal;
  /** The state at `statePs`. */
  readonly state: BellDiagonal;
  readonly statePs: number;
}

/**
 * Bell weights of a Bell-diagonal pair after qubit 0 waited `waitAPs` in `memoryA` and qubit 1
 * `waitBPs` in `memoryB`: each qubit's Pauli-twirled decay (state/belldiag-channels `idle`, exact for
 * one qubit, Ghosh et al. PRA 86, 062318, 2012) plus the γA·γB/4 that joint relaxation of |11⟩ to
 * |00⟩ moves from Ψ± back to Φ±, which separate twirls drop (derived here: damping maps II to
 * II + γA·ZI + γB·IZ + γAγB·ZZ, so the ZZ correlation gains γAγB; as in held-pair.ts).
 */
export function storedPairState(
  state: BellDiagonal,
  waitAPs: number,
  memoryA: CoherenceTimes,
  waitBPs: number,
  memoryB: CoherenceTimes,
): BellDiagonal {
  const t1A = memoryA.t1Us * PS_PER_US;
  const t1B = memoryB.t1Us * PS_PER_US;
  let out = idle(state, waitAPs, t1A, memoryA.t2Us * PS_PER_US);
  out = idle(out, waitBPs, t1B, memoryB.t2Us * PS_PER_US);
  const d = (-Math.expm1(-waitAPs / t1A) * -Math.expm1(-waitBPs / t1B)) / 4;
  if (d === 0) return out;
  return [out[0] + d, Math.max(0, out[1] - d), out[2] + d, Math.max(0, out[3] - d)];
}

/** The pair's state at `tPs` (not before either qubit was stored), from its herald state. */
export function pairStateAt(
  pair: Pick<EntangledPair, 'heraldState' | 'storedSincePs'>,
  memories: readonly [CoherenceTimes, CoherenceTimes],
  tPs: number,
): BellDiagonal {
  const [sa, sb] = pair.storedSincePs;
  if (!(tPs >= sa && tPs >= sb)) throw new Error(`pairStateAt: ${tPs} ps is before the pair was stored`);
  return storedPairState(pair.heraldState, tPs - sa, memories[0], tPs - sb, memories[1]);
}

/** The 4×4 density matrix of the pair's state (qubit 0 at ends[0]). */
export const pairDensityMatrix = (pair: Pick<EntangledPair, 'state'>): CMatrix =>
  bellDiagonalMatrix(pair.state);
