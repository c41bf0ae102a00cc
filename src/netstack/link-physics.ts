// One attempt of a heralded link, exact for the model simulated here: the probability that the
// attempt is heralded a success and the pair it leaves, twirled to Bell-diagonal form and corrected so
// that Φ+ is the target. The Monte-Carlo sampler of the same model (link-attempt-mc.test-helper.ts)
// draws photons, losses, clicks and dark counts one by one; the tests check the two agree and that
// these formulas reduce to REFERENCES.md's closed forms in their limits.
//
// STATION SCHEMES (single-click, Barrett–Kok double-click). Each end X holds a qubit whose |1⟩
// ("bright") state emits one photon per round into its arm; the photon reaches the station's 50:50
// beam splitter and is detected with probability η_X (transducer × fibre × switches × detector ×
// window: lost photons go to the environment, which then knows the qubit was bright). The beam
// splitter maps a → (c + d)/√2, b → (c − d)/√2 onto two threshold detectors (no photon-number
// resolution). Photon B's wavepacket overlaps photon A's by an amplitude o (o² = V, the two-photon
// HOM visibility; averaged over timing jitter o and V are averaged separately, see link-visibility.ts):
// one photon from either end keeps the which-end coherence o, two photons bunch into one detector
// with probability (1 + V)/2. Background clicks, independent of the signal: a dark count at each
// detector with probability p_dark per window, and a transducer noise photon from end X reaching the
// station with probability n_X, going to either detector with probability 1/2. A round succeeds when
// exactly one detector clicks. The heralded state is Ψ± (which detector fixes the sign, corrected by a
// Z); a local X then makes the target Φ+.
//
// MIDPOINT SOURCE. A photon-pair source at the station emits n pairs per attempt (thermal or Poisson
// statistics, mean μ). Each photon of each pair reaches and is absorbed by its end's memory
// independently with probability η_X (source heralding efficiency × fibre × switches × transducer);
// a memory absorbs at most one photon, chosen uniformly among those that arrive, and heralds it
// without resolving their number. A transducer noise photon (probability q_X) also heralds and leaves
// the memory scrambled. Pairs are independent copies of a Werner state of fidelity F_src. The attempt
// succeeds when both ends herald; the memories hold the source's pair only when both absorbed a
// photon of the same pair and neither saw noise, otherwise they are uncorrelated (maximally mixed).
import type { PairStatistics } from '../hardware/pair-source.js';
import { type BellDiagonal, werner } from '../state/belldiag-state.js';

export type LinkScheme = 'single-click' | 'double-click' | 'midpoint-source';

export const LINK_SCHEMES: readonly LinkScheme[] = ['single-click', 'double-click', 'midpoint-source'];

/** Success probability of one attempt and the heralded pair (twirled, target Φ+). */
export interface LinkAttemptOutcome {
  readonly successProbability: number;
  /** Maximally mixed when success is impossible. */
  readonly state: BellDiagonal;
}

/** Inputs shared by the two station schemes (all probabilities). */
export interface StationAttemptInputs {
  /** Probability that a photon leaving end A's qubit is detected at the station (its arm). */
  readonly etaA: number;
  readonly etaB: number;
  /** Two-photon (HOM) visibility V: two photons bunch with probability (1 + V)/2. */
  readonly visibility: number;
  /**
   * Mean amplitude overlap of the two ends' photons, times the optical phase factor: the which-end
   * coherence single-click keeps. Default √V (fixed wavepackets, stable phase).
   */
  readonly amplitudeOverlap?: number | undefined;
  /** Dark-count probability of each detector in one window. */
  readonly darkCountProbability: number;
  /** Probability that a transducer noise photon from end A (B) reaches the station in the window. */
  readonly noiseA?: number | undefined;
  readonly noiseB?: number | undefined;
}

export interface SingleClickInputs extends StationAttemptInputs {
  /** Bright-state population α of end A's qubit. */
  readonly alphaA: number;
  /** Bright-state population of end B's qubit (default α_A). */
  readonly alphaB?: number | undefined;
}

