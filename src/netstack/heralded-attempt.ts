// One attempt of a heralded entanglement link through a linear-optics station, exactly for the model
// below, and a sampler of the same model for Monte-Carlo checks.
//
// Model. Each node holds a spin entangled with a photon; the photon reaches the station's beam
// splitter with probability eta (transducer, fibre, switch and detector efficiency of that arm) and
// is otherwise lost to the environment (which then knows the spin). The station has two detectors
// without photon-number resolution, each with dark-count probability pDark per window. Two photons
// meeting at the beam splitter bunch (one click) with probability (1 + V)/2, V the two-photon (HOM)
// visibility; one photon's which-path coherence is |<phiA|phiB>| = sqrt(V). An attempt succeeds when
// exactly one detector clicks (single-click) or exactly one clicks in each of two rounds with the
// spins flipped in between (Barrett-Kok double-click). The heralded state is twirled to Bell-diagonal
// form and corrected so that the target is Phi+.
import { type BellDiagonal, bellDiagonal } from '../state/belldiag-state.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';

export type HeraldedProtocol = 'single-click' | 'double-click' | 'midpoint-source';

export interface AttemptParams {
  /** Per-arm efficiency: probability a photon leaving the node is detected at the station. */
  etaA: number;
  etaB: number;
  /** Two-photon (HOM) visibility of the photons from the two nodes, in [0, 1]. */
  visibility: number;
  /** Dark-count probability of each detector per detection window. */
  pDark: number;
  /** Single-click only: population of the bright (photon-emitting) spin state. */
  alpha?: number;
  /** Midpoint source only: mean number of photon pairs per attempt (thermal statistics). */
  meanPairs?: number;
}

export interface AttemptOutcome {
  successProbability: number;
  /** Heralded pair, Bell-diagonal with Phi+ the target (undefined when success is impossible). */
  state: BellDiagonal | undefined;
}

/** Spin populations and the up-down coherence of a heralded (unnormalised) two-spin state. */
interface SpinWeights {
  upUp: number;
  downDown: number;
  upDown: number;
  downUp: number;
  coherence: number;
}

const zero = (): SpinWeights => ({ upUp: 0, downDown: 0, upDown: 0, downUp: 0, coherence: 0 });

/** Twirl and correct: Psi+ (the ideal herald, up to a local Z) becomes Phi+ by a local X. */
function toBellDiagonal(w: SpinWeights, total: number): BellDiagonal {
  const psiPlus = ((w.upDown + w.downUp) / 2 + w.coherence) / total;
  const psiMinus = ((w.upDown + w.downUp) / 2 - w.coherence) / total;
  const phi = (w.upUp + w.downDown) / 2 / total;
  return bellDiagonal([psiPlus, phi, psiMinus, phi]);
}

export function checkAttemptParams(p: AttemptParams, protocol: HeraldedProtocol): void {
  const unit: [string, number | undefined][] = [
    ['etaA', p.etaA],
    ['etaB', p.etaB],
    ['visibility', p.visibility],
    ['pDark', p.pDark],
  ];
  if (protocol === 'single-click') unit.push(['alpha', p.alpha]);
  if (
    protocol === 'midpoint-source' &&
    !(p.meanPairs !== undefined && p.meanPairs > 0 && Number.isFinite(p.meanPairs))
  ) {
    throw new QnetError('E_LINK_PARAM', `meanPairs must be a positive number, got ${p.meanPairs}`, {
      path: ['meanPairs'],
    });
  }
  for (const [field, v] of unit) {
    if (v === undefined || !(v >= 0 && v <= 1)) {
      throw new QnetError('E_LINK_PARAM', `${field} must be a probability in [0, 1], got ${v}`, {
        path: [field],
      });
    }
  }
}

