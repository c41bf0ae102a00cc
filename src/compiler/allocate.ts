// Qubit allocation for the distributed-circuit compiler: where each qubit lives in each time slice
// and where each diagonal gate runs, minimising e-bits (cat copies plus teleports). Multilevel
// hypergraph partitioning with FM refinement on the time-extended hypergraph (Burt, Chen & Leung,
// arXiv:2503.19082; hypergraph model of Andres-Martinez & Heunen, arXiv:1811.10972). Several
// slicings are tried, always including the static one (no teleports), and the cheapest wins; at
// the finest slicing a slice-by-slice construction with look-ahead (layered-greedy.ts) seeds FM,
// which finds the teleport-heavy solutions of circuits like quantum volume. A second family grows
// the same way from contiguous blocks of the qubits' interaction order (qubit-order.ts,
// block-cuts.ts), a basin multilevel runs miss on chain-shaped circuits such as ripple-carry adders.
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import type { Allocation } from './allocation.js';
import { allocationCostWith } from './allocation-cost.js';
import { cutPrices, orderedBlocks } from './block-cuts.js';
import { buildCircuitHypergraph, type CircuitHypergraph } from './circuit-hypergraph.js';
import type { DistCircuit } from './dist-ir.js';
import { fmRefine, stallLimit } from './fm-refine.js';
import { placeGates } from './gate-placement.js';
import { type LayeredGreedyOptions, layeredGreedy, remoteGatePenalty } from './layered-greedy.js';
import { type MultilevelOptions, multilevelPartition } from './multilevel.js';
import { bestPartPermutation } from './part-permutation.js';
import { type PartitionContext, PartitionState } from './partition-state.js';
import { interactionGraph, interactionOrder } from './qubit-order.js';
import { type Slicing, sliceByLayers, twoQubitDepth } from './time-slices.js';
import { isAllToAll, type Topology } from './topology.js';
import { SteinerCost } from './topology-distance.js';

export interface AllocateOptions {
  /** Seed of the partitioner's random choices; same seed, same allocation. Default 0. */
  readonly seed?: number;
  /** Allow qubits to move between slices (teleportation). Default true; false = static partition. */
  readonly teleport?: boolean;
  /** Independent multilevel runs for the static partition (default: 2 to 24 by circuit size). */
  readonly effort?: number;
}

/** Qubit-slice vertices times QPUs a time-extended hypergraph may have (bounds compile time). */
const SLICE_WORK_BUDGET = 6000;
/** Static-graph vertices × QPUs × independent runs (more runs on small circuits, where they are cheap). */
const RUN_WORK_BUDGET = 40000;

/** The allocation of least modelled cost among `allocateCandidates` (ties: the first). */
export function allocate(dc: DistCircuit, topology: Topology, options: AllocateOptions = {}): Allocation {
  let best: Candidate | null = null;
  for (const c of allocateCandidates(dc, topology, options))
    if (best === null || c.cost < best.cost) best = c;
  if (best === null) throw new Error('allocate: no allocation found');
  return best.allocation;
}

export interface Candidate {
  readonly allocation: Allocation;
  /** E-bits under the partitioner's model (allocation-cost.ts). */
  readonly cost: number;
}

/**
 * The best allocation of each family the partitioner grows: from the multilevel static partition,
 * and from blocks of the qubits' interaction order (when that differs); each with its gates placed
 * exactly (gate-placement.ts) and, when that changed them, also as the partitioner placed them. The
 * emitter's count can differ from the model (it moves gates to open copies, and closes copies when
 * communication qubits run out), so the compiler emits each.
 */
