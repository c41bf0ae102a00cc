import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import {
  estimate,
  type McEstimate,
  sampleDoubleClickAttempt,
  sampleMidpointSourceAttempt,
  sampleSingleClickAttempt,
} from './link-attempt-mc.test-helper.js';
import {
  backgroundClicks,
  barrettKokClosedForm,
  bellDiagonalRelativeEntropy,
  doubleClickOutcome,
  type LinkAttemptOutcome,
  type MidpointSourceInputs,
  midpointSourceOutcome,
  pairNumberProbability,
  type SingleClickInputs,
  type StationAttemptInputs,
  singleClickClosedForm,
  singleClickOutcome,
  sumOverPairs,
  thermalGoodPairProbability,
} from './link-physics.js';

/** Trials for about `target` successes, within [min, max]. */
const trialsFor = (p: number, target = 600, min = 40_000, max = 1_500_000) =>
  Math.round(Math.min(max, Math.max(min, target / p)));

/** Every number within 3 standard errors (plus rounding) of the exact value. */
function expectWithin3Se(mc: McEstimate, exact: LinkAttemptOutcome, label: string): void {
  const z = (x: number, mean: number, se: number) => Math.abs(x - mean) / Math.max(se, 1e-12);
  const zp = z(mc.successProbability, exact.successProbability, mc.successStdErr);
  expect(zp, `${label}: p MC ${mc.successProbability} vs exact ${exact.successProbability}`).toBeLessThan(3);
  expect(mc.successes).toBeGreaterThan(100);
  for (let i = 0; i < 4; i++) {
    const zi = Math.abs(mc.weights[i]! - exact.state[i]!) / (mc.weightStdErr[i]! + 1e-12);
    expect(zi, `${label}: weight ${i} MC ${mc.weights[i]} vs exact ${exact.state[i]}`).toBeLessThan(3);
  }
}

describe('single-click attempt (exact model vs Monte Carlo of photons, losses, clicks)', () => {
  const cases: SingleClickInputs[] = [
    { alphaA: 0.1, etaA: 0.5, etaB: 0.5, visibility: 1, darkCountProbability: 0 },
    { alphaA: 0.3, etaA: 0.2, etaB: 0.1, visibility: 0.8, darkCountProbability: 1e-3, noiseA: 0.02 },
    { alphaA: 0.01, etaA: 0.5, etaB: 0.3, visibility: 0.9, darkCountProbability: 0 },
    { alphaA: 0.1, etaA: 0.01, etaB: 0.01, visibility: 0.9, darkCountProbability: 2e-4 },
    { alphaA: 0.3, etaA: 1e-3, etaB: 2e-3, visibility: 0.95, darkCountProbability: 0 },
    { alphaA: 0.05, alphaB: 0.2, etaA: 0.4, etaB: 0.05, visibility: 1, darkCountProbability: 1e-3 },
    {
      alphaA: 0.2,
      etaA: 0.05,
      etaB: 0.05,
      visibility: 0.85,
      darkCountProbability: 0,
      noiseA: 0.01,
      noiseB: 0.03,
    },
  ];
  cases.forEach((c, i) => {
    it(`case ${i}: α = ${c.alphaA}, η = ${c.etaA}/${c.etaB}, V = ${c.visibility}, p_dark = ${c.darkCountProbability}`, () => {
      const exact = singleClickOutcome(c);
      const rng = new Rng([1, 2, 3, i]);
      const mc = estimate(trialsFor(exact.successProbability), () => sampleSingleClickAttempt(c, rng));
      expectWithin3Se(mc, exact, `single-click ${i}`);
    });
  });

  it('reduces to p ≈ 2αη and F = (1−α)(1+√V)/2 for small α and η (REFERENCES.md)', () => {
    for (const alpha of [1e-3, 0.01, 0.1, 0.3]) {
      for (const V of [0.8, 0.9, 1]) {
        for (const eta of [1e-6, 1e-4, 1e-3]) {
          const exact = singleClickOutcome({
            alphaA: alpha,
            etaA: eta,
            etaB: eta,
            visibility: V,
            darkCountProbability: 0,
          });
          const closed = singleClickClosedForm(alpha, eta, V);
          // The exact p is 2αη − α²η²(1 − V)/2 − ... (two photons bunching) and F carries O(αη) corrections.
          expect(Math.abs(exact.successProbability / closed.successProbability - 1)).toBeLessThan(
            2 * alpha * eta + 1e-12,
          );
          expect(Math.abs(exact.state[0] - closed.fidelity)).toBeLessThan(2 * eta + 1e-12);
        }
      }
    }
    // REFERENCES.md example: α = 0.1, V = 1 → 0.900.
    const ex = singleClickOutcome({
      alphaA: 0.1,
      etaA: 1e-7,
      etaB: 1e-7,
      visibility: 1,
      darkCountProbability: 0,
    });
    expect(ex.state[0]).toBeCloseTo(0.9, 6);
  });

  it('dark counts dilute F by 2αη/(2αη + 2 p_dark) (REFERENCES.md)', () => {
    for (const alpha of [0.003, 0.01]) {
      for (const eta of [1e-5, 1e-4]) {
        for (const k of [0.1, 1, 3]) {
          // p_dark = k·αη: the dark-to-signal ratio k is what the dilution is about.
          const pd = k * alpha * eta;
          const exact = singleClickOutcome({
            alphaA: alpha,
            etaA: eta,
            etaB: eta,
            visibility: 0.9,
            darkCountProbability: pd,
          });
          const closed = singleClickClosedForm(alpha, eta, 0.9, pd);
          // The closed form drops dark clicks on a bright–dark branch (half of them land on Φ+), worth
          // (1−α)·αk/F relative (derived here from the exact weights).
          expect(Math.abs(exact.state[0] / closed.fidelity - 1)).toBeLessThan(1.1 * alpha * k + 4 * eta);
          expect(Math.abs(exact.successProbability / (closed.successProbability + 2 * pd) - 1)).toBeLessThan(
            2 * alpha + 4 * eta,
          );
        }
      }
    }
  });

  it('balances unequal arms: α_A(1−α_B)η_A = (1−α_A)α_B η_B leaves no Φ− for V = 1', () => {
    const [a, b, etaB] = [0.05, 0.1, 1e-5];
    const etaA = ((1 - a) * b * etaB) / (a * (1 - b));
    const o = singleClickOutcome({
      alphaA: a,
      alphaB: b,
      etaA,
      etaB,
      visibility: 1,
      darkCountProbability: 0,
    });
    expect(o.state[0]).toBeGreaterThan(0.92);
    expect(o.state[2]).toBeLessThan(1e-12);
    const unbalanced = singleClickOutcome({
      alphaA: a,
      alphaB: a,
      etaA,
      etaB,
      visibility: 1,
      darkCountProbability: 0,
    });
    expect(unbalanced.state[2]).toBeGreaterThan(1e-3);
  });
});

