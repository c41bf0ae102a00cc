// A constructive time-sliced allocation, slice by slice, after the fine-grained partitioning with
// relaxed overall extreme exchange of Baker, Duckering, Hoover & Chong (CF 2020, "Time-sliced
// quantum circuit partitioning for modular architectures"): at each slice the homes of the
// previous slice are improved by single moves and pairwise swaps that trade teleports against the
// cat copies the slice's gates would need, plus a decaying look-ahead pull towards the partners of
// the next slices. Each move is taken only if it pays, so qubits stay where they are unless a
// gate, now or soon, wants them elsewhere (the "relaxed" rule). The result seeds FM refinement.
import { type DistCircuit, runEndingQubit } from './dist-ir.js';
import type { PartitionContext } from './partition-state.js';
import type { Slicing } from './time-slices.js';

export interface LayeredGreedyOptions {
  /** Slices after the current one whose gates pull their qubits together. */
  readonly lookahead: number;
  /** Weight of a gate one slice ahead relative to a gate of the current slice. */
  readonly beta: number;
  /** Factor applied per further slice of look-ahead. */
  readonly decay: number;
}

/**
 * Per diagonal op, the cat-copy cost it is expected to carry if its two qubits are apart: 1 over
 * the length (diagonal ops) of the shorter of the two runs it lies in, since one copy serves a
 * whole run. Runs are broken by non-diagonal one-qubit gates, measurements and resets.
 */
export function remoteGatePenalty(dc: DistCircuit): Float64Array {
  const n = dc.numQubits;
  const runOf = new Int32Array(dc.ops.length * 2).fill(-1);
  const runLen: number[] = [];
  const open = new Int32Array(n).fill(-1);
  for (let i = 0; i < dc.ops.length; i++) {
    const op = dc.ops[i]!;
    if (op.kind === 'diag') {
      for (let side = 0; side < 2; side++) {
        const q = op.qubits[side]!;
        if (open[q]! < 0) {
          open[q] = runLen.length;
          runLen.push(0);
        }
        runOf[2 * i + side] = open[q]!;
        runLen[open[q]!]!++;
      }
    } else {
      const q = runEndingQubit(op);
      if (q >= 0) open[q] = -1;
    }
  }
  const pen = new Float64Array(dc.ops.length);
  for (let i = 0; i < dc.ops.length; i++) {
    if (dc.ops[i]!.kind !== 'diag') continue;
    const la = runLen[runOf[2 * i]!]!;
    const lb = runLen[runOf[2 * i + 1]!]!;
    pen[i] = 1 / Math.max(1, Math.min(la, lb));
  }
  return pen;
}

/**
 * Home of every qubit in every slice (index s * n + q), each slice within capacity, built from
 * `start` (a capacity-respecting static placement; moves before the first slice are free).
 */
