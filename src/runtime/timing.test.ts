import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import { executeProgram } from './execute.js';
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
    // QPU 0: h 0–24 ns, cx 24–108, cx 108–192, h 192–216, both measure-and-resets 216–3360 (1560 +
    // 1584 ns), send at 3360, final measure 3360–4920. QPU 1: bits arrive at 4360, X 4360–4384,
    // Z 4384–4408, measure 4408–5968.
    expect(r.timeToSolutionUs).toBeCloseTo(5.968, 9);
    expect(r.ebitsReadyShare).toBe(1);
    // Data idle: qubit 0 waits 108–3360; the teleported qubit waits from 3360 (left QPU 0) to 4360.
    expect(r.dataIdleUs).toBeCloseTo(3.252 + 1.0, 9);
    expect(r.withoutLookahead).toEqual({
      timeToSolutionUs: r.timeToSolutionUs,
      ebitsReadyShare: 1,
      dataIdleUs: r.dataIdleUs,
    });
  });

  it('gives every instruction a start no earlier than its stream predecessor and a causal order', () => {
    const { program } = bellTeleportCase(true);
    const t = simulateTiming(
      program,
      presetNetwork(program, { rateHz: 1e5, fidelity: 1 }),
      true,
      Rng.fromSeed(3),
    );
    const seen = program.qpus.map(() => -1);
    for (const [q, i] of t.order) {
      expect(i).toBe(seen[q]! + 1);
      seen[q] = i;
    }
    t.start.forEach((s) => {
      for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThanOrEqual(s[i - 1]!);
    });
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