describe('Barrett–Kok double-click attempt', () => {
  const cases: StationAttemptInputs[] = [
    { etaA: 0.5, etaB: 0.5, visibility: 1, darkCountProbability: 0 },
    { etaA: 0.3, etaB: 0.1, visibility: 0.8, darkCountProbability: 0 },
    { etaA: 0.2, etaB: 0.2, visibility: 0.9, darkCountProbability: 5e-3 },
    { etaA: 0.05, etaB: 0.08, visibility: 0.95, darkCountProbability: 1e-3, noiseA: 0.01 },
    { etaA: 0.5, etaB: 0.02, visibility: 0.85, darkCountProbability: 0, noiseB: 0.05 },
  ];
  cases.forEach((c, i) => {
    it(`case ${i}: η = ${c.etaA}/${c.etaB}, V = ${c.visibility}, p_dark = ${c.darkCountProbability}`, () => {
      const exact = doubleClickOutcome(c);
      const rng = new Rng([4, 5, 6, i]);
      const mc = estimate(trialsFor(exact.successProbability), () => sampleDoubleClickAttempt(c, rng));
      expectWithin3Se(mc, exact, `double-click ${i}`);
    });
  });

  it('is exactly p = η_A η_B / 2 and F = (1 + V)/2 without background (REFERENCES.md)', () => {
    for (const etaA of [1e-3, 0.01, 0.1, 0.5]) {
      for (const etaB of [1e-3, 0.2, 0.5]) {
        for (const V of [0.8, 0.9, 1]) {
          const exact = doubleClickOutcome({ etaA, etaB, visibility: V, darkCountProbability: 0 });
          const closed = barrettKokClosedForm(etaA, etaB, V);
          expect(exact.successProbability).toBeCloseTo(closed.successProbability, 15);
          expect(exact.state[0]).toBeCloseTo(closed.fidelity, 12);
          expect(exact.state[2]).toBeCloseTo((1 - V) / 2, 12);
        }
      }
    }
  });

  it('dark counts raise p and lower F when the signal is weak', () => {
    const clean = doubleClickOutcome({ etaA: 1e-3, etaB: 1e-3, visibility: 1, darkCountProbability: 0 });
    const dark = doubleClickOutcome({ etaA: 1e-3, etaB: 1e-3, visibility: 1, darkCountProbability: 1e-4 });
    expect(dark.successProbability).toBeGreaterThan(clean.successProbability);
    expect(dark.state[0]).toBeLessThan(clean.state[0]);
    expect(dark.state[0]).toBeGreaterThan(0.5);
  });
});