export function allocateCandidates(
  dc: DistCircuit,
  topology: Topology,
  options: AllocateOptions = {},
): Candidate[] {
  const k = topology.names.length;
  const n = dc.numQubits;
  if (topology.capacity.length !== k) throw new Error('topology: capacity must list one number per QPU');
  const total = topology.capacity.reduce((a, b) => a + b, 0);
  if (total < n) {
    throw new QnetError(
      'E_COMPILE_CAPACITY',
      `the circuit has ${n} qubits but the ${k} QPUs hold only ${total} data qubits (${topology.capacity.join(' + ')})`,
      { hint: `add QPUs or raise their capacity by ${n - total} data qubits in total` },
    );
  }
  const steiner = new SteinerCost(topology);
  const ctx: PartitionContext = { k, capacity: Int32Array.from(topology.capacity), steiner };
  const rng = Rng.fromSeed(options.seed ?? 0).child('allocate');
  const teleport = options.teleport !== false;
  const depth = twoQubitDepth(dc);
  const staticGraph = buildCircuitHypergraph(dc, sliceByLayers(dc, 0));
  const complete = isAllToAll(topology);
  // Off all-to-all every run is made twice (under the real and the flat metric): half as many runs.
  const autoEffort = Math.min(
    24,
    Math.max(
      complete ? 2 : 1,
      Math.round(RUN_WORK_BUDGET / Math.max(1, staticGraph.graph.numVertices * k * (complete ? 1 : 2))),
    ),
  );
  const effort = Math.max(1, options.effort ?? autoEffort);
  const flat: PartitionContext | null = complete
    ? null
    : { ...ctx, steiner: new SteinerCost(completeTopology(k)) };

  /**
   * The best of one family: the static partition it starts from, then (teleporting) what grows
   * from it; and the best with the gates where the partitioner put them, when that differs (its
   * gates sit at homes more often, which the emitter prefers when communication qubits are few).
   */
  const family = (start: PartitionState, familyRng: Rng): Candidate[] => {
    const none: Candidate = { allocation: null as unknown as Allocation, cost: Number.POSITIVE_INFINITY };
    let best = none;
    let bestFound = none;
    const consider = (found: Allocation): number => {
      // FM leaves gates where moving one alone does not pay; the exact placement moves them
      // together (all-to-all it keeps gates at a home, so a gate FM put where two copies meet can
      // make the found placement the cheaper one).
      const foundCost = allocationCostWith(dc, steiner, found);
      const placed = placeGates(dc, topology, found)?.allocation;
      const placedCost = placed ? allocationCostWith(dc, steiner, placed) : Number.POSITIVE_INFINITY;
      if (foundCost < bestFound.cost) bestFound = { allocation: found, cost: foundCost };
      const better = placed && placedCost < foundCost ? { allocation: placed, cost: placedCost } : bestFound;
      if (better.cost < best.cost) best = better;
      return Math.min(foundCost, placedCost);
    };
    consider(toAllocation(dc, staticGraph, sliceByLayers(dc, 0), start.part));
    if (teleport && depth > 1 && n > 0)
      temporalCandidates(dc, ctx, staticGraph, start.part, depth, familyRng, consider, () => best.cost);
    return best === bestFound ? [best] : [best, bestFound];
  };

  const staticState = staticPartition(
    staticGraph,
    ctx,
    flat,
    rng.child('static'),
    effort,
    contiguousPart(dc, staticGraph, topology.capacity),
  );
  const candidates = family(staticState, rng);
  const chainState = chainPartition(staticGraph, ctx, chainPart(dc, staticGraph, ctx), rng.child('chain'));
  // A second family doubles the temporal work, so only a chain start at least as good as the
  // multilevel one (a different basin, not a worse one) is grown.
  if (
    chainState.overload === 0 &&
    chainState.cost <= staticState.cost &&
    !sameQubitHomes(chainState.part, staticState.part, n)
  )
    candidates.push(...family(chainState, rng.child('chain')));
  return candidates;
}

/** The chain blocks refined by FM and by a V-cycle started from them: the better of the two. */
function chainPartition(
  ch: CircuitHypergraph,
  ctx: PartitionContext,
  chain: Int32Array,
  rng: Rng,
): PartitionState {
  const h = ch.graph;
  const options = multilevelOptions(ctx);
  const near = new PartitionState(h, ctx, chain.slice());
  fmRefine(near, { maxPasses: options.fmPasses, slack: 1, stallMoves: stallLimit(h.numVertices) });
  const cycle = multilevelPartition(h, ctx, rng, chain, options);
  const better = (a: PartitionState, b: PartitionState) =>
    a.overload < b.overload || (a.overload === b.overload && a.cost < b.cost);
  return better(cycle, near) ? cycle : near;
}

