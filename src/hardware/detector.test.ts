import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import {
  clickProbability,
  DETECTOR_PRESETS,
  darkCountProbability,
  jitterSigmaPs,
  makeDetector,
  maxCountRateHz,
  validateDetector,
} from './detector.js';

const snspd = DETECTOR_PRESETS.snspd.params;

describe('detectors', () => {
  it('presets: SNSPD 0.9 / 10 Hz / 50 ns / 30 ps; InGaAs SPAD worse on every count', () => {
    expect(snspd).toEqual({ efficiency: 0.9, darkCountRateHz: 10, deadTimeNs: 50, jitterFwhmPs: 30 });
    const spad = DETECTOR_PRESETS['ingaas-spad'].params;
    expect(spad.efficiency).toBeLessThan(snspd.efficiency);
    expect(spad.darkCountRateHz).toBeGreaterThan(snspd.darkCountRateHz);
    expect(spad.deadTimeNs).toBeGreaterThan(snspd.deadTimeNs);
    expect(spad.jitterFwhmPs).toBeGreaterThan(snspd.jitterFwhmPs);
    for (const [name, p] of Object.entries(DETECTOR_PRESETS)) validateDetector(p.params, ['presets', name]);
  });

  it('dark-count probability 1 − exp(−rate·window)', () => {
    // 10 Hz over 1 µs: 1e-5 expected counts.
    expect(darkCountProbability(10, 1_000_000)).toBeCloseTo(9.99995000016667e-6, 18);
    expect(darkCountProbability(1e12, 1)).toBeCloseTo(1 - Math.exp(-1), 15);
    expect(darkCountProbability(0, 1e12)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 1e12 }),
        (rate, w) => {
          const p = darkCountProbability(rate, w);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(p).toBeLessThanOrEqual((rate * w) / 1e12 + 1e-300);
        },
      ),
    );
  });

  it('clicks on signal or dark count; converts jitter FWHM to σ; dead time caps the rate', () => {
    expect(clickProbability(snspd, 1, 0)).toBeCloseTo(0.9, 15);
    expect(clickProbability(snspd, 0, 1_000_000)).toBeCloseTo(darkCountProbability(10, 1_000_000), 18);
    expect(clickProbability(snspd, 0.5, 1_000_000)).toBeCloseTo(1 - 0.55 * (1 - 9.99995000016667e-6), 15);
    expect(jitterSigmaPs(snspd)).toBeCloseTo(30 / 2.3548200450309493, 12);
    expect(maxCountRateHz(snspd)).toBeCloseTo(2e7, 6);
  });

  it('validation names the field', () => {
    try {
      makeDetector({ efficiency: 1.1 }, ['stations', 0, 'detector']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QnetError);
      expect((e as QnetError).where.path).toEqual(['stations', 0, 'detector', 'efficiency']);
    }
  });
});
