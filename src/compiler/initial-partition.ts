// Initial partition of the coarsest hypergraph: greedy growing from several seeded vertex orders,
// heaviest vertices first, each vertex going to the part where it adds the least Steiner cost
// among those with room, then FM; the best try (least overflow, then least cost) wins.
import type { Rng } from '../util/rng.js';
import { fmRefine, stallLimit } from './fm-refine.js';
import type { Hypergraph } from './hypergraph.js';
import { type PartitionContext, PartitionState } from './partition-state.js';

export function greedyPartition(h: Hypergraph, ctx: PartitionContext, rng: Rng): Int32Array {
  const n = h.numVertices;
  const k = ctx.k;
  const total = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++) total[v]! += h.weightAmt[i]!;
  }
  // Greedy growing: vertices in breadth-first order from a random start, so each part fills with
  // a connected region before the next one starts; unreached vertices restart the search.
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  let head = 0;
  let tail = 0;
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  for (let pi = 0; pi < n; pi++) {
    const start = perm[pi]!;
    if (seen[start]) continue;
    seen[start] = 1;
    order[tail++] = start;
    while (head < tail) {
      const u = order[head++]!;
      for (let i = h.vertexPtr[u]!; i < h.vertexPtr[u + 1]!; i++) {
        const e = h.incident[i]!;
        for (let j = h.edgePtr[e]!; j < h.edgePtr[e + 1]!; j++) {
          const v = h.pins[j]!;
          if (!seen[v]) {
            seen[v] = 1;
            order[tail++] = v;
          }
        }
      }
    }
  }

  const part = new Int32Array(n).fill(-1);
  const mask = new Int32Array(h.numEdges);
  const load = new Int32Array(h.numResources * k);
  const used = new Float64Array(k);
  const steiner = ctx.steiner;
  for (const v of order) {
    let best = -1;
    let bestKey = Number.POSITIVE_INFINITY;
    let bestOver = Number.POSITIVE_INFINITY;
    for (let b = 0; b < k; b++) {
      let over = 0;
      for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++) {
        over += Math.max(0, load[h.weightRes[i]! * k + b]! + h.weightAmt[i]! - ctx.capacity[b]!);
      }
      let add = 0;
      for (let i = h.vertexPtr[v]!; i < h.vertexPtr[v + 1]!; i++) {
        const e = h.incident[i]!;
        const m = mask[e]!;
        if (m !== 0) add += h.edgeWeight[e]! * (steiner.cost(m | (1 << b)) - steiner.cost(m));
      }
      // Ties go to the emptiest part, which spreads unconnected vertices evenly.
      const key = add + used[b]! / (ctx.capacity[b]! * h.numResources + 1);
      if (over < bestOver || (over === bestOver && key < bestKey)) {
        best = b;
        bestKey = key;
        bestOver = over;
      }
    }
    part[v] = best;
    used[best]! += total[v]!;
    for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++)
      load[h.weightRes[i]! * k + best]! += h.weightAmt[i]!;
    for (let i = h.vertexPtr[v]!; i < h.vertexPtr[v + 1]!; i++) {
      const e = h.incident[i]!;
      mask[e] = mask[e]! | (1 << best);
    }
  }
  return part;
}

/** Best of `tries` greedy partitions, each refined by FM. */
export function initialPartition(
  h: Hypergraph,
  ctx: PartitionContext,
  rng: Rng,
  tries: number,
  slack: number,
): PartitionState {
  let best: PartitionState | null = null;
  for (let t = 0; t < tries; t++) {
    const part = greedyPartition(h, ctx, rng.child(`try/${t}`));
    const state = new PartitionState(h, ctx, part);
    fmRefine(state, { maxPasses: 8, slack, stallMoves: stallLimit(h.numVertices) });
    if (
      best === null ||
      state.overload < best.overload ||
      (state.overload === best.overload && state.cost < best.cost)
    ) {
      best = state;
    }
  }
  if (best === null) throw new Error('initialPartition: tries must be at least 1');
  return best;
}
