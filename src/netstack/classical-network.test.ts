import { describe, expect, it } from 'vitest';
import { Simulation } from '../kernel/simulation.js';
import { ClassicalNetwork } from './classical-network.js';
import { PingInitiator, PingResponder } from './ping.js';

const line = [
  { id: 'ab', a: 'A', b: 'B', delayPs: 1_000, jitterPs: 0 },
  { id: 'bc', a: 'B', b: 'C', delayPs: 2_000, jitterPs: 0 },
  { id: 'ac', a: 'A', b: 'C', delayPs: 10_000, jitterPs: 0 },
];

describe('ClassicalNetwork', () => {
  it('routes pings over the lowest-latency path and times the round trip exactly', () => {
    const sim = new Simulation({ seed: 1 });
    const net = new ClassicalNetwork(sim, ['A', 'B', 'C'], line);
    const ping = new PingInitiator({ name: 'p', target: 'C', count: 3, intervalPs: 50_000 });
    net.attach('A', ping);
    net.attach('C', new PingResponder('p'));
    net.start();
    sim.run();
    expect(net.route('A', 'C')?.nodes).toEqual(['A', 'B', 'C']);
    expect(ping.rttPs).toEqual([6_000, 6_000, 6_000]);
    expect(net.forwardedCount).toBe(6);
  });

  it('gives the same jittered round trips for the same seed and different ones for another seed', () => {
    const rtts = (seed: number) => {
      const sim = new Simulation({ seed });
      const net = new ClassicalNetwork(
        sim,
        ['A', 'B'],
        [{ id: 'ab', a: 'A', b: 'B', delayPs: 1e6, jitterPs: 500 }],
      );
      const ping = new PingInitiator({ name: 'p', target: 'B', count: 20, intervalPs: 1e7 });
      net.attach('A', ping);
      net.attach('B', new PingResponder('p'));
      net.start();
      sim.run();
      return ping.rttPs;
    };
    expect(rtts(7)).toEqual(rtts(7));
    expect(rtts(7)).not.toEqual(rtts(8));
    const mean = rtts(7).reduce((s, x) => s + x, 0) / 20;
    // Two hops of N(0, 500 ps): the mean of 20 round trips lies within 4 standard errors of 2 µs.
    expect(Math.abs(mean - 2e6)).toBeLessThan((4 * 500 * Math.SQRT2) / Math.sqrt(20));
  });
});
