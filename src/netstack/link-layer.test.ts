import { describe, expect, it } from 'vitest';
import { DETECTOR_PRESETS } from '../hardware/detector.js';
import { DEFAULT_HERALDING_STATION } from '../hardware/heralding-station.js';
import { DEFAULT_PAIR_SOURCE } from '../hardware/pair-source.js';
import { TRANSDUCER_PRESETS } from '../hardware/transducer.js';
import { Simulation } from '../kernel/simulation.js';
import { QnetError } from '../util/errors.js';
import { PS_PER_S, sToPs, usToPs } from '../util/units.js';
import { quietTransducer, testLink } from './link.test-helper.js';
import { EntanglementLink } from './link-layer.js';
import { storedPairState } from './link-pair.js';
import type { LinkScheme } from './link-physics.js';

const SCHEMES: LinkScheme[] = ['single-click', 'double-click', 'midpoint-source'];
/** A brighter source than the preset (μ = 0.2, 64 channels), so that midpoint-source tests see many pairs. */
const BRIGHT_SOURCE = { ...DEFAULT_PAIR_SOURCE, meanPairsPerPulse: 0.2, channels: 64 };

/** Runs a link whose pairs are taken the moment they are usable. */
function runConsumed(link: EntanglementLink, sim: Simulation, seconds: number) {
  link.onPair(() => link.take());
  link.start();
  sim.run({ untilPs: sToPs(seconds) });
  return link.stats();
}

describe('EntanglementLink: attempts, rate and heralded state against the exact model', () => {
  for (const scheme of SCHEMES) {
    for (const qubits of [1, 60]) {
      it(`${scheme}, ${qubits} communication qubit(s): p, rate and fidelity within 3 s.e.`, () => {
        const sim = new Simulation({ seed: 11 });
        const params = testLink(scheme, { source: BRIGHT_SOURCE }, [
          { communicationQubits: qubits },
          { communicationQubits: qubits },
        ]);
        const link = new EntanglementLink(sim, params);
        const m = link.model;
        const s = runConsumed(link, sim, 0.5);
        expect(s.pairs).toBeGreaterThan(300);
        const p = m.outcome.successProbability;
        expect(Math.abs(s.successProbability - p)).toBeLessThan(3 * s.successProbabilityStdErr);
        // Every tick of an unused phase is attempted: min(slots, cycle) of every `cycle` ticks.
        expect(Math.abs(s.rateHz - m.maxRateHz)).toBeLessThan(3 * s.rateStdErr);
        expect(s.attempts / ((0.5 * PS_PER_S) / m.attemptPeriodPs)).toBeCloseTo(
          Math.min(qubits, m.cycleTicks) / m.cycleTicks,
          2,
        );
        // Every pair waits alike: the stored qubits decay for their herald times.
        const [oa, ob] = m.storedOffsetPs;
        const heralded = Math.max(...m.readyOffsetPs);
        const expected = storedPairState(
          m.outcome.state,
          heralded - oa,
          m.memories[0],
          heralded - ob,
          m.memories[1],
        );
        expect(s.fidelity).toBeCloseTo(expected[0], 12);
        expect(s.takenFidelity).toBeCloseTo(expected[0], 12);
        expect(s.fidelityStdErr).toBeLessThan(1e-12);
        expect(s.taken).toBe(s.pairs);
      });
    }
  }

  it('costs O(1) events per pair whatever the success probability', () => {
    const sim = new Simulation({ seed: 3 });
    const link = new EntanglementLink(
      sim,
      testLink('double-click', {}, [
        { transducer: quietTransducer(0.05) },
        { transducer: quietTransducer(0.05) },
      ]),
    );
    const s = runConsumed(link, sim, 2);
    expect(link.model.outcome.successProbability).toBeLessThan(1e-3);
    expect(s.attempts).toBeGreaterThan(1e4);
    // A success, two heralds: three events per pair.
    expect(sim.eventsFired / s.successes).toBeLessThanOrEqual(3);
  });
});

