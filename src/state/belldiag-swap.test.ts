import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bellDiagonalArb, expectBellDiagonal, expectWeights, swapByDensity } from './belldiag.test-helper.js';
import { bellDiagonalMatrix, twirl, werner } from './belldiag-state.js';
import { swap, swapChain } from './belldiag-swap.js';

describe('entanglement swapping of Bell-diagonal pairs', () => {
  it('Werner pairs: F = F1F2 + (1−F1)(1−F2)/3 (REFERENCES.md), e.g. 0.9, 0.9 → 0.81333, and Werner out', () => {
    expect(swap(werner(0.9), werner(0.9))[0]).toBeCloseTo(0.81333, 5);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (f1, f2) => {
          const out = swap(werner(f1), werner(f2));
          expectWeights(out, werner(f1 * f2 + ((1 - f1) * (1 - f2)) / 3));
        },
      ),
      { seed: 31 },
    );
  });

  it('equals a real Bell measurement and Pauli correction on the density engine (4 qubits), with and without noise', () => {
    const noiseArb = fc.record(
      {
        gateDepolarizing: fc.double({ min: 0, max: 1, noNaN: true }),
        measurementFlip: fc.double({ min: 0, max: 1, noNaN: true }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(bellDiagonalArb, bellDiagonalArb, noiseArb, (left, right, noise) => {
        const reference = expectBellDiagonal(swapByDensity(left, right, noise));
        expectWeights(swap(left, right, noise), reference);
      }),
      { numRuns: 60, seed: 32 },
    );
  });

  it('labels XOR: Ψ+ ⊗ Φ− gives Ψ−; a chain of Φ+ pairs stays Φ+', () => {
    expectWeights(swap([0, 1, 0, 0], [0, 0, 1, 0]), [0, 0, 0, 1]);
    expectWeights(swapChain([werner(1), werner(1), werner(1)]), [1, 0, 0, 0]);
    expect(twirl(bellDiagonalMatrix(swapChain([werner(0.9)])))[0]).toBeCloseTo(0.9, 15);
  });

  it('keeps a probability distribution (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(bellDiagonalArb, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pairs, p) => {
          const out = swapChain(pairs, { gateDepolarizing: p, measurementFlip: p / 2 });
          expect(out.every((w) => w >= 0)).toBe(true);
          expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        },
      ),
      { seed: 33 },
    );
  });
});
