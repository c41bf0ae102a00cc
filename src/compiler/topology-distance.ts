// Hop distances between QPUs and the cost of spanning a set of QPUs with links (a Steiner tree in
// the topology graph). Every cost the partitioner optimises and `allocationCost` reports is built
// from these, so the two can never disagree.
import { QnetError } from '../util/errors.js';
import type { Topology } from './topology.js';

/** Largest QPU count the bit-mask representation of QPU sets supports. */
export const MAX_QPUS = 30;
/** Up to this many QPUs every subset's Steiner cost is tabulated exactly. */
const EXACT_TABLE_QPUS = 12;

/** All-pairs hop distances (row-major K×K); throws if some QPU cannot reach QPU 0. */
export function hopDistances(topology: Topology): Int32Array {
  const k = topology.names.length;
  const adj: number[][] = Array.from({ length: k }, () => []);
  for (const [a, b] of topology.links) {
    if (a < 0 || b < 0 || a >= k || b >= k) throw new Error(`topology link [${a}, ${b}] names no QPU`);
    adj[a]!.push(b);
    adj[b]!.push(a);
  }
  const dist = new Int32Array(k * k).fill(-1);
  const queue = new Int32Array(k);
  for (let s = 0; s < k; s++) {
    let head = 0;
    let tail = 0;
    dist[s * k + s] = 0;
    queue[tail++] = s;
    while (head < tail) {
      const u = queue[head++]!;
      for (const v of adj[u]!) {
        if (dist[s * k + v] === -1) {
          dist[s * k + v] = dist[s * k + u]! + 1;
          queue[tail++] = v;
        }
      }
    }
  }
  const unreachable: string[] = [];
  for (let v = 0; v < k; v++) if (dist[v] === -1) unreachable.push(topology.names[v] ?? `#${v}`);
  if (unreachable.length > 0) {
    throw new QnetError(
      'E_TOPOLOGY_DISCONNECTED',
      `QPUs ${unreachable.join(', ')} cannot be reached from ${topology.names[0] ?? '#0'}: no path of links joins them`,
      { hint: 'add links so that every QPU is connected to the others' },
    );
  }
  return dist;
}

/** Links needed to span each set of QPUs, the set given as a bit mask. */
export class SteinerCost {
  readonly k: number;
  readonly dist: Int32Array;
  /** Exact cost of every mask when k is small; empty otherwise (costs computed on demand). */
  readonly table: Int32Array;
  private readonly cache = new Map<number, number>();

  constructor(topology: Topology) {
    const k = topology.names.length;
    if (k > MAX_QPUS) {
      throw new QnetError(
        'E_COMPILE_TOO_MANY_QPUS',
        `${k} QPUs: the partitioner supports at most ${MAX_QPUS}`,
        {
          hint: 'group QPUs into fewer, larger modules',
        },
      );
    }
    this.k = k;
    this.dist = hopDistances(topology);
    this.table = k <= EXACT_TABLE_QPUS ? exactTable(topology) : new Int32Array(0);
  }

  cost(mask: number): number {
    if (this.table.length > 0) return this.table[mask]!;
    let c = this.cache.get(mask);
    if (c === undefined) {
      c = this.heuristic(mask);
      this.cache.set(mask, c);
    }
    return c;
  }

  /** Exact for ≤ 3 terminals (best meeting vertex); otherwise a minimum spanning tree of the metric closure. */
  private heuristic(mask: number): number {
    const k = this.k;
    const d = this.dist;
    const t: number[] = [];
    for (let i = 0; i < k; i++) if (mask & (1 << i)) t.push(i);
    if (t.length <= 1) return 0;
    if (t.length === 2) return d[t[0]! * k + t[1]!]!;
    if (t.length === 3) {
      let best = Number.POSITIVE_INFINITY;
      for (let v = 0; v < k; v++)
        best = Math.min(best, d[t[0]! * k + v]! + d[t[1]! * k + v]! + d[t[2]! * k + v]!);
      return best;
    }
    // Prim on the metric closure (Kou, Markowsky, Berman 1981 without the final pruning: a 2-approximation).
    const inTree = new Uint8Array(t.length);
    const key = new Float64Array(t.length).fill(Number.POSITIVE_INFINITY);
    key[0] = 0;
    let total = 0;
    for (let it = 0; it < t.length; it++) {
      let u = -1;
      for (let i = 0; i < t.length; i++) if (!inTree[i] && (u < 0 || key[i]! < key[u]!)) u = i;
      inTree[u] = 1;
      total += key[u]!;
      for (let i = 0; i < t.length; i++) {
        if (!inTree[i]) key[i] = Math.min(key[i]!, d[t[u]! * k + t[i]!]!);
      }
    }
    return total;
  }
}

/**
 * Exact Steiner cost of every subset: the smallest connected vertex set containing the terminals
 * has |S| − 1 links in a spanning tree, so cost(T) = min over connected S ⊇ T of |S| − 1 (a
 * superset-minimum over the 2^k subsets).
 */
function exactTable(topology: Topology): Int32Array {
  const k = topology.names.length;
  const nbr = new Int32Array(k);
  for (const [a, b] of topology.links) {
    nbr[a] = nbr[a]! | (1 << b);
    nbr[b] = nbr[b]! | (1 << a);
  }
  const size = 1 << k;
  const big = 1 << 20;
  const f = new Int32Array(size);
  for (let s = 1; s < size; s++) {
    // Grow from the lowest member inside s; s is connected if the growth reaches all of it.
    let reached = s & -s;
    for (;;) {
      let next = reached;
      for (let i = 0; i < k; i++) if (reached & (1 << i)) next |= nbr[i]! & s;
      if (next === reached) break;
      reached = next;
    }
    f[s] = reached === s ? popcount(s) - 1 : big;
  }
  for (let i = 0; i < k; i++) {
    const bit = 1 << i;
    for (let s = 0; s < size; s++) if (!(s & bit) && f[s | bit]! < f[s]!) f[s] = f[s | bit]!;
  }
  f[0] = 0;
  return f;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
