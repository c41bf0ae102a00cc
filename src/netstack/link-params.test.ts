import { describe, expect, it } from 'vitest';
import { darkCountProbability } from '../hardware/detector.js';
import { spanDelayPs } from '../hardware/fibre.js';
import {
  armEfficiency,
  armEfficiencyFactors,
  DEFAULT_HERALDING_STATION,
  wavepacketInWindow,
} from '../hardware/heralding-station.js';
import { OPTICAL_SWITCH_PRESETS } from '../hardware/optical-switch.js';
import { DEFAULT_PAIR_SOURCE } from '../hardware/pair-source.js';
import { noisePhotonProbability, TRANSDUCER_PRESETS } from '../hardware/transducer.js';
import { QnetError } from '../util/errors.js';
import { PS_PER_S } from '../util/units.js';
import { testLink } from './link.test-helper.js';
import { defaultWavepacket, resolveLinkModel } from './link-params.js';
import { singleClickOutcome } from './link-physics.js';

const pathOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    if (e instanceof QnetError) return e.where.path;
    throw e;
  }
  return undefined;
};

describe('resolving a link from its devices', () => {
  it('etaTotal = transducer × fibre × switches × detector (hardware armEfficiency), times the window fraction', () => {
    const sw = OPTICAL_SWITCH_PRESETS['mems-switch'].params;
    const params = testLink('single-click', {}, [{ lengthKm: 12, switches: [sw, sw] }, { lengthKm: 3 }]);
    const m = resolveLinkModel(params);
    const station = DEFAULT_HERALDING_STATION;
    const window = wavepacketInWindow(defaultWavepacket(params), station.windowPs);
    params.ends.forEach((end, i) => {
      const hw = armEfficiency(armEfficiencyFactors({ ...end, switches: end.switches ?? [] }, station));
      expect(m.etaArms[i]).toBeCloseTo(hw * window, 15);
      expect(m.arms[i]!.delayPs).toBe(spanDelayPs(end.fibre, end.lengthKm));
    });
    expect(m.arms[0].factors.switches).toBeCloseTo(10 ** -0.2, 15);
    expect(m.etaEndToEnd).toBe(m.etaArms[0] * m.etaArms[1]);
    // Dark counts: half the station's detectors behind each beam-splitter output, over one window.
    expect(m.darkCountProbability).toBe(
      darkCountProbability(station.detector.darkCountRateHz * (station.detectors / 2), station.windowPs),
    );
    const noise = noisePhotonProbability(params.ends[0].transducer);
    expect(m.arms[0].noiseProbability).toBeCloseTo(
      (noise * m.etaArms[0]) / params.ends[0].transducer.efficiency,
      15,
    );
    expect(m.outcome).toEqual(
      singleClickOutcome({
        alphaA: 0.1,
        etaA: m.etaArms[0],
        etaB: m.etaArms[1],
        visibility: m.visibility,
        amplitudeOverlap: m.amplitudeOverlap,
        darkCountProbability: m.darkCountProbability,
        noiseA: m.arms[0].noiseProbability,
        noiseB: m.arms[1].noiseProbability,
      }),
    );
  });

  it('midpoint source: source heralding efficiency × fibre × switches × transducer; the source caps slots and rate', () => {
    const source = { ...DEFAULT_PAIR_SOURCE, channels: 3, repetitionRateHz: 200_000 };
    const m = resolveLinkModel(
      testLink('midpoint-source', { source }, [{ communicationQubits: 8 }, { communicationQubits: 5 }]),
    );
    expect(m.etaArms[0]).toBeCloseTo(0.8 * 10 ** -0.1 * 0.8, 15);
    expect(m.slots).toBe(3);
    expect(m.repetitionRateHz).toBe(200_000);
    expect(m.darkCountProbability).toBe(0);
  });

  it('cycle: a memory waits for its herald round trip; slots = min of the ends’ communication qubits', () => {
    const m = resolveLinkModel(
      testLink('single-click', {}, [{ communicationQubits: 8 }, { communicationQubits: 5, lengthKm: 20 }]),
    );
    const dB = m.arms[1].delayPs;
    expect(m.cycleTicks).toBe(Math.ceil((2 * dB) / m.attemptPeriodPs));
    expect(m.slots).toBe(5);
    expect(m.maxRateHz).toBeCloseTo(
      (m.outcome.successProbability * PS_PER_S * 5) / m.attemptPeriodPs / m.cycleTicks,
      9,
    );
    // Next to the station: one tick per attempt.
    const near = resolveLinkModel(testLink('single-click', {}, [{ lengthKm: 0 }, { lengthKm: 0 }]));
    expect(near.cycleTicks).toBe(1);
  });

  it('the attempt rate is that of the slowest transducer unless set lower', () => {
    const slow = TRANSDUCER_PRESETS['transducer-2025'].params;
    expect(resolveLinkModel(testLink('single-click', {}, [{ transducer: slow }, {}])).repetitionRateHz).toBe(
      30_000,
    );
    expect(resolveLinkModel(testLink('single-click', { repetitionRateHz: 1000 })).attemptPeriodPs).toBe(1e9);
    expect(pathOf(() => resolveLinkModel(testLink('single-click', { repetitionRateHz: 2e6 })))).toEqual([
      'repetitionRateHz',
    ]);
  });

  it('points at the faulty field', () => {
    expect(
      pathOf(() => resolveLinkModel(testLink('single-click', {}, [{}, { lengthKm: -1 }]), ['links', 3])),
    ).toEqual(['links', 3, 'ends', 1, 'lengthKm']);
    expect(pathOf(() => resolveLinkModel(testLink('single-click', {}, [{}, { node: 'A' }])))).toEqual([
      'ends',
      1,
      'node',
    ]);
    expect(pathOf(() => resolveLinkModel(testLink('triple-click' as 'single-click')))).toEqual(['scheme']);
    expect(
      pathOf(() => resolveLinkModel(testLink('single-click', {}, [{ memory: { t1Us: 10, t2Us: 30 } }, {}]))),
    ).toEqual(['ends', 0, 'memory', 't2Us']);
    expect(
      pathOf(() => resolveLinkModel(testLink('single-click', {}, [{ communicationQubits: 0 }, {}]))),
    ).toEqual(['ends', 0, 'communicationQubits']);
    expect(pathOf(() => resolveLinkModel(testLink('single-click', { brightStatePopulation: 0 })))).toEqual([
      'brightStatePopulation',
    ]);
  });
});