describe('EntanglementLink: timing of storage and heralds', () => {
  it('station schemes: each qubit waits from its emission, dX before the tick; heralds arrive dX after', () => {
    const sim = new Simulation({ seed: 1 });
    const link = new EntanglementLink(sim, testLink('single-click', {}, [{ lengthKm: 2 }, { lengthKm: 7 }]));
    const [dA, dB] = [link.model.arms[0].delayPs, link.model.arms[1].delayPs];
    expect(dA).toBe(Math.round((2 * 1.468) / (299_792.458 / PS_PER_S)));
    const pairs: number[][] = [];
    link.onPair((p) => {
      pairs.push([p.createdPs, ...p.storedSincePs, ...p.readyPs, p.heraldedPs, p.statePs, sim.nowPs]);
      expect(p.createdPs % link.model.attemptPeriodPs).toBe(0);
      link.take();
    });
    link.start();
    sim.run({ untilPs: sToPs(0.05) });
    expect(pairs.length).toBeGreaterThan(10);
    for (const [t, sa, sb, ra, rb, h, statePs, now] of pairs) {
      expect([sa, sb, ra, rb, h, statePs, now]).toEqual([
        t! - dA,
        t! - dB,
        t! + dA,
        t! + dB,
        t! + dB,
        t! + dB,
        t! + dB,
      ]);
    }
  });

  it('midpoint source: qubits wait from absorption; each end learns the other end’s result through the station', () => {
    const sim = new Simulation({ seed: 1 });
    const link = new EntanglementLink(
      sim,
      testLink('midpoint-source', { source: BRIGHT_SOURCE }, [{ lengthKm: 2 }, { lengthKm: 7 }]),
    );
    const [dA, dB] = [link.model.arms[0].delayPs, link.model.arms[1].delayPs];
    let n = 0;
    link.onPair((p) => {
      const t = p.createdPs;
      expect(p.storedSincePs).toEqual([t + dA, t + dB]);
      expect(p.readyPs).toEqual([t + dA + 2 * dB, t + dB + 2 * dA]);
      expect(p.heraldedPs).toBe(t + dA + 2 * dB);
      n++;
      link.take();
    });
    link.start();
    sim.run({ untilPs: sToPs(0.05) });
    expect(n).toBeGreaterThan(10);
  });

  it('Barrett–Kok attempts at half the transducer rate and heralds after its second round', () => {
    const sim = new Simulation({ seed: 1 });
    const link = new EntanglementLink(sim, testLink('double-click'));
    expect(link.model.repetitionRateHz).toBe(500_000);
    expect(link.model.readyOffsetPs[0]).toBe(link.model.arms[0].delayPs + 1_000_000);
  });
});

describe('EntanglementLink: memories, cutoff and multiplexing', () => {
  it('pairs taken later carry the decay of both stored qubits for their whole storage time', () => {
    const sim = new Simulation({ seed: 5 });
    const link = new EntanglementLink(sim, testLink('double-click'));
    link.start();
    sim.run({ stopWhen: () => link.available > 0 });
    const before = link.peek()!;
    expect(before.statePs).toBe(sim.nowPs);
    expect(before.statePs).toBe(before.heraldedPs);
    const now = sim.nowPs + usToPs(50);
    sim.run({ untilPs: now });
    const p = link.take()!;
    expect(p.statePs).toBe(now);
    const [sa, sb] = p.storedSincePs;
    expect(p.state).toEqual(
      storedPairState(p.heraldState, now - sa, link.model.memories[0], now - sb, link.model.memories[1]),
    );
    expect(p.state[0]).toBeLessThan(before.state[0]);
    expect(link.available).toBe(0);
  });

  it('discards pairs at the cutoff, at both ends, and frees their memories for new attempts', () => {
    const sim = new Simulation({ seed: 8 });
    const link = new EntanglementLink(
      sim,
      testLink('single-click', { cutoffUs: 200 }, [{ communicationQubits: 3 }, { communicationQubits: 3 }]),
    );
    const discarded: number[] = [];
    link.onDiscard((p) => {
      expect(sim.nowPs).toBe(p.deadlinePs);
      expect(sim.nowPs - Math.min(...p.storedSincePs)).toBe(usToPs(200));
      discarded.push(p.id);
    });
    let maxHeld = 0;
    link.onPair(() => {
      maxHeld = Math.max(maxHeld, link.available);
    });
    link.start();
    sim.run({ untilPs: sToPs(0.2) });
    const s = link.stats();
    expect(maxHeld).toBeLessThanOrEqual(3);
    expect(s.discarded).toBe(discarded.length);
    expect(s.discarded).toBeGreaterThan(100);
    expect(s.pairs - s.discarded).toBe(s.available);
  });

  it('refuses a cutoff shorter than the heralds take', () => {
    const sim = new Simulation();
    const make = () => new EntanglementLink(sim, testLink('single-click', { cutoffUs: 30 }));
    expect(make).toThrow(QnetError);
    try {
      make();
    } catch (e) {
      expect((e as QnetError).where.path).toEqual(['cutoffUs']);
    }
  });

  it('without consumer or cutoff, holds one pair per communication qubit and stops attempting', () => {
    const sim = new Simulation({ seed: 2 });
    const link = new EntanglementLink(
      sim,
      testLink('single-click', {}, [{ communicationQubits: 4 }, { communicationQubits: 6 }]),
    );
    link.start();
    sim.run({ untilPs: sToPs(0.05) });
    const attempts = link.stats().attempts;
    expect(link.available).toBe(4);
    sim.run({ untilPs: sToPs(0.1) });
    expect(link.stats().attempts).toBe(attempts);
    // Taking one frees a slot: attempts resume.
    link.take('oldest');
    sim.run({ untilPs: sToPs(0.15) });
    expect(link.stats().attempts).toBeGreaterThan(attempts);
    expect(link.available).toBe(4);
  });

  it('stop() ends attempts; in-flight heralds still arrive; start() resumes', () => {
    const sim = new Simulation({ seed: 4 });
    const link = new EntanglementLink(
      sim,
      testLink('single-click', {}, [{ communicationQubits: 40 }, { communicationQubits: 40 }]),
    );
    link.onPair(() => link.take());
    link.start();
    sim.run({ untilPs: sToPs(0.01) });
    link.stop();
    const s0 = link.stats();
    sim.run();
    const s1 = link.stats();
    expect(s1.attempts).toBe(s0.attempts);
    expect(s1.successes).toBe(s0.successes);
    expect(s1.pairs).toBe(s1.successes);
    expect(s1.elapsedPs).toBe(sToPs(0.01));
    link.start();
    sim.run({ untilPs: sim.nowPs + sToPs(0.01) });
    expect(link.stats().successes).toBeGreaterThan(s1.successes);
  });
});

