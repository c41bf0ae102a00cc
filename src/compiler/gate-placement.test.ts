import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { parseCircuit } from '../circuit/parse-circuit.js';
import type { Allocation } from './allocation.js';
import { allocationCost } from './allocation-cost.js';
import { compileCircuit } from './compile.js';
import type { DistCircuit } from './dist-ir.js';
import { pathOrder, placeGates } from './gate-placement.js';
import { circuitOf, topologyOf } from './test-circuits.test-helper.js';
import type { Topology } from './topology.js';
import { shapedTopology } from './topology-shapes.js';

function staticAllocation(
  dc: DistCircuit,
  home: readonly number[],
  gateQpu: (a: number, b: number) => number,
) {
  const g = new Int32Array(dc.ops.length).fill(-1);
  dc.ops.forEach((op, i) => {
    if (op.kind === 'diag') g[i] = gateQpu(home[op.qubits[0]]!, home[op.qubits[1]]!);
  });
  return { numSlices: 1, sliceOfOp: new Int32Array(dc.ops.length), home: Int32Array.from(home), gateQpu: g };
}

/** Least cost over every placement of the diagonal gates (`places` lists the QPUs a gate may use). */
function exhaustive(
  dc: DistCircuit,
  t: Topology,
  a: Allocation,
  places: (ha: number, hb: number) => number[],
) {
  const diags = dc.ops.flatMap((o, i) => (o.kind === 'diag' ? [i] : []));
  const options = diags.map((i) => {
    const op = dc.ops[i]!;
    if (op.kind !== 'diag') throw new Error('unreachable');
    return places(a.home[op.qubits[0]]!, a.home[op.qubits[1]]!);
  });
  let best = Number.POSITIVE_INFINITY;
  const gateQpu = a.gateQpu.slice();
  const visit = (j: number): void => {
    if (j === diags.length) {
      best = Math.min(best, allocationCost(dc, t, { ...a, gateQpu }));
      return;
    }
    for (const q of options[j]!) {
      gateQpu[diags[j]!] = q;
      visit(j + 1);
    }
  };
  visit(0);
  return best;
}

// Random small circuits: diagonal gates, Hadamards (ending runs) and measurements, on 3 or 4 QPUs.
const caseArb = fc.record({
  k: fc.integer({ min: 2, max: 4 }),
  n: fc.integer({ min: 2, max: 6 }),
  codes: fc.array(fc.tuple(fc.nat(5), fc.integer({ min: -2, max: 5 })), { minLength: 1, maxLength: 7 }),
  homes: fc.array(fc.nat(3), { minLength: 6, maxLength: 6 }),
});

function build(c: { k: number; n: number; codes: [number, number][]; homes: number[] }) {
  const codes = c.codes
    .map(([a, b]) => [a % c.n, b < 0 ? b : b % c.n] as const)
    .map(([a, b]) => (b === a ? [a] : b === -2 ? [a, -2] : b === -1 ? [a] : [a, b]));
  const dc = circuitOf(c.n, codes);
  const home = c.homes.slice(0, c.n).map((h) => h % c.k);
  return { dc, home };
}

describe('placeGates', () => {
  it('finds the cheapest placement on a line, with and without detached gates (exhaustive check)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { dc, home } = build(c);
        const t = topologyOf(c.k, 'line', c.n);
        const a = staticAllocation(dc, home, (ha) => ha);
        const all = Array.from({ length: c.k }, (_, q) => q);
        const detached = placeGates(dc, t, a, { detached: true })!;
        expect(allocationCost(dc, t, detached.allocation)).toBe(detached.copyEbits);
        expect(detached.copyEbits).toBe(exhaustive(dc, t, a, () => all));
        const atHomes = placeGates(dc, t, a, { detached: false })!;
        expect(allocationCost(dc, t, atHomes.allocation)).toBe(atHomes.copyEbits);
        expect(atHomes.copyEbits).toBe(exhaustive(dc, t, a, (ha, hb) => [ha, hb]));
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('finds the cheapest placement at the homes on an all-to-all network (exhaustive check)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { dc, home } = build(c);
        const t = topologyOf(c.k, 'all-to-all', c.n);
        const a = staticAllocation(dc, home, (_, hb) => hb);
        const placed = placeGates(dc, t, a)!;
        expect(allocationCost(dc, t, placed.allocation)).toBe(placed.copyEbits);
        expect(placed.copyEbits).toBe(exhaustive(dc, t, a, (ha, hb) => [ha, hb]));
      }),
      { numRuns: 150, seed: 8 },
    );
  });

  it('keeps the homes and slices, and gates already at a cheapest place', () => {
    // Two QPUs, qubit 0 at QPU 0 meets 1 and 2 at QPU 1: one copy of 0's run serves both.
    const dc = circuitOf(3, [
      [0, 1],
      [0, 2],
    ]);
    const t = topologyOf(2, 'line', 3);
    const a = staticAllocation(dc, [0, 1, 1], (_, hb) => hb);
    const placed = placeGates(dc, t, a)!;
    expect(placed.copyEbits).toBe(1);
    expect(Array.from(placed.allocation.gateQpu)).toEqual(Array.from(a.gateQpu));
    expect(placed.allocation.home).toBe(a.home);
  });

  it('orders a line whatever its QPU numbering, and refuses rings and grids', () => {
    const t: Topology = {
      ...topologyOf(4, 'line', 1),
      links: [
        [0, 2],
        [1, 3],
        [2, 3],
      ],
    };
    expect(Array.from(pathOrder(t)!)).toEqual([0, 3, 1, 2]);
    const dc = circuitOf(2, [[0, 1]]);
    expect(
      placeGates(
        dc,
        shapedTopology('ring', 4, 1, 2),
        staticAllocation(dc, [0, 2], (ha) => ha),
      ),
    ).toBeNull();
  });

  it('qft_n63 on a 6-QPU line at capacity 11 reaches the per-link lower bound of 90 e-bits', () => {
    // Any static split of a QFT needs, across each link, a copy per qubit of the smaller side (every
    // pair of qubits shares a gate, and pairs across the link give a matching of that size), and with
    // 11 qubits per QPU the sides' sizes give at least 8 + 19 + 30 + 22 + 11 = 90.
    const file = `${dataPath('qasmbench')}/qft_n63.qasm`;
    const circuit = parseCircuit(readFileSync(file, 'utf8'), file);
    const t = shapedTopology('line', 6, 11, 63);
    const { program, allocation } = compileCircuit(circuit, t, { seed: 1, teleport: false });
    expect(allocation.numSlices).toBe(1);
    const sizes = [0, 0, 0, 0, 0, 0];
    for (const h of allocation.home) sizes[h]!++;
    let left = 0;
    let bound = 0;
    for (let p = 0; p < 5; p++) {
      left += sizes[p]!;
      bound += Math.min(left, 63 - left);
    }
    expect(bound).toBeGreaterThanOrEqual(90);
    expect(program.stats.ebits).toBe(90);
  });
});
