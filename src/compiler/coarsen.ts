// One coarsening step of the multilevel scheme (Karypis & Kumar, hMETIS, 1999): vertices are
// visited in random order and each unmatched vertex is paired with the unmatched neighbour of
// highest heavy-edge rating Σ w(e)/(|e| − 1) over shared edges. Paired vertices become one coarse
// vertex; edges are re-pinned, single-pin edges dropped (they never cost anything) and parallel
// edges merged with their weights summed. Teleport edges (2 pins, rating 1) rate highest, so a
// qubit's consecutive slices merge first: coarsening runs over time, as in Burt, Chen & Leung
// (arXiv:2503.19082).
import type { Rng } from '../util/rng.js';
import { type Hypergraph, IntBuffer, makeHypergraph } from './hypergraph.js';

export interface CoarseLevel {
  readonly graph: Hypergraph;
  /** Coarse vertex of each fine vertex. */
  readonly map: Int32Array;
}

/** Edges larger than this are ignored when rating pairs (they say little and cost much). */
const MAX_RATED_EDGE = 64;

/**
 * Coarsens `h` once. A pair is allowed only if the merged vertex weighs at most `maxWeight` in
 * every resource and, when `fixedPart` is given, both vertices lie in the same part.
 */
export function coarsen(
  h: Hypergraph,
  rng: Rng,
  maxWeight: number,
  fixedPart: Int32Array | null,
): CoarseLevel {
  const n = h.numVertices;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const map = new Int32Array(n).fill(-1);
  const score = new Float64Array(n);
  const touched = new IntBuffer(64);
  // Weight of the vertex being matched, per resource (sparse, reset after use).
  const wScratch = new Int32Array(h.numResources);
  let coarseCount = 0;
  for (let oi = 0; oi < n; oi++) {
    const u = order[oi]!;
    if (map[u] !== -1) continue;
    touched.length = 0;
    for (let i = h.vertexPtr[u]!; i < h.vertexPtr[u + 1]!; i++) {
      const e = h.incident[i]!;
      const size = h.edgePtr[e + 1]! - h.edgePtr[e]!;
      if (size > MAX_RATED_EDGE) continue;
      const r = h.edgeWeight[e]! / (size - 1);
      for (let j = h.edgePtr[e]!; j < h.edgePtr[e + 1]!; j++) {
        const v = h.pins[j]!;
        if (v === u || map[v] !== -1) continue;
        if (fixedPart !== null && fixedPart[v] !== fixedPart[u]) continue;
        if (score[v] === 0) touched.push(v);
        score[v]! += r;
      }
    }
    for (let i = h.weightPtr[u]!; i < h.weightPtr[u + 1]!; i++) wScratch[h.weightRes[i]!] = h.weightAmt[i]!;
    let best = -1;
    let bestScore = 0;
    for (let t = 0; t < touched.length; t++) {
      const v = touchedAt(touched, t);
      const s = score[v]!;
      score[v] = 0;
      if (s > bestScore || (s === bestScore && best >= 0 && v < best)) {
        let ok = true;
        for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++) {
          if (wScratch[h.weightRes[i]!]! + h.weightAmt[i]! > maxWeight) {
            ok = false;
            break;
          }
        }
        if (ok) {
          best = v;
          bestScore = s;
        }
      }
    }
    for (let i = h.weightPtr[u]!; i < h.weightPtr[u + 1]!; i++) wScratch[h.weightRes[i]!] = 0;
    map[u] = coarseCount;
    if (best >= 0) map[best] = coarseCount;
    coarseCount++;
  }
  return { graph: contract(h, map, coarseCount), map };
}

function touchedAt(buf: IntBuffer, i: number): number {
  return buf.view()[i]!;
}

/** The hypergraph with each vertex v replaced by map[v]. */
export function contract(h: Hypergraph, map: Int32Array, coarseCount: number): Hypergraph {
  // Weights: members' sparse vectors summed per resource.
  const members = groupBy(map, coarseCount);
  const acc = new Int32Array(h.numResources);
  const seenRes = new Int32Array(h.numResources).fill(-1);
  const weightPtr = new Int32Array(coarseCount + 1);
  const wRes = new IntBuffer(h.weightRes.length + 1);
  const wAmt = new IntBuffer(h.weightRes.length + 1);
  for (let c = 0; c < coarseCount; c++) {
    const start = wRes.length;
    for (let j = members.ptr[c]!; j < members.ptr[c + 1]!; j++) {
      const v = members.items[j]!;
      for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++) {
        const r = h.weightRes[i]!;
        if (seenRes[r] !== c) {
          seenRes[r] = c;
          acc[r] = 0;
          wRes.push(r);
        }
        acc[r]! += h.weightAmt[i]!;
      }
    }
    const res = wRes.view();
    for (let i = start; i < wRes.length; i++) wAmt.push(acc[res[i]!]!);
    weightPtr[c + 1] = wRes.length;
  }

  // Edges: re-pin, dedupe pins, drop single-pin edges, merge parallel edges.
  const edgePtr = new IntBuffer(h.numEdges + 1);
  const pins = new IntBuffer(h.pins.length + 1);
  const weights = new IntBuffer(h.numEdges + 1);
  edgePtr.push(0);
  const mark = new Int32Array(coarseCount).fill(-1);
  const byHash = new Map<number, number[]>();
  for (let e = 0; e < h.numEdges; e++) {
    const start = pins.length;
    for (let i = h.edgePtr[e]!; i < h.edgePtr[e + 1]!; i++) {
      const c = map[h.pins[i]!]!;
      if (mark[c] !== e) {
        mark[c] = e;
        pins.push(c);
      }
    }
    const size = pins.length - start;
    if (size < 2) {
      pins.length = start;
      continue;
    }
    const arr = pins.view();
    arr.subarray(start, start + size).sort();
    let hash = size;
    for (let i = start; i < start + size; i++) hash = (Math.imul(hash, 0x01000193) ^ arr[i]!) | 0;
    const same = byHash.get(hash);
    let merged = false;
    if (same !== undefined) {
      for (const f of same) {
        const fs = edgePtr.view()[f]!;
        if (edgePtr.view()[f + 1]! - fs !== size) continue;
        let eq = true;
        for (let i = 0; i < size; i++) {
          if (arr[fs + i] !== arr[start + i]) {
            eq = false;
            break;
          }
        }
        if (eq) {
          weights.view()[f]! += h.edgeWeight[e]!;
          merged = true;
          break;
        }
      }
    }
    if (merged) {
      pins.length = start;
      continue;
    }
    const id = weights.length;
    if (same !== undefined) same.push(id);
    else byHash.set(hash, [id]);
    weights.push(h.edgeWeight[e]!);
    edgePtr.push(pins.length);
  }
  return makeHypergraph(
    coarseCount,
    h.numResources,
    edgePtr.toArray(),
    pins.toArray(),
    weights.toArray(),
    weightPtr,
    wRes.toArray(),
    wAmt.toArray(),
  );
}

/** Members of each group, CSR. */
function groupBy(map: Int32Array, groups: number): { ptr: Int32Array; items: Int32Array } {
  const ptr = new Int32Array(groups + 1);
  for (let i = 0; i < map.length; i++) ptr[map[i]! + 1]!++;
  for (let g = 0; g < groups; g++) ptr[g + 1]! += ptr[g]!;
  const fill = ptr.slice(0, groups);
  const items = new Int32Array(map.length);
  for (let i = 0; i < map.length; i++) items[fill[map[i]!]!++] = i;
  return { ptr, items };
}