export interface MidpointSourceInputs {
  /** Mean pairs per attempt μ. */
  readonly meanPairs: number;
  readonly statistics: PairStatistics;
  /** Probability that a photon of a pair is absorbed (and heralded) by end A's (B's) memory. */
  readonly etaA: number;
  readonly etaB: number;
  /** Probability of a false herald from transducer noise at end A (B). */
  readonly noiseA?: number | undefined;
  readonly noiseB?: number | undefined;
  /** Werner fidelity of the pairs the source emits (default 1). */
  readonly pairFidelity?: number | undefined;
}

const MIXED: BellDiagonal = [0.25, 0.25, 0.25, 0.25];

/** 1 − Π(1 − p_i), accurate when the p_i are tiny. */
const anyOf = (...ps: number[]): number => -Math.expm1(ps.reduce((s, p) => s + Math.log1p(-p), 0));

/**
 * Background click statistics of one window: `q`, the probability that a given detector has no
 * background click, and `d`, the probability that the background alone clicks exactly one detector.
 */
export function backgroundClicks(
  darkCountProbability: number,
  noiseA = 0,
  noiseB = 0,
): { readonly q: number; readonly d: number } {
  const pd = darkCountProbability;
  // No background at detector d: no dark count there, and no noise photon sent its way.
  const q = (1 - pd) * (1 - noiseA / 2) * (1 - noiseB / 2);
  // Given none at d, a noise photon present goes to c: P(background at c | none at d).
  const cGivenNotD = anyOf(pd, noiseA / 2 / (1 - noiseA / 2), noiseB / 2 / (1 - noiseB / 2));
  return { q, d: 2 * q * cGivenNotD };
}

/** Per-round success probabilities by which ends' photons were emitted (see the header). */
function roundProbabilities(p: StationAttemptInputs) {
  const { etaA, etaB, visibility: V } = p;
  const { q, d } = backgroundClicks(p.darkCountProbability, p.noiseA ?? 0, p.noiseB ?? 0);
  return {
    q,
    none: d,
    // One photon: detected (one click; the other detector must stay dark) or lost (background only).
    onlyA: etaA * q + (1 - etaA) * d,
    onlyB: etaB * q + (1 - etaB) * d,
    // Two photons: both lost, one detected, or both detected and bunched ((1 + V)/2, HOM).
    both:
      (1 - etaA) * (1 - etaB) * d +
      (etaA * (1 - etaB) + (1 - etaA) * etaB) * q +
      etaA * etaB * ((1 + V) / 2) * q,
  };
}

/**
 * Bell weights (target Φ+) from the heralded populations of |00⟩, |10⟩, |01⟩, |11⟩ and the |10⟩⟨01|
 * coherence, after the Z (sign) and X (Ψ → Φ) corrections: |00⟩ and |11⟩ carry no coherence.
 */
function heraldedState(w00: number, w10: number, w01: number, w11: number, coherence: number) {
  const total = w00 + w10 + w01 + w11;
  if (!(total > 0)) return { successProbability: 0, state: MIXED };
  const psi = (w10 + w01) / (2 * total);
  const phi = (w00 + w11) / (2 * total);
  const c = coherence / total;
  const state: BellDiagonal = [psi + c, phi, Math.max(0, psi - c), phi];
  return { successProbability: total, state };
}

/** Single-click, exact for the model in the header. */
export function singleClickOutcome(p: SingleClickInputs): LinkAttemptOutcome {
  const a = p.alphaA;
  const b = p.alphaB ?? a;
  const r = roundProbabilities(p);
  const overlap = p.amplitudeOverlap ?? Math.sqrt(p.visibility);
  // Which-end coherence of one detected photon (Cabrillo et al., PRA 59, 1025, 1999): amplitude
  // √(α(1−α)η) from each end, overlap o, and no background click at the other detector.
  const coherence = Math.sqrt(a * (1 - a) * b * (1 - b) * p.etaA * p.etaB) * overlap * r.q;
  return heraldedState(
    (1 - a) * (1 - b) * r.none,
    a * (1 - b) * r.onlyA,
    (1 - a) * b * r.onlyB,
    a * b * r.both,
    coherence,
  );
}

