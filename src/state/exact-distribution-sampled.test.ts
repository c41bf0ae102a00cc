import { describe, expect, it } from 'vitest';
import type { Circuit, Instruction, MeasureOp } from '../circuit/ir.js';
import { Rng } from '../util/rng.js';
import { exactDistribution } from './exact-distribution.js';
import { StatevectorEngine } from './statevector.js';

const circuit = (numQubits: number, numBits: number, instructions: Instruction[]): Circuit => ({
  numQubits,
  numBits,
  qregs: [{ name: 'q', size: numQubits, offset: 0 }],
  cregs: [{ name: 'c', size: numBits, offset: 0 }],
  instructions,
});

describe('exactDistribution with sampled measurements', () => {
  it('keeps one drawn outcome of a sampled measurement, with weight 1', () => {
    const m: MeasureOp = {
      kind: 'measure',
      basis: 'Z',
      targets: [0],
      bits: [0],
      flipProbability: 0,
      reset: false,
    };
    const c = circuit(1, 1, [{ kind: 'gate', gate: 'h', targets: [0], params: [] }, m]);
    const seen = new Set<string>();
    for (let seed = 0; seed < 16; seed++) {
      const dist = exactDistribution(() => new StatevectorEngine(1), c, {
        sampled: { measurements: new Set([m]), rng: Rng.fromSeed(seed) },
      });
      expect(dist.size).toBe(1);
      const [key, p] = [...dist][0]!;
      expect(p).toBe(1);
      seen.add(key);
    }
    expect(seen).toEqual(new Set(['0', '1']));
    // Unsampled, the same circuit branches.
    expect(exactDistribution(() => new StatevectorEngine(1), c).size).toBe(2);
  });

  it('gives the exact teleported distribution when the corrections undo the sampled outcomes', () => {
    // Teleport ry(0.9)|0⟩ from qubit 0 to qubit 2 with record-controlled corrections.
    const m1: MeasureOp = { kind: 'measure', basis: 'Z', targets: [0], flipProbability: 0, reset: true };
    const m2: MeasureOp = { kind: 'measure', basis: 'Z', targets: [1], flipProbability: 0, reset: true };
    const c = circuit(3, 1, [
      { kind: 'gate', gate: 'ry', targets: [0], params: [0.9] },
      { kind: 'gate', gate: 'h', targets: [1], params: [] },
      { kind: 'gate', gate: 'cx', targets: [1, 2], params: [] },
      { kind: 'gate', gate: 'cx', targets: [0, 1], params: [] },
      { kind: 'gate', gate: 'h', targets: [0], params: [] },
      m1,
      m2,
      { kind: 'gate', gate: 'x', targets: [2], params: [], recordControl: 1 },
      { kind: 'gate', gate: 'z', targets: [2], params: [], recordControl: 2 },
      { kind: 'measure', basis: 'Z', targets: [2], bits: [0], flipProbability: 0, reset: false },
    ]);
    const p1 = Math.sin(0.45) ** 2;
    for (let seed = 0; seed < 4; seed++) {
      const dist = exactDistribution(() => new StatevectorEngine(3), c, {
        sampled: { measurements: new Set([m1, m2]), rng: Rng.fromSeed(seed) },
      });
      expect(dist.get('1')).toBeCloseTo(p1, 12);
      expect(dist.get('0')).toBeCloseTo(1 - p1, 12);
    }
  });
});
