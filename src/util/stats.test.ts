import { describe, expect, it } from 'vitest';
import {
  mean,
  median,
  proportionStdErr,
  quantile,
  RunningStats,
  standardError,
  wilsonInterval,
} from './stats.js';

describe('statistics', () => {
  it('computes mean, standard error and quantiles', () => {
    const xs = [1, 2, 3, 4, 5];
    expect(mean(xs)).toBe(3);
    expect(standardError(xs)).toBeCloseTo(Math.sqrt(2.5 / 5), 12);
    expect(median([5, 1, 3])).toBe(3);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
  });

  it('gives the textbook Wilson interval (Newcombe 1998, 81/263 → [0.2553, 0.3662])', () => {
    const [lo, hi] = wilsonInterval(81, 263);
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
    const [lo0, hi0] = wilsonInterval(0, 10);
    expect(lo0).toBe(0);
    expect(hi0).toBeGreaterThan(0.2);
  });

  it('streams the same mean and variance as the batch formulas', () => {
    const xs = [2.5, -1, 7, 3.25, 0];
    const r = new RunningStats();
    for (const x of xs) r.add(x);
    expect(r.mean).toBeCloseTo(mean(xs), 12);
    expect(r.stdErr).toBeCloseTo(standardError(xs), 12);
    expect(proportionStdErr(50, 100)).toBeCloseTo(0.05, 12);
  });
});
