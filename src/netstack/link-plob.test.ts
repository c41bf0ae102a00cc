// No link beats the capacity of the channels it uses. A raw pair count cannot be the measure (dark
// counts herald unentangled "pairs" as often as one likes): the rate counted here is
// p × E_R(heralded state) ebits per attempt and mode, where E_R, the relative entropy of
// entanglement, bounds the distillable entanglement from above — the same quantity PLOB bound
// (Pirandola, Laurenza, Ottaviani, Banchi, Nat. Commun. 8, 15043, 2017).
//
// Which channel? The station (or source) sits between A and B, so every scheme is a two-segment
// chain through a middle node, and the end-to-end capacity of a chain is at most that of its worst
// segment (Pirandola, Commun. Phys. 2, 51, 2019): rate ≤ min(PLOB(η_A), PLOB(η_B)), with η_X the
// whole arm from qubit X to the station (transducer, fibre, switches, detector). That holds for all
// three schemes. The bound of the whole A–B channel, PLOB(η_A η_B), holds for the two schemes that
// need a photon from each end to survive (Barrett–Kok, midpoint source), but NOT for single-click:
// one photon crosses one arm, p ∝ √(η_A η_B), exactly as twin-field QKD beats the repeaterless bound
// with an untrusted middle station (Lucamarini et al., Nature 557, 400, 2018). The last test shows it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTOR_PRESETS } from '../hardware/detector.js';
import { plobBound } from '../hardware/fibre.js';
import { DEFAULT_HERALDING_STATION } from '../hardware/heralding-station.js';
import { DEFAULT_PAIR_SOURCE } from '../hardware/pair-source.js';
import { testLink } from './link.test-helper.js';
import { resolveLinkModel } from './link-params.js';
import {
  bellDiagonalRelativeEntropy,
  doubleClickOutcome,
  type LinkAttemptOutcome,
  midpointSourceOutcome,
  singleClickOutcome,
} from './link-physics.js';

const ebitsPerUse = (o: LinkAttemptOutcome) => o.successProbability * bellDiagonalRelativeEntropy(o.state);
/** The bound with a relative slack of 1e-12 for rounding. */
const within = (rate: number, bound: number) => rate <= bound * (1 + 1e-12);

const logUniform = (min: number, max: number) =>
  fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const small = fc.oneof(fc.constant(0), logUniform(1e-9, 0.2));

const station = fc.record({
  etaA: logUniform(1e-7, 1),
  etaB: logUniform(1e-7, 1),
  visibility: unit,
  darkCountProbability: small,
  noiseA: small,
  noiseB: small,
});

describe('PLOB: no link beats the repeaterless capacity of its channels', () => {
  it('property: single-click stays under the worst segment’s PLOB bound', () => {
    fc.assert(
      fc.property(station, logUniform(1e-4, 1), logUniform(1e-4, 1), (s, alphaA, alphaB) => {
        const rate = ebitsPerUse(singleClickOutcome({ ...s, alphaA, alphaB }));
        return within(rate, Math.min(plobBound(s.etaA), plobBound(s.etaB)));
      }),
      { numRuns: 3000 },
    );
  });

  it('property: Barrett–Kok stays under PLOB of the whole A–B channel (and of each segment)', () => {
    fc.assert(
      fc.property(station, (s) => {
        const rate = ebitsPerUse(doubleClickOutcome(s));
        return (
          within(rate, plobBound(s.etaA * s.etaB)) &&
          within(rate, Math.min(plobBound(s.etaA), plobBound(s.etaB)))
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('property: the midpoint source stays under PLOB of the whole A–B channel (and of each segment)', () => {
    const source = fc.record({
      meanPairs: logUniform(1e-4, 20),
      statistics: fc.constantFrom('thermal' as const, 'poisson' as const),
      etaA: logUniform(1e-7, 1),
      etaB: logUniform(1e-7, 1),
      noiseA: small,
      noiseB: small,
      pairFidelity: fc.double({ min: 0.25, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(source, (s) => {
        const rate = ebitsPerUse(midpointSourceOutcome(s));
        return (
          within(rate, plobBound(s.etaA * s.etaB)) &&
          within(rate, Math.min(plobBound(s.etaA), plobBound(s.etaB)))
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('property: links built from random devices obey the same bounds (arms = transducer × fibre × switches × detector)', () => {
    const end = fc.record({
      transducer: fc.record({
        efficiency: logUniform(1e-4, 1),
        addedNoisePhotons: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true })),
        pulseLengthNs: fc.constant(100),
        repetitionRateHz: fc.constant(1e6),
      }),
      lengthKm: fc.double({ min: 0, max: 300, noNaN: true }),
    });
    const link = fc.record({
      scheme: fc.constantFrom('single-click' as const, 'double-click' as const, 'midpoint-source' as const),
      a: end,
      b: end,
      alpha: logUniform(1e-3, 0.5),
      visibility: unit,
      darkHz: fc.oneof(fc.constant(0), logUniform(1, 1e5)),
      detector: unit,
      mu: logUniform(1e-3, 5),
    });
    fc.assert(
      fc.property(link, (l) => {
        const noZeroNoise = (t: typeof l.a.transducer) =>
          t.efficiency === 1 ? { ...t, addedNoisePhotons: 0 } : t;
        const params = testLink(
          l.scheme,
          {
            brightStatePopulation: l.alpha,
            station: {
              ...DEFAULT_HERALDING_STATION,
              visibility: l.visibility,
              detector: {
                ...DETECTOR_PRESETS.snspd.params,
                efficiency: l.detector,
                darkCountRateHz: l.darkHz,
              },
            },
            source: { ...DEFAULT_PAIR_SOURCE, meanPairsPerPulse: l.mu },
          },
          [
            { transducer: noZeroNoise(l.a.transducer), lengthKm: l.a.lengthKm },
            { transducer: noZeroNoise(l.b.transducer), lengthKm: l.b.lengthKm },
          ],
        );
        const m = resolveLinkModel(params);
        const rate = ebitsPerUse(m.outcome);
        const segment = within(rate, Math.min(plobBound(m.etaArms[0]), plobBound(m.etaArms[1])));
        return segment && (l.scheme === 'single-click' || within(rate, plobBound(m.etaEndToEnd)));
      }),
      { numRuns: 500 },
    );
  });

  it('single-click does beat PLOB of the whole A–B channel at long distance (a middle node, like twin-field QKD)', () => {
    // η = 1e-3 per arm (e.g. 150 km of fibre each side): η_AB = 1e-6.
    const o = singleClickOutcome({
      alphaA: 0.1,
      etaA: 1e-3,
      etaB: 1e-3,
      visibility: 1,
      darkCountProbability: 0,
    });
    const rate = ebitsPerUse(o);
    expect(rate).toBeGreaterThan(50 * plobBound(1e-6));
    expect(rate).toBeLessThan(plobBound(1e-3));
  });
});
