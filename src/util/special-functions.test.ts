import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erf, erfc, erfcx } from './special-functions.js';

// Reference values from mpmath 1.3 at 40 digits, rounded to the nearest double.
const ERF: [number, number][] = [
  [0.1, 0.1124629160182849],
  [0.5, 0.5204998778130465],
  [1, 0.8427007929497149],
  [2, 0.9953222650189527],
  [3.5, 0.9999992569016276],
  [-0.7, -0.6778011938374184],
];
const ERFC: [number, number][] = [
  [0.9, 0.20309178757716786],
  [1, 0.15729920705028513],
  [3, 2.209049699858544e-5],
  [5, 1.537459794428035e-12],
  [10, 2.088487583762545e-45],
  [26, 5.663192408856143e-296],
];
const ERFCX: [number, number][] = [
  [-1, 5.008980080762283],
  [0.5, 0.6156903441929259],
  [4, 0.13699945762506138],
  [30, 0.01879588886141675],
  [1000, 0.0005641893014533876],
];

const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('erf, erfc, erfcx', () => {
  it('match mpmath to 1e-12 absolute (erf) and 1e-13 relative (erfc, erfcx)', () => {
    for (const [x, want] of ERF) expect(Math.abs(erf(x) - want)).toBeLessThan(1e-15);
    for (const [x, want] of ERFC) expect(relErr(erfc(x), want)).toBeLessThan(1e-13);
    for (const [x, want] of ERFCX) expect(relErr(erfcx(x), want)).toBeLessThan(1e-13);
  });

  it('has the right limits and symmetry', () => {
    expect(erf(0)).toBe(0);
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(erf(-40)).toBe(-1);
    expect(erfc(-40)).toBe(2);
    expect(erf(Number.NaN)).toBeNaN();
    // Small x: erf(x) ≈ 2x/√π with full relative precision.
    expect(relErr(erf(1e-10), 1.1283791670955126e-10)).toBeLessThan(1e-15);
  });

  it('is odd, increasing, and erf + erfc = 1 across the series/continued-fraction seam', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expect(erf(-x) === -erf(x)).toBe(true);
        expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(1e-15);
        expect(erf(x + 1e-3)).toBeGreaterThanOrEqual(erf(x));
      }),
    );
    expect(Math.abs(erf(1 - 1e-12) - erf(1 + 1e-12))).toBeLessThan(1e-12);
  });
});
