import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { msToPs } from '../util/units.js';
import { CLOCK_PRESETS, timingMismatch } from './clock.js';
import { FIBRE_PRESETS } from './fibre.js';
import {
  armEfficiency,
  armEfficiencyFactors,
  bsmSuccessProbability,
  HERALDING_STATION_PRESETS,
  makeHeraldingStation,
  stationDarkClickProbability,
  stationVisibility,
  validateHeraldingStation,
  wavepacketInWindow,
} from './heralding-station.js';
import { expectedHomVisibility } from './hom-visibility.js';
import { OPTICAL_SWITCH_PRESETS } from './optical-switch.js';
import { TRANSDUCER_PRESETS } from './transducer.js';

const station = HERALDING_STATION_PRESETS['bsm-snspd'].params;
const probArb = fc.double({ min: 0, max: 1, noNaN: true });

function pathOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    if (e instanceof QnetError) return e.where.path;
    throw e;
  }
  return undefined;
}

describe('heralding station', () => {
  it('ideal linear-optics BSM succeeds half the time', () => {
    expect(bsmSuccessProbability(station)).toBe(0.5);
    validateHeraldingStation(station, ['presets', 'bsm-snspd']);
  });

  it('η_arm = η_transducer · η_fibre · η_switch · η_detector', () => {
    const factors = armEfficiencyFactors(
      {
        transducer: TRANSDUCER_PRESETS['transducer-2025'].params,
        fibre: FIBRE_PRESETS.smf28.params,
        lengthKm: 25,
        switches: [OPTICAL_SWITCH_PRESETS['mems-switch'].params],
      },
      station,
    );
    expect(factors.fibreTransmissivity).toBeCloseTo(10 ** -0.5, 15);
    expect(factors.switchTransmissivity).toBeCloseTo(10 ** -0.1, 15);
    expect(factors.detectorEfficiency).toBeCloseTo(0.9 * 10 ** -0.05, 15);
    expect(armEfficiency(factors)).toBeCloseTo(0.0006044547074134516, 17);
    fc.assert(
      fc.property(probArb, probArb, probArb, probArb, (a, b, c, d) => {
        const eta = armEfficiency({
          transducerEfficiency: a,
          fibreTransmissivity: b,
          switchTransmissivity: c,
          detectorEfficiency: d,
        });
        expect(eta).toBeGreaterThanOrEqual(0);
        expect(eta).toBeLessThanOrEqual(Math.min(a, b, c, d));
      }),
    );
  });

  it('dark clicks of both detectors in one window; share of a photon inside the window', () => {
    expect(stationDarkClickProbability(station)).toBeCloseTo(1.9999800001333333e-5, 18);
    expect(wavepacketInWindow({ shape: 'exponential', lifetimePs: 300_000 }, station.windowPs)).toBeCloseTo(
      0.9643260066527476,
      15,
    );
    expect(wavepacketInWindow({ shape: 'gaussian', sigmaPs: 100 }, 200)).toBeCloseTo(0.6826894921370859, 14);
  });

  it('visibility: intrinsic times the average over the clocks’ mismatch', () => {
    const wr = CLOCK_PRESETS['white-rabbit'].params;
    const mismatch = timingMismatch(wr, wr, msToPs(1000));
    const w = { shape: 'exponential', lifetimePs: 300_000 } as const;
    const v = stationVisibility(station, w, mismatch);
    expect(v).toBeCloseTo(0.9 * expectedHomVisibility(w, mismatch), 15);
    // White Rabbit's ~140 ps mismatch costs almost nothing against a 300 ns photon...
    expect(v).toBeGreaterThan(0.899);
    // ...while NTP's ~140 µs destroys the interference.
    const ntp = CLOCK_PRESETS.ntp.params;
    expect(stationVisibility(station, w, timingMismatch(ntp, ntp, msToPs(64_000)))).toBeLessThan(0.01);
  });

  it('validation names the field, including inside the detector', () => {
    expect(pathOf(() => makeHeraldingStation({ detectors: 3 }, ['stations', 'S']))).toEqual([
      'stations',
      'S',
      'detectors',
    ]);
    expect(
      pathOf(() =>
        makeHeraldingStation({ detector: { ...station.detector, efficiency: -1 } }, ['stations', 'S']),
      ),
    ).toEqual(['stations', 'S', 'detector', 'efficiency']);
    expect(pathOf(() => makeHeraldingStation({ visibility: 1.2 }))).toEqual(['visibility']);
    expect(pathOf(() => makeHeraldingStation({ windowPs: 0 }))).toEqual(['windowPs']);
  });
});
