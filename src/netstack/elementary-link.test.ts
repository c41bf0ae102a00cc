import { describe, expect, it } from 'vitest';
import { storedPairFidelityBothStored } from '../hardware/qpu.js';
import { Simulation } from '../kernel/simulation.js';
import { PS_PER_S, PS_PER_US } from '../util/units.js';
import { ElementaryLink, type ElementaryLinkParams } from './elementary-link.js';
import { idlePair } from './held-pair.js';

const BASE: ElementaryLinkParams = {
  id: 'ab',
  ends: ['A', 'B'],
  protocol: 'single-click',
  attempt: { etaA: 0.02, etaB: 0.02, visibility: 0.95, pDark: 1e-6, alpha: 0.1 },
  attemptRateHz: 1e6,
  heraldDelayPs: [5 * PS_PER_US, 3 * PS_PER_US],
};

/** Runs a link whose consumer takes every pair as soon as it is heralded. */
function run(params: ElementaryLinkParams, seconds: number, seed = 1) {
  const sim = new Simulation({ seed });
  const link = new ElementaryLink(sim, params);
  const taken: number[] = [];
  link.onPair((l) => {
    const pair = l.take();
    if (pair) taken.push(pair.state[0]);
  });
  link.start();
  sim.run({ untilPs: seconds * PS_PER_S });
  return { link, stats: link.stats(), taken, events: sim.eventsFired };
}

describe('ElementaryLink', () => {
  it('succeeds per attempt with the exact probability, within 3 standard errors', () => {
    const { link, stats } = run(BASE, 2);
    expect(stats.pairs).toBeGreaterThan(1000);
    expect(Math.abs(stats.successProbability - link.successProbability)).toBeLessThan(
      3 * stats.successProbabilityStdErr,
    );
  });

  it('delivers pairs at 1 / (T/p + herald delay) when each memory waits for its herald', () => {
    const { link, stats } = run(BASE, 2);
    const periodS = 1 / BASE.attemptRateHz;
    const expected = 1 / (periodS / link.successProbability + 5e-6);
    // Cycles are i.i.d.: the count over 2 s is close to Poisson; 3 standard errors.
    expect(Math.abs(stats.rateHz - expected)).toBeLessThan(3 * stats.rateStdErr);
  });

  it('ages each pair in both memories until its herald arrives', () => {
    const memory = { t1Us: 100, t2Us: 80 };
    const params = { ...BASE, memory: [memory, memory] as const };
    const { link, taken } = run(params, 0.2);
    const expected = idlePair(link.heraldedState!, 5 * PS_PER_US, memory, memory)[0];
    expect(taken.length).toBeGreaterThan(10);
    for (const f of taken) expect(f).toBeCloseTo(expected, 12);
    // Cross-check of the ageing with the hardware closed form for a perfect |Φ+⟩ in both memories.
    expect(idlePair([1, 0, 0, 0], 5 * PS_PER_US, memory, memory)[0]).toBeCloseTo(
      storedPairFidelityBothStored(memory, 5 * PS_PER_US, memory, 5 * PS_PER_US),
      12,
    );
  });

  it('discards pairs past the cutoff and keeps generating', () => {
    const sim = new Simulation({ seed: 2 });
    const link = new ElementaryLink(sim, { ...BASE, cutoffPs: 50 * PS_PER_US, multiplexing: 2 });
    link.start();
    for (let t = 1; t <= 100; t++) {
      sim.run({ untilPs: t * 100 * PS_PER_US });
      void link.available;
    }
    const stats = link.stats();
    expect(stats.discarded).toBeGreaterThan(0);
    expect(stats.pairs).toBeGreaterThanOrEqual(stats.discarded);
  });

  it('costs O(1) events per pair and is reproducible for a seed', () => {
    const a = run(BASE, 1, 9);
    const b = run(BASE, 1, 9);
    expect(a.stats).toEqual(b.stats);
    expect(a.events).toBeLessThan(3 * a.stats.pairs + 10);
    expect(run(BASE, 1, 10).stats.pairs).not.toBe(a.stats.pairs);
  });
});
