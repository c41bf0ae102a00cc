import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import { executeProgram } from './execute.js';
import { bitsRead, bitsWritten, slotsOf } from './instruction-facts.js';
import { idealNetwork, presetNetwork, type RuntimeNetwork } from './network.js';
import { bellTeleportCase, ProgramBuilder } from './programs.test-helper.js';
import { simulateTiming } from './timing.js';

describe('timing', () => {
  it('matches a hand-computed schedule for a teleport (Heron durations, 1 µs classical delay)', () => {
    const { program } = bellTeleportCase(false);
    const r = executeProgram(program, {
      seed: 1,
      shots: 0,
      ideal: true,
      probabilities: false,
      network: idealNetwork(program, 1_000_000),
    });
    // Dataflow per slot. QPU 0: h(0) 0–24 ns, cx(0,1) 24–108; the pair is ready at 0 (both slots
    // unused, infinite rate); cx(1,2) 108–192, h(1) 192–216, measure-and-reset of slot 1 216–3360
    // (1560 + 1584 ns) and, in parallel, of slot 2 192–3336; send at 3360 (both bits present); the
    // final measure of slot 0 runs 108–1668, not waiting for the teleport. QPU 1: the bits arrive
    // at 4360, X 4360–4384, Z 4384–4408, measure 4408–5968.
    expect(r.timeToSolutionUs).toBeCloseTo(5.968, 9);
    expect(r.ebitsReadyShare).toBe(1);
    // Data idle: qubit 0 never waits; the teleported qubit waits from 3360 (left QPU 0) to 4360.
    // Without lookahead the pair is needed at 108 (cx(1,2) has its other slot), made at once.
    expect(r.dataIdleUs).toBeCloseTo(1.0, 9);
    expect(r.withoutLookahead).toEqual({
      timeToSolutionUs: r.timeToSolutionUs,
      ebitsReadyShare: 1,
      dataIdleUs: r.dataIdleUs,
    });
  });

  it('orders instructions by start time, after their slot predecessors and the bits they read', () => {
    const { program } = bellTeleportCase(true);
    const t = simulateTiming(
      program,
      presetNetwork(program, { rateHz: 1e5, fidelity: 1 }),
      true,
      Rng.fromSeed(3),
    );
    const pos = program.qpus.map((p) => new Array<number>(p.instructions.length).fill(-1));
    t.order.forEach(([q, i], k) => {
      pos[q]![i] = k;
    });
    for (let k = 1; k < t.order.length; k++) {
      const [q0, i0] = t.order[k - 1]!;
      const [q1, i1] = t.order[k]!;
      expect(t.start[q1]![i1]!).toBeGreaterThanOrEqual(t.start[q0]![i0]!);
    }
    program.qpus.forEach((p, q) => {
      expect(pos[q]!.every((k) => k >= 0)).toBe(true);
      const lastOnSlot = new Map<number, number>();
      const lastWriter = new Map<number, number>();
      p.instructions.forEach((ins, i) => {
        for (const s of slotsOf(ins)) {
          const prev = lastOnSlot.get(s);
          if (prev !== undefined) {
            expect(pos[q]![prev]!).toBeLessThan(pos[q]![i]!);
            expect(t.end[q]![prev]!).toBeLessThanOrEqual(t.start[q]![i]!);
          }
          lastOnSlot.set(s, i);
        }
        for (const b of bitsRead(ins)) {
          const w = lastWriter.get(b);
          if (w !== undefined) expect(pos[q]![w]!).toBeLessThan(pos[q]![i]!);
        }
        for (const b of bitsWritten(ins)) lastWriter.set(b, i);
      });
    });
  });

  it('does not hold a qubit of the same QPU back while an e-bit is awaited', () => {
    // QPU 0 waits for a slow pair on slot 1; slot 2 holds an unrelated qubit that comes later in the
    // stream. On demand the pair is made when it is needed, so the wait is long in both policies.
    const b = new ProgramBuilder(2, 3, 3, [
      { qpu: 0, slot: 0 },
      { qpu: 0, slot: 2 },
      { qpu: 1, slot: 0 },
    ]);
    b.remoteCnot(0, 0, 1, 1, 0, 1);
    b.gate(0, 'h', [2]).gate(0, 'x', [2]).measure(0, 2, 2);
    b.measure(0, 0, 0).measure(1, 0, 1);
    const program = b.build();
    const network = presetNetwork(program, { rateHz: 1e4, fidelity: 1 });
    for (const lookahead of [true, false]) {
      const t = simulateTiming(program, network, lookahead, Rng.fromSeed(1));
      const stream = program.qpus[0]!.instructions;
      const h = stream.findIndex((ins) => ins.op === 'gate' && ins.gate === 'h' && ins.slots[0] === 2);
      const m = stream.findIndex((ins) => ins.op === 'measure' && ins.slot === 2);
      // h 24 ns, x 24 ns, measure 1560 ns, back to back from 0 (the h need not wait at all).
      expect(t.start[0]![h]!).toBe(0);
      expect(t.end[0]![m]!).toBe(1_608_000);
      expect(t.readyPs[0]!).toBeGreaterThan(t.end[0]![m]!);
    }
  });

  it('refuses a program that waits for a message nobody sends', () => {
    const b = new ProgramBuilder(2, 1, 1, [{ qpu: 0, slot: 0 }]);
    b.streams[1]!.push({ op: 'recv', from: 0, bits: [1] });
    expect(() => executeProgram(b.build(), { seed: 1, shots: 0, ideal: true, probabilities: false })).toThrow(
      /sends nothing to match it/,
    );
  });
});

