// Property: any circuit, split over any small network, run ideally, has the monolithic circuit's
// exact outcome distribution. Random circuits of one- and two-qubit gates (Clifford and not),
// three-qubit gates, mid-circuit measurements and conditions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Circuit, Instruction } from '../circuit/ir.js';
import { compileCircuit } from '../compiler/compile.js';
import { shapedTopology } from '../compiler/topology-shapes.js';
import { simulateCircuit } from '../state/simulate.js';
import { executeProgram } from './execute.js';

const ONE = ['h', 's', 't', 'x', 'sx', 'ry', 'rz', 'u3'] as const;
const TWO = ['cx', 'cz', 'cu1', 'swap', 'crx', 'rzz'] as const;
const PARAMS: Record<string, number> = { ry: 1, rz: 1, u3: 3, cu1: 1, crx: 1, rzz: 1 };

const opArb = (n: number) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('one' as const),
      gate: fc.constantFrom(...ONE),
      q: fc.nat(n - 1),
      angle: fc.double({ min: -3, max: 3, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('two' as const),
      gate: fc.constantFrom(...TWO),
      a: fc.nat(n - 1),
      b: fc.nat(n - 1),
      angle: fc.double({ min: -3, max: 3, noNaN: true }),
    }),
    fc.record({ kind: fc.constant('ccx' as const), a: fc.nat(n - 1), b: fc.nat(n - 1), c: fc.nat(n - 1) }),
    fc.record({
      kind: fc.constant('measure' as const),
      q: fc.nat(n - 1),
      gateAfter: fc.constantFrom('x', 'h'),
      on: fc.nat(n - 1),
    }),
  );

function build(n: number, ops: readonly object[]): Circuit {
  const out: Instruction[] = [];
  for (const o of ops) {
    const op = o as {
      kind: string;
      gate?: string;
      q?: number;
      a?: number;
      b?: number;
      c?: number;
      angle?: number;
      gateAfter?: string;
      on?: number;
    };
    const params = (g: string) => Array.from({ length: PARAMS[g] ?? 0 }, (_, i) => op.angle! + i);
    if (op.kind === 'one')
      out.push({ kind: 'gate', gate: op.gate!, targets: [op.q!], params: params(op.gate!) });
    else if (op.kind === 'two' && op.a !== op.b)
      out.push({ kind: 'gate', gate: op.gate!, targets: [op.a!, op.b!], params: params(op.gate!) });
    else if (op.kind === 'ccx' && new Set([op.a, op.b, op.c]).size === 3)
      out.push({ kind: 'gate', gate: 'ccx', targets: [op.a!, op.b!, op.c!], params: [] });
    else if (op.kind === 'measure') {
      // A mid-circuit measurement into its own bit, and a gate on another qubit conditioned on it.
      out.push({
        kind: 'measure',
        basis: 'Z',
        targets: [op.q!],
        bits: [op.q!],
        flipProbability: 0,
        reset: false,
      });
      out.push({
        kind: 'gate',
        gate: op.gateAfter!,
        targets: [op.on!],
        params: [],
        condition: { bits: [op.q!], value: 1 },
      });
    }
  }
  out.push({
    kind: 'measure',
    basis: 'Z',
    targets: Array.from({ length: n }, (_, i) => i),
    bits: Array.from({ length: n }, (_, i) => i),
    flipProbability: 0,
    reset: false,
  });
  return {
    numQubits: n,
    numBits: n,
    qregs: [{ name: 'q', size: n, offset: 0 }],
    cregs: [{ name: 'c', size: n, offset: 0 }],
    instructions: out,
    source: { format: 'ir' },
  };
}

describe('distributed execution (property)', () => {
  it('equals the monolithic distribution for random circuits and networks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 6 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            ops: fc.array(opArb(n), { minLength: 1, maxLength: 14 }),
            k: fc.integer({ min: 2, max: 3 }),
            shape: fc.constantFrom('all-to-all' as const, 'line' as const),
            seed: fc.nat(1000),
          }),
        ),
        ({ n, ops, k, shape, seed }) => {
          const circuit = build(n, ops);
          const expected = simulateCircuit(circuit, { probabilities: true, seed: 1 }).probabilities!;
          const { program } = compileCircuit(circuit, shapedTopology(shape, k, Math.ceil(n / k), 2), {
            seed,
          });
          const got = executeProgram(program, { seed, shots: 0, ideal: true, probabilities: true })
            .probabilities!;
          for (const key of new Set([...Object.keys(expected), ...Object.keys(got)]))
            expect(Math.abs((got[key] ?? 0) - (expected[key] ?? 0))).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 60, seed: 20261126 },
    );
  });
});
