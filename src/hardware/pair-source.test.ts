import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import {
  makePairSource,
  multiPairProbability,
  PAIR_SOURCE_PRESETS,
  pairCollectionProbability,
  pairRatePerChannelHz,
  singlePairProbability,
  validatePairSource,
} from './pair-source.js';

const spdc = PAIR_SOURCE_PRESETS['spdc-2025'].params;

describe('photon-pair source', () => {
  it('spdc-2025: 1e6 pairs/s per channel, multi-pair ≈ μ², both photons collected 0.64', () => {
    validatePairSource(spdc, ['presets', 'spdc-2025']);
    expect(pairRatePerChannelHz(spdc)).toBeCloseTo(1e6, 6);
    expect(multiPairProbability(spdc)).toBeCloseTo((0.01 / 1.01) ** 2, 15);
    expect(singlePairProbability(spdc)).toBeCloseTo(0.01 / 1.01 ** 2, 15);
    expect(pairCollectionProbability(spdc)).toBeCloseTo(0.64, 15);
  });

  it('thermal and Poisson statistics sum to one with P(0) and have mean μ', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 5, noNaN: true }),
        fc.constantFrom('thermal', 'poisson'),
        (mu, stat) => {
          const s = makePairSource({ meanPairsPerPulse: mu, statistics: stat });
          const p0 = stat === 'thermal' ? 1 / (1 + mu) : Math.exp(-mu);
          expect(p0 + singlePairProbability(s) + multiPairProbability(s)).toBeCloseTo(1, 12);
          expect(multiPairProbability(s)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
    // For small μ, thermal bunching doubles the multi-pair probability: μ² against μ²/2.
    const mu = 1e-3;
    const ratio =
      multiPairProbability(makePairSource({ meanPairsPerPulse: mu, statistics: 'thermal' })) /
      multiPairProbability(makePairSource({ meanPairsPerPulse: mu, statistics: 'poisson' }));
    expect(ratio).toBeCloseTo(2, 2);
  });

  it('validation names the field', () => {
    const pathOf = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        if (e instanceof QnetError) return e.where.path;
      }
      return undefined;
    };
    expect(pathOf(() => makePairSource({ heraldingEfficiency: 2 }, ['s']))).toEqual([
      's',
      'heraldingEfficiency',
    ]);
    expect(pathOf(() => makePairSource({ channels: 0 }))).toEqual(['channels']);
    expect(pathOf(() => makePairSource({ statistics: 'squeezed' as never }))).toEqual(['statistics']);
  });
});