/** Barrett–Kok double-click, exact for the model in the header (qubits start in |+⟩, flipped between rounds). */
export function doubleClickOutcome(p: StationAttemptInputs): LinkAttemptOutcome {
  const r = roundProbabilities(p);
  // Branch |10⟩ emits from A then from B, |01⟩ from B then A, |00⟩ nothing then both, |11⟩ both then
  // nothing; each branch has amplitude 1/2. Coherence needs a detected photon in both rounds, each
  // contributing its overlap: V in all (Barrett & Kok, PRA 71, 060310, 2005).
  const coherence = (p.etaA * p.etaB * p.visibility * r.q * r.q) / 4;
  const oneEach = (r.onlyA * r.onlyB) / 4;
  const emptyAndBoth = (r.none * r.both) / 4;
  return heraldedState(emptyAndBoth, oneEach, oneEach, emptyAndBoth, coherence);
}

/** Probability of n pairs in one attempt. */
export function pairNumberProbability(n: number, meanPairs: number, statistics: PairStatistics): number {
  const mu = meanPairs;
  // Thermal: μ^n/(1+μ)^(n+1); Poisson: e^−μ μ^n/n! (Loudon, The Quantum Theory of Light, ch. 3).
  if (statistics === 'thermal') return Math.exp(n * Math.log(mu / (1 + mu))) / (1 + mu);
  let logFact = 0;
  for (let k = 2; k <= n; k++) logFact += Math.log(k);
  return Math.exp(-mu + n * Math.log(mu) - logFact);
}

/**
 * Σ_{n≥1} P(n) f(n) over the pair-number distribution, for 0 ≤ f(n) ≤ poly(n); the sum stops when
 * the remaining terms cannot change it at double precision.
 */
export function sumOverPairs(
  meanPairs: number,
  statistics: PairStatistics,
  f: (n: number) => number,
): number {
  const mu = meanPairs;
  if (!(mu > 0)) return 0;
  let pn = pairNumberProbability(0, mu, statistics);
  let sum = 0;
  for (let n = 1; n <= 10_000_000; n++) {
    pn *= statistics === 'thermal' ? mu / (1 + mu) : mu / n;
    sum += pn * f(n);
    // Past the mode, P(n) falls at least geometrically (ratio < 1 and decreasing for Poisson).
    if (n > 2 * mu + 2 && pn * (n + 1) ** 2 * (1 + mu) <= 1e-18 * sum) return sum;
    if (pn === 0 && n > mu) return sum;
  }
  throw new Error(`sumOverPairs: no convergence for μ = ${mu}`);
}

/** Midpoint source, exact for the model in the header. */
export function midpointSourceOutcome(p: MidpointSourceInputs): LinkAttemptOutcome {
  const qA = p.noiseA ?? 0;
  const qB = p.noiseB ?? 0;
  const lnA = Math.log1p(-p.etaA);
  const lnB = Math.log1p(-p.etaB);
  // P(at least one of n photons reaches X) = 1 − (1 − η_X)^n, computed without cancellation.
  const reach = (ln: number, n: number) => -Math.expm1(n * ln);
  // An end heralds unless no photon arrives and no noise: 1 − (1 − q)(1 − η)^n; ends independent given n.
  const heraldProb = (q: number, ln: number, n: number) => -Math.expm1(Math.log1p(-q) + n * ln);
  const success = sumOverPairs(
    p.meanPairs,
    p.statistics,
    (n) => heraldProb(qA, lnA, n) * heraldProb(qB, lnB, n),
  );
  // Same pair, derived here: arrivals at A and B are independent, and a pair's photon is the one
  // absorbed with probability E[1/(1 + Bin(n−1, η))] = (1 − (1−η)^n)/(nη), so
  // P(good | n) = n η_A η_B · (1−(1−η_A)^n)/(nη_A) · (1−(1−η_B)^n)/(nη_B) = (1−u^n)(1−v^n)/n.
  const good =
    (1 - qA) * (1 - qB) * sumOverPairs(p.meanPairs, p.statistics, (n) => (reach(lnA, n) * reach(lnB, n)) / n);
  if (!(success > 0)) return { successProbability: 0, state: MIXED };
  const f = Math.min(1, good / success);
  const src = werner(p.pairFidelity ?? 1);
  const state: BellDiagonal = [
    f * src[0] + (1 - f) / 4,
    f * src[1] + (1 - f) / 4,
    f * src[2] + (1 - f) / 4,
    f * src[3] + (1 - f) / 4,
  ];
  return { successProbability: success, state };
}

