import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import { ClusterMatcher } from './cluster-matching.js';
import { bruteForceMatchingWeight, graphFromEdges, type TestEdge } from './matching-graph.test-helper.js';
import { integerEdgeWeights } from './mwpm-decoder.js';

const graphArb = fc
  .record({
    n: fc.integer({ min: 2, max: 12 }),
    density: fc.double({ min: 0.15, max: 0.8, noNaN: true }),
    boundaryDensity: fc.double({ min: 0, max: 0.6, noNaN: true }),
    seed: fc.integer({ min: 0, max: 1e9 }),
  })
  .map(({ n, density, boundaryDensity, seed }) => {
    const rng = Rng.fromSeed(seed);
    const edges: TestEdge[] = [];
    for (let a = 0; a < n; a++) {
      if (rng.next() < boundaryDensity)
        edges.push({ a, b: -1, weight: 1 + rng.int(9), observables: rng.int(4) });
      for (let b = a + 1; b < n; b++)
        if (rng.next() < density) edges.push({ a, b, weight: 1 + rng.int(9), observables: rng.int(4) });
    }
    const fired = Array.from({ length: n }, (_, i) => i).filter(() => rng.next() < 0.6);
    return { graph: graphFromEdges(n, edges, 2), fired };
  });

describe('ClusterMatcher', () => {
  it('with every detector in the cluster, finds the least-weight pairing (brute force)', () => {
    fc.assert(
      fc.property(graphArb, ({ graph, fired }) => {
        const best = bruteForceMatchingWeight(graph, fired);
        if (best === Number.POSITIVE_INFINITY) return;
        const all = Int32Array.from({ length: graph.numDetectors }, (_, i) => i);
        const matcher = new ClusterMatcher(graph);
        matcher.correct(all, all.length, Int32Array.from(fired), fired.length);
        // Test weights are integers, exact on the power-of-two scale.
        expect(matcher.weight / integerEdgeWeights(graph).scale).toBe(best);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('keeps paths inside the cluster, and flips the observables along the path it takes', () => {
    // 0 and 1: directly by weight 10 (flips observable 0), or through 2 by 2 + 2 (flips observable 1).
    const graph = graphFromEdges(
      3,
      [
        { a: 0, b: 1, weight: 10, observables: 1 },
        { a: 0, b: 2, weight: 2 },
        { a: 2, b: 1, weight: 2, observables: 2 },
        { a: 0, b: -1, weight: 50 },
      ],
      2,
    );
    const matcher = new ClusterMatcher(graph);
    const scale = integerEdgeWeights(graph).scale;
    const fired = Int32Array.from([0, 1]);
    expect(matcher.correct(Int32Array.from([0, 1, 2]), 3, fired, 2)).toBe(2);
    expect(matcher.weight / scale).toBe(4);
    expect(matcher.correct(Int32Array.from([0, 1]), 2, fired, 2)).toBe(1);
    expect(matcher.weight / scale).toBe(10);
    // A lone fired detector goes to the boundary, here through 2 and 0 (2 + 2 + 50 < 10 + 50).
    expect(matcher.correct(Int32Array.from([0, 1, 2]), 3, Int32Array.from([1]), 1)).toBe(2);
    expect(matcher.weight / scale).toBe(54);
  });
});
