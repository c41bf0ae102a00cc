// Relabelling the parts of a partition to fit the topology: a partition found under the
// all-to-all metric is placed on the real QPUs so that parts sharing many edges sit close. The
// cost depends only on how much edge weight spans each set of parts, so a relabelling is scored
// from that histogram without touching the hypergraph.
import type { PartitionState } from './partition-state.js';
import type { SteinerCost } from './topology-distance.js';

/** Exhaustive search up to this many parts; pairwise-swap descent beyond. */
const EXHAUSTIVE_PARTS = 7;

/** Best relabelling perm (old part p → new part perm[p]) respecting every part's capacity. */
export function bestPartPermutation(state: PartitionState, steiner: SteinerCost): Int32Array {
  const k = state.k;
  const h = state.h;
  const weightOfMask = new Map<number, number>();
  for (let e = 0; e < h.numEdges; e++) {
    const m = state.mask[e]!;
    if ((m & (m - 1)) !== 0) weightOfMask.set(m, (weightOfMask.get(m) ?? 0) + h.edgeWeight[e]!);
  }
  const masks = Int32Array.from(weightOfMask.keys());
  const weights = Float64Array.from(weightOfMask.values());
  // Heaviest load of each old part over all resources, to check the new part can hold it.
  const peak = new Int32Array(k);
  for (let r = 0; r < h.numResources; r++) {
    for (let p = 0; p < k; p++) peak[p] = Math.max(peak[p]!, state.load[r * k + p]!);
  }
  const cap = state.ctx.capacity;
  const score = (perm: Int32Array): number => {
    for (let p = 0; p < k; p++) if (peak[p]! > cap[perm[p]!]!) return Number.POSITIVE_INFINITY;
    let c = 0;
    for (let i = 0; i < masks.length; i++) {
      const m = masks[i]!;
      let m2 = 0;
      for (let p = 0; p < k; p++) if (m & (1 << p)) m2 |= 1 << perm[p]!;
      c += weights[i]! * steiner.cost(m2);
    }
    return c;
  };
  const identity = Int32Array.from({ length: k }, (_, i) => i);
  let best = identity.slice();
  let bestScore = score(best);
  if (k <= EXHAUSTIVE_PARTS) {
    // Heap's algorithm over all k! relabellings.
    const perm = identity.slice();
    const c = new Int32Array(k);
    let i = 0;
    while (i < k) {
      if (c[i]! < i) {
        const j = i % 2 === 0 ? 0 : c[i]!;
        const t = perm[j]!;
        perm[j] = perm[i]!;
        perm[i] = t;
        const s = score(perm);
        if (s < bestScore) {
          bestScore = s;
          best = perm.slice();
        }
        c[i]!++;
        i = 0;
      } else {
        c[i] = 0;
        i++;
      }
    }
    return best;
  }
  for (let improved = true; improved; ) {
    improved = false;
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const perm = best.slice();
        perm[a] = best[b]!;
        perm[b] = best[a]!;
        const s = score(perm);
        if (s < bestScore) {
          bestScore = s;
          best = perm;
          improved = true;
        }
      }
    }
  }
  return best;
}