function sameQubitHomes(a: Int32Array, b: Int32Array, n: number): boolean {
  for (let q = 0; q < n; q++) if (a[q] !== b[q]) return false;
  return true;
}

/**
 * Teleporting allocations grown from a static partition: temporal multilevel refinement and the
 * layered construction.
 */
function temporalCandidates(
  dc: DistCircuit,
  ctx: PartitionContext,
  staticGraph: CircuitHypergraph,
  staticPart: Int32Array,
  depth: number,
  rng: Rng,
  consider: (a: Allocation) => number,
  bestCost: () => number,
): void {
  const n = dc.numQubits;
  const k = ctx.k;
  // Temporal multilevel: slices of width W, 2W, 4W, ... (coarse slice = fine slice >> 1); start
  // from the static partition at the coarsest, refine with FM at each level on the way down.
  const minWidth = Math.max(1, Math.ceil((depth * n * k) / SLICE_WORK_BUDGET));
  const widths: number[] = [];
  for (let w = minWidth; ; w *= 2) {
    widths.push(w);
    if (w >= depth) break;
  }
  let prev: CircuitHypergraph = staticGraph;
  let part = staticPart;
  for (let level = widths.length - 1; level >= 0; level--) {
    const width = widths[level]!;
    const slicing = sliceByLayers(dc, width);
    const ch = buildCircuitHypergraph(dc, slicing);
    const fine = projectSlices(prev, part, ch);
    const state = refineLevel(
      new PartitionState(ch.graph, ctx, fine),
      rng.child(`width/${width}`),
      level === 0 ? vcycles(ch.graph.numVertices * ctx.k, 1) : 0,
    );
    consider(toAllocation(dc, ch, slicing, state.part));
    prev = ch;
    part = state.part;
  }
  layeredCandidates(dc, ctx, staticPart.subarray(0, n), depth, rng.child('layered'), consider, bestCost);
}

/**
 * Static partition: `effort` fresh multilevel runs under the real metric and, on a topology that
 * is not all-to-all, as many under the all-to-all metric placed on the QPUs by the best
 * relabelling; then refining V-cycles from the best (coarsening inside parts moves whole groups).
 */
function staticPartition(
  ch: CircuitHypergraph,
  ctx: PartitionContext,
  flat: PartitionContext | null,
  rng: Rng,
  effort: number,
  contiguous: Int32Array,
): PartitionState {
  const h = ch.graph;
  const options = multilevelOptions(ctx);
  let best: PartitionState | null = null;
  const keep = (s: PartitionState): void => {
    if (best === null || s.overload < best.overload || (s.overload === best.overload && s.cost < best.cost))
      best = s;
  };
  for (let run = 0; run < effort; run++) {
    keep(multilevelPartition(h, ctx, rng.child(`run/${run}`), null, options));
    if (flat !== null) {
      const s = multilevelPartition(h, flat, rng.child(`flat/${run}`), null, options);
      const perm = bestPartPermutation(s, ctx.steiner);
      const part = s.part.map((p) => perm[p]!);
      const placed = new PartitionState(h, ctx, part);
      fmRefine(placed, { maxPasses: options.fmPasses, slack: 1, stallMoves: stallLimit(h.numVertices) });
      keep(placed);
    }
  }
  // Circuits written with locality in mind (QFT, adders) can be at their best near index order.
  const near = new PartitionState(h, ctx, contiguous.slice());
  fmRefine(near, { maxPasses: options.fmPasses, slack: 1, stallMoves: stallLimit(h.numVertices) });
  keep(near);
  keep(multilevelPartition(h, ctx, rng.child('contiguous'), contiguous, options));
  for (let cycle = 0; cycle < 2; cycle++) {
    const from: PartitionState = best!;
    keep(multilevelPartition(h, ctx, rng.child(`vcycle/${cycle}`), from.part.slice(), options));
  }
  return best!;
}

