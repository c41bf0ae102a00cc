// Monte Carlo of one link attempt, photon by photon, for the models of link-physics.ts: the checks
// of its closed forms. Station schemes are sampled as quantum trajectories: the two qubits' amplitudes
// are kept, photon loss is unravelled as the environment counting photons, the beam splitter acts on
// the photons' creation operators (photon B split into the part overlapping photon A and the
// orthogonal rest), the detectors measure photon numbers per output and mode (a fine-grained
// measurement whose coarse-graining is the threshold click), and dark counts and noise photons are
// drawn as classical clicks. Each successful trajectory leaves a pure conditional two-qubit state.
import type { PairStatistics } from '../hardware/pair-source.js';
import type { BellDiagonal } from '../state/belldiag-state.js';
import type { Rng } from '../util/rng.js';
import type { MidpointSourceInputs, SingleClickInputs, StationAttemptInputs } from './link-physics.js';

const H = Math.SQRT1_2;

/** Amplitudes over |qA qB⟩, index qA | qB << 1 (|00⟩, |10⟩, |01⟩, |11⟩). */
type Amps = [number, number, number, number];

/** Photon-number outcomes: vac, c∥, d∥, c⊥, d⊥, c∥², d∥², c∥c⊥, c∥d⊥, d∥c⊥, d∥d⊥. */
const CLICK_C = [false, true, false, true, false, true, false, true, true, true, false];
const CLICK_D = [false, false, true, false, true, false, true, false, true, true, true];

/** Unravels the loss of end X's photon (present in the branches where qubit X is bright). */
function loss(amps: Amps, bit: number, eta: number, rng: Rng): boolean {
  let norm = 0;
  let bright = 0;
  for (let s = 0; s < 4; s++) {
    norm += amps[s]! ** 2;
    if (s & bit) bright += amps[s]! ** 2;
  }
  if (rng.next() * norm < (1 - eta) * bright) {
    // The environment took a photon: only the bright branches remain, and they hold no photon now.
    for (let s = 0; s < 4; s++) if (!(s & bit)) amps[s] = 0;
    return false;
  }
  for (let s = 0; s < 4; s++) if (s & bit) amps[s] = amps[s]! * Math.sqrt(eta);
  return true;
}

/**
 * One emission round: photons, losses, beam splitter, detection, background. On success returns the
 * detector that clicked ('c' or 'd') and leaves the conditional state in `amps`, Z-corrected on a 'd'.
 */
function round(amps: Amps, p: StationAttemptInputs, rng: Rng): 'c' | 'd' | undefined {
  const o = Math.sqrt(p.visibility);
  const perp = Math.sqrt(1 - p.visibility);
  const keptA = loss(amps, 1, p.etaA, rng);
  const keptB = loss(amps, 2, p.etaB, rng);
  const out: number[][] = Array.from({ length: 11 }, () => [0, 0, 0, 0]);
  for (let s = 0; s < 4; s++) {
    const x = amps[s]!;
    const fa = (s & 1) !== 0 && keptA;
    const fb = (s & 2) !== 0 && keptB;
    const row = (k: number, v: number) => {
      out[k]![s] = v;
    };
    if (!fa && !fb) row(0, x);
    else if (fa && !fb) {
      row(1, x * H);
      row(2, x * H);
    } else if (!fa && fb) {
      row(1, o * x * H);
      row(2, -o * x * H);
      row(3, perp * x * H);
      row(4, -perp * x * H);
    } else {
      // a†(o b∥† + perp b⊥†) after the beam splitter; c∥†² |0⟩ = √2 |2⟩, and c∥d∥ cancels (HOM).
      row(5, o * x * H);
      row(6, -o * x * H);
      row(7, (perp * x) / 2);
      row(8, (-perp * x) / 2);
      row(9, (perp * x) / 2);
      row(10, (-perp * x) / 2);
    }
  }
  const weights = out.map((v) => v.reduce((t, a) => t + a * a, 0));
  let u = rng.next() * weights.reduce((t, w) => t + w, 0);
  let k = 0;
  while (k < 10 && u >= weights[k]!) u -= weights[k++]!;
  let c = CLICK_C[k]!;
  let d = CLICK_D[k]!;
  if (rng.next() < p.darkCountProbability) c = true;
  if (rng.next() < p.darkCountProbability) d = true;
  for (const n of [p.noiseA ?? 0, p.noiseB ?? 0]) {
    const v = rng.next();
    if (v < n / 2) c = true;
    else if (v < n) d = true;
  }
  if (c === d) return undefined;
  for (let s = 0; s < 4; s++) amps[s] = out[k]![s]! * (d && s & 1 ? -1 : 1);
  return c ? 'c' : 'd';
}

