// Last-resort capacity repair: while some (resource, part) is over capacity, move the vertex out
// of it whose move costs least and overflows nothing else. On the finest hypergraph every qubit
// vertex weighs 1 in one slice, so while total capacity suffices such a move always exists.
import type { PartitionState } from './partition-state.js';

/** Returns true when no load exceeds capacity afterwards. */
export function repairCapacity(state: PartitionState): boolean {
  const h = state.h;
  const k = state.k;
  const cap = state.ctx.capacity;
  while (state.overload > 0) {
    let bestV = -1;
    let bestB = -1;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (let v = 0; v < h.numVertices; v++) {
      const a = state.part[v]!;
      let relieves = false;
      for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++) {
        if (state.load[h.weightRes[i]! * k + a]! > cap[a]!) relieves = true;
      }
      if (!relieves) continue;
      for (let b = 0; b < k; b++) {
        if (b === a || !state.fits(v, b, 0)) continue;
        const g = state.gain(v, b);
        if (g > bestGain) {
          bestGain = g;
          bestV = v;
          bestB = b;
        }
      }
    }
    if (bestV < 0) return false;
    state.move(bestV, bestB, null);
  }
  return true;
}