/**
 * Blocks of the qubits' interaction order (qubit-order.ts) cut where a static split costs least
 * (block-cuts.ts), one block per QPU and placed on the QPUs by the best relabelling; each gate at
 * the home of its second qubit.
 */
function chainPart(dc: DistCircuit, ch: CircuitHypergraph, ctx: PartitionContext): Int32Array {
  const n = dc.numQubits;
  const order = interactionOrder(interactionGraph(dc));
  const home = orderedBlocks(order, cutPrices(dc, order), Array.from(ctx.capacity));
  const part = new Int32Array(ch.graph.numVertices);
  part.set(home);
  for (let g = 0; g < ch.gateOps.length; g++) {
    const op = dc.ops[ch.gateOps[g]!]!;
    if (op.kind === 'diag') part[n + g] = home[op.qubits[1]]!;
  }
  const perm = bestPartPermutation(new PartitionState(ch.graph, ctx, part), ctx.steiner);
  return part.map((p) => perm[p]!);
}

/** Qubits in contiguous blocks of index order, each gate at the home of its second qubit. */
function contiguousPart(dc: DistCircuit, ch: CircuitHypergraph, capacity: readonly number[]): Int32Array {
  const n = dc.numQubits;
  const part = new Int32Array(ch.graph.numVertices);
  let qpu = 0;
  let used = 0;
  for (let q = 0; q < n; q++) {
    while (used >= capacity[qpu]!) {
      qpu++;
      used = 0;
    }
    part[q] = qpu;
    used++;
  }
  for (let g = 0; g < ch.gateOps.length; g++) {
    const op = dc.ops[ch.gateOps[g]!]!;
    if (op.kind === 'diag') part[n + g] = part[op.qubits[1]]!;
  }
  return part;
}

function multilevelOptions(ctx: PartitionContext): MultilevelOptions {
  const minCap = Math.min(...ctx.capacity);
  return {
    coarsestSize: Math.max(40 * ctx.k, 150),
    maxWeight: Math.max(1, Math.floor(minCap / 3)),
    initialTries: 6,
    fmPasses: 6,
  };
}

/**
 * A partition of a coarser time-extended hypergraph carried to a finer one: fine slice s lies in
 * coarse slice s >> 1 (one slice only: every fine slice lies in it).
 */
function projectSlices(
  coarse: CircuitHypergraph,
  coarsePart: Int32Array,
  fine: CircuitHypergraph,
): Int32Array {
  const n = fine.numQubits;
  const part = new Int32Array(fine.graph.numVertices);
  const shift = coarse.numSlices === 1 ? 31 : 1;
  for (let s = 0; s < fine.numSlices; s++) {
    const cs = shift === 31 ? 0 : Math.min(s >> 1, coarse.numSlices - 1);
    for (let q = 0; q < n; q++) part[s * n + q] = coarsePart[cs * n + q]!;
  }
  // Gate vertices are the same diag ops in the same order in both graphs.
  const gates = fine.gateOps.length;
  const cBase = coarse.numSlices * n;
  const fBase = fine.numSlices * n;
  for (let g = 0; g < gates; g++) part[fBase + g] = coarsePart[cBase + g]!;
  return part;
}

/** FM at one temporal level, then V-cycles that coarsen within parts to move groups together. */
function refineLevel(state: PartitionState, rng: Rng, cycles: number): PartitionState {
  fmRefine(state, { maxPasses: 16, slack: 1, stallMoves: Math.max(64, state.h.numVertices >> 2) });
  let best = state;
  const options = multilevelOptions(state.ctx);
  for (let c = 0; c < cycles; c++) {
    const next = multilevelPartition(best.h, best.ctx, rng.child(`vcycle/${c}`), best.part.slice(), options);
    if (next.overload > best.overload || (next.overload === best.overload && next.cost >= best.cost)) break;
    best = next;
  }
  return best;
}

