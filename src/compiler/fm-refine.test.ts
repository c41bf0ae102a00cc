import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import { coarsen } from './coarsen.js';
import { fmRefine } from './fm-refine.js';
import { makeHypergraph } from './hypergraph.js';
import { bestPartPermutation } from './part-permutation.js';
import { PartitionState } from './partition-state.js';
import { topologyOf } from './test-circuits.test-helper.js';
import { SteinerCost } from './topology-distance.js';

/** Two 4-cliques of 2-pin edges joined by one edge; vertices weigh 1 in resource 0. */
function twoClusters() {
  const edges: [number, number][] = [];
  for (const base of [0, 4])
    for (let a = 0; a < 4; a++) for (let b = a + 1; b < 4; b++) edges.push([base + a, base + b]);
  edges.push([3, 4]);
  const edgePtr = Int32Array.from({ length: edges.length + 1 }, (_, i) => 2 * i);
  return makeHypergraph(
    8,
    1,
    edgePtr,
    Int32Array.from(edges.flat()),
    new Int32Array(edges.length).fill(1),
    Int32Array.from({ length: 9 }, (_, i) => i),
    new Int32Array(8),
    new Int32Array(8).fill(1),
  );
}

describe('FM refinement, coarsening, relabelling', () => {
  const ctx = {
    k: 2,
    capacity: Int32Array.from([4, 4]),
    steiner: new SteinerCost(topologyOf(2, 'all-to-all', 4)),
  };

  it('FM separates two clusters from an interleaved start, with a swap through the slack', () => {
    const state = new PartitionState(twoClusters(), ctx, Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]));
    expect(state.cost).toBeGreaterThan(1);
    fmRefine(state, { maxPasses: 10, slack: 1, stallMoves: 100 });
    expect(state.cost).toBe(1);
    expect(state.overload).toBe(0);
  });

  it('coarsening keeps the total weight and drops edges that fall inside a vertex', () => {
    const h = twoClusters();
    const { graph, map } = coarsen(h, Rng.fromSeed(1), 2, null);
    expect(graph.numVertices).toBeLessThan(8);
    expect(Array.from(graph.weightAmt).reduce((a, b) => a + b, 0)).toBe(8);
    const total = (w: Int32Array) => w.reduce((a, b) => a + b, 0);
    let inside = 0;
    for (let e = 0; e < h.numEdges; e++) if (map[h.pins[2 * e]!] === map[h.pins[2 * e + 1]!]) inside++;
    expect(total(graph.edgeWeight)).toBe(h.numEdges - inside);
  });

  it('relabels parts so heavily joined parts are neighbours on a line', () => {
    // Parts 0 and 2 share the edge; on the line 0-1-2 they should become adjacent.
    const h = makeHypergraph(
      3,
      1,
      Int32Array.from([0, 2]),
      Int32Array.from([0, 2]),
      Int32Array.from([5]),
      Int32Array.from([0, 1, 2, 3]),
      new Int32Array(3),
      new Int32Array(3).fill(1),
    );
    const line = {
      k: 3,
      capacity: Int32Array.from([1, 1, 1]),
      steiner: new SteinerCost(topologyOf(3, 'line', 1)),
    };
    const state = new PartitionState(h, line, Int32Array.from([0, 1, 2]));
    expect(state.cost).toBe(10);
    const perm = bestPartPermutation(state, line.steiner);
    expect(Math.abs(perm[0]! - perm[2]!)).toBe(1);
  });
});
