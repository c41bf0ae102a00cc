import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { RunningStats } from '../util/stats.js';
import { msToPs } from '../util/units.js';
import {
  CLOCK_PRESETS,
  Clock,
  type ClockParams,
  clockError,
  fractionInWindow,
  makeClock,
  timingMismatch,
  validateClock,
} from './clock.js';
import { expectedHomVisibility, homVisibility, type Wavepacket } from './hom-visibility.js';

// A deliberately noisy pair of clocks so that every term of the model matters.
const clockA: ClockParams = makeClock({
  syncProtocol: 'custom',
  syncIntervalMs: 1,
  syncResidualPs: 300,
  offsetPs: 100,
  fractionalFrequency: 1e-7,
  wanderPsPerSqrtS: 20_000,
  jitterPs: 200,
});
const clockB: ClockParams = makeClock({ ...clockA, offsetPs: -50, fractionalFrequency: -2e-7, jitterPs: 50 });
const SINCE_SYNC_PS = msToPs(0.5);
const EPOCHS = 20_000;

/** Reading errors of `clock` at the same point of EPOCHS successive sync periods. */
function readingErrors(params: ClockParams, rng: Rng): number[] {
  const clock = new Clock(params, rng);
  const interval = msToPs(params.syncIntervalMs);
  const out: number[] = [];
  for (let k = 0; k < EPOCHS; k++) {
    const t = k * interval + SINCE_SYNC_PS;
    out.push(clock.readPs(t) - t);
  }
  return out;
}

describe('clock presets', () => {
  it('White Rabbit: sub-ns accuracy and ps-level precision; PTP and NTP far coarser', () => {
    for (const [name, p] of Object.entries(CLOCK_PRESETS)) validateClock(p.params, ['presets', name]);
    const wr = CLOCK_PRESETS['white-rabbit'].params;
    const wrError = clockError(wr, msToPs(wr.syncIntervalMs));
    expect(wrError.sdPs).toBeLessThan(1000);
    expect(wr.jitterPs).toBeLessThan(100);
    const ptp = clockError(CLOCK_PRESETS.ptp.params, msToPs(1000));
    const ntp = clockError(CLOCK_PRESETS.ntp.params, msToPs(64_000));
    expect(ptp.sdPs).toBeGreaterThan(100 * wrError.sdPs);
    expect(ntp.sdPs).toBeGreaterThan(100 * ptp.sdPs);
  });
});