/** Bell weights (target Φ+ after a local X on B) of the pure state `amps`. */
function weightsAfterX(a: Amps): BellDiagonal {
  const n = 2 * (a[0] ** 2 + a[1] ** 2 + a[2] ** 2 + a[3] ** 2);
  return [(a[1] + a[2]) ** 2 / n, (a[0] + a[3]) ** 2 / n, (a[1] - a[2]) ** 2 / n, (a[0] - a[3]) ** 2 / n];
}

/** One single-click attempt: the heralded Bell weights, or undefined on failure. */
export function sampleSingleClickAttempt(p: SingleClickInputs, rng: Rng): BellDiagonal | undefined {
  const a = p.alphaA;
  const b = p.alphaB ?? a;
  const amps: Amps = [
    Math.sqrt((1 - a) * (1 - b)),
    Math.sqrt(a * (1 - b)),
    Math.sqrt((1 - a) * b),
    Math.sqrt(a * b),
  ];
  return round(amps, p, rng) ? weightsAfterX(amps) : undefined;
}

/** One Barrett–Kok attempt: two rounds with both qubits flipped in between. */
export function sampleDoubleClickAttempt(p: StationAttemptInputs, rng: Rng): BellDiagonal | undefined {
  const amps: Amps = [0.5, 0.5, 0.5, 0.5];
  if (!round(amps, p, rng)) return undefined;
  const flipped: Amps = [amps[3], amps[2], amps[1], amps[0]];
  return round(flipped, p, rng) ? weightsAfterX(flipped) : undefined;
}

function samplePairNumber(mu: number, statistics: PairStatistics, rng: Rng): number {
  if (statistics === 'thermal') return rng.geometric(1 / (1 + mu));
  // Knuth's multiplication method (fine for the small μ of pair sources).
  const limit = Math.exp(-mu);
  let n = 0;
  let prod = rng.next();
  while (prod > limit) {
    n++;
    prod *= rng.next();
  }
  return n;
}

/** One midpoint-source attempt: pairs, arrivals, uniform absorption, noise heralds. */
export function sampleMidpointSourceAttempt(p: MidpointSourceInputs, rng: Rng): BellDiagonal | undefined {
  const n = samplePairNumber(p.meanPairs, p.statistics, rng);
  const arrivedA: number[] = [];
  const arrivedB: number[] = [];
  for (let i = 0; i < n; i++) {
    if (rng.next() < p.etaA) arrivedA.push(i);
    if (rng.next() < p.etaB) arrivedB.push(i);
  }
  const noiseA = rng.next() < (p.noiseA ?? 0);
  const noiseB = rng.next() < (p.noiseB ?? 0);
  if (!(arrivedA.length > 0 || noiseA) || !(arrivedB.length > 0 || noiseB)) return undefined;
  const same = !noiseA && !noiseB && rng.pick(arrivedA) === rng.pick(arrivedB);
  if (!same) return [0.25, 0.25, 0.25, 0.25];
  const f = p.pairFidelity ?? 1;
  return [f, (1 - f) / 3, (1 - f) / 3, (1 - f) / 3];
}

export interface McEstimate {
  trials: number;
  successes: number;
  successProbability: number;
  successStdErr: number;
  /** Mean heralded Bell weights and their standard errors. */
  weights: number[];
  weightStdErr: number[];
}

/** Runs `trials` attempts of `sample` and summarises them. */
export function estimate(trials: number, sample: () => BellDiagonal | undefined): McEstimate {
  let successes = 0;
  const sum = [0, 0, 0, 0];
  const sum2 = [0, 0, 0, 0];
  for (let t = 0; t < trials; t++) {
    const w = sample();
    if (!w) continue;
    successes++;
    for (let i = 0; i < 4; i++) {
      sum[i]! += w[i]!;
      sum2[i]! += w[i]! ** 2;
    }
  }
  const p = successes / trials;
  const weights = sum.map((s) => s / successes);
  const weightStdErr = sum2.map((s2, i) =>
    Math.sqrt(Math.max(0, s2 / successes - weights[i]! ** 2) / Math.max(1, successes - 1)),
  );
  return {
    trials,
    successes,
    successProbability: p,
    successStdErr: Math.sqrt((p * (1 - p)) / trials),
    weights,
    weightStdErr,
  };
}
