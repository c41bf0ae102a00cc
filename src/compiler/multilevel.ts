// One multilevel V-cycle: coarsen until the hypergraph is small, partition the coarsest level,
// then project back level by level with FM refinement at each (Karypis & Kumar, hMETIS, 1999).
// Given a partition to start from, coarsening pairs only vertices of the same part and the
// coarsest level starts from that partition, so the cycle can only keep or improve it.
import type { Rng } from '../util/rng.js';
import { coarsen } from './coarsen.js';
import { fmRefine, stallLimit } from './fm-refine.js';
import type { Hypergraph } from './hypergraph.js';
import { initialPartition } from './initial-partition.js';
import { type PartitionContext, PartitionState } from './partition-state.js';
import { repairCapacity } from './repair-capacity.js';

export interface MultilevelOptions {
  /** Stop coarsening at this many vertices. */
  readonly coarsestSize: number;
  /** Heaviest a coarse vertex may be in any one slice. */
  readonly maxWeight: number;
  /** Greedy tries at the coarsest level. */
  readonly initialTries: number;
  readonly fmPasses: number;
}

export function multilevelPartition(
  h: Hypergraph,
  ctx: PartitionContext,
  rng: Rng,
  start: Int32Array | null,
  options: MultilevelOptions,
): PartitionState {
  const graphs: Hypergraph[] = [h];
  const maps: Int32Array[] = [];
  let fixed = start;
  let cur = h;
  while (cur.numVertices > options.coarsestSize) {
    const level = coarsen(cur, rng.child(`coarsen/${maps.length}`), options.maxWeight, fixed);
    if (level.graph.numVertices > 0.97 * cur.numVertices) break;
    if (fixed !== null) {
      const coarseFixed = new Int32Array(level.graph.numVertices);
      for (let v = 0; v < cur.numVertices; v++) coarseFixed[level.map[v]!] = fixed[v]!;
      fixed = coarseFixed;
    }
    graphs.push(level.graph);
    maps.push(level.map);
    cur = level.graph;
  }
  // Coarse vertices of unequal weights rarely swap exactly, so coarse levels get a little more room;
  // the finest level, where every vertex weighs 1 per slice, restores the true capacity.
  const relax = Math.max(1, Math.ceil(options.maxWeight / 2));
  const loose: PartitionContext = { ...ctx, capacity: ctx.capacity.map((c) => c + relax) };
  const fm = (s: PartitionState): void => {
    const v = s.h.numVertices;
    fmRefine(s, { maxPasses: options.fmPasses, slack: options.maxWeight, stallMoves: stallLimit(v) });
  };
  let state: PartitionState;
  if (fixed !== null) {
    state = new PartitionState(cur, maps.length > 0 ? loose : ctx, fixed.slice());
    fm(state);
  } else {
    state = initialPartition(
      cur,
      maps.length > 0 ? loose : ctx,
      rng.child('initial'),
      options.initialTries,
      options.maxWeight,
    );
  }
  for (let level = maps.length - 1; level >= 0; level--) {
    const fine = graphs[level]!;
    const map = maps[level]!;
    const part = new Int32Array(fine.numVertices);
    for (let v = 0; v < fine.numVertices; v++) part[v] = state.part[map[v]!]!;
    state = new PartitionState(fine, level > 0 ? loose : ctx, part);
    if (level === 0 && state.overload > 0) repairCapacity(state);
    fm(state);
  }
  if (state.overload > 0) repairCapacity(state);
  return state;
}
