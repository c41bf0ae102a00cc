// Error function and its complements, within a few 1e-15 (relative) of mpmath on [-6, 6] and beyond.
// Math has no erf; the hardware models need it for timing windows and for visibilities averaged
// over Gaussian clock errors.

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;
// Below this the series is used; above it the continued fraction, which needs at most ~190 terms
// there (at x = 1) and avoids the cancellation of 1 − erf(x) in the tail.
const SERIES_LIMIT = 1;

// erf(x) = 2/√π · e^{-x²} · Σ_{n≥0} 2^n x^{2n+1} / (1·3·…·(2n+1)) (Abramowitz & Stegun 7.1.6):
// all terms positive, so no cancellation, unlike the alternating Taylor series.
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

// e^{x²} erfc(x) = (1/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) for x > 0
// (A&S 7.1.14), evaluated by the modified Lentz method (Numerical Recipes §5.2).
function erfcxContinuedFraction(x: number): number {
  if (x === Number.POSITIVE_INFINITY) return 0;
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return ONE_OVER_SQRT_PI / f;
}

/** The error function erf(x) = 2/√π ∫_0^x e^{-t²} dt. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const ax = Math.abs(x);
  const value = ax < SERIES_LIMIT ? erfSeries(ax) : 1 - Math.exp(-ax * ax) * erfcxContinuedFraction(ax);
  return x < 0 ? -value : value;
}

/** The complementary error function erfc(x) = 1 − erf(x), without cancellation for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < SERIES_LIMIT) return 1 - erf(x);
  return Math.exp(-x * x) * erfcxContinuedFraction(x);
}

/** The scaled complementary error function e^{x²} erfc(x); finite where erfc underflows. */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < SERIES_LIMIT) return Math.exp(x * x) * (1 - erf(x));
  return erfcxContinuedFraction(x);
}
