import { describe, expect, it } from 'vitest';
import type { Circuit, Instruction } from '../circuit/ir.js';
import { Rng } from '../util/rng.js';
import { StatevectorEngine } from './statevector.js';
import { applyCircuitUnitary, simulateStatevector } from './statevector-circuit.js';

const circuit = (numQubits: number, numBits: number, instructions: Instruction[]): Circuit => ({
  numQubits,
  numBits,
  qregs: [{ name: 'q', size: numQubits, offset: 0 }],
  cregs: numBits > 0 ? [{ name: 'c', size: numBits, offset: 0 }] : [],
  instructions,
});
const gate = (name: string, targets: number[], params: number[] = []): Instruction => ({
  kind: 'gate',
  gate: name,
  targets,
  params,
});
const measure = (targets: number[], extra: Partial<Instruction> = {}): Instruction =>
  ({
    kind: 'measure',
    basis: 'Z',
    targets,
    bits: targets,
    flipProbability: 0,
    reset: false,
    ...extra,
  }) as Instruction;

describe('simulateStatevector', () => {
  it('samples terminal measurements from the final distribution', () => {
    const c = circuit(3, 3, [
      gate('h', [0]),
      gate('cx', [0, 1, 1, 2]),
      { kind: 'barrier', targets: [0, 1, 2] },
      measure([0, 1, 2]),
    ]);
    const shots = 2000;
    const run = simulateStatevector(c, { shots, rng: Rng.fromSeed(1), probabilities: true });
    expect(run.sampled).toBe(true);
    expect(Array.from(run.probabilities!)).toEqual([
      0.5000000000000001, 0, 0, 0, 0, 0, 0, 0.5000000000000001,
    ]);
    let ones = 0;
    for (const s of run.shots) {
      expect(s.record[0]).toBe(s.record[1]);
      expect(s.record[1]).toBe(s.record[2]);
      expect(Array.from(s.bits)).toEqual(s.record);
      ones += s.record[0]!;
    }
    expect(Math.abs(ones / shots - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / shots));
  });

  it('applies X-basis measurements, inversions and detectors on the fast path', () => {
    const c = circuit(2, 0, [
      gate('h', [0]),
      measure([0], { basis: 'X', bits: undefined, inverted: [true] } as Partial<Instruction>),
      measure([1], { bits: undefined } as Partial<Instruction>),
      { kind: 'detector', lookbacks: [1, 2], coords: [] },
    ]);
    const run = simulateStatevector(c, { shots: 50, rng: Rng.fromSeed(2) });
    expect(run.sampled).toBe(true);
    for (const s of run.shots) {
      expect(s.record).toEqual([1, 0]);
      expect(s.detectors).toEqual([1]);
    }
  });

  it('runs mid-circuit measurements and conditions shot by shot from the prefix state', () => {
    // Teleport-like feedback: measure q0 of a Bell pair, then flip q1 when it read 1: q1 ends in |0⟩.
    const c = circuit(2, 2, [
      gate('h', [0]),
      gate('cx', [0, 1]),
      { kind: 'measure', basis: 'Z', targets: [0], bits: [0], flipProbability: 0, reset: false },
      { kind: 'gate', gate: 'x', targets: [1], params: [], condition: { bits: [0], value: 1 } },
      { kind: 'measure', basis: 'Z', targets: [1], bits: [1], flipProbability: 0, reset: false },
    ]);
    const run = simulateStatevector(c, { shots: 200, rng: Rng.fromSeed(3) });
    expect(run.sampled).toBe(false);
    const firsts = run.shots.map((s) => s.bits[0]);
    expect(firsts).toContain(0);
    expect(firsts).toContain(1);
    for (const s of run.shots) expect(s.bits[1]).toBe(0);
  });
});

describe('applyCircuitUnitary', () => {
  it('consumes the leading gates and stops at the first measurement or condition', () => {
    const ops: Instruction[] = [
      gate('h', [0]),
      { kind: 'tick' },
      gate('cx', [0, 1]),
      measure([0]),
      gate('x', [1]),
    ];
    const e = new StatevectorEngine(2);
    expect(applyCircuitUnitary(e, ops)).toBe(3);
    expect(e.probabilities()[3]).toBeCloseTo(0.5, 15);
    expect(applyCircuitUnitary(e, ops, 4)).toBe(5);
  });
});
