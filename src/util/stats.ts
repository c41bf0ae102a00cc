// Small statistics helpers for results with error bars.

export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return s / xs.length;
}

/** Unbiased sample variance (n - 1 in the denominator). */
export function variance(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = (xs[i] as number) - m;
    s += d * d;
  }
  return s / (n - 1);
}

/** Standard error of the mean. */
export function standardError(xs: ArrayLike<number>): number {
  return Math.sqrt(variance(xs) / xs.length);
}

/** Standard error of a proportion estimated from k successes in n trials. */
export function proportionStdErr(k: number, n: number): number {
  if (n <= 0) return Number.NaN;
  const p = k / n;
  return Math.sqrt((p * (1 - p)) / n);
}

/** Wilson score interval for k successes in n trials (z = 1.96 gives 95%). */
export function wilsonInterval(k: number, n: number, z = 1.959963984540054): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Quantile q in [0, 1] of already sorted values, linear interpolation between order statistics. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const i = Math.floor(pos);
  const frac = pos - i;
  const a = sorted[i] as number;
  return frac === 0 ? a : a + frac * ((sorted[i + 1] as number) - a);
}

export function quantile(xs: ArrayLike<number>, q: number): number {
  return quantileSorted(Float64Array.from(xs).sort(), q);
}

export const median = (xs: ArrayLike<number>): number => quantile(xs, 0.5);

/** Streaming mean and variance (Welford), for accumulating without storing samples. */
export class RunningStats {
  count = 0;
  private m = 0;
  private m2 = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  add(x: number): void {
    this.count++;
    const d = x - this.m;
    this.m += d / this.count;
    this.m2 += d * (x - this.m);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  get mean(): number {
    return this.count > 0 ? this.m : Number.NaN;
  }

  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : Number.NaN;
  }

  get stdErr(): number {
    return Math.sqrt(this.variance / this.count);
  }
}
