// Recurrence purification of two pairs joining the same two nodes, with the nodes' gate and readout
// noise. Works on Bell labels (x | z << 1, see belldiag-state.ts) rather than on belldiag's noiseless
// closed forms, because a noisy CNOT correlates the errors of the two pairs and a misread bit keeps
// pairs the parity check should have dropped: both are exact here, as label shifts and branches.
import { depolarize } from '../state/belldiag-channels.js';
import type { PurificationResult } from '../state/belldiag-purify.js';
import { type BellDiagonal, werner } from '../state/belldiag-state.js';
import { checkProbability } from '../state/density-channels.js';
import { QnetError } from '../util/errors.js';
import { agePair, type HeldPair, type MemoryOf, sameEnds } from './held-pair.js';
import { type LocalNoise, PERFECT_LOCAL_NOISE } from './local-noise.js';

export type PurificationProtocol = 'dejmps' | 'bbpssw';

const MIXED: BellDiagonal = [0.25, 0.25, 0.25, 0.25];

/** Distribution of the two label shifts (kept | measured << 2) one node's noisy CNOT causes. */
function cnotShifts(p: number): Float64Array<ArrayBuffer> {
  // A two-qubit Pauli P ⊗ Q on (kept, measured) shifts the kept label by P and the measured one by Q;
  // the 16 Paulis map one-to-one onto the 16 shift pairs, so DEPOLARIZE2 gives p/15 to each non-zero one.
  const d = new Float64Array(16).fill(p / 15);
  d[0] = 1 - p;
  return d;
}

function xorConvolve16(a: Float64Array, b: Float64Array): Float64Array<ArrayBuffer> {
  const out = new Float64Array(16);
  for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) out[i ^ j]! += a[i]! * b[j]!;
  return out;
}

/**
 * Purifies `kept` with `sacrificed` (both joining the same two nodes); `noise` is each node's.
 * DEJMPS: Rx(π/2) ⊗ Rx(−π/2) on both pairs, bilateral CNOT (kept pair controls), measure the
 * sacrificed pair in Z, keep when the two bits agree. BBPSSW: the same without rotations, on the
 * pairs twirled to Werner states (the twirl taken as noiseless), and the kept pair twirled again.
 * DEJMPS's kept pair is not rotated back: its weights are those of the rotated physical pair, as in
 * the DEJMPS recurrence. Noiseless, both equal belldiag's `dejmps` and `bbpssw`.
 */
export function purify(
  kept: BellDiagonal,
  sacrificed: BellDiagonal,
  protocol: PurificationProtocol,
  noise: Partial<LocalNoise> = {},
): PurificationResult {
  const all = { ...PERFECT_LOCAL_NOISE, ...noise };
  const p2 = all.gate2qDepolarizing;
  const p1 = all.gate1qDepolarizing;
  const q = all.measurementFlip;
  checkProbability(p2, 'gate2qDepolarizing');
  checkProbability(p1, 'gate1qDepolarizing');
  checkProbability(q, 'measurementFlip');
  let a = kept;
  let b = sacrificed;
  if (protocol === 'bbpssw') {
    // Bennett et al., PRL 76, 722 (1996): random bilateral rotations twirl each pair to its Werner state.
    a = werner(a[0]);
    b = werner(b[0]);
  } else {
    // Deutsch et al., PRL 77, 2818 (1996): the bilateral Rx rotations exchange Φ− and Ψ−.
    a = [a[0], a[1], a[3], a[2]];
    b = [b[0], b[1], b[3], b[2]];
    // Each of the four rotations' depolarising shifts its own pair's label.
    for (let k = 0; k < 2; k++) {
      a = depolarize(a, p1);
      b = depolarize(b, p1);
    }
  }
  let joint = new Float64Array(16);
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) joint[i | (j << 2)] = a[i]! * b[j]!;
  if (p2 > 0) {
    const node = cnotShifts(p2);
    joint = xorConvolve16(joint, xorConvolve16(node, node));
  }
  // Each node misreads its bit with probability q: the comparison is wrong when exactly one does.
  const flip = 2 * q * (1 - q);
  const out = [0, 0, 0, 0];
  for (let l = 0; l < 16; l++) {
    const x1 = l & 1;
    const z1 = (l >> 1) & 1;
    const x2 = (l >> 2) & 1;
    const z2 = l >> 3;
    // Bennett et al., PRA 54, 3824 (1996): a bilateral CNOT maps (x1, z1), (x2, z2) to (x1, z1⊕z2), (x1⊕x2, z2).
    const agree = (x1 ^ x2) === 0;
    out[x1 | ((z1 ^ z2) << 1)]! += joint[l]! * (agree ? 1 - flip : flip);
  }
  const n = out[0]! + out[1]! + out[2]! + out[3]!;
  if (!(n > 0)) return { state: MIXED, successProbability: 0 };
  const state: BellDiagonal = [out[0]! / n, out[1]! / n, out[2]! / n, out[3]! / n];
  return { state: protocol === 'bbpssw' ? werner(Math.min(1, state[0])) : state, successProbability: n };
}

export interface PurifyPairsOptions {
  /** When the local operations start; both pairs decohere in memory until then. */
  atPs: number;
  protocol: PurificationProtocol;
  /** Each node's local-operation noise and durations (default: perfect and instantaneous). */
  noise?: Partial<LocalNoise>;
  /** One-way classical delay (ps) between the two nodes (default 0). */
  classicalDelayPs?: number;
  memoryOf?: MemoryOf;
}

export interface PurifyPairsResult {
  /** The kept pair given success; its state refers to `atPs` (the next `agePair` adds the wait). */
  pair: HeldPair;
  successProbability: number;
  /**
   * When both nodes know whether to keep the pair. Each sends its bit as soon as it has measured, so
   * one one-way delay after the measurements both have both bits: the exchange costs half a round trip.
   */
  decidedPs: number;
}

/** Purifies held pair `kept` with `sacrificed` at `atPs`, with memory decay up to then. */
export function purifyPairs(
  kept: HeldPair,
  sacrificed: HeldPair,
  options: PurifyPairsOptions,
): PurifyPairsResult {
  if (!sameEnds(kept, sacrificed)) {
    throw new QnetError(
      'E_PAIR_ENDS',
      `cannot purify ${kept.ends.join('–')} with ${sacrificed.ends.join('–')}: pairs must join the same nodes`,
    );
  }
  const noise = { ...PERFECT_LOCAL_NOISE, ...options.noise };
  const a = agePair(kept, options.atPs, options.memoryOf);
  const b = agePair(sacrificed, options.atPs, options.memoryOf);
  const r = purify(a.state, b.state, options.protocol, noise);
  const rotationPs = options.protocol === 'dejmps' ? noise.gate1qPs : 0;
  const measuredPs = options.atPs + rotationPs + noise.gate2qPs + noise.readoutPs;
  return {
    pair: { ends: kept.ends, state: r.state, statePs: options.atPs },
    successProbability: r.successProbability,
    decidedPs: measuredPs + (options.classicalDelayPs ?? 0),
  };
}
