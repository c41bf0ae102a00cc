// A repeater chain of N segments in discrete time (one step = one generation attempt on every
// segment). PROTOCOL, the one Brand, Coopmans and Elkouss's closed form describes: every segment
// retries until it holds a pair, then keeps it; once all N segments hold pairs, every repeater swaps
// (deterministically, instantly), so the end-to-end pair exists at T = max of N geometric variables.
// With deterministic swaps the nesting order does not change T, nor, without memory decay, the state
// (swapping XOR-convolves labels: associative and commutative), so N need not be a power of two.
// With decay, every qubit here idles until T: more than where repeaters swap as soon as they can.
// Optional CUTOFF c (our extension, no closed form here): a pair older than c steps is discarded
// and its segment starts again; the chain completes at the first step all pairs are at most c old.
import type { CoherenceTimes } from '../hardware/qpu.js';
import { type BellDiagonal, bellState } from '../state/belldiag-state.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { RunningStats } from '../util/stats.js';
import { idlePair } from './held-pair.js';
import type { LocalNoise } from './local-noise.js';
import { bsmSwap } from './swap.js';

export interface ChainProtocol {
  /** Number of segments N (the Brand et al. setting has N = 2^n; any N >= 1 works here). */
  segments: number;
  /** Probability that one attempt on one segment heralds a pair. */
  successProbability: number;
  /** Largest age, in attempts, a pair may reach before the swaps (default: no cutoff). */
  cutoffAttempts?: number;
}

function checkProtocol(p: ChainProtocol): void {
  if (!(Number.isInteger(p.segments) && p.segments >= 1)) {
    throw new QnetError('E_CHAIN', `segments = ${p.segments} must be a whole number >= 1`, {
      path: ['segments'],
    });
  }
  if (!(p.successProbability > 0 && p.successProbability <= 1)) {
    throw new QnetError('E_CHAIN', `successProbability = ${p.successProbability} must be in (0, 1]`, {
      path: ['successProbability'],
    });
  }
  const c = p.cutoffAttempts;
  if (c !== undefined && !(c === Number.POSITIVE_INFINITY || (Number.isInteger(c) && c >= 0))) {
    throw new QnetError('E_CHAIN', `cutoffAttempts = ${c} must be a whole number >= 0`, {
      path: ['cutoffAttempts'],
    });
  }
}

/** Mean completion time, in attempts, without cutoff. */
export function expectedChainAttempts(segments: number, successProbability: number): number {
  checkProtocol({ segments, successProbability });
  const q = 1 - successProbability;
  if (segments <= 20) {
    // Brand, Coopmans, Elkouss, IEEE JSAC 38, 619 (2020): E[T] = Σ_{k=1..N} (−1)^{k+1} C(N,k) / (1 − (1−p)^k).
    let sum = 0;
    let binomial = 1;
    for (let k = 1; k <= segments; k++) {
      binomial = (binomial * (segments - k + 1)) / k;
      sum += ((k % 2 === 1 ? 1 : -1) * binomial) / -Math.expm1(k * Math.log1p(-successProbability));
    }
    return sum;
  }
  // The same mean as Σ_{t>=0} P(T > t) = Σ_t 1 − (1 − q^t)^N, free of the alternating sum's cancellation.
  let sum = 0;
  for (let t = 0; ; t++) {
    const term = -Math.expm1(segments * Math.log1p(-(q ** t)));
    sum += term;
    if (term < 1e-17 * sum) return sum;
  }
}

/**
 * Draws one run: returns the completion step T (attempts, counting from 1) and writes into
 * `generatedAt[i]` the step at which segment i's final pair was heralded (its age at T is T − that).
 */
export function sampleChainAttempts(protocol: ChainProtocol, rng: Rng, generatedAt?: Float64Array): number {
  checkProtocol(protocol);
  const n = protocol.segments;
  const p = protocol.successProbability;
  const cutoff = protocol.cutoffAttempts ?? Number.POSITIVE_INFINITY;
  const at = generatedAt ?? new Float64Array(n);
  if (at.length < n) throw new Error(`generatedAt holds ${at.length} entries for ${n} segments`);
  let last = 0;
  // Each segment's first herald comes after a geometric number of failed attempts.
  for (let i = 0; i < n; i++) {
    at[i] = 1 + rng.geometric(p);
    if (at[i]! > last) last = at[i]!;
  }
  if (cutoff === Number.POSITIVE_INFINITY) return last;
  // No step before `last` can complete; a pair older than the cutoff at `last` expired after step
  // at + cutoff, so its segment cannot hold a pair until its next herald: retry from there.
  for (;;) {
    let expired = false;
    for (let i = 0; i < n; i++) {
      if (last - at[i]! > cutoff) {
        at[i] = at[i]! + cutoff + 1 + rng.geometric(p);
        expired = true;
      }
    }
    if (!expired) return last;
    for (let i = 0; i < n; i++) if (at[i]! > last) last = at[i]!;
  }
}

