import { describe, expect, it } from 'vitest';
import { QnetError } from './errors.js';
import {
  checkTimePs,
  dbToTransmissivity,
  fibreDelayPs,
  fibreTransmissivity,
  MAX_TIME_PS,
  msToPs,
  nsToPs,
  psToUs,
  sToPs,
  transmissivityToDb,
  usToPs,
} from './units.js';

describe('units', () => {
  it('converts time to integer picoseconds and back', () => {
    expect(nsToPs(1.5)).toBe(1500);
    expect(usToPs(2)).toBe(2_000_000);
    expect(msToPs(1)).toBe(1e9);
    expect(sToPs(1)).toBe(1e12);
    expect(psToUs(3_000_000)).toBe(3);
  });

  it('refuses times that are negative, fractional, not finite or past 2^53 ps', () => {
    expect(checkTimePs(MAX_TIME_PS, 't')).toBe(MAX_TIME_PS);
    for (const bad of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_TIME_PS + 2]) {
      expect(() => checkTimePs(bad, 't')).toThrow(QnetError);
    }
    expect(() => checkTimePs(2 ** 53, 'until')).toThrow(/past the largest simulation time/);
  });

  it('gives 4.897 µs/km of fibre delay at group index 1.468 (REFERENCES.md, Fibre)', () => {
    expect(fibreDelayPs(1) / 1e6).toBeCloseTo(4.897, 3);
  });

  it('gives eta = 0.1 at 50 km and 0.2 dB/km (REFERENCES.md, Fibre)', () => {
    expect(fibreTransmissivity(50, 0.2)).toBeCloseTo(0.1, 12);
    expect(transmissivityToDb(dbToTransmissivity(7.3))).toBeCloseTo(7.3, 12);
  });
});
