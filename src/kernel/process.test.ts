import { describe, expect, it } from 'vitest';
import type { Mailbox } from './mailbox.js';
import type { ProcessContext, Sleep } from './process.js';
import { Simulation } from './simulation.js';

describe('Process', () => {
  it('wakes sleepers in time order, then in order of falling asleep', () => {
    const sim = new Simulation();
    const log: string[] = [];
    for (const [name, delays] of [
      ['a', [30, 10]],
      ['b', [10, 30]],
      ['c', [20, 5, 15]],
    ] as const) {
      sim.spawn(function* (ctx) {
        for (const d of delays) {
          yield* ctx.sleep(d);
          log.push(`${name}@${ctx.nowPs}`);
        }
      });
    }
    sim.run();
    expect(log).toEqual(['b@10', 'c@20', 'c@25', 'a@30', 'b@40', 'c@40', 'a@40']);
  });

  it('receives messages put before and after it waits, and returns a value', () => {
    const sim = new Simulation();
    const inbox = sim.mailbox<string>('inbox');
    inbox.put('early');
    const received: [number, string][] = [];
    const proc = sim.spawn(function* (ctx) {
      for (let i = 0; i < 3; i++) {
        const msg = yield* ctx.receive(inbox);
        received.push([ctx.nowPs, msg]);
      }
      return received.length;
    });
    sim.schedule(50, () => inbox.put('late'));
    sim.schedule(70, () => {
      inbox.put('x');
      inbox.put('y');
    });
    expect(proc.done).toBe(false);
    sim.run();
    expect(received).toEqual([
      [0, 'early'],
      [50, 'late'],
      [70, 'x'],
    ]);
    expect(proc.state).toBe('done');
    expect(proc.result).toBe(3);
    expect(inbox.size).toBe(1);
    expect(inbox.take()).toBe('y');
  });

  it('plays ping-pong over two channels at the exact expected times', () => {
    const sim = new Simulation();
    const aInbox = sim.mailbox<number>('a');
    const bInbox = sim.mailbox<number>('b');
    const aToB = sim.channel<number>({ name: 'a-b', delayPs: 7_000, to: bInbox });
    const bToA = sim.channel<number>({ name: 'b-a', delayPs: 5_000, to: aInbox });
    const aTimes: number[] = [];
    const bTimes: number[] = [];

    function* pinger(ctx: ProcessContext) {
      for (let round = 0; round < 4; round++) {
        aToB.send(round);
        const back = yield* ctx.receive(aInbox);
        expect(back).toBe(round);
        aTimes.push(ctx.nowPs);
      }
      return 'done';
    }
    function* ponger(ctx: ProcessContext) {
      for (;;) {
        const ball = yield* ctx.receive(bInbox);
        bTimes.push(ctx.nowPs);
        yield* ctx.sleep(1_000);
        bToA.send(ball);
      }
    }
    const a = sim.spawn(pinger, { name: 'A' });
    const b = sim.spawn(ponger, { name: 'B' });
    sim.run();
    expect(bTimes).toEqual([7_000, 20_000, 33_000, 46_000]);
    expect(aTimes).toEqual([13_000, 26_000, 39_000, 52_000]);
    expect(a.result).toBe('done');
    expect(b.state).toBe('waiting');
    expect(aToB.sent).toBe(4);
    expect(bToA.delivered).toBe(4);
  });

  it('joins another process and resumes with its result when it finishes', () => {
    const sim = new Simulation();
    const events: string[] = [];
    const child = sim.spawn(function* (ctx) {
      yield* ctx.sleep(100);
      return 42;
    });
    child.onDone((p) => events.push(`onDone ${p.result}@${sim.nowPs}`));
    sim.spawn(function* (ctx) {
      const value = yield* ctx.join(child);
      events.push(`joined ${value}@${ctx.nowPs}`);
      const again = yield* ctx.join(child);
      events.push(`again ${again}@${ctx.nowPs}`);
    });
    sim.run();
    expect(events).toEqual(['onDone 42@100', 'joined 42@100', 'again 42@100']);
  });

  it('accepts plain yields and sleepUntil', () => {
    const sim = new Simulation();
    const box: Mailbox<number> = sim.mailbox();
    let got: unknown;
    sim.spawn(function* (ctx) {
      yield ctx.sleepUntil(500);
      got = yield ctx.receive(box);
    });
    sim.schedule(600, () => box.put(9));
    sim.run({ untilPs: 550 });
    expect(got).toBeUndefined();
    sim.run();
    expect(got).toBe(9);
    expect(sim.nowPs).toBe(600);
  });

  it('refuses async functions, non-generators and foreign yields', () => {
    const sim = new Simulation();
    const code = expect.objectContaining({ code: 'E_PROCESS' });
    // @ts-expect-error: async bodies are refused by type and at run time
    expect(() => sim.spawn(async () => {})).toThrow(code);
    // @ts-expect-error: so are plain functions
    expect(() => sim.spawn(() => 1)).toThrow(code);
    sim.spawn(function* () {
      yield 5 as unknown as Sleep;
    });
    expect(() => sim.run()).toThrow(code);
  });

  it('fails loudly when its body throws', () => {
    const sim = new Simulation();
    const p = sim.spawn(function* (ctx) {
      yield* ctx.sleep(10);
      throw new Error('boom');
    });
    expect(() => sim.run()).toThrow('boom');
    expect(p.state).toBe('failed');
    expect(p.done).toBe(true);
    expect((p.error as Error).message).toBe('boom');
    sim.spawn(function* (ctx) {
      yield* ctx.sleep(-1);
    });
    expect(() => sim.run()).toThrow(expect.objectContaining({ code: 'E_TIME' }));
  });

  it('emits a trace record when a process finishes', () => {
    const kinds: string[] = [];
    const sim = new Simulation({ trace: (r) => kinds.push(r.kind), traceEvents: false });
    sim.spawn(function* () {}, { name: 'p' });
    sim.run();
    expect(kinds).toEqual(['process/done']);
  });
});