/** Single-click: exact success probability and heralded state for the model in the header. */
export function singleClickAttempt(p: AttemptParams): AttemptOutcome {
  checkAttemptParams(p, 'single-click');
  const a = p.alpha!;
  const { etaA, etaB, visibility: V, pDark: d } = p;
  const w = zero();
  // One photon reaches the beam splitter: one detector clicks unless the other darks.
  const one = 1 - d;
  const coherentA = a * etaA * (1 - a) * one;
  const coherentB = a * etaB * (1 - a) * one;
  w.upDown += coherentA;
  w.downUp += coherentB;
  // Which-path coherence: Barrett & Kok / Cabrillo et al. single-photon interference, reduced by sqrt(V).
  w.coherence += Math.sqrt(coherentA * coherentB * V);
  // One photon arrives while the other was emitted and lost: both spins up.
  w.upUp += a * etaA * a * (1 - etaB) * one + a * (1 - etaA) * a * etaB * one;
  // Both photons arrive and bunch into one detector.
  w.upUp += a * etaA * a * etaB * ((1 + V) / 2) * one;
  // No photon arrives and exactly one detector darks.
  const dark = 2 * d * (1 - d);
  const nA = [1 - a, a * (1 - etaA)]; // spin down (no photon), spin up (photon lost)
  const nB = [1 - a, a * (1 - etaB)];
  w.downDown += dark * nA[0]! * nB[0]!;
  w.downUp += dark * nA[0]! * nB[1]!;
  w.upDown += dark * nA[1]! * nB[0]!;
  w.upUp += dark * nA[1]! * nB[1]!;
  const total = w.upUp + w.downDown + w.upDown + w.downUp;
  return { successProbability: total, state: total > 0 ? toBellDiagonal(w, total) : undefined };
}

/** Probability that a round gives exactly one click when `photons` photons reach the beam splitter. */
function oneClick(photons: number, V: number, d: number): number {
  if (photons === 0) return 2 * d * (1 - d);
  if (photons === 1) return 1 - d;
  return ((1 + V) / 2) * (1 - d);
}

/**
 * Barrett-Kok double-click (PRA 71, 060310, 2005): spins start in (|up> + |down>)/sqrt(2), a photon
 * is emitted only from |up>, the spins are flipped between the two rounds.
 */
export function doubleClickAttempt(p: AttemptParams): AttemptOutcome {
  checkAttemptParams(p, 'double-click');
  const { etaA, etaB, visibility: V, pDark: d } = p;
  const w = zero();
  // P(photon from an up spin reaches the beam splitter) per node; down spins emit nothing.
  const arrive = (up: boolean, eta: number): [number, number][] =>
    up
      ? [
          [1, eta],
          [0, 1 - eta],
        ]
      : [[0, 1]];
  for (const [aUp, bUp] of [
    [true, false],
    [false, true],
    [true, true],
    [false, false],
  ] as const) {
    let weight = 0;
    // Round 1 with the initial spins, round 2 with both flipped.
    for (const [a1, pa1] of arrive(aUp, etaA))
      for (const [b1, pb1] of arrive(bUp, etaB))
        for (const [a2, pa2] of arrive(!aUp, etaA))
          for (const [b2, pb2] of arrive(!bUp, etaB))
            weight += pa1 * pb1 * pa2 * pb2 * oneClick(a1 + b1, V, d) * oneClick(a2 + b2, V, d);
    weight /= 4;
    // The spins end flipped; after the final flip back they are as they started.
    if (aUp && !bUp) w.upDown += weight;
    else if (!aUp && bUp) w.downUp += weight;
    else if (aUp && bUp) w.upUp += weight;
    else w.downDown += weight;
  }
  // Coherence joins the two single-emitter branches only where both rounds detected the real photon
  // (a lost photon leaves which-path information); each round's overlap sqrt(V) gives V in all.
  w.coherence = ((etaA * etaB * (1 - d) ** 2) / 4) * V;
  const total = w.upUp + w.downDown + w.upDown + w.downUp;
  return { successProbability: total, state: total > 0 ? toBellDiagonal(w, total) : undefined };
}