/** V-cycles after FM at a temporal level (`most` on small graphs, fewer as vertices × QPUs grow). */
function vcycles(work: number, most: number): number {
  return work <= 40000 ? most : work <= 160000 ? Math.min(most, 1) : 0;
}

/** Qubit-slice vertices the layered construction may use (its FM refinement costs more per vertex). */
const LAYERED_BUDGET = 60000;
/** A layered construction costing more than this times the best so far is not refined. */
const SKIP_FACTOR = 1.25;
const LAYERED_SETTINGS: readonly LayeredGreedyOptions[] = [
  { lookahead: 8, beta: 0.5, decay: 0.7 },
  { lookahead: 12, beta: 0.3, decay: 0.85 },
  { lookahead: 4, beta: 0.8, decay: 0.5 },
];

/**
 * Candidates built slice by slice at the finest affordable slicing (teleport or cat copy, decided
 * per slice with look-ahead), each refined by FM on the time-extended hypergraph.
 */
function layeredCandidates(
  dc: DistCircuit,
  ctx: PartitionContext,
  start: Int32Array,
  depth: number,
  rng: Rng,
  consider: (a: Allocation) => number,
  bestCost: () => number,
): void {
  const n = dc.numQubits;
  const width = Math.max(1, Math.ceil((depth * n) / LAYERED_BUDGET));
  const slicing = sliceByLayers(dc, width);
  const ch = buildCircuitHypergraph(dc, slicing);
  const pen = remoteGatePenalty(dc);
  let best: PartitionState | null = null;
  LAYERED_SETTINGS.forEach((opts, i) => {
    const homes = layeredGreedy(dc, slicing, ctx, start, pen, opts);
    // No qubit ever moved: the static partition again, already considered.
    let moved = false;
    for (let j = n; j < homes.length && !moved; j++) moved = homes[j] !== homes[j - n];
    if (!moved) return;
    const part = new Int32Array(ch.graph.numVertices);
    part.set(homes);
    const base = ch.numSlices * n;
    for (let g = 0; g < ch.gateOps.length; g++) {
      const op = dc.ops[ch.gateOps[g]!]!;
      if (op.kind === 'diag') part[base + g] = homes[slicing.sliceOfOp[ch.gateOps[g]!]! * n + op.qubits[0]]!;
    }
    const raw = new PartitionState(ch.graph, ctx, part);
    // A construction far behind the best so far (circuits better served by cat copies) is dropped.
    if (consider(toAllocation(dc, ch, slicing, raw.part)) > SKIP_FACTOR * bestCost()) return;
    const state = refineLevel(raw, rng.child(`run/${i}`), 0);
    consider(toAllocation(dc, ch, slicing, state.part));
    if (best === null || state.cost < best.cost) best = state;
  });
  if (best === null) return;
  const refined = refineLevel(best, rng.child('best'), vcycles(ch.graph.numVertices * ctx.k, 2));
  consider(toAllocation(dc, ch, slicing, refined.part));
}

function toAllocation(
  dc: DistCircuit,
  ch: CircuitHypergraph,
  slicing: Slicing,
  part: Int32Array,
): Allocation {
  const n = ch.numQubits;
  const home = part.slice(0, ch.numSlices * n);
  const gateQpu = new Int32Array(dc.ops.length).fill(-1);
  const base = ch.numSlices * n;
  for (let g = 0; g < ch.gateOps.length; g++) gateQpu[ch.gateOps[g]!] = part[base + g]!;
  return { numSlices: slicing.numSlices, sliceOfOp: slicing.sliceOfOp, home, gateQpu };
}

function completeTopology(k: number): Topology {
  const links: [number, number][] = [];
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) links.push([a, b]);
  const names = Array.from({ length: k }, (_, i) => `${i}`);
  return { names, capacity: names.map(() => 0), commQubits: names.map(() => 0), links };
}
