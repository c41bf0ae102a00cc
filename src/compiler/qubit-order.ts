// A one-dimensional order of a circuit's qubits along its interaction graph, so that qubits which
// share gates sit close: reverse Cuthill–McKee (Cuthill & McKee, ACM '69, 1969; George & Liu,
// "Computer Solution of Large Sparse Positive Definite Systems", 1981, ch. 4) from a
// pseudo-peripheral qubit. On a circuit built along a chain, such as a ripple-carry adder, the
// order follows the chain whatever the qubits' indices, so contiguous blocks of it cut the chain
// in few places.
import type { DistCircuit } from './dist-ir.js';

/** Qubit neighbours with the number of diagonal gates each pair shares. */
export interface InteractionGraph {
  readonly numQubits: number;
  /** Neighbours of q: neighbours[ptr[q] .. ptr[q + 1]), ascending. */
  readonly ptr: Int32Array;
  readonly neighbours: Int32Array;
  readonly gates: Int32Array;
}

export function interactionGraph(dc: DistCircuit): InteractionGraph {
  const n = dc.numQubits;
  const pairs = new Map<number, number>();
  for (const op of dc.ops) {
    if (op.kind !== 'diag') continue;
    const [a, b] = op.qubits;
    if (a === b) continue;
    const key = a < b ? a * n + b : b * n + a;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const lists: [number, number][][] = Array.from({ length: n }, () => []);
  for (const [key, count] of pairs) {
    const a = Math.floor(key / n);
    const b = key % n;
    lists[a]!.push([b, count]);
    lists[b]!.push([a, count]);
  }
  const ptr = new Int32Array(n + 1);
  for (let q = 0; q < n; q++) ptr[q + 1] = ptr[q]! + lists[q]!.length;
  const neighbours = new Int32Array(ptr[n]!);
  const gates = new Int32Array(ptr[n]!);
  for (let q = 0; q < n; q++) {
    const list = lists[q]!.sort((x, y) => x[0] - y[0]);
    list.forEach(([b, c], i) => {
      neighbours[ptr[q]! + i] = b;
      gates[ptr[q]! + i] = c;
    });
  }
  return { numQubits: n, ptr, neighbours, gates };
}

/** Cuthill–McKee visit of root's component: breadth first, neighbours by ascending degree. */
function cuthillMcKee(g: InteractionGraph, root: number, seen: Uint8Array): number[] {
  const degree = (q: number) => g.ptr[q + 1]! - g.ptr[q]!;
  const order = [root];
  seen[root] = 1;
  for (let i = 0; i < order.length; i++) {
    const q = order[i]!;
    const next: number[] = [];
    const shared = new Map<number, number>();
    for (let j = g.ptr[q]!; j < g.ptr[q + 1]!; j++) {
      const b = g.neighbours[j]!;
      if (seen[b]) continue;
      seen[b] = 1;
      next.push(b);
      shared.set(b, g.gates[j]!);
    }
    // Ties: the neighbour sharing more gates first, then the lower index (determinism).
    next.sort((x, y) => degree(x) - degree(y) || shared.get(y)! - shared.get(x)! || x - y);
    order.push(...next);
  }
  return order;
}

/** Depth of a breadth-first search from root and the qubits of its last level. */
function levels(g: InteractionGraph, root: number): { depth: number; last: number[] } {
  const level = new Int32Array(g.numQubits).fill(-1);
  level[root] = 0;
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const q = queue[i]!;
    for (let j = g.ptr[q]!; j < g.ptr[q + 1]!; j++) {
      const b = g.neighbours[j]!;
      if (level[b]! >= 0) continue;
      level[b] = level[q]! + 1;
      queue.push(b);
    }
  }
  const depth = level[queue[queue.length - 1]!]!;
  return { depth, last: queue.filter((q) => level[q] === depth) };
}

/**
 * The qubits in chain order: each connected component reverse Cuthill–McKee from a
 * pseudo-peripheral qubit, components by smallest qubit; qubits without two-qubit gates last.
 * order[i] is the qubit at position i.
 */
export function interactionOrder(g: InteractionGraph): Int32Array {
  const n = g.numQubits;
  const degree = (q: number) => g.ptr[q + 1]! - g.ptr[q]!;
  const order: number[] = [];
  const done = new Uint8Array(n);
  const idle: number[] = [];
  for (let start = 0; start < n; start++) {
    if (done[start]) continue;
    if (degree(start) === 0) {
      done[start] = 1;
      idle.push(start);
      continue;
    }
    // George & Liu's pseudo-peripheral qubit: hop to a least-degree qubit of the last level while
    // that makes the search deeper.
    let root = start;
    let { depth, last } = levels(g, root);
    for (;;) {
      let next = last[0]!;
      for (const q of last)
        if (degree(q) < degree(next) || (degree(q) === degree(next) && q < next)) next = q;
      const probe = levels(g, next);
      if (probe.depth <= depth) break;
      root = next;
      ({ depth, last } = probe);
    }
    order.push(...cuthillMcKee(g, root, done).reverse());
  }
  order.push(...idle);
  return Int32Array.from(order);
}
