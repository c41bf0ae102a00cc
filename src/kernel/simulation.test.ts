import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/index.js';
import { type EventHandler, Simulation } from './simulation.js';
import type { EventTraceData, TraceRecord } from './trace.js';

interface Op {
  delayPs: number;
  priority: number;
  spawn: boolean;
  cancel: number | null;
}

const opArb = fc.record({
  delayPs: fc.integer({ min: 0, max: 20 }),
  priority: fc.integer({ min: -2, max: 2 }),
  spawn: fc.boolean(),
  cancel: fc.option(fc.nat(), { nil: null }),
});
const initialArb = fc.array(
  fc.record({ timePs: fc.integer({ min: 0, max: 30 }), priority: fc.integer({ min: -2, max: 2 }) }),
  { minLength: 1, maxLength: 40 },
);

interface Pending {
  timePs: number;
  priority: number;
  seq: number;
  label: number;
}

/**
 * Runs a random program on the kernel and on a naive reference (a list searched for its minimum on
 * every step): each fired event takes the next op, which may schedule a child and cancel any event
 * scheduled so far. Returns both firing logs and both logs of cancel results.
 */
function runBoth(initial: { timePs: number; priority: number }[], ops: Op[]) {
  const sim = new Simulation();
  const ids: number[] = [];
  const kernelFired: [number, number][] = [];
  const kernelCancels: boolean[] = [];
  let cursor = 0;
  const handler: EventHandler = (s, label) => {
    expect(s.nowPs).toBeGreaterThanOrEqual(kernelFired.at(-1)?.[0] ?? 0);
    kernelFired.push([s.nowPs, label]);
    const op = ops[cursor++];
    if (!op) return;
    if (op.spawn) ids.push(s.schedule(s.nowPs + op.delayPs, handler, ids.length, op.priority));
    if (op.cancel !== null) kernelCancels.push(s.cancel(ids[op.cancel % ids.length]!));
  };
  for (const e of initial) ids.push(sim.schedule(e.timePs, handler, ids.length, e.priority));
  sim.run();

  let pending: Pending[] = [];
  let count = 0;
  const refFired: [number, number][] = [];
  const refCancels: boolean[] = [];
  const add = (timePs: number, priority: number) => {
    pending.push({ timePs, priority, seq: count, label: count });
    count++;
  };
  for (const e of initial) add(e.timePs, e.priority);
  cursor = 0;
  while (pending.length > 0) {
    const next = pending.reduce((a, b) =>
      a.timePs !== b.timePs
        ? a.timePs < b.timePs
          ? a
          : b
        : a.priority !== b.priority
          ? a.priority < b.priority
            ? a
            : b
          : a.seq < b.seq
            ? a
            : b,
    );
    pending = pending.filter((p) => p !== next);
    refFired.push([next.timePs, next.label]);
    const op = ops[cursor++];
    if (!op) continue;
    if (op.spawn) add(next.timePs + op.delayPs, op.priority);
    if (op.cancel !== null) {
      const label = op.cancel % count;
      const before = pending.length;
      pending = pending.filter((p) => p.label !== label);
      refCancels.push(pending.length < before);
    }
  }
  return { kernelFired, refFired, kernelCancels, refCancels, sim };
}

