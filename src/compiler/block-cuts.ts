// Contiguous blocks of a qubit order, one per QPU in turn, with the cut positions chosen by dynamic
// programming. A cut's price is what a static split there costs in cat copies: every gate across
// it needs a copy of one of its two runs (a run: a qubit between non-diagonal operations), and
// copying all the runs on the lighter side is always enough, so min(runs on the left with a gate
// across, runs on the right with one) bounds the cut's cost from above (König: the exact figure
// is a minimum vertex cover of the runs joined by crossing gates). On a line with blocks in order
// a run crossing several cuts pays for each link, so the prices add up.
import { type DistCircuit, runEndingQubit } from './dist-ir.js';

/** Price of cutting between positions p − 1 and p, for p = 0..n (ends free). */
export function cutPrices(dc: DistCircuit, order: Int32Array): Float64Array {
  const n = dc.numQubits;
  const pos = new Int32Array(n);
  order.forEach((q, i) => {
    pos[q] = i;
  });
  const left = new Int32Array(n + 2);
  const right = new Int32Array(n + 2);
  const lo = new Int32Array(n).fill(n);
  const hi = new Int32Array(n).fill(-1);
  const close = (q: number): void => {
    const x = pos[q]!;
    // Left-involved on cuts x < p ≤ hi; right-involved on cuts lo < p ≤ x (difference arrays).
    if (hi[q]! > x) {
      left[x + 1]!++;
      left[hi[q]! + 1]!--;
    }
    if (lo[q]! < x) {
      right[lo[q]! + 1]!++;
      right[x + 1]!--;
    }
    lo[q] = n;
    hi[q] = -1;
  };
  for (const op of dc.ops) {
    switch (op.kind) {
      case 'diag': {
        const [a, b] = op.qubits;
        lo[a] = Math.min(lo[a]!, pos[b]!);
        hi[a] = Math.max(hi[a]!, pos[b]!);
        lo[b] = Math.min(lo[b]!, pos[a]!);
        hi[b] = Math.max(hi[b]!, pos[a]!);
        break;
      }
      default: {
        const q = runEndingQubit(op);
        if (q >= 0) close(q);
      }
    }
  }
  for (let q = 0; q < n; q++) close(q);
  const price = new Float64Array(n + 1);
  let l = 0;
  let r = 0;
  for (let p = 0; p <= n; p++) {
    l += left[p]!;
    r += right[p]!;
    price[p] = p === 0 || p === n ? 0 : Math.min(l, r);
  }
  return price;
}

/**
 * Home QPU of each qubit: positions of `order` cut into blocks for QPU 0, 1, ... (each within its
 * capacity, possibly empty), at the cheapest total price; among equally cheap cuts the one whose
 * largest block is smallest, so a QPU keeps room for a qubit teleported in.
 */
export function orderedBlocks(
  order: Int32Array,
  price: Float64Array,
  capacity: readonly number[],
): Int32Array {
  const n = order.length;
  const k = capacity.length;
  const INF = Number.POSITIVE_INFINITY;
  // cost[j][m], peak[j][m]: best way to put the first m positions into blocks 0..j-1.
  const cost: Float64Array[] = [Float64Array.from({ length: n + 1 }, (_, m) => (m === 0 ? 0 : INF))];
  const peak: Int32Array[] = [new Int32Array(n + 1)];
  const from: Int32Array[] = [];
  for (let j = 0; j < k; j++) {
    const c = new Float64Array(n + 1).fill(INF);
    const pk = new Int32Array(n + 1);
    const arg = new Int32Array(n + 1).fill(-1);
    const prev = cost[j]!;
    const prevPeak = peak[j]!;
    const charge = j + 1 < k;
    for (let m = 0; m <= n; m++) {
      const edge = charge ? price[m]! : 0;
      for (let s = 0; s <= Math.min(capacity[j]!, m); s++) {
        const before = prev[m - s]!;
        if (before === INF) continue;
        const total = before + edge;
        const top = Math.max(prevPeak[m - s]!, s);
        if (total < c[m]! || (total === c[m]! && top < pk[m]!)) {
          c[m] = total;
          pk[m] = top;
          arg[m] = s;
        }
      }
    }
    cost.push(c);
    peak.push(pk);
    from.push(arg);
  }
  if (cost[k]![n] === INF) throw new Error('orderedBlocks: capacities too small for the qubits');
  const home = new Int32Array(n);
  let m = n;
  for (let j = k - 1; j >= 0; j--) {
    const s = from[j]![m]!;
    for (let i = m - s; i < m; i++) home[order[i]!] = j;
    m -= s;
  }
  return home;
}
