import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import {
  FIBRE_PRESETS,
  makeFibre,
  plobBound,
  spanDelayPs,
  spanTransmissivity,
  tgwBound,
  validateFibre,
  validateLengthKm,
} from './fibre.js';

const etaArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('fibre presets', () => {
  it('give 0.2, 0.17 and 0.35 dB/km with group index 1.468 (REFERENCES.md, Fibre)', () => {
    expect(FIBRE_PRESETS.smf28.params).toMatchObject({
      lossDbPerKm: 0.2,
      groupIndex: 1.468,
      wavelengthNm: 1550,
    });
    expect(FIBRE_PRESETS['ull-fibre'].params.lossDbPerKm).toBe(0.17);
    expect(FIBRE_PRESETS['o-band'].params).toMatchObject({ lossDbPerKm: 0.35, wavelengthNm: 1310 });
    for (const [name, p] of Object.entries(FIBRE_PRESETS)) validateFibre(p.params, ['presets', name]);
  });

  it('give η = 0.1 at 50 km of smf28 and the other transmissivities', () => {
    expect(spanTransmissivity(FIBRE_PRESETS.smf28.params, 50)).toBeCloseTo(0.1, 14);
    expect(spanTransmissivity(FIBRE_PRESETS['ull-fibre'].params, 100)).toBeCloseTo(0.0199526231496888, 14);
    expect(spanTransmissivity(FIBRE_PRESETS['o-band'].params, 20)).toBeCloseTo(0.199526231496888, 14);
    expect(spanTransmissivity(FIBRE_PRESETS.smf28.params, 0)).toBe(1);
  });

  it('delays 4.897 µs per km', () => {
    expect(spanDelayPs(FIBRE_PRESETS.smf28.params, 1)).toBe(4_896_721);
    expect(spanDelayPs(FIBRE_PRESETS.smf28.params, 100) / 1e6).toBeCloseTo(489.67, 2);
  });
});

describe('repeaterless bounds', () => {
  it('PLOB = 0.1520 and TGW = 0.2895 at η = 0.1 (50 km at 0.2 dB/km)', () => {
    const eta = spanTransmissivity(FIBRE_PRESETS.smf28.params, 50);
    expect(plobBound(eta)).toBeCloseTo(0.15200309344505, 12);
    expect(tgwBound(eta)).toBeCloseTo(0.28950661719498, 12);
    expect(plobBound(0.0199526231496888)).toBeCloseTo(0.029076602093297, 12);
  });

  it('TGW >= PLOB >= 0 (PLOB is the tighter upper bound), both growing with η', () => {
    fc.assert(
      fc.property(etaArb, etaArb, (a, b) => {
        expect(plobBound(a)).toBeGreaterThanOrEqual(0);
        expect(tgwBound(a)).toBeGreaterThanOrEqual(plobBound(a));
        expect(tgwBound(a) - plobBound(a)).toBeCloseTo(Math.log2(1 + a), 12);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(plobBound(hi)).toBeGreaterThanOrEqual(plobBound(lo));
      }),
    );
    expect(plobBound(0)).toBe(0);
    expect(plobBound(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('PLOB ≈ η/ln 2 for a lossy channel (η ≪ 1), to full precision', () => {
    expect(plobBound(1e-6) / 1e-6).toBeCloseTo(1 / Math.LN2, 5);
    // 500 km of smf28: η = 1e-10; PLOB = (η + η²/2 + …)/ln 2.
    expect(plobBound(1e-10) / ((1e-10 + 5e-21) / Math.LN2)).toBeCloseTo(1, 14);
    expect(tgwBound(1e-10) / (2e-10 / Math.LN2)).toBeCloseTo(1, 14);
  });
});

describe('fibre validation', () => {
  it('names the field of an impossible value', () => {
    const at = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        if (e instanceof QnetError) return e.where.path;
      }
      return undefined;
    };
    expect(at(() => makeFibre({ lossDbPerKm: -0.1 }, ['presets', 'mine']))).toEqual([
      'presets',
      'mine',
      'lossDbPerKm',
    ]);
    expect(at(() => makeFibre({ groupIndex: 0.9 }))).toEqual(['groupIndex']);
    expect(at(() => validateLengthKm(-3, ['links', 2]))).toEqual(['links', 2, 'lengthKm']);
    expect(makeFibre({ lossDbPerKm: 0.3 })).toMatchObject({ lossDbPerKm: 0.3, groupIndex: 1.468 });
  });
});
