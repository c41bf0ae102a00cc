import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedPairFidelity, storedPairFidelityBothStored } from '../hardware/qpu.js';
import { type BellDiagonal, bellDiagonalMatrix, twirl, werner } from '../state/belldiag-state.js';
import { DensityEngine } from '../state/density.js';
import { PS_PER_US } from '../util/units.js';
import { pairDensityMatrix, pairStateAt, storedPairState } from './link-pair.js';

const heron = { t1Us: 145, t2Us: 88 };
const perfect = { t1Us: 1e30, t2Us: 1e30 };

describe('memory decay of a stored pair', () => {
  it('one stored qubit: F(t) = (1 + e^{−t/T1} + 2 e^{−t/T2})/4 (REFERENCES.md, Memories)', () => {
    for (const tUs of [0, 1, 10, 50, 88, 145, 500]) {
      const t = tUs * PS_PER_US;
      const formula = (1 + Math.exp(-tUs / 145) + 2 * Math.exp(-tUs / 88)) / 4;
      expect(storedPairState([1, 0, 0, 0], t, heron, 0, perfect)[0]).toBeCloseTo(formula, 14);
      expect(storedPairState([1, 0, 0, 0], 0, perfect, t, heron)[0]).toBeCloseTo(formula, 14);
      expect(storedPairFidelity(heron, t)).toBeCloseTo(formula, 14);
    }
  });

  it('both qubits stored, for different times: the exact fidelity (hardware) and a density-matrix run', () => {
    const other = { t1Us: 292, t2Us: 353 };
    for (const [a, b] of [
      [10, 0],
      [30, 70],
      [200, 5],
      [400, 400],
    ] as const) {
      const s = storedPairState([1, 0, 0, 0], a * PS_PER_US, heron, b * PS_PER_US, other);
      expect(s[0]).toBeCloseTo(storedPairFidelityBothStored(heron, a * PS_PER_US, other, b * PS_PER_US), 14);
    }
  });

  it('property: any Bell-diagonal pair decays to the Bell-basis diagonal of the true two-qubit state', () => {
    const weights = fc
      .tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
      )
      .map((w): BellDiagonal => {
        const s = w[0] + w[1] + w[2] + w[3];
        return [w[0] / s, w[1] / s, w[2] / s, w[3] / s];
      });
    fc.assert(
      fc.property(
        weights,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        (w, aUs, bUs) => {
          const rho = DensityEngine.fromMatrix(bellDiagonalMatrix(w));
          rho.applyIdle(0, aUs * PS_PER_US, heron.t1Us * PS_PER_US, heron.t2Us * PS_PER_US);
          rho.applyIdle(1, bUs * PS_PER_US, 200 * PS_PER_US, 150 * PS_PER_US);
          const exact = twirl(rho.matrix());
          const ours = storedPairState(w, aUs * PS_PER_US, heron, bUs * PS_PER_US, { t1Us: 200, t2Us: 150 });
          return ours.every((x, i) => Math.abs(x - exact[i]!) < 1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('pairStateAt counts each qubit from its own storage start, and refuses earlier times', () => {
    const pair = { heraldState: werner(0.95), storedSincePs: [1_000_000, 4_000_000] as const };
    const t = 20_000_000;
    expect(pairStateAt(pair, [heron, heron], t)).toEqual(
      storedPairState(werner(0.95), t - 1_000_000, heron, t - 4_000_000, heron),
    );
    expect(() => pairStateAt(pair, [heron, heron], 2_000_000)).toThrow();
    expect(pairDensityMatrix({ state: [1, 0, 0, 0] })[0]).toBeCloseTo(0.5, 15);
  });
});