describe('timing windows', () => {
  it('catch erf(w/(2√2σ)) of the arrivals (REFERENCES.md, Clocks)', () => {
    expect(fractionInWindow(200, 100)).toBeCloseTo(0.6826894921370859, 14); // ±1σ
    expect(fractionInWindow(600, 100)).toBeCloseTo(0.9973002039367398, 14); // ±3σ
    expect(fractionInWindow(100, 0)).toBe(1);
    expect(fractionInWindow(100, 0, 80)).toBe(0);
  });

  it('lose arrivals as the mean moves off centre, symmetrically', () => {
    const pos = fc.double({ min: 0.1, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(pos, pos, fc.double({ min: -1e6, max: 1e6, noNaN: true }), (w, sd, mean) => {
        const f = fractionInWindow(w, sd, mean);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(fractionInWindow(w, sd) + 1e-15);
        expect(fractionInWindow(w, sd, -mean)).toBeCloseTo(f, 14);
      }),
    );
  });
});

describe('clock error model', () => {
  it('gives mean θ0 + y·t and variance residual² + wander²·t + jitter²', () => {
    const e = clockError(clockA, SINCE_SYNC_PS);
    expect(e.meanPs).toBeCloseTo(100 + 1e-7 * 5e8, 9);
    expect(e.sdPs ** 2).toBeCloseTo(300 ** 2 + 20_000 ** 2 * 5e-4 + 200 ** 2, 6);
    const m = timingMismatch(clockA, clockB, SINCE_SYNC_PS);
    expect(m.meanPs).toBeCloseTo(150 + 3e-7 * 5e8, 9);
    expect(m.sdPs ** 2).toBeCloseTo(e.sdPs ** 2 + clockError(clockB, SINCE_SYNC_PS).sdPs ** 2, 6);
  });

  it('is what a sampled clock shows: mean within 3 SE, variance within 3 SE (fixed seed)', () => {
    const errors = readingErrors(clockA, Rng.fromSeed(7).child('node/A/clock'));
    const stats = new RunningStats();
    for (const x of errors) stats.add(x);
    const want = clockError(clockA, SINCE_SYNC_PS);
    expect(Math.abs(stats.mean - want.meanPs)).toBeLessThan(3 * stats.stdErr);
    // Sample variance of normal data has standard error σ²·sqrt(2/(n−1)); + 1/12 for rounding to ps.
    const variance = want.sdPs ** 2 + 1 / 12;
    expect(Math.abs(stats.variance - variance)).toBeLessThan(3 * variance * Math.sqrt(2 / (EPOCHS - 1)));
  });

  it('averages HOM visibility over two clocks as the closed form says (Monte Carlo, 3 SE, fixed seed)', () => {
    const root = Rng.fromSeed(2026);
    const a = readingErrors(clockA, root.child('node/A/clock'));
    const b = readingErrors(clockB, root.child('node/B/clock'));
    const w: Wavepacket = { shape: 'exponential', lifetimePs: 1000 };
    const stats = new RunningStats();
    for (let k = 0; k < EPOCHS; k++) stats.add(homVisibility(w, a[k]! - b[k]!));
    const exact = expectedHomVisibility(w, timingMismatch(clockA, clockB, SINCE_SYNC_PS));
    expect(exact).toBeGreaterThan(0.3);
    expect(exact).toBeLessThan(0.8);
    expect(Math.abs(stats.mean - exact)).toBeLessThan(3 * stats.stdErr);
  });
});

describe('sampled clock', () => {
  it('is deterministic per seed, and each noise source has its own stream', () => {
    const times = [0, 10, 5_000_000, 1_500_000_000, 1_500_000_001];
    const read = (p: ClockParams, seed: number): number[] => {
      const c = new Clock(p, Rng.fromSeed(seed).child('c'));
      return times.map((t) => c.readPs(t));
    };
    expect(read(clockA, 1)).toEqual(read(clockA, 1));
    expect(read(clockA, 1)).not.toEqual(read(clockA, 2));
    // Without jitter the offsets (drawn from the 'sync' and 'wander' streams) are unchanged.
    const offsets = (p: ClockParams): number[] => {
      const c = new Clock(p, Rng.fromSeed(1).child('c'));
      return times.map((t) => c.offsetPs(t));
    };
    expect(offsets({ ...clockA, jitterPs: 0 })).toEqual(offsets(clockA));
  });

  it('draws a new residual at each sync and refuses to go back in time', () => {
    const c = new Clock({ ...clockA, wanderPsPerSqrtS: 0, fractionalFrequency: 0 }, Rng.fromSeed(3));
    const first = c.offsetPs(0);
    expect(c.offsetPs(msToPs(0.9))).toBe(first);
    expect(c.offsetPs(msToPs(1))).not.toBe(first);
    expect(() => c.offsetPs(10)).toThrow(/backwards/);
  });
});

describe('clock validation', () => {
  it('names the field', () => {
    const pathOf = (p: Partial<ClockParams>): unknown => {
      try {
        makeClock(p, ['presets', 'my-clock']);
      } catch (e) {
        if (e instanceof QnetError) return e.where.path;
      }
      return undefined;
    };
    expect(pathOf({ syncIntervalMs: 0 })).toEqual(['presets', 'my-clock', 'syncIntervalMs']);
    expect(pathOf({ jitterPs: -1 })).toEqual(['presets', 'my-clock', 'jitterPs']);
    expect(pathOf({ fractionalFrequency: 2 })).toEqual(['presets', 'my-clock', 'fractionalFrequency']);
    expect(pathOf({ syncProtocol: 'gps' as never })).toEqual(['presets', 'my-clock', 'syncProtocol']);
  });
});
