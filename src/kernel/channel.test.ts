import { describe, expect, it } from 'vitest';
import { ClassicalChannel } from './channel.js';
import { Simulation } from './simulation.js';

/** Sends `count` messages one every `gapPs` and records (send index, arrival time) in arrival order. */
function sendMany(
  sim: Simulation,
  options: { jitterPs: number; delayPs: number; reorder?: boolean; jitter?: 'normal' | 'uniform' },
  count = 200,
  gapPs = 10,
) {
  const arrivals: [number, number][] = [];
  const sends: number[] = [];
  const channel = sim.channel<number>({
    name: 'link',
    ...options,
    to: (i, s) => arrivals.push([i, s.nowPs]),
  });
  for (let i = 0; i < count; i++) {
    sim.schedule(i * gapPs, () => {
      sends.push(sim.nowPs);
      channel.send(i);
    });
  }
  sim.run();
  return { arrivals, sends, channel };
}

describe('ClassicalChannel', () => {
  it('delivers after exactly delayPs without jitter', () => {
    const sim = new Simulation();
    const { arrivals } = sendMany(sim, { delayPs: 1_000, jitterPs: 0 }, 5, 3);
    expect(arrivals).toEqual([0, 1, 2, 3, 4].map((i) => [i, 1_000 + 3 * i]));
  });

  it('keeps messages in order under jitter by default, never delivering before the send', () => {
    const sim = new Simulation({ seed: 3 });
    const { arrivals, sends } = sendMany(sim, { delayPs: 100, jitterPs: 80 });
    expect(arrivals.map(([i]) => i)).toEqual(sends.map((_t, i) => i));
    for (const [i, t] of arrivals) expect(t).toBeGreaterThanOrEqual(sends[i]!);
    const delays = arrivals.map(([i, t]) => t - sends[i]!);
    expect(new Set(delays).size).toBeGreaterThan(10);
  });

  it('lets messages overtake when asked to', () => {
    for (const jitter of ['normal', 'uniform'] as const) {
      const sim = new Simulation({ seed: 3 });
      const { arrivals, sends } = sendMany(sim, { delayPs: 100, jitterPs: 80, reorder: true, jitter });
      const order = arrivals.map(([i]) => i);
      expect(order).not.toEqual([...order].sort((a, b) => a - b));
      for (const [i, t] of arrivals) expect(t).toBeGreaterThanOrEqual(sends[i]!);
    }
  });

  it('draws jitter from sim.rng.child("channel/<name>")', () => {
    const sim = new Simulation({ seed: 11 });
    const { arrivals } = sendMany(sim, { delayPs: 1_000, jitterPs: 50, reorder: true }, 20, 0);
    const rng = new Simulation({ seed: 11 }).rng.child('channel/link');
    const expected = Array.from({ length: 20 }, () => Math.max(0, Math.round(1_000 + rng.normal(0, 50))));
    expect(arrivals.map(([, t]) => t).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it("is unaffected by other channels' draws", () => {
    const run = (withNeighbour: boolean) => {
      const sim = new Simulation({ seed: 5 });
      const times: number[] = [];
      const neighbour = withNeighbour
        ? sim.channel<number>({ name: 'other', delayPs: 10, jitterPs: 30, to: () => {} })
        : undefined;
      const channel = new ClassicalChannel<number>(sim, {
        name: 'main',
        delayPs: 500,
        jitterPs: 40,
        to: (_m, s) => times.push(s.nowPs),
      });
      for (let i = 0; i < 50; i++) {
        sim.schedule(i * 100, () => {
          neighbour?.send(i);
          channel.send(i);
          sim.rng.child('component/x').next();
        });
      }
      sim.run();
      return times;
    };
    expect(run(true)).toEqual(run(false));
  });

  it('delivers into a mailbox and traces sends and deliveries', () => {
    const kinds: string[] = [];
    const sim = new Simulation({ trace: (r) => kinds.push(r.kind), traceEvents: false });
    const box = sim.mailbox<string>();
    const channel = sim.channel({ name: 'c', delayPs: 5, to: box });
    expect(channel.send('hi')).toBe(5);
    sim.run();
    expect(box.take()).toBe('hi');
    expect(kinds).toEqual(['channel/send', 'channel/deliver']);
  });

  it('refuses bad options', () => {
    const sim = new Simulation();
    const to = () => {};
    expect(() => sim.channel({ name: 'x', delayPs: -1, to })).toThrow(
      expect.objectContaining({ code: 'E_TIME' }),
    );
    expect(() => sim.channel({ name: 'x', delayPs: 1.5, to })).toThrow(
      expect.objectContaining({ code: 'E_TIME' }),
    );
    expect(() => sim.channel({ name: 'x', delayPs: 1, jitterPs: Number.NaN, to })).toThrow(
      expect.objectContaining({ code: 'E_ARG' }),
    );
    expect(() => sim.channel({ name: '', delayPs: 1, to })).toThrow(
      expect.objectContaining({ code: 'E_ARG' }),
    );
    const far = sim.channel({ name: 'far', delayPs: 2 ** 53 - 1, to });
    sim.schedule(1, () => far.send(0));
    expect(() => sim.run()).toThrow(expect.objectContaining({ code: 'E_TIME' }));
  });
});
