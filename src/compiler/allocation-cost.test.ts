import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Allocation } from './allocation.js';
import { allocationCost } from './allocation-cost.js';
import type { DistCircuit } from './dist-ir.js';
import { circuitOf, topologyOf } from './test-circuits.test-helper.js';

/** Direct reading of the cost model: lists of runs per qubit, Steiner size on a line = span. */
function bruteForce(dc: DistCircuit, a: Allocation, line: boolean): number {
  const n = dc.numQubits;
  const home = (s: number, q: number) => a.home[s * n + q]!;
  const span = (set: Set<number>) => (line ? Math.max(...set) - Math.min(...set) : set.size - 1);
  let cost = 0;
  for (let s = 1; s < a.numSlices; s++) {
    for (let q = 0; q < n; q++)
      cost += line ? Math.abs(home(s, q) - home(s - 1, q)) : home(s, q) !== home(s - 1, q) ? 1 : 0;
  }
  for (let q = 0; q < n; q++) {
    let run: Set<number> | null = null;
    let runHome = -1;
    let slice = 0;
    const close = () => {
      if (run) cost += span(new Set([...run, runHome]));
      run = null;
    };
    dc.ops.forEach((op, i) => {
      const s = a.sliceOfOp[i]!;
      for (; slice < s; slice++) if (home(slice + 1, q) !== home(slice, q)) close();
      runHome = home(slice, q);
      if (op.kind === 'diag' && op.qubits.includes(q)) {
        run ??= new Set();
        run.add(a.gateQpu[i]!);
      } else if (
        (op.kind === 'one' && op.qubit === q && !op.diagonal) ||
        ((op.kind === 'measure' || op.kind === 'reset') && op.qubit === q)
      ) {
        close();
      }
    });
    close();
  }
  return cost;
}

describe('allocationCost', () => {
  it('counts one copy per run and QPU, and teleports', () => {
    // q0 meets q1 and q2 (one run), H on q0, then meets q1 again; q2 then moves.
    const dc = circuitOf(3, [[0, 1], [0, 2], [0, -1], [0, 1], [0], [0, 1], [2, 1]]);
    const a: Allocation = {
      numSlices: 2,
      sliceOfOp: Int32Array.from([0, 0, 0, 0, 0, 0, 1]),
      home: Int32Array.from([0, 1, 2, 0, 1, 1]),
      gateQpu: Int32Array.from([1, 2, -1, 1, -1, 0, 1]),
    };
    // Run 1 of q0: home 0, gates at 1, 2, 1 → 2 copies; run 2 of q0: gate at 0 → 0.
    // q1: one run over ops 0, 3, 5 (gates at 1, 1, 0; home 1) → 1, then op 6 in slice 1 at 1 → 0.
    // q2: op 1 at 2 (home) → 0; teleport 2 → 1 → 1; op 6 at 1 (home) → 0.
    expect(allocationCost(dc, topologyOf(3, 'all-to-all', 2), a)).toBe(4);
    // On a line 0-1-2: q0's run spans {0,1,2} = 2 links, q1 run {0,1} = 1, teleport 2→1 = 1.
    expect(allocationCost(dc, topologyOf(3, 'line', 2), a)).toBe(4);
  });

  it('equals a brute-force recomputation on random allocations', () => {
    const arb = fc
      .record({
        n: fc.integer({ min: 2, max: 5 }),
        k: fc.integer({ min: 2, max: 4 }),
        slices: fc.integer({ min: 1, max: 3 }),
        line: fc.boolean(),
      })
      .chain(({ n, k, slices, line }) =>
        fc.record({
          n: fc.constant(n),
          k: fc.constant(k),
          line: fc.constant(line),
          slices: fc.constant(slices),
          codes: fc.array(
            fc.oneof(
              fc
                .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }))
                .filter(([a, b]) => a !== b),
              fc.tuple(fc.integer({ min: 0, max: n - 1 })),
              fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.constantFrom(-1, -2)),
            ),
            { maxLength: 25 },
          ),
          homes: fc.array(fc.integer({ min: 0, max: k - 1 }), {
            minLength: n * slices,
            maxLength: n * slices,
          }),
          gates: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: 25, maxLength: 25 }),
          cuts: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: slices - 1, maxLength: slices - 1 }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ n, k, line, slices, codes, homes, gates, cuts }) => {
        const dc = circuitOf(n, codes);
        const sorted = [...cuts].sort((x, y) => x - y);
        const sliceOfOp = Int32Array.from(dc.ops.map((_, i) => sorted.filter((c) => c <= i).length));
        const gateQpu = Int32Array.from(dc.ops.map((o, i) => (o.kind === 'diag' ? gates[i]! : -1)));
        const a: Allocation = { numSlices: slices, sliceOfOp, home: Int32Array.from(homes), gateQpu };
        expect(allocationCost(dc, topologyOf(k, line ? 'line' : 'all-to-all', n), a)).toBe(
          bruteForce(dc, a, line),
        );
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