export function layeredGreedy(
  dc: DistCircuit,
  slicing: Slicing,
  ctx: PartitionContext,
  start: Int32Array,
  pen: Float64Array,
  options: LayeredGreedyOptions,
): Int32Array {
  const n = dc.numQubits;
  const k = ctx.k;
  const dist = ctx.steiner.dist;
  const cap = ctx.capacity;
  const S = slicing.numSlices;
  const homes = new Int32Array(S * n);

  // Diagonal ops of each slice: diagOps[sliceStart[s] .. sliceStart[s + 1]).
  const diagOps: number[] = [];
  const sliceStart = new Int32Array(S + 1);
  for (let i = 0; i < dc.ops.length; i++) {
    if (dc.ops[i]!.kind !== 'diag') continue;
    diagOps.push(i);
    sliceStart[slicing.sliceOfOp[i]! + 1]!++;
  }
  for (let s = 0; s < S; s++) sliceStart[s + 1]! += sliceStart[s]!;
  const weightAt = new Float64Array(options.lookahead + 1);
  weightAt[0] = 1;
  for (let d = 1; d <= options.lookahead; d++) weightAt[d] = options.beta * options.decay ** (d - 1);

  const prev = Int32Array.from(start);
  const cur = new Int32Array(n);
  const load = new Int32Array(k);
  // Partners of each qubit in the window, CSR, rebuilt per slice.
  const degree = new Int32Array(n + 1);
  let adjQ = new Int32Array(64);
  let adjW = new Float64Array(64);
  const fill = new Int32Array(n);
  const costAll = new Float64Array(n * k);
  const TOP = 4;
  const top = new Int32Array(k * k * TOP);
  const topGain = new Float64Array(k * k * TOP);
  const active: number[] = [];

  // cost[p] of qubit q at p: teleport from its previous home plus pulls of its partners.
  const costs = (q: number, moveW: number, out: Float64Array): void => {
    const from = prev[q]!;
    for (let p = 0; p < k; p++) out[p] = moveW * dist[from * k + p]!;
    for (let i = degree[q]!; i < degree[q + 1]!; i++) {
      const r = adjQ[i]!;
      const w = adjW[i]!;
      const row = cur[r]! * k;
      for (let p = 0; p < k; p++) out[p]! += w * dist[row + p]!;
    }
  };
  const pairWeight = (q: number, u: number): number => {
    let w = 0;
    for (let i = degree[q]!; i < degree[q + 1]!; i++) if (adjQ[i] === u) w += adjW[i]!;
    return w;
  };

  for (let s = 0; s < S; s++) {
    const moveW = s === 0 ? 0 : 1;
    cur.set(prev);
    load.fill(0);
    for (let q = 0; q < n; q++) load[cur[q]!]!++;
    // Window adjacency.
    const lo = sliceStart[s]!;
    const hi = sliceStart[Math.min(S, s + options.lookahead + 1)]!;
    degree.fill(0);
    for (let j = lo; j < hi; j++) {
      const op = dc.ops[diagOps[j]!]!;
      if (op.kind !== 'diag') continue;
      degree[op.qubits[0] + 1]!++;
      degree[op.qubits[1] + 1]!++;
    }
    for (let q = 0; q < n; q++) degree[q + 1]! += degree[q]!;
    const m = degree[n]!;
    if (m > adjQ.length) {
      adjQ = new Int32Array(m * 2);
      adjW = new Float64Array(m * 2);
    }
    for (let q = 0; q < n; q++) fill[q] = degree[q]!;
    for (let j = lo; j < hi; j++) {
      const i = diagOps[j]!;
      const op = dc.ops[i]!;
      if (op.kind !== 'diag') continue;
      const w = pen[i]! * weightAt[slicing.sliceOfOp[i]! - s]!;
      const [a, b] = op.qubits;
      adjQ[fill[a]!] = b;
      adjW[fill[a]!++] = w;
      adjQ[fill[b]!] = a;
      adjW[fill[b]!++] = w;
    }
    active.length = 0;
    for (let q = 0; q < n; q++) if (degree[q + 1]! > degree[q]!) active.push(q);

    // Best-improvement local search: single moves into free room, swaps between full parts.
    const C = costAll;
    for (let iter = 0; iter < 4 * n + 16; iter++) {
      for (const q of active) costs(q, moveW, C.subarray(q * k, q * k + k));
      // Per (from a, to b): the few qubits of b that mind moving to a least.
      top.fill(-1);
      for (let u = 0; u < n; u++) {
        const b = cur[u]!;
        const hasCost = degree[u + 1]! > degree[u]!;
        for (let a = 0; a < k; a++) {
          if (a === b) continue;
          const g = hasCost
            ? C[u * k + b]! - C[u * k + a]!
            : moveW * (dist[prev[u]! * k + b]! - dist[prev[u]! * k + a]!);
          const slot = (a * k + b) * TOP;
          for (let t = 0; t < TOP; t++) {
            const v = top[slot + t]!;
            if (v < 0 || g > topGain[slot + t]!) {
              for (let x = TOP - 1; x > t; x--) {
                top[slot + x] = top[slot + x - 1]!;
                topGain[slot + x] = topGain[slot + x - 1]!;
              }
              top[slot + t] = u;
              topGain[slot + t] = g;
              break;
            }
          }
        }
      }
      let bestGain = 1e-9;
      let bq = -1;
      let bu = -1;
      let bTo = -1;
      for (const q of active) {
        const a = cur[q]!;
        for (let b = 0; b < k; b++) {
          if (b === a) continue;
          const dq = C[q * k + a]! - C[q * k + b]!;
          if (load[b]! < cap[b]!) {
            if (dq > bestGain) {
              bestGain = dq;
              bq = q;
              bu = -1;
              bTo = b;
            }
            continue;
          }
          // b is full: swap with a qubit of b that minds moving to a least.
          if (dq <= 0) continue;
          const slot = (a * k + b) * TOP;
          for (let t = 0; t < TOP; t++) {
            const u = top[slot + t]!;
            if (u < 0) break;
            const g = dq + topGain[slot + t]! - 2 * pairWeight(q, u) * dist[a * k + b]!;
            if (g > bestGain) {
              bestGain = g;
              bq = q;
              bu = u;
              bTo = b;
            }
          }
        }
      }
      if (bq < 0) break;
      const from = cur[bq]!;
      cur[bq] = bTo;
      load[from]!--;
      load[bTo]!++;
      if (bu >= 0) {
        cur[bu] = from;
        load[bTo]!--;
        load[from]!++;
      }
    }
    homes.set(cur, s * n);
    prev.set(cur);
  }
  return homes;
}