/**
 * Σ_{n≥1} P(n)(1−u^n)(1−v^n)/n for thermal statistics in closed form, derived here from
 * Σ_{n≥1} r^n s^n / n = −ln(1 − rs), r = μ/(1+μ): the good-pair probability without noise.
 */
export function thermalGoodPairProbability(meanPairs: number, etaA: number, etaB: number): number {
  const r = meanPairs / (1 + meanPairs);
  // −ln(1−r) + ln(1−ru) + ln(1−rv) − ln(1−ruv) = ln(1+x) − ln(1+y), with x = rη_A/(1−r),
  // y = r v η_A/(1 − r v) and x − y = r η_A η_B / ((1−r)(1 − r v)): no cancellation for tiny η.
  const v = 1 - etaB;
  const y = (r * v * etaA) / (1 - r * v);
  const xMinusY = (r * etaA * etaB) / ((1 - r) * (1 - r * v));
  return Math.log1p(xMinusY / (1 + y)) / (1 + meanPairs);
}

/**
 * REFERENCES.md's closed forms for single-click (small α and η): p ≈ 2αη, F = (1−α)(1+√V)/2,
 * diluted by dark counts by 2αη/(2αη + 2 p_dark).
 */
export function singleClickClosedForm(
  alpha: number,
  eta: number,
  visibility: number,
  darkCountProbability = 0,
): { successProbability: number; fidelity: number } {
  // REFERENCES.md, Heralded entanglement: single-click.
  const signal = 2 * alpha * eta;
  const fidelity = ((1 - alpha) * (1 + Math.sqrt(visibility))) / 2;
  return {
    successProbability: signal,
    fidelity: (fidelity * signal) / (signal + 2 * darkCountProbability),
  };
}

/** REFERENCES.md's Barrett–Kok closed forms: p = η_A η_B / 2, F = (1 + V)/2. */
export function barrettKokClosedForm(
  etaA: number,
  etaB: number,
  visibility: number,
): { successProbability: number; fidelity: number } {
  // Barrett & Kok, PRA 71, 060310 (2005) (REFERENCES.md, Heralded entanglement).
  return { successProbability: (etaA * etaB) / 2, fidelity: (1 + visibility) / 2 };
}

/** Binary entropy h(x) in bits. */
export function binaryEntropy(x: number): number {
  if (x <= 0 || x >= 1) return 0;
  return -(x * Math.log2(x) + (1 - x) * Math.log2(1 - x));
}

/**
 * Relative entropy of entanglement of a Bell-diagonal state, 1 − h(λ_max) when λ_max > 1/2, else 0
 * (Vedral & Plenio, PRA 57, 1619, 1998): an upper bound on its distillable entanglement, in ebits.
 */
export function bellDiagonalRelativeEntropy(state: BellDiagonal): number {
  const top = Math.max(state[0], state[1], state[2], state[3]);
  return top > 0.5 ? 1 - binaryEntropy(top) : 0;
}
