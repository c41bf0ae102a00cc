import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';
import { allocationCost } from './allocation-cost.js';
import type { DistCircuit } from './dist-ir.js';
import { emitProgram } from './emit.js';
import { layeredGreedy, remoteGatePenalty } from './layered-greedy.js';
import type { PartitionContext } from './partition-state.js';
import { circuitOf, topologyOf } from './test-circuits.test-helper.js';
import { sliceByLayers } from './time-slices.js';
import { SteinerCost } from './topology-distance.js';

/** Layers of two-qubit blocks (three CZ with Hadamards between, as an SU(4) after rewriting). */
function blocks(n: number, layers: readonly (readonly [number, number])[][]): DistCircuit {
  const codes: number[][] = [];
  for (const layer of layers) {
    for (let rep = 0; rep < 3; rep++) {
      for (const [a, b] of layer) codes.push([a, b]);
      for (const [a, b] of layer) codes.push([a], [b]);
    }
  }
  return circuitOf(n, codes);
}

/** Exact optimum when every run is one gate long: DP over the balanced homes of each slice. */
function slicedOptimum(dc: DistCircuit, k: number, cap: number, width: number): number {
  const n = dc.numQubits;
  const slicing = sliceByLayers(dc, width);
  const states: number[][] = [];
  const rec = (q: number, cur: number[]): void => {
    if (q === n) {
      const load = new Array(k).fill(0);
      for (const p of cur) load[p]++;
      if (load.every((l) => l <= cap)) states.push(cur.slice());
      return;
    }
    for (let p = 0; p < k; p++) rec(q + 1, [...cur, p]);
  };
  rec(0, []);
  const opsOf: [number, number][][] = Array.from({ length: slicing.numSlices }, () => []);
  dc.ops.forEach((op, i) => {
    if (op.kind === 'diag') opsOf[slicing.sliceOfOp[i]!]!.push([op.qubits[0], op.qubits[1]]);
  });
  let best = states.map((h) => opsOf[0]!.filter(([a, b]) => h[a] !== h[b]).length);
  for (let s = 1; s < slicing.numSlices; s++) {
    best = states.map((h) => {
      let m = Number.POSITIVE_INFINITY;
      states.forEach((g, j) => {
        let moves = 0;
        for (let q = 0; q < n; q++) if (g[q] !== h[q]) moves++;
        m = Math.min(m, best[j]! + moves);
      });
      return m + opsOf[s]!.filter(([a, b]) => h[a] !== h[b]).length;
    });
  }
  return Math.min(...best);
}

describe('layeredGreedy', () => {
  it('keeps every slice within capacity and is deterministic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 9 }),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 40 }),
        (n, k, pairs) => {
          const codes = pairs
            .map(([a, b]) => [a % n, b % n])
            .flatMap(([a, b]) => (a === b ? [[a!]] : [[a!, b!], [a!]]));
          const dc = circuitOf(n, codes);
          const t = topologyOf(k, 'line', Math.ceil(n / k));
          const ctx: PartitionContext = {
            k,
            capacity: Int32Array.from(t.capacity),
            steiner: new SteinerCost(t),
          };
          const start = Int32Array.from({ length: n }, (_, q) => Math.floor(q / Math.ceil(n / k)));
          const slicing = sliceByLayers(dc, 1);
          const opts = { lookahead: 4, beta: 0.5, decay: 0.7 };
          const homes = layeredGreedy(dc, slicing, ctx, start, remoteGatePenalty(dc), opts);
          for (let s = 0; s < slicing.numSlices; s++) {
            const load = new Array(k).fill(0);
            for (let q = 0; q < n; q++) load[homes[s * n + q]!]++;
            for (const l of load) expect(l).toBeLessThanOrEqual(t.capacity[0]!);
          }
          expect(layeredGreedy(dc, slicing, ctx, start, remoteGatePenalty(dc), opts)).toEqual(homes);
        },
      ),
      { seed: 5, numRuns: 40 },
    );
  });

  it('charges one over the shorter run to a gate', () => {
    // q0: CZ(0,1) CZ(0,2) in one run; q1 and q2 are broken by Hadamards after each gate.
    const dc = circuitOf(3, [[0, 1], [1], [0, 2], [2], [1, 2]]);
    const pen = remoteGatePenalty(dc);
    expect(pen[0]).toBe(1);
    expect(pen[2]).toBe(1);
    expect(pen[4]).toBe(1);
    const long = circuitOf(3, [
      [0, 1],
      [0, 2],
      [0, 1],
      [1, 2],
    ]);
    expect(Array.from(remoteGatePenalty(long))).toEqual([1 / 3, 1 / 2, 1 / 3, 1 / 2]);
  });
});

describe('allocate with teleportation', () => {
  // Pairings that alternate: statically half of the blocks are remote (3 e-bits each); moving
  // qubits costs 2 teleports per change of pairing.
  const alternating = (n: number, layers: number) =>
    blocks(
      n,
      Array.from({ length: layers }, (_, l) =>
        Array.from({ length: n / 2 }, (_, i): [number, number] =>
          l % 2 === 0 ? [2 * i, 2 * i + 1] : [i, i + n / 2],
        ),
      ),
    );

  it('reaches the exact optimum of small layered instances', () => {
    for (const [n, layers] of [
      [4, 4],
      [4, 5],
    ] as const) {
      const dc = alternating(n, layers);
      const t = topologyOf(2, 'all-to-all', n / 2);
      const a = allocate(dc, t, { seed: 1 });
      expect(allocationCost(dc, t, a)).toBe(slicedOptimum(dc, 2, n / 2, 1));
    }
  });

  it('emits exactly the e-bits the allocation costs and respects capacity', () => {
    const dc = alternating(8, 6);
    for (const k of [2, 3]) {
      const t = topologyOf(k, 'all-to-all', Math.ceil(8 / k) + 1);
      const a = allocate(dc, t, { seed: 2 });
      for (let s = 0; s < a.numSlices; s++) {
        const load = new Array(k).fill(0);
        for (let q = 0; q < 8; q++) load[a.home[s * 8 + q]!]++;
        for (const l of load) expect(l).toBeLessThanOrEqual(t.capacity[0]!);
      }
      const tt = { ...t, commQubits: t.names.map(() => 8) };
      expect(emitProgram(dc, tt, a).stats.ebits).toBe(allocationCost(dc, tt, a));
    }
  });
});