describe('Simulation ordering', () => {
  it('fires events in (time, priority, sequence) order, honouring cancels made from handlers', () => {
    fc.assert(
      fc.property(initialArb, fc.array(opArb, { maxLength: 120 }), (initial, ops) => {
        const { kernelFired, refFired, kernelCancels, refCancels, sim } = runBoth(initial, ops);
        expect(kernelFired).toEqual(refFired);
        expect(kernelCancels).toEqual(refCancels);
        expect(sim.pending).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('fires a static schedule sorted by time, then priority, then insertion', () => {
    fc.assert(
      fc.property(initialArb, (initial) => {
        const sim = new Simulation();
        const fired: number[] = [];
        for (const [i, e] of initial.entries())
          sim.schedule(e.timePs, (_s, arg) => fired.push(arg), i, e.priority);
        sim.run();
        const expected = initial
          .map((e, i) => ({ ...e, i }))
          .sort((a, b) => a.timePs - b.timePs || a.priority - b.priority || a.i - b.i)
          .map((e) => e.i);
        expect(fired).toEqual(expected);
      }),
    );
  });

  it('never fires cancelled events and fires all others', () => {
    fc.assert(
      fc.property(
        initialArb,
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (initial, cancelMask) => {
          const sim = new Simulation();
          const fired = new Set<number>();
          const ids = initial.map((e, i) =>
            sim.schedule(e.timePs, (_s, arg) => fired.add(arg), i, e.priority),
          );
          ids.forEach((id, i) => {
            if (cancelMask[i]) expect(sim.cancel(id)).toBe(true);
          });
          ids.forEach((id, i) => {
            if (cancelMask[i]) expect(sim.cancel(id)).toBe(false);
          });
          sim.run();
          for (const i of initial.keys()) expect(fired.has(i)).toBe(!cancelMask[i]);
          expect(ids.some((id) => sim.cancel(id))).toBe(false);
        },
      ),
    );
  });

  it('keeps ids unique when slots are reused', () => {
    const sim = new Simulation();
    const noop: EventHandler = () => {};
    const first = sim.schedule(5, noop);
    sim.run();
    const second = sim.schedule(10, noop);
    expect(second).not.toBe(first);
    expect(sim.cancel(first)).toBe(false);
    expect(sim.isPending(second)).toBe(true);
    expect(sim.cancel(second)).toBe(true);
    expect(sim.cancel(0)).toBe(false);
    expect(sim.cancel(-1)).toBe(false);
    expect(sim.cancel(Number.NaN)).toBe(false);
  });

  it('drops large numbers of cancelled events without disturbing the order of the rest', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    const ids: number[] = [];
    for (let i = 0; i < 5000; i++)
      ids.push(sim.schedule(((i * 7919) % 5000) + 1, (s) => fired.push(s.nowPs), i));
    ids.forEach((id, i) => {
      if (i % 5 !== 0) sim.cancel(id);
    });
    expect(sim.pending).toBe(1000);
    sim.run();
    expect(fired).toHaveLength(1000);
    expect(fired).toEqual([...fired].sort((a, b) => a - b));
  });
});

describe('Simulation.run limits', () => {
  const timesArb = fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 60 });

  it('stops exactly at untilPs (inclusive) and resumes where it stopped', () => {
    fc.assert(
      fc.property(
        timesArb,
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 1200 }),
        (times, a, b) => {
          const [cut1, cut2] = a <= b ? [a, b] : [b, a];
          const make = () => {
            const sim = new Simulation();
            const fired: number[] = [];
            for (const [i, t] of times.entries()) sim.schedule(t, (_s, arg) => fired.push(arg), i);
            return { sim, fired };
          };
          const whole = make();
          whole.sim.run();
          const split = make();
          const r1 = split.sim.run({ untilPs: cut1 });
          expect(r1.nowPs).toBe(cut1);
          expect(split.sim.nowPs).toBe(cut1);
          expect(split.fired.length).toBe(times.filter((t) => t <= cut1).length);
          split.sim.run({ untilPs: cut2 });
          expect(split.sim.nowPs).toBe(cut2);
          expect(split.fired.length).toBe(times.filter((t) => t <= cut2).length);
          split.sim.run();
          expect(split.fired).toEqual(whole.fired);
        },
      ),
    );
  });

  it('fires at most maxEvents events per run', () => {
    fc.assert(
      fc.property(timesArb, fc.integer({ min: 0, max: 70 }), (times, budget) => {
        const sim = new Simulation();
        for (const t of times) sim.schedule(t, () => {});
        const r = sim.run({ maxEvents: budget });
        expect(r.events).toBe(Math.min(budget, times.length));
        expect(r.reason).toBe(budget <= times.length ? 'budget' : 'empty');
        expect(sim.run().events).toBe(times.length - r.events);
        expect(sim.eventsFired).toBe(times.length);
      }),
    );
  });

  it('stops when a condition holds or a handler calls stop()', () => {
    const sim = new Simulation();
    let count = 0;
    const tick: EventHandler = (s) => {
      count++;
      s.after(10, tick);
      if (count === 7) s.stop();
    };
    sim.schedule(0, tick);
    expect(sim.run({ stopWhen: () => count >= 3 })).toEqual({ reason: 'condition', events: 3, nowPs: 20 });
    expect(sim.run()).toEqual({ reason: 'stopped', events: 4, nowPs: 60 });
    expect(sim.run({ untilPs: 95 })).toEqual({ reason: 'time', events: 3, nowPs: 95 });
    expect(sim.step()).toBe(true);
    expect(sim.nowPs).toBe(100);
  });

  it('advances the clock to untilPs even when the queue empties first', () => {
    const sim = new Simulation();
    sim.schedule(5, () => {});
    expect(sim.run({ untilPs: 50 })).toEqual({ reason: 'empty', events: 1, nowPs: 50 });
    expect(sim.nextEventPs).toBeUndefined();
  });

  it('refuses to run from inside a handler', () => {
    const sim = new Simulation();
    sim.schedule(1, (s) => s.run());
    expect(() => sim.run()).toThrow(expect.objectContaining({ code: 'E_REENTRANT' }));
    // The failed run left the simulation usable.
    sim.schedule(2, () => {});
    expect(sim.run().events).toBe(1);
  });
});

