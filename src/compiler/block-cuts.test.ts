import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import type { Allocation } from './allocation.js';
import { allocationCost } from './allocation-cost.js';
import { cutPrices, orderedBlocks } from './block-cuts.js';
import type { DistCircuit } from './dist-ir.js';
import { circuitOf, topologyOf } from './test-circuits.test-helper.js';

function randomCircuit(rng: Rng, n: number, ops: number): DistCircuit {
  const codes: number[][] = [];
  for (let i = 0; i < ops; i++) {
    const a = rng.int(n);
    const r = rng.next();
    if (r < 0.6) codes.push([a, (a + 1 + rng.int(n - 1)) % n]);
    else if (r < 0.85) codes.push([a]);
    else codes.push([a, -1]);
  }
  return circuitOf(n, codes);
}

function randomOrder(rng: Rng, n: number): Int32Array {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return Int32Array.from(p);
}

/** Static two-QPU allocation: positions < p on QPU 0, each gate at the QPU chosen by `at`. */
function split(
  dc: DistCircuit,
  order: Int32Array,
  p: number,
  at: (i: number, a: number, b: number) => number,
) {
  const home = new Int32Array(dc.numQubits);
  for (let i = p; i < order.length; i++) home[order[i]!] = 1;
  const gateQpu = new Int32Array(dc.ops.length).fill(-1);
  dc.ops.forEach((op, i) => {
    if (op.kind === 'diag') gateQpu[i] = at(i, home[op.qubits[0]]!, home[op.qubits[1]]!);
  });
  const allocation: Allocation = { numSlices: 1, sliceOfOp: new Int32Array(dc.ops.length), home, gateQpu };
  return allocation;
}

describe('cutPrices', () => {
  it('is the cost of a real split and never below the best gate placement (exhaustive)', () => {
    const rng = Rng.fromSeed(7);
    const topology = topologyOf(2, 'all-to-all', 8);
    let tight = 0;
    for (let trial = 0; trial < 30; trial++) {
      const n = 3 + rng.int(4);
      const dc = randomCircuit(rng, n, 12);
      const order = randomOrder(rng, n);
      const price = cutPrices(dc, order);
      expect(price[0]).toBe(0);
      expect(price[n]).toBe(0);
      for (let p = 1; p < n; p++) {
        // Copying every left run with a crossing gate: gates run on the right, and vice versa.
        const toRight = allocationCost(
          dc,
          topology,
          split(dc, order, p, (_, a, b) => (a === b ? a : 1)),
        );
        const toLeft = allocationCost(
          dc,
          topology,
          split(dc, order, p, (_, a, b) => (a === b ? a : 0)),
        );
        expect(price[p]).toBe(Math.min(toRight, toLeft));
        // Every placement of the crossing gates (the others run at home at no cost).
        const { home } = split(dc, order, p, () => 0);
        const crossing = dc.ops.flatMap((op, i) =>
          op.kind === 'diag' && home[op.qubits[0]] !== home[op.qubits[1]] ? [i] : [],
        );
        let best = Number.POSITIVE_INFINITY;
        for (let mask = 0; mask < 1 << crossing.length; mask++) {
          const side = new Map(crossing.map((i, j) => [i, (mask >> j) & 1]));
          const c = allocationCost(
            dc,
            topology,
            split(dc, order, p, (i, a) => side.get(i) ?? a),
          );
          best = Math.min(best, c);
        }
        expect(price[p]).toBeGreaterThanOrEqual(best);
        if (price[p] === best) tight++;
      }
    }
    // An upper bound that is mostly exact.
    expect(tight).toBeGreaterThan(0);
  });
});

describe('orderedBlocks', () => {
  it('finds the cheapest cut positions within capacity (exhaustive over block sizes)', () => {
    const rng = Rng.fromSeed(3);
    for (let trial = 0; trial < 40; trial++) {
      const k = 2 + rng.int(3);
      const capacity = Array.from({ length: k }, () => 1 + rng.int(5));
      const total = capacity.reduce((a, b) => a + b, 0);
      const n = Math.max(1, total - rng.int(4));
      const price = Float64Array.from({ length: n + 1 }, (_, p) => (p === 0 || p === n ? 0 : rng.int(6)));
      const order = randomOrder(rng, n);
      const home = orderedBlocks(order, price, capacity);
      // Blocks in order along `order`, each within its QPU's capacity.
      const sizes = new Array<number>(k).fill(0);
      for (let i = 0; i < n; i++) {
        sizes[home[order[i]!]!]!++;
        if (i > 0) expect(home[order[i]!]).toBeGreaterThanOrEqual(home[order[i - 1]!]!);
      }
      for (let j = 0; j < k; j++) expect(sizes[j]).toBeLessThanOrEqual(capacity[j]!);
      const priceOf = (blocks: number[]): number => {
        let c = 0;
        let end = 0;
        for (let j = 0; j + 1 < k; j++) {
          end += blocks[j]!;
          c += price[end]!;
        }
        return c;
      };
      let best = Number.POSITIVE_INFINITY;
      const walk = (j: number, left: number, blocks: number[]): void => {
        if (j === k) {
          if (left === 0) best = Math.min(best, priceOf(blocks));
          return;
        }
        for (let s = 0; s <= Math.min(capacity[j]!, left); s++) walk(j + 1, left - s, [...blocks, s]);
      };
      walk(0, n, []);
      expect(priceOf(sizes)).toBe(best);
    }
  });

  it('refuses capacities that cannot hold the qubits', () => {
    expect(() => orderedBlocks(Int32Array.from([0, 1, 2]), new Float64Array(4), [1, 1])).toThrow();
  });
});