/** Eight remote CNOTs between QPU 0 and 1, each after ~4.8 µs of local work on QPU 0. */
function sequentialEbits() {
  const b = new ProgramBuilder(2, 2, 2, [
    { qpu: 0, slot: 0 },
    { qpu: 1, slot: 0 },
  ]);
  b.gate(0, 'h', [0]);
  for (let k = 0; k < 8; k++) {
    for (let g = 0; g < 200; g++) b.gate(0, 's', [0]);
    b.remoteCnot(0, 0, 1, 1, 0, 1);
  }
  b.measure(0, 0, 0).measure(1, 0, 1);
  return b.build();
}

describe('lookahead', () => {
  it('makes pairs before the streams need them: higher ready share, less data idling (seed 5)', () => {
    const program = sequentialEbits();
    const network: RuntimeNetwork = presetNetwork(program, { rateHz: 1e6, fidelity: 1 });
    const r = executeProgram(program, { seed: 5, shots: 0, ideal: true, probabilities: false, network });
    const off = r.withoutLookahead;
    expect(r.ebitsReadyShare).toBeGreaterThan(off.ebitsReadyShare);
    expect(r.dataIdleUs).toBeLessThan(off.dataIdleUs);
    expect(r.timeToSolutionUs).toBeLessThan(off.timeToSolutionUs);
    // Without lookahead generation starts when both streams arrive, so a pair is never waiting.
    expect(off.ebitsReadyShare).toBe(0);
    const noLookahead = executeProgram(program, {
      seed: 5,
      shots: 0,
      ideal: true,
      probabilities: false,
      network,
      lookahead: false,
    });
    expect(noLookahead.timeToSolutionUs).toBe(off.timeToSolutionUs);
  });

  it('lets a link make `parallel` pairs at once', () => {
    // Two independent remote CNOTs on disjoint slots: with two generators both pairs start at 0.
    const b = new ProgramBuilder(2, 4, 4, [
      { qpu: 0, slot: 0 },
      { qpu: 0, slot: 1 },
      { qpu: 1, slot: 0 },
      { qpu: 1, slot: 1 },
    ]);
    b.ebit(0, 2, 1, 2);
    b.ebit(0, 3, 1, 3);
    const program = b.build();
    const ready = (parallel: number) => {
      const net = presetNetwork(program, { rateHz: 1e5, fidelity: 1, parallel });
      return simulateTiming(program, net, true, Rng.fromSeed(9)).readyPs;
    };
    const one = ready(1);
    const two = ready(2);
    // One generator: the second pair starts when the first is done.
    expect(one[1]!).toBeGreaterThan(one[0]!);
    expect(two[0]).toBe(one[0]);
    expect(two[1]!).toBeLessThan(one[1]!);
  });
});