export interface ChainPhysics {
  /** State of each segment's pair when heralded: one for all, or one per segment (default Φ+). */
  linkStates?: BellDiagonal | readonly BellDiagonal[];
  /** Duration of one attempt, ps: how long a pair idles per step it waits. */
  attemptPs?: number;
  /** Memory of every node (default perfect). */
  memory?: CoherenceTimes;
  /** Noise of the Bell measurements at the repeaters. */
  swapNoise?: Partial<LocalNoise>;
}

/** The end-to-end state after segment i's pair (both qubits) waited `waits[i]` ps, then all swaps. */
export function chainState(
  links: readonly BellDiagonal[],
  waitsPs: ArrayLike<number>,
  physics: Pick<ChainPhysics, 'memory' | 'swapNoise'> = {},
): BellDiagonal {
  const { memory, swapNoise } = physics;
  let out: BellDiagonal | undefined;
  for (let i = 0; i < links.length; i++) {
    let s = links[i]!;
    const wait = waitsPs[i] ?? 0;
    if (memory && wait > 0) s = idlePair(s, wait, memory, memory);
    out = out === undefined ? s : bsmSwap(out, s, swapNoise);
  }
  if (out === undefined) throw new QnetError('E_CHAIN', 'a chain needs at least one segment');
  return out;
}

export interface ChainRunResult {
  samples: number;
  meanAttempts: number;
  /** Standard error of meanAttempts. */
  stdErrAttempts: number;
  /** The delivered state averaged over runs (what a user who ignores the pair's age receives). */
  meanState: BellDiagonal;
  meanFidelity: number;
  stdErrFidelity: number;
}

/** Monte-Carlo over `samples` independent runs of the chain. */
export function simulateRepeaterChain(
  protocol: ChainProtocol,
  samples: number,
  rng: Rng,
  physics: ChainPhysics = {},
): ChainRunResult {
  checkProtocol(protocol);
  if (!(Number.isInteger(samples) && samples >= 1)) {
    throw new QnetError('E_CHAIN', `samples = ${samples} must be a whole number >= 1`, { path: ['samples'] });
  }
  const n = protocol.segments;
  const given = physics.linkStates ?? bellState(0);
  const links = isStateList(given) ? given : Array.from({ length: n }, () => given);
  if (links.length !== n) {
    throw new QnetError('E_CHAIN', `linkStates has ${links.length} states for ${n} segments`, {
      path: ['linkStates'],
    });
  }
  const attemptPs = physics.attemptPs ?? 0;
  const decays = physics.memory !== undefined && attemptPs > 0;
  const at = new Float64Array(n);
  const waits = new Float64Array(n);
  const attempts = new RunningStats();
  const fidelity = new RunningStats();
  const sumState = [0, 0, 0, 0];
  const still = decays ? undefined : chainState(links, waits, physics);
  for (let s = 0; s < samples; s++) {
    const t = sampleChainAttempts(protocol, rng, at);
    attempts.add(t);
    let state = still;
    if (state === undefined) {
      for (let i = 0; i < n; i++) waits[i] = (t - at[i]!) * attemptPs;
      state = chainState(links, waits, physics);
    }
    for (let l = 0; l < 4; l++) sumState[l]! += state[l]!;
    fidelity.add(state[0]);
  }
  return {
    samples,
    meanAttempts: attempts.mean,
    stdErrAttempts: attempts.stdErr,
    meanState: [
      sumState[0]! / samples,
      sumState[1]! / samples,
      sumState[2]! / samples,
      sumState[3]! / samples,
    ],
    meanFidelity: fidelity.mean,
    stdErrFidelity: fidelity.stdErr,
  };
}

const isStateList = (x: BellDiagonal | readonly BellDiagonal[]): x is readonly BellDiagonal[] =>
  typeof x[0] !== 'number';
