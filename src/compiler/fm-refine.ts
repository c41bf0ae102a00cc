// k-way Fiduccia–Mattheyses refinement (Fiduccia & Mattheyses, DAC 1982) over the Steiner
// (connectivity − 1 on all-to-all) metric: moves are taken best gain first, each vertex at most
// once per pass, worse moves are allowed to climb out of local minima, and the pass is rolled
// back to its best prefix. Best means least capacity overflow first, then least cost.
import { MoveHeap } from './max-heap.js';
import type { PartitionState } from './partition-state.js';

export interface FmOptions {
  /** Passes at most; stops earlier when a pass finds nothing better. */
  readonly maxPasses: number;
  /** Loads may exceed capacity by this much inside a pass (the best prefix never does unless it started so). */
  readonly slack: number;
  /** A pass ends after this many moves without a new best. */
  readonly stallMoves: number;
}

/** Refines `state` in place; returns the number of passes that improved it. */
export function fmRefine(state: PartitionState, options: FmOptions): number {
  const h = state.h;
  const k = state.k;
  const n = h.numVertices;
  // Capacity first: one unit of overflow outweighs any cut.
  let totalWeight = 0;
  for (let e = 0; e < h.numEdges; e++) totalWeight += h.edgeWeight[e]!;
  const penalty = totalWeight * state.ctx.steiner.cost((1 << k) - 1) + 1;
  const heap = new MoveHeap();
  const version = new Int32Array(n);
  const locked = new Uint8Array(n);
  const logV: number[] = [];
  const logFrom: number[] = [];
  let bestTarget = -1;
  let bestPriority = 0;

  // Best move of v now, into bestTarget/bestPriority; false if no part can take it.
  const evaluate = (v: number): boolean => {
    const a = state.part[v]!;
    bestTarget = -1;
    bestPriority = Number.NEGATIVE_INFINITY;
    for (let b = 0; b < k; b++) {
      if (b === a || !state.fits(v, b, options.slack)) continue;
      // Overflow within the slack is free inside a pass (the best prefix has none), but relief
      // comes first, so an overflowing move is followed at once by the best move out of that part.
      const d = state.overloadDelta(v, b);
      const p = state.gain(v, b) - (d < 0 ? penalty * d : 0);
      if (p > bestPriority) {
        bestPriority = p;
        bestTarget = b;
      }
    }
    return bestTarget >= 0;
  };
  const enqueue = (v: number): void => {
    if (locked[v] || !evaluate(v)) return;
    heap.push(bestPriority, v, bestTarget, ++version[v]!);
  };
  const touched = (e: number): void => {
    for (let i = h.edgePtr[e]!; i < h.edgePtr[e + 1]!; i++) enqueue(h.pins[i]!);
  };

  // Vertices weighing in each resource, to find relieving moves once a part overflows.
  const resPtr = new Int32Array(h.numResources + 1);
  for (let i = 0; i < h.weightRes.length; i++) resPtr[h.weightRes[i]! + 1]!++;
  for (let r = 0; r < h.numResources; r++) resPtr[r + 1]! += resPtr[r]!;
  const resVerts = new Int32Array(h.weightRes.length);
  {
    const fill = resPtr.slice(0, h.numResources);
    for (let v = 0; v < n; v++) {
      for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++) resVerts[fill[h.weightRes[i]!]!++] = v;
    }
  }
  const cap = state.ctx.capacity;
  const enqueueOverflowing = (v: number): void => {
    const b = state.part[v]!;
    for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++) {
      const r = h.weightRes[i]!;
      if (state.load[r * k + b]! <= cap[b]!) continue;
      for (let j = resPtr[r]!; j < resPtr[r + 1]!; j++) {
        const u = resVerts[j]!;
        if (state.part[u] === b) enqueue(u);
      }
    }
  };

  let improvedPasses = 0;
  for (let pass = 0; pass < options.maxPasses; pass++) {
    heap.clear();
    locked.fill(0);
    logV.length = 0;
    logFrom.length = 0;
    const startCost = state.cost;
    const startOver = state.overload;
    for (let v = 0; v < n; v++) {
      if (state.isBoundary(v) || (state.overload > 0 && h.weightPtr[v + 1]! > h.weightPtr[v]!)) enqueue(v);
    }
    let bestCost = startCost;
    let bestOver = startOver;
    let bestLen = 0;
    while (heap.size > 0 && logV.length - bestLen < options.stallMoves) {
      const v = heap.topVertex();
      const stale = locked[v] === 1 || heap.topVersion() !== version[v];
      const prio = heap.topPriority();
      const target = heap.topTarget();
      heap.pop();
      if (stale) continue;
      // Loads may have changed since the entry was made: re-evaluate, move only if still accurate.
      if (!evaluate(v)) continue;
      if (bestTarget !== target || bestPriority !== prio) {
        heap.push(bestPriority, v, bestTarget, ++version[v]!);
        continue;
      }
      logV.push(v);
      logFrom.push(state.part[v]!);
      locked[v] = 1;
      state.move(v, target, touched);
      enqueueOverflowing(v);
      if (state.overload < bestOver || (state.overload === bestOver && state.cost < bestCost)) {
        bestOver = state.overload;
        bestCost = state.cost;
        bestLen = logV.length;
      }
    }
    for (let i = logV.length - 1; i >= bestLen; i--) state.move(logV[i]!, logFrom[i]!, null);
    if (state.overload < startOver || (state.overload === startOver && state.cost < startCost))
      improvedPasses++;
    else break;
  }
  return improvedPasses;
}

/** Moves without a new best after which a pass gives up: enough to climb over small hills, bounded on big graphs. */
export function stallLimit(numVertices: number): number {
  return Math.max(64, Math.min(numVertices >> 3, 400));
}