describe('midpoint-source attempt', () => {
  const cases: MidpointSourceInputs[] = [
    { meanPairs: 0.1, statistics: 'thermal', etaA: 0.5, etaB: 0.5 },
    { meanPairs: 0.5, statistics: 'thermal', etaA: 0.2, etaB: 0.6, pairFidelity: 0.95 },
    { meanPairs: 1.5, statistics: 'poisson', etaA: 0.3, etaB: 0.3, noiseA: 0.01 },
    { meanPairs: 0.05, statistics: 'poisson', etaA: 0.1, etaB: 0.05, noiseA: 1e-3, noiseB: 2e-3 },
  ];
  cases.forEach((c, i) => {
    it(`case ${i}: μ = ${c.meanPairs} (${c.statistics}), η = ${c.etaA}/${c.etaB}`, () => {
      const exact = midpointSourceOutcome(c);
      const rng = new Rng([7, 8, 9, i]);
      const mc = estimate(trialsFor(exact.successProbability), () => sampleMidpointSourceAttempt(c, rng));
      expectWithin3Se(mc, exact, `midpoint ${i}`);
    });
  });

  it('sums the pair-number series to the closed thermal form and to 1', () => {
    for (const mu of [1e-3, 0.1, 1, 5]) {
      for (const [a, b] of [
        [0.5, 0.5],
        [1e-3, 0.2],
        [1e-6, 1e-6],
      ] as const) {
        const series = sumOverPairs(
          mu,
          'thermal',
          (n) => (-Math.expm1(n * Math.log1p(-a)) * -Math.expm1(n * Math.log1p(-b))) / n,
        );
        expect(series / thermalGoodPairProbability(mu, a, b)).toBeCloseTo(1, 9);
      }
      for (const stats of ['thermal', 'poisson'] as const) {
        expect(sumOverPairs(mu, stats, () => 1) + pairNumberProbability(0, mu, stats)).toBeCloseTo(1, 12);
        expect(sumOverPairs(mu, stats, (n) => n)).toBeCloseTo(mu, 10);
      }
    }
  });

  it('reduces to p ≈ μ η_A η_B with the source fidelity for small μ; multi-pairs add errors', () => {
    const low = midpointSourceOutcome({
      meanPairs: 1e-4,
      statistics: 'thermal',
      etaA: 0.01,
      etaB: 0.02,
      pairFidelity: 0.97,
    });
    expect(low.successProbability / (1e-4 * 0.01 * 0.02)).toBeCloseTo(1, 3);
    expect(low.state[0]).toBeCloseTo(0.97, 3);
    const high = midpointSourceOutcome({
      meanPairs: 0.5,
      statistics: 'thermal',
      etaA: 0.01,
      etaB: 0.02,
      pairFidelity: 0.97,
    });
    // Small η: P(same pair | success) = E[n]/E[n²] = μ/(μ + 2μ²) for thermal statistics (derived here).
    const f = 1 / (1 + 2 * 0.5);
    expect(high.state[0]).toBeCloseTo(f * 0.97 + (1 - f) / 4, 2);
  });
});

describe('background clicks and entanglement measure', () => {
  it('counts exactly one background click the long way', () => {
    const pd = 0.01;
    const nA = 0.2;
    const nB = 0.05;
    // Enumerate dark c, dark d, noise A ∈ {none, c, d}, noise B ∈ {none, c, d}.
    let none = 0;
    let one = 0;
    for (const dc of [0, 1])
      for (const dd of [0, 1])
        for (const a of [0, 1, 2])
          for (const b of [0, 1, 2]) {
            const w =
              (dc ? pd : 1 - pd) *
              (dd ? pd : 1 - pd) *
              (a === 0 ? 1 - nA : nA / 2) *
              (b === 0 ? 1 - nB : nB / 2);
            const c = dc === 1 || a === 1 || b === 1;
            const d = dd === 1 || a === 2 || b === 2;
            if (!d) none += w;
            if (c !== d) one += w;
          }
    const bg = backgroundClicks(pd, nA, nB);
    expect(bg.q).toBeCloseTo(none, 15);
    expect(bg.d).toBeCloseTo(one, 15);
  });

  it('relative entropy of entanglement: 1 for a Bell state, 0 at or below F = 1/2', () => {
    expect(bellDiagonalRelativeEntropy([1, 0, 0, 0])).toBe(1);
    expect(bellDiagonalRelativeEntropy([0.5, 0.5, 0, 0])).toBe(0);
    expect(bellDiagonalRelativeEntropy([0.25, 0.25, 0.25, 0.25])).toBe(0);
    expect(bellDiagonalRelativeEntropy([0.9, 0.1 / 3, 0.1 / 3, 0.1 / 3])).toBeCloseTo(
      1 - 0.4689955935892812,
      12,
    );
  });
});
