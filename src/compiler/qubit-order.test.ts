import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { parseCircuit } from '../circuit/parse-circuit.js';
import { Rng } from '../util/rng.js';
import { cutPrices, orderedBlocks } from './block-cuts.js';
import type { DistCircuit } from './dist-ir.js';
import { interactionGraph, interactionOrder } from './qubit-order.js';
import { toDistCircuit } from './rewrite.js';
import { circuitOf } from './test-circuits.test-helper.js';

function shuffled(n: number, seed: number): number[] {
  const rng = Rng.fromSeed(seed);
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

/** Largest distance in the order between two qubits sharing a gate. */
function bandwidth(dc: DistCircuit, order: Int32Array): number {
  const pos = new Int32Array(dc.numQubits);
  order.forEach((q, i) => {
    pos[q] = i;
  });
  let most = 0;
  for (const op of dc.ops)
    if (op.kind === 'diag') most = Math.max(most, Math.abs(pos[op.qubits[0]]! - pos[op.qubits[1]]!));
  return most;
}

const isPermutation = (order: Int32Array, n: number) =>
  [...order].sort((a, b) => a - b).every((q, i) => q === i) && order.length === n;

describe('interactionOrder', () => {
  it('lays a path of gates out as the path, whatever the qubit indices', () => {
    for (let seed = 0; seed < 5; seed++) {
      const path = shuffled(12, seed);
      const codes: number[][] = [];
      // Each link of the path twice, with a Hadamard between, in scrambled order.
      for (const i of shuffled(11, seed + 100))
        codes.push([path[i]!, path[i + 1]!], [path[i]!], [path[i]!, path[i + 1]!]);
      const dc = circuitOf(12, codes);
      const order = interactionOrder(interactionGraph(dc));
      expect(isPermutation(order, 12)).toBe(true);
      const along = [...order].map((q) => path.indexOf(q));
      // One end to the other: consecutive positions are consecutive path nodes.
      for (let i = 1; i < 12; i++) expect(Math.abs(along[i]! - along[i - 1]!)).toBe(1);
    }
  });

  it('puts qubits without two-qubit gates last and keeps components together', () => {
    // Components {0, 3, 5} (a path 3-0-5) and {1, 4}; qubits 2 and 6 idle.
    const dc = circuitOf(7, [[3, 0], [0, 5], [4, 1], [2], [6, -1]]);
    const order = [...interactionOrder(interactionGraph(dc))];
    expect(order.slice(5).sort()).toEqual([2, 6]);
    const first = order.slice(0, 3).sort();
    const second = order.slice(3, 5).sort();
    expect(first).toEqual([0, 3, 5]);
    expect(second).toEqual([1, 4]);
    expect(order[1]).toBe(0);
  });

  it('follows the carry chain of a ripple-carry adder with scrambled qubits (adder_n28)', () => {
    const text = readFileSync(dataPath('qasmbench', 'adder_n28.qasm'), 'utf8');
    const direct = toDistCircuit(parseCircuit(text, 'adder_n28'));
    // In index order the a and b registers sit 12 apart.
    expect(
      bandwidth(
        direct,
        Int32Array.from({ length: 28 }, (_, i) => i),
      ),
    ).toBeGreaterThanOrEqual(12);
    for (let seed = 0; seed < 3; seed++) {
      const perm = shuffled(28, seed);
      const scrambled = text
        .split('\n')
        .map((l) => (l.startsWith('qreg') ? l : l.replace(/q\[(\d+)\]/g, (_, d) => `q[${perm[Number(d)]}]`)))
        .join('\n');
      const dc = toDistCircuit(parseCircuit(scrambled, 'adder_n28'));
      const order = interactionOrder(interactionGraph(dc));
      expect(isPermutation(order, 28)).toBe(true);
      // Each full adder's a, b and carry qubits lie within two places of each other.
      expect(bandwidth(dc, order)).toBeLessThanOrEqual(2);
      // Four blocks of at most 8 cut the chain three times, each cut crossed by at most 4 runs
      // (two sweeps; a cut at a carry qubit between the 4-bit adders costs 1).
      const price = cutPrices(dc, order);
      const home = orderedBlocks(order, price, [8, 8, 8, 8]);
      let total = 0;
      for (let p = 1; p < 28; p++) if (home[order[p]!] !== home[order[p - 1]!]) total += price[p]!;
      expect(total).toBeLessThanOrEqual(12);
      for (let p = 1; p < 28; p++) expect(home[order[p]!]).toBeGreaterThanOrEqual(home[order[p - 1]!]!);
    }
  });
});
