import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { parseCircuit } from '../circuit/parse-circuit.js';
import { QnetError } from '../util/errors.js';
import { allocate } from './allocate.js';
import type { Allocation } from './allocation.js';
import { allocationCost } from './allocation-cost.js';
import type { DistCircuit } from './dist-ir.js';
import { toDistCircuit } from './rewrite.js';
import { circuitOf, topologyOf } from './test-circuits.test-helper.js';
import type { Topology } from './topology.js';

function checkCapacity(dc: DistCircuit, t: Topology, a: Allocation): void {
  const n = dc.numQubits;
  for (let s = 0; s < a.numSlices; s++) {
    const load = new Array(t.names.length).fill(0);
    for (let q = 0; q < n; q++) load[a.home[s * n + q]!]++;
    for (const [i, l] of load.entries()) expect(l).toBeLessThanOrEqual(t.capacity[i]!);
  }
  for (let i = 1; i < a.sliceOfOp.length; i++)
    expect(a.sliceOfOp[i]!).toBeGreaterThanOrEqual(a.sliceOfOp[i - 1]!);
  dc.ops.forEach((op, i) => {
    if (op.kind === 'diag') expect(a.gateQpu[i]!).toBeGreaterThanOrEqual(0);
  });
}

/** Optimum over every capacity-respecting static assignment and every placement of remote gates. */
function exhaustive(dc: DistCircuit, t: Topology): number {
  const n = dc.numQubits;
  const k = t.names.length;
  const diagIdx = dc.ops.flatMap((o, i) => (o.kind === 'diag' ? [i] : []));
  let best = Number.POSITIVE_INFINITY;
  const home = new Int32Array(n);
  for (let code = 0; code < k ** n; code++) {
    let c = code;
    const load = new Array(k).fill(0);
    for (let q = 0; q < n; q++) {
      home[q] = c % k;
      c = Math.floor(c / k);
      load[home[q]!]++;
    }
    if (load.some((l, i) => l > t.capacity[i]!)) continue;
    const remote = diagIdx.filter((i) => {
      const op = dc.ops[i]!;
      return op.kind === 'diag' && home[op.qubits[0]] !== home[op.qubits[1]];
    });
    for (let g = 0; g < 2 ** remote.length; g++) {
      const gateQpu = new Int32Array(dc.ops.length).fill(-1);
      for (const i of diagIdx) {
        const op = dc.ops[i]!;
        if (op.kind === 'diag') gateQpu[i] = home[op.qubits[0]]!;
      }
      remote.forEach((i, j) => {
        const op = dc.ops[i]!;
        if (op.kind === 'diag' && (g >> j) & 1) gateQpu[i] = home[op.qubits[1]]!;
      });
      const a = { numSlices: 1, sliceOfOp: new Int32Array(dc.ops.length), home: home.slice(), gateQpu };
      best = Math.min(best, allocationCost(dc, t, a));
    }
  }
  return best;
}

const randomCircuit = (maxQubits: number, maxOps: number) =>
  fc.integer({ min: 2, max: maxQubits }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      codes: fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b) },
          { weight: 1, arbitrary: fc.tuple(fc.nat(n - 1)) },
          { weight: 1, arbitrary: fc.tuple(fc.nat(n - 1), fc.constantFrom(-1, -2)) },
        ),
        { maxLength: maxOps },
      ),
    }),
  );

describe('allocate', () => {
  it('finds the optimum of small static instances (exhaustive search)', () => {
    fc.assert(
      fc.property(randomCircuit(7, 14), ({ n, codes }) => {
        const dc = circuitOf(n, codes);
        const t = topologyOf(2, 'all-to-all', Math.ceil(n / 2));
        const a = allocate(dc, t, { teleport: false, seed: 1 });
        expect(allocationCost(dc, t, a)).toBe(exhaustive(dc, t));
      }),
      { seed: 3, numRuns: 40 },
    );
  });

  it('never exceeds capacity, on random circuits and topologies', () => {
    fc.assert(
      fc.property(
        randomCircuit(9, 40),
        fc.integer({ min: 2, max: 5 }),
        fc.boolean(),
        fc.nat(2),
        ({ n, codes }, k, line, extra) => {
          const dc = circuitOf(n, codes);
          const t = topologyOf(k, line ? 'line' : 'all-to-all', Math.ceil(n / k) + extra);
          const a = allocate(dc, t, { seed: 5, effort: 1 });
          checkCapacity(dc, t, a);
          expect(a.home.length).toBe(a.numSlices * n);
        },
      ),
      { seed: 11, numRuns: 60 },
    );
  });

  it('gives the same allocation for the same seed', () => {
    const dc = circuitOf(6, [[0, 1], [2, 3], [4, 5], [0], [0, 2], [1, 4], [3, 5], [2], [0, 5], [1, 3]]);
    const t = topologyOf(3, 'line', 2);
    const a = allocate(dc, t, { seed: 42 });
    const b = allocate(dc, t, { seed: 42 });
    expect(b).toEqual(a);
  });

  it('refuses a circuit larger than the QPUs together', () => {
    const dc = circuitOf(5, [[0, 1]]);
    try {
      allocate(dc, topologyOf(2, 'all-to-all', 2));
      expect.unreachable();
    } catch (e) {
      expect((e as QnetError).code).toBe('E_COMPILE_CAPACITY');
      expect((e as QnetError).message).toContain('5 qubits');
      expect((e as QnetError).message).toContain('only 4');
    }
  });

  it('refuses a disconnected topology', () => {
    const t = { ...topologyOf(3, 'line', 2), links: [[0, 1]] as [number, number][] };
    expect(() => allocate(circuitOf(2, [[0, 1]]), t)).toThrow(QnetError);
  });

  it('distributes qft_n29 over 2 QPUs with at most the published 14 e-bits (+10%)', () => {
    const c = parseCircuit(readFileSync(dataPath('qasmbench', 'qft_n29.qasm'), 'utf8'), 'qft_n29.qasm');
    const dc = toDistCircuit(c);
    const t = topologyOf(2, 'all-to-all', 15);
    const a = allocate(dc, t, { seed: 0 });
    checkCapacity(dc, t, a);
    expect(allocationCost(dc, t, a)).toBeLessThanOrEqual(15);
  });
});