describe('Simulation time checks', () => {
  const noop: EventHandler = () => {};
  const expectTimeError = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(QnetError);
      expect((e as QnetError).code).toBe('E_TIME');
      return;
    }
    throw new Error('expected an E_TIME error');
  };

  it('refuses bad absolute times', () => {
    const sim = new Simulation();
    for (const t of [2 ** 53, 2 ** 60, -1, Number.NaN, 1.5, Number.POSITIVE_INFINITY]) {
      expectTimeError(() => sim.schedule(t, noop));
    }
    sim.schedule(2 ** 53 - 1, noop);
  });

  it('refuses the past, bad delays and overflowing delays', () => {
    const sim = new Simulation();
    sim.schedule(100, noop);
    sim.run();
    expectTimeError(() => sim.schedule(99, noop));
    for (const d of [-1, Number.NaN, 0.5, 2 ** 53, 2 ** 53 - 100]) expectTimeError(() => sim.after(d, noop));
    expectTimeError(() => sim.run({ untilPs: 50 }));
    expectTimeError(() => sim.run({ untilPs: -1 }));
    expect(sim.schedule(100, noop)).toBeGreaterThan(0);
  });

  it('explains the error', () => {
    const sim = new Simulation();
    expect(() => sim.schedule(2 ** 53, noop)).toThrow(/largest simulation time/);
    sim.schedule(10, noop);
    sim.run();
    expect(() => sim.schedule(3, noop)).toThrow(/in the past/);
  });

  it('refuses non-integer priorities', () => {
    const sim = new Simulation();
    expect(() => sim.schedule(1, noop, 0, 0.5)).toThrow(expect.objectContaining({ code: 'E_ARG' }));
    expect(() => sim.after(1, noop, 0, 2 ** 31)).toThrow(expect.objectContaining({ code: 'E_ARG' }));
  });
});

describe('Simulation tracing', () => {
  it('emits an event record per fired event while a sink is attached', () => {
    const records: TraceRecord[] = [];
    const sim = new Simulation();
    expect(sim.tracing).toBe(false);
    const named: EventHandler = (s) => s.trace('user', { x: 1 });
    sim.schedule(5, named, 42, 3);
    sim.schedule(6, named);
    const detach = sim.onTrace((r) => records.push(r));
    expect(sim.tracing).toBe(true);
    sim.run({ untilPs: 5 });
    detach();
    expect(sim.tracing).toBe(false);
    sim.run();
    const data: EventTraceData = { priority: 3, seq: 0, arg: 42, handler: 'named' };
    expect(records).toEqual([
      { timePs: 5, kind: 'event', data },
      { timePs: 5, kind: 'user', data: { x: 1 } },
    ]);
  });

  it('leaves kernel records out when traceEvents is false', () => {
    const records: TraceRecord[] = [];
    const sim = new Simulation({ trace: (r) => records.push(r), traceEvents: false });
    sim.schedule(1, (s) => s.trace('user'));
    sim.run();
    expect(records.map((r) => r.kind)).toEqual(['user']);
  });
});

/** FNV-1a over the (time, arg) words of every fired event. */
function traceHash(seed: number, extraStreams = false): number {
  const sim = new Simulation({ seed });
  let hash = 0x811c9dc5;
  sim.onTrace((r) => {
    if (r.kind !== 'event') return;
    for (const word of [r.timePs >>> 0, Math.floor(r.timePs / 2 ** 32), (r.data as EventTraceData).arg]) {
      hash = Math.imul(hash ^ word, 0x01000193);
    }
  });
  const rng = sim.rng.child('workload');
  if (extraStreams) sim.rng.child('other').next();
  const lps = 50;
  const hop: EventHandler = (s) => {
    s.after(1 + Math.round(rng.exponential(1000)), hop, rng.int(lps));
  };
  for (let lp = 0; lp < lps; lp++) sim.schedule(rng.int(100), hop, lp);
  sim.run({ maxEvents: 20_000 });
  return hash >>> 0;
}

describe('Simulation determinism', () => {
  it('gives the same trace for the same seed and another for another seed', () => {
    const a = traceHash(7);
    expect(traceHash(7)).toBe(a);
    expect(traceHash(7, true)).toBe(a);
    expect(traceHash(8)).not.toBe(a);
  });

  it('keeps two simulations in one process apart', () => {
    const log: string[] = [];
    const a = new Simulation({ seed: 1 });
    const b = new Simulation({ seed: 1 });
    a.schedule(10, (s) => log.push(`a${s.nowPs}`));
    b.schedule(5, (s) => log.push(`b${s.nowPs}`));
    a.run();
    expect(b.nowPs).toBe(0);
    expect(b.pending).toBe(1);
    b.run();
    expect(log).toEqual(['a10', 'b5']);
    expect(a.rng.next()).toBe(b.rng.next());
  });
});
