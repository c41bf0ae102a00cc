import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import {
  bathOccupancy,
  makeTransducer,
  noisePhotonProbability,
  outputNoisePhotons,
  quantumCapacityBounds,
  TRANSDUCER_PRESETS,
  thermalEntropy,
  transducerBandwidthHz,
  transducerCapacityBounds,
  transducerCapacityRates,
  usablePhotonProbability,
  validateTransducer,
} from './transducer.js';

const etaArb = fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true });
const noiseArb = fc.double({ min: 0, max: 20, noNaN: true });

function pathOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    if (e instanceof QnetError) return e.where.path;
    throw e;
  }
  return undefined;
}

describe('transducer capacity bounds (Wang, Li, Jiang; Zeuthen et al.)', () => {
  it('give [3.170, 3.322] at η = 0.9, N = 0 (REFERENCES.md)', () => {
    const b = quantumCapacityBounds(0.9, 0);
    expect(b.lower).toBeCloseTo(3.1699250014423126, 12);
    expect(b.upper).toBeCloseTo(3.3219280948873626, 12);
  });

  it('match mpmath at other points', () => {
    // n̄ = 0.2: both bounds positive.
    expect(quantumCapacityBounds(0.8, 0.05).lower).toBeCloseTo(1.2199730940219753, 12);
    expect(quantumCapacityBounds(0.8, 0.05).upper).toBeCloseTo(1.60628680788681, 12);
    // Lower bound already zero, upper still positive.
    expect(quantumCapacityBounds(0.95, 0.5)).toEqual({
      lower: 0,
      upper: expect.closeTo(0.2609120571403216, 12),
    });
    expect(quantumCapacityBounds(0.6, 0.1)).toEqual({
      lower: 0,
      upper: expect.closeTo(0.7900491545422642, 12),
    });
    // n̄ = 2.33 >= η/(1−η) = 2.33...: both zero.
    expect(quantumCapacityBounds(0.7, 1)).toEqual({ lower: 0, upper: 0 });
  });

  it('are ordered, non-negative, and zero for η <= 1/2', () => {
    fc.assert(
      fc.property(etaArb, noiseArb, (eta, n) => {
        const { lower, upper } = quantumCapacityBounds(eta, n);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeGreaterThanOrEqual(lower);
        if (eta <= 0.5) expect(upper).toBe(0);
      }),
    );
  });

  it('upper bound goes continuously to 0 at n̄ = η/(1−η)', () => {
    // η = 0.9: n̄ = 9 at N = 1.
    expect(quantumCapacityBounds(0.9, 1 - 1e-9).upper).toBeLessThan(1e-7);
    expect(quantumCapacityBounds(0.9, 1).upper).toBe(0);
  });

  it('fall as noise grows and rise with efficiency', () => {
    fc.assert(
      fc.property(etaArb, etaArb, noiseArb, noiseArb, (a, b, m, n) => {
        const [e0, e1] = a <= b ? [a, b] : [b, a];
        const [n0, n1] = m <= n ? [m, n] : [n, m];
        expect(quantumCapacityBounds(e1, n0).lower).toBeGreaterThanOrEqual(
          quantumCapacityBounds(e0, n0).lower - 1e-12,
        );
        expect(quantumCapacityBounds(e1, n1).lower).toBeLessThanOrEqual(
          quantumCapacityBounds(e1, n0).lower + 1e-12,
        );
      }),
    );
  });

  it('g(x) is the thermal entropy: g(0) = 0, g(1) = 2', () => {
    expect(thermalEntropy(0)).toBe(0);
    expect(thermalEntropy(1)).toBeCloseTo(2, 14);
    // Large and tiny occupancies (mpmath at 700 digits): the naive form loses every digit at the first.
    expect(thermalEntropy(4.6e15)).toBeCloseTo(53.47325032536905, 12);
    expect(thermalEntropy(1e-300) / 9.980211235070977e-298).toBeCloseTo(1, 13);
    expect(bathOccupancy(0.8, 0.05)).toBeCloseTo(0.2, 14);
  });
});

