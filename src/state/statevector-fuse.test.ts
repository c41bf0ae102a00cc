import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateOrThrow } from '../gates/index.js';
import { Rng } from '../util/rng.js';
import { compileGate } from './statevector-compile.js';
import { fuseSameSupport, groupDiagonals } from './statevector-fuse.js';
import { applyOp } from './statevector-kernels.js';
import { opFromMatrix, popcount, type SvOp, supportMask } from './statevector-op.js';
import { planStages } from './statevector-plan.js';
import { maxDifference, randomGates, randomState } from './statevector-reference.test-helper.js';

const compile = (gate: string, targets: number[], params: number[] = []): SvOp | null =>
  compileGate(gateOrThrow(gate), targets, params);

function runOps(initial: Float64Array, ops: readonly SvOp[]): Float64Array {
  const a = initial.slice();
  for (const op of ops) applyOp(a, a.length / 2, op);
  return a;
}

function randomOps(n: number, count: number, seed: number): SvOp[] {
  const pool = ['h', 't', 'cx', 'cp', 'rz', 'u3', 'swap', 'cz', 'rzz', 's', 'x', 'crx', 'ccx'].map(
    gateOrThrow,
  );
  return randomGates(n, count, Rng.fromSeed(seed), pool)
    .map((g) => compile(g.gate, g.targets, g.params))
    .filter((op): op is SvOp => op !== null);
}

describe('classifying gate matrices', () => {
  it('splits controls off and picks diagonal, permutation or dense kernels', () => {
    expect(compile('cx', [3, 1])).toEqual({ kind: 'x', target: 1, ctrl: 0b1000 });
    expect(compile('ccx', [0, 2, 1])).toEqual({ kind: 'x', target: 1, ctrl: 0b101 });
    expect(compile('cswap', [2, 0, 1])).toEqual({ kind: 'swap', a: 0, b: 1, ctrl: 0b100 });
    expect(compile('cz', [0, 4])).toMatchObject({ kind: 'scale', fixed: 0b10001, value: 0b10001, re: -1 });
    expect(compile('t', [2])).toMatchObject({ kind: 'scale', fixed: 0b100, value: 0b100 });
    expect(compile('crz', [1, 0], [0.3])).toMatchObject({ kind: 'diag1', target: 0, ctrl: 0b10 });
    expect(compile('rzz', [0, 1], [0.3])).toMatchObject({ kind: 'diag', qubits: [0, 1] });
    expect(compile('h', [0])).toMatchObject({ kind: 'dense1', target: 0, ctrl: 0 });
    expect(compile('cu3', [2, 0], [0.1, 0.2, 0.3])).toMatchObject({ kind: 'dense1', target: 0, ctrl: 0b100 });
    expect(compile('iswap', [0, 1])).toMatchObject({ kind: 'dense2', hi: 0, lo: 1 });
    expect(compile('c4x', [0, 1, 2, 3, 4])).toEqual({ kind: 'x', target: 4, ctrl: 0b1111 });
    expect(compile('id', [0])).toBeNull();
    expect(opFromMatrix([0], gateOrThrow('rz').matrix([0]))).toBeNull();
  });
});

describe('fusion', () => {
  it('merges gates on the same qubits without changing the state (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 0, max: 40 }),
        fc.nat(),
        (n, count, seed) => {
          const ops = randomOps(n, count, seed);
          const initial = randomState(n, Rng.fromSeed(seed + 1));
          const fused = fuseSameSupport(ops);
          expect(fused.length).toBeLessThanOrEqual(ops.length);
          expect(maxDifference(runOps(initial, fused), runOps(initial, ops))).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('merges runs of single-qubit gates into one op', () => {
    const ops = [compile('u3', [0], [0.1, 0.2, 0.3])!, compile('sx', [0])!, compile('rx', [0], [0.2])!];
    expect(fuseSameSupport(ops)).toHaveLength(1);
    expect(fuseSameSupport([compile('h', [2])!, compile('h', [2])!])).toHaveLength(0);
    // s·sdg is the identity: nothing is left.
    expect(fuseSameSupport([compile('s', [1])!, compile('sdg', [1])!])).toHaveLength(0);
  });

  it('groups commuting diagonal ops into one table without changing the state (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 40 }),
        fc.nat(),
        (n, count, seed) => {
          const ops = randomOps(n, count, seed);
          const initial = randomState(n, Rng.fromSeed(seed + 2));
          const grouped = groupDiagonals(ops, 4);
          expect(maxDifference(runOps(initial, grouped), runOps(initial, ops))).toBeLessThan(1e-12);
          for (const op of grouped) if (op.kind === 'diag') expect(op.qubits.length).toBeLessThanOrEqual(4);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('turns a layer of T gates into one table pass, across the controls of other gates', () => {
    const ops = [0, 1, 2, 3, 4, 5].map((q) => compile('t', [q])!);
    expect(groupDiagonals(ops).map((op) => op.kind)).toEqual(['diag']);
    const across = [
      compile('t', [0])!,
      compile('cx', [0, 1])!,
      compile('t', [0])!,
      compile('t', [2])!,
      compile('t', [3])!,
    ];
    expect(groupDiagonals(across).map((op) => op.kind)).toEqual(['diag', 'x']);
  });
});

describe('cache-blocking plan', () => {
  it('takes every op once, keeps each stage inside its block and keeps dependent ops in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 10 }),
        fc.integer({ min: 0, max: 80 }),
        fc.nat(),
        (n, count, seed) => {
          const ops = randomOps(n, count, seed);
          const shape = { blockQubits: 4, lowQubits: 1 };
          const stages = planStages(ops, n, shape);
          const order = stages.flatMap((s) => s.ops);
          expect(new Set(order)).toEqual(new Set(ops));
          expect(order).toHaveLength(ops.length);
          for (const s of stages) {
            const block = s.qubits.reduce((m, q) => m | (1 << q), 0);
            expect(s.qubits.length).toBeLessThanOrEqual(Math.max(shape.blockQubits, n <= 4 ? n : 0));
            if (s.qubits.length > 0) for (const op of s.ops) expect(supportMask(op) & ~block).toBe(0);
          }
          // Ops sharing a qubit keep their order.
          const at = new Map(order.map((op, i) => [op, i]));
          for (let i = 0; i < ops.length; i++) {
            for (let j = i + 1; j < ops.length; j++) {
              if (popcount(supportMask(ops[i]!) & supportMask(ops[j]!)) > 0) {
                expect(at.get(ops[i]!)!).toBeLessThan(at.get(ops[j]!)!);
              }
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
