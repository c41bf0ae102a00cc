import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bellDiagonalArb,
  expectBellDiagonal,
  expectWeights,
  purifyByDensity,
} from './belldiag.test-helper.js';
import { bbpssw, dejmps } from './belldiag-purify.js';
import { dejmpsNotation, twirl, werner } from './belldiag-state.js';

/** REFERENCES.md's one-pair DEJMPS map on (A, B, C, D), written out independently of the code. */
function dejmpsReference(x: { A: number; B: number; C: number; D: number }) {
  const { A, B, C, D } = x;
  const N = (A + B) ** 2 + (C + D) ** 2;
  return {
    next: { A: (A * A + B * B) / N, B: (2 * C * D) / N, C: (C * C + D * D) / N, D: (2 * A * B) / N },
    N,
  };
}

/** REFERENCES.md's one-pair BBPSSW map on F. */
function bbpsswReference(F: number) {
  const q = (1 - F) / 3;
  const N = F * F + (2 * F * (1 - F)) / 3 + 5 * q * q;
  return { F: (F * F + q * q) / N, N };
}

describe('DEJMPS', () => {
  it('Werner F = 0.8 → 0.83815 with success probability 0.76889 (REFERENCES.md)', () => {
    const r = dejmps(werner(0.8));
    expect(r.state[0]).toBeCloseTo(0.83815, 5);
    expect(r.successProbability).toBeCloseTo(0.76889, 5);
  });

  it('three rounds equal the closed form, for random Bell-diagonal pairs', () => {
    fc.assert(
      fc.property(bellDiagonalArb, (start) => {
        let state = start;
        let ref = dejmpsNotation(start);
        for (let round = 0; round < 3; round++) {
          const r = dejmps(state);
          const { next, N } = dejmpsReference(ref);
          if (!(N > 0)) return;
          expect(r.successProbability).toBeCloseTo(N, 12);
          const got = dejmpsNotation(r.state);
          for (const k of ['A', 'B', 'C', 'D'] as const) expect(got[k]).toBeCloseTo(next[k], 12);
          state = r.state;
          ref = next;
        }
      }),
      { seed: 41 },
    );
  });

  it('equals bilateral Rx rotations, bilateral CNOT and the parity check on the density engine', () => {
    fc.assert(
      fc.property(bellDiagonalArb, bellDiagonalArb, (a, b) => {
        const reference = purifyByDensity(a, b, true);
        const r = dejmps(a, b);
        expect(r.successProbability).toBeCloseTo(reference.successProbability, 12);
        // The kept state is divided by the success probability, and so is its rounding error.
        const tol = 1e-12 / Math.max(1e-3, reference.successProbability);
        if (reference.successProbability > 1e-9)
          expectWeights(r.state, expectBellDiagonal(reference.state, tol), tol);
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});

describe('BBPSSW', () => {
  it("three rounds equal the closed form F' = (F² + ((1−F)/3)²)/N", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (f) => {
        let state = werner(f);
        let ref = f;
        for (let round = 0; round < 3; round++) {
          const r = bbpssw(state);
          const { F, N } = bbpsswReference(ref);
          expect(r.successProbability).toBeCloseTo(N, 12);
          expectWeights(r.state, werner(F));
          state = r.state;
          ref = F;
        }
      }),
      { seed: 43 },
    );
  });

  it('twirls its inputs: equals the density engine run on the Werner states of equal fidelity, twirled again', () => {
    fc.assert(
      fc.property(bellDiagonalArb, bellDiagonalArb, (a, b) => {
        const reference = purifyByDensity(werner(a[0]), werner(b[0]), false);
        const r = bbpssw(a, b);
        expect(r.successProbability).toBeCloseTo(reference.successProbability, 12);
        expect(r.state[0]).toBeCloseTo(twirl(reference.state)[0], 12);
      }),
      { numRuns: 60, seed: 44 },
    );
  });

  it('purifies Werner pairs only above F = 1/2', () => {
    expect(bbpssw(werner(0.6)).state[0]).toBeGreaterThan(0.6);
    expect(bbpssw(werner(0.45)).state[0]).toBeLessThan(0.45);
  });
});

describe('purification keeps a probability distribution', () => {
  it('for any pair of Bell-diagonal inputs (fast-check)', () => {
    fc.assert(
      fc.property(bellDiagonalArb, bellDiagonalArb, (a, b) => {
        for (const r of [dejmps(a, b), bbpssw(a, b)]) {
          expect(r.successProbability).toBeGreaterThanOrEqual(0);
          expect(r.successProbability).toBeLessThanOrEqual(1 + 1e-12);
          expect(r.state.every((w) => w >= 0)).toBe(true);
          expect(r.state.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
        }
      }),
      { seed: 45 },
    );
  });

  it('reports success probability 0 when the parity check can never pass', () => {
    expect(dejmps([1, 0, 0, 0], [0, 1, 0, 0]).successProbability).toBe(0);
  });
});