describe('EntanglementLink: determinism and realistic devices', () => {
  const creation = (seed: number, id = 'ab') => {
    const sim = new Simulation({ seed });
    const link = new EntanglementLink(sim, { ...testLink('single-click'), id });
    const times: number[] = [];
    link.onPair((p) => {
      times.push(p.createdPs);
      link.take();
    });
    link.start();
    sim.run({ untilPs: sToPs(0.01) });
    return times;
  };

  it('same seed, same pairs; another seed or link id, other pairs', () => {
    expect(creation(9)).toEqual(creation(9));
    expect(creation(9)).not.toEqual(creation(10));
    expect(creation(9, 'cd')).not.toEqual(creation(9));
  });

  it('runs 20 simulated seconds of today’s devices and of the 2030 target quickly', () => {
    for (const [label, transducer, qubits] of [
      ['2025', TRANSDUCER_PRESETS['transducer-2025'].params, 1],
      ['2030', TRANSDUCER_PRESETS['transducer-2030-target'].params, 10],
    ] as const) {
      const sim = new Simulation({ seed: 1 });
      const link = new EntanglementLink(
        sim,
        testLink(
          'single-click',
          { station: { ...DEFAULT_HERALDING_STATION, detector: DETECTOR_PRESETS.snspd.params } },
          [
            { transducer, communicationQubits: qubits, lengthKm: 10 },
            { transducer, communicationQubits: qubits, lengthKm: 10 },
          ],
        ),
      );
      const s = runConsumed(link, sim, 20);
      expect(Math.abs(s.rateHz - link.model.maxRateHz), label).toBeLessThan(3 * s.rateStdErr);
      // Speed belongs to the benchmarks, not here: this checks only that a pair costs O(1) events.
      expect(sim.eventsFired).toBeLessThan(4 * s.pairs + 100);
    }
  });
});

describe('EntanglementLink consumers', () => {
  it('lets a listener take a pair the moment it is ready, even with a cutoff set', () => {
    const sim = new Simulation({ seed: 4 });
    const link = new EntanglementLink(
      sim,
      testLink('single-click', { cutoffUs: 200 }, [{ communicationQubits: 3 }, { communicationQubits: 3 }]),
    );
    let taken = 0;
    link.onPair(() => {
      if (link.take()) taken++;
    });
    link.start();
    sim.run({ untilPs: sToPs(0.05) });
    expect(taken).toBeGreaterThan(0);
    expect(link.stats().taken).toBe(taken);
  });
});