/**
 * Midpoint source: a pair source at the station emits n photon pairs with thermal probability
 * mu^n / (1 + mu)^(n+1) (SPDC, one mode); each photon of a pair is absorbed by its node's memory with
 * the arm efficiency and the absorption is heralded without photon-number resolution. One absorbed
 * pair gives the source's Bell state with coherence V; two or more pairs leave the memories in a
 * mixture with no Bell coherence (fidelity 1/4 after twirling). Dark heralds are pDark per node.
 */
export function midpointSourceAttempt(p: AttemptParams): AttemptOutcome {
  checkAttemptParams(p, 'midpoint-source');
  const mu = p.meanPairs!;
  const { etaA, etaB, visibility: V, pDark: d } = p;
  // P(node heralds | n photons sent to it) = 1 - (1 - eta)^n (1 - d).
  const herald = (eta: number, n: number) => 1 - (1 - eta) ** n * (1 - d);
  let good = 0;
  let mixed = 0;
  let pn = 1 / (1 + mu);
  for (let n = 0; n < 10_000 && (n < 2 || pn > 1e-18); n++, pn *= mu / (1 + mu)) {
    const both = herald(etaA, n) * herald(etaB, n);
    if (n === 1) {
      // Both photons absorbed (not a dark herald on either side): the pair itself.
      const real = etaA * etaB;
      good += pn * real;
      mixed += pn * (both - real);
    } else mixed += pn * both;
  }
  const total = good + mixed;
  if (total <= 0) return { successProbability: 0, state: undefined };
  // Twirled: the pair is Phi+ with coherence V (Bell weight (1 + V)/2, the rest on Phi-); mixtures 1/4 each.
  const phiPlus = (good * (1 + V)) / 2 + mixed / 4;
  const phiMinus = (good * (1 - V)) / 2 + mixed / 4;
  return {
    successProbability: total,
    state: bellDiagonal([phiPlus / total, mixed / 4 / total, phiMinus / total, mixed / 4 / total]),
  };
}

export function attemptOutcome(protocol: HeraldedProtocol, p: AttemptParams): AttemptOutcome {
  if (protocol === 'single-click') return singleClickAttempt(p);
  if (protocol === 'double-click') return doubleClickAttempt(p);
  return midpointSourceAttempt(p);
}

/**
 * Samples one single-click attempt of the model photon by photon. Returns undefined on failure, else
 * the fidelity of the heralded class with the target (which-path coherent events carry the
 * coherence of their pair of branches; the others are incoherent).
 */
export function sampleSingleClick(p: AttemptParams, rng: Rng): number | undefined {
  const a = p.alpha!;
  const node = (eta: number): 'down' | 'arrive' | 'lost' =>
    rng.next() >= a ? 'down' : rng.next() < eta ? 'arrive' : 'lost';
  const A = node(p.etaA);
  const B = node(p.etaB);
  const photons = (A === 'arrive' ? 1 : 0) + (B === 'arrive' ? 1 : 0);
  const clicks = [rng.next() < p.pDark, rng.next() < p.pDark];
  if (photons === 1) clicks[rng.int(2)] = true;
  if (photons === 2) {
    if (rng.next() < (1 + p.visibility) / 2) clicks[rng.int(2)] = true;
    else clicks[0] = clicks[1] = true;
  }
  if ((clicks[0] ? 1 : 0) + (clicks[1] ? 1 : 0) !== 1) return undefined;
  const spinA = A === 'down' ? 0 : 1;
  const spinB = B === 'down' ? 0 : 1;
  if (spinA === spinB) return 0;
  if (photons === 1 && (A === 'down' || B === 'down')) {
    // Coherent branch pair: F = 1/2 + coherence / (p + q) with coherence sqrt(pq V).
    return 0.5 + Math.sqrt(p.etaA * p.etaB * p.visibility) / (p.etaA + p.etaB);
  }
  return 0.5;
}
