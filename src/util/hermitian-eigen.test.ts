import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmatAdjoint, cmatDistance, cmatFromRows, cmatIdentity, cmatMul } from './complex-matrix.js';
import { hermitianEigen, hermitianMap } from './hermitian-eigen.js';

/** (M + M†)/2 for a matrix of n×n random entries. */
function hermitianFrom(n: number, entries: readonly number[]): Float64Array {
  const m = Float64Array.from({ length: 2 * n * n }, (_, k) => entries[k % entries.length]!);
  const a = cmatAdjoint(m);
  return m.map((v, k) => (v + a[k]!) / 2);
}

const matrixArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc
      .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2 * n * n, maxLength: 2 * n * n })
      .map((e) => ({ n, m: hermitianFrom(n, e) })),
  );

function diag(values: Float64Array): Float64Array {
  const n = values.length;
  const d = new Float64Array(2 * n * n);
  values.forEach((v, i) => {
    d[2 * (i * n + i)] = v;
  });
  return d;
}

describe('hermitianEigen', () => {
  it('diagonalises a 2×2 complex example with known eigenvalues', () => {
    // [[2, 1−i], [1+i, 3]]: eigenvalues 1 and 4.
    const m = cmatFromRows([
      [2, [1, -1]],
      [[1, 1], 3],
    ]);
    const { values } = hermitianEigen(m);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(4, 14);
  });

  it('gives a unitary V with M = V Λ V† and ascending eigenvalues (random matrices)', () => {
    fc.assert(
      fc.property(matrixArb, ({ n, m }) => {
        const { values, vectors } = hermitianEigen(m);
        expect(cmatDistance(cmatMul(vectors, cmatAdjoint(vectors)), cmatIdentity(n))).toBeLessThan(1e-12);
        expect(cmatDistance(cmatMul(cmatMul(vectors, diag(values)), cmatAdjoint(vectors)), m)).toBeLessThan(
          1e-12,
        );
        for (let i = 1; i < n; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('handles degenerate spectra (a rank-one projector in 6 dimensions)', () => {
    const n = 6;
    const v = Float64Array.from({ length: 2 * n }, (_, k) => Math.sin(k + 1));
    const norm = Math.hypot(...v);
    const m = new Float64Array(2 * n * n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const [ar, ai, br, bi] = [
          v[2 * r]! / norm,
          v[2 * r + 1]! / norm,
          v[2 * c]! / norm,
          -v[2 * c + 1]! / norm,
        ];
        m[2 * (r * n + c)] = ar * br - ai * bi;
        m[2 * (r * n + c) + 1] = ar * bi + ai * br;
      }
    }
    const { values } = hermitianEigen(m);
    for (let i = 0; i < n - 1; i++) expect(Math.abs(values[i]!)).toBeLessThan(1e-14);
    expect(values[n - 1]).toBeCloseTo(1, 14);
  });

  it('hermitianMap(x ↦ √x) squares back to a positive semidefinite input', () => {
    fc.assert(
      fc.property(matrixArb, ({ n, m }) => {
        const psd = cmatMul(m, m);
        const root = hermitianMap(psd, (x) => Math.sqrt(Math.max(0, x)));
        expect(cmatDistance(cmatMul(root, root), psd)).toBeLessThan(1e-9 * Math.max(1, n));
      }),
      { numRuns: 100, seed: 8 },
    );
  });

  it('refuses a matrix that is not Hermitian', () => {
    expect(() =>
      hermitianEigen(
        cmatFromRows([
          [0, 1],
          [0, 0],
        ]),
      ),
    ).toThrow(/not Hermitian/);
  });
});