describe('transducer presets', () => {
  it('are valid and in the ranges REFERENCES.md gives', () => {
    for (const [name, p] of Object.entries(TRANSDUCER_PRESETS))
      validateTransducer(p.params, ['presets', name]);
    const today = TRANSDUCER_PRESETS['transducer-2025'].params;
    expect(today.efficiency).toBeGreaterThanOrEqual(1e-3);
    expect(today.efficiency).toBeLessThanOrEqual(1e-2);
    expect(today.addedNoisePhotons).toBeGreaterThanOrEqual(0.2);
    expect(today.addedNoisePhotons).toBeLessThanOrEqual(3);
    expect(today.pulseLengthNs).toBeGreaterThanOrEqual(100);
    expect(today.pulseLengthNs).toBeLessThanOrEqual(1000);
    expect(today.repetitionRateHz).toBeGreaterThanOrEqual(1e4);
    expect(today.repetitionRateHz).toBeLessThanOrEqual(1e5);
    expect(TRANSDUCER_PRESETS['brubaker-2022'].params).toMatchObject({
      efficiency: 0.47,
      addedNoisePhotons: 3.2,
    });
    expect(TRANSDUCER_PRESETS['zhao-2024'].params).toMatchObject({
      efficiency: 0.022,
      addedNoisePhotons: 0.94,
    });
    expect(TRANSDUCER_PRESETS['sahu-2022'].params.addedNoisePhotons).toBe(0.16);
  });

  it('today no device has quantum capacity; the 2030 target does', () => {
    for (const name of ['transducer-2025', 'brubaker-2022', 'sahu-2022', 'zhao-2024'] as const) {
      expect(transducerCapacityBounds(TRANSDUCER_PRESETS[name].params).upper).toBe(0);
    }
    const target = TRANSDUCER_PRESETS['transducer-2030-target'].params;
    expect(transducerCapacityBounds(target).lower).toBeGreaterThan(1);
    expect(transducerCapacityRates(target).lower).toBeCloseTo(1219973.0940219753, 3);
    expect(transducerBandwidthHz(target)).toBeCloseTo(1e7, 6);
  });
});

describe('heralded emission model', () => {
  const t = TRANSDUCER_PRESETS['transducer-2025'].params;

  it('emits a usable photon with probability η·p_mw', () => {
    expect(usablePhotonProbability(t)).toBe(3e-3);
    expect(usablePhotonProbability(t, 0.1)).toBeCloseTo(3e-4, 15);
  });

  it('adds thermal noise of mean η·N per mode', () => {
    expect(outputNoisePhotons(t)).toBeCloseTo(2.4e-3, 15);
    // One thermal mode: n/(1+n).
    expect(noisePhotonProbability(t)).toBeCloseTo(2.4e-3 / 1.0024, 15);
    expect(noisePhotonProbability(t, 10)).toBeCloseTo(1 - 1.0024 ** -10, 14);
    expect(noisePhotonProbability(makeTransducer({ addedNoisePhotons: 0 }))).toBe(0);
  });
});

describe('transducer validation', () => {
  it('names the field of impossible values', () => {
    expect(pathOf(() => makeTransducer({ efficiency: 1.2 }, ['presets', 'x']))).toEqual([
      'presets',
      'x',
      'efficiency',
    ]);
    expect(pathOf(() => makeTransducer({ efficiency: 0 }))).toEqual(['efficiency']);
    expect(pathOf(() => makeTransducer({ addedNoisePhotons: -1 }))).toEqual(['addedNoisePhotons']);
    expect(pathOf(() => makeTransducer({ efficiency: 1, addedNoisePhotons: 0.1 }))).toEqual([
      'addedNoisePhotons',
    ]);
    expect(pathOf(() => makeTransducer({ pulseLengthNs: 1000, repetitionRateHz: 2e6 }))).toEqual([
      'repetitionRateHz',
    ]);
    expect(quantumCapacityBounds(1, 0).lower).toBe(Number.POSITIVE_INFINITY);
  });
});
