import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { type MatchingGraph, matchingGraphFromDem } from './matching-graph.js';
import { bruteForceMatchingWeight, graphFromEdges, type TestEdge } from './matching-graph.test-helper.js';
import { createMwpmDecoder, matchByBlossom, matchBySubsets } from './mwpm-decoder.js';

const graphArb = fc
  .record({
    n: fc.integer({ min: 2, max: 14 }),
    density: fc.double({ min: 0.1, max: 0.8, noNaN: true }),
    boundaryDensity: fc.double({ min: 0, max: 0.6, noNaN: true }),
    maxWeight: fc.integer({ min: 1, max: 9 }),
    seed: fc.integer({ min: 0, max: 1e9 }),
  })
  .map(({ n, density, boundaryDensity, maxWeight, seed }) => {
    const rng = Rng.fromSeed(seed);
    const edges: TestEdge[] = [];
    for (let a = 0; a < n; a++) {
      // Small integer weights (including 0) make many ties.
      if (rng.next() < boundaryDensity)
        edges.push({ a, b: -1, weight: rng.int(maxWeight + 1), observables: rng.int(4) });
      for (let b = a + 1; b < n; b++) {
        if (rng.next() < density)
          edges.push({ a, b, weight: rng.int(maxWeight + 1), observables: rng.int(4) });
      }
    }
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const fired = order.slice(0, Math.min(n, 1 + rng.int(10))).sort((x, y) => x - y);
    return { graph: graphFromEdges(n, edges, 2), fired };
  });

function decodeWeight(
  graph: MatchingGraph,
  fired: number[],
  options: Parameters<typeof createMwpmDecoder>[1],
): number {
  return createMwpmDecoder(graph, options).decodeWithWeight(Int32Array.from(fired), fired.length).weight;
}

describe('createMwpmDecoder', () => {
  for (const [label, options] of [
    ['subset DP, default radius', {}],
    ['blossom for every cluster, tiny radius', { dpLimit: 0, initialRadius: 0.5 }],
    ['blossom, large radius', { dpLimit: 1, initialRadius: 20 }],
  ] as const) {
    it(`equals the brute-force minimum over all matchings with boundary (${label})`, () => {
      fc.assert(
        fc.property(graphArb, ({ graph, fired }) => {
          const best = bruteForceMatchingWeight(graph, fired);
          if (best === Number.POSITIVE_INFINITY) {
            expect(() => decodeWeight(graph, fired, options)).toThrow(QnetError);
          } else {
            expect(decodeWeight(graph, fired, options)).toBe(best);
          }
        }),
        { numRuns: 400, seed: 20240611 },
      );
    });
  }

  it('returns a consistent matching: partners pair up and the observables are the XOR along them', () => {
    fc.assert(
      fc.property(graphArb, ({ graph, fired }) => {
        if (bruteForceMatchingWeight(graph, fired) === Number.POSITIVE_INFINITY) return;
        const r = createMwpmDecoder(graph).decodeWithWeight(Int32Array.from(fired), fired.length);
        for (let i = 0; i < fired.length; i++) {
          const p = r.partner[i] as number;
          if (p !== -1) expect(r.partner[p]).toBe(i);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('decodes a distance-5 repetition code: the minimum-weight correction, through the boundary when shorter', () => {
    // Detectors 0..3 between five data bits; bits 0 and 4 touch the boundary; observable = bit 0.
    const edges: TestEdge[] = [{ a: 0, b: -1, weight: 1, observables: 1 }];
    for (let d = 0; d < 3; d++) edges.push({ a: d, b: d + 1, weight: 1 });
    edges.push({ a: 3, b: -1, weight: 1 });
    const dec = createMwpmDecoder(graphFromEdges(4, edges));
    const run = (f: number[]) => dec.decodeWithWeight(Int32Array.from(f), f.length);
    expect(run([]).observables).toBe(0);
    // Bit 0 flipped: detector 0 fires, matched to the left boundary through bit 0.
    expect(run([0])).toMatchObject({ observables: 1, weight: 1 });
    // Bits 0 and 1 flipped: detector 1 fires; two steps left beat three steps right.
    expect(run([1])).toMatchObject({ observables: 1, weight: 2 });
    // Bits 3, 4 flipped: detector 2 fires; right boundary (2 steps) beats left (3 steps).
    expect(run([2])).toMatchObject({ observables: 0, weight: 2 });
    // Bit 2 flipped: detectors 1 and 2, matched together.
    expect(run([1, 2])).toMatchObject({ observables: 0, weight: 1 });
    // Bits 0 and 4 flipped: detectors 0 and 3, each to its own boundary (2) rather than together (3).
    expect(run([0, 3])).toMatchObject({ observables: 1, weight: 2 });
  });

  it('decodes a long repetition code with a single error anywhere exactly', () => {
    const n = 200;
    const edges: TestEdge[] = [{ a: 0, b: -1, weight: 3, observables: 1 }];
    for (let d = 0; d + 1 < n; d++) edges.push({ a: d, b: d + 1, weight: 3 });
    edges.push({ a: n - 1, b: -1, weight: 3 });
    const dec = createMwpmDecoder(graphFromEdges(n, edges));
    for (let bit = 0; bit <= n; bit++) {
      const fired = [bit - 1, bit].filter((d) => d >= 0 && d < n);
      const r = dec.decodeWithWeight(Int32Array.from(fired), fired.length);
      expect(r.weight).toBe(3);
      expect(r.observables).toBe(bit === 0 ? 1 : 0);
    }
    // Far from both ends, a lone detection event is matched to the nearer boundary.
    expect(dec.decodeWithWeight(Int32Array.of(60), 1)).toMatchObject({ weight: 3 * 61, observables: 1 });
    expect(dec.decodeWithWeight(Int32Array.of(140), 1)).toMatchObject({ weight: 3 * 60, observables: 0 });
  });

  it('is deterministic and independent of decoder reuse', () => {
    const rng = Rng.fromSeed(99);
    const { graph, shots } = randomLattice(rng, 6, 6, 0.03);
    const a = createMwpmDecoder(graph);
    const first = shots.map((s) => a.decode(s, s.length));
    const again = shots.map((s) => a.decode(s, s.length));
    const fresh = shots.map((s) => createMwpmDecoder(graph).decode(s, s.length));
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
  });

  it('matches brute force on shots of a 2D lattice with boundaries (many clusters, growth)', () => {
    const rng = Rng.fromSeed(5);
    const { graph, shots } = randomLattice(rng, 7, 7, 0.06);
    const dec = createMwpmDecoder(graph);
    let checked = 0;
    for (const s of shots) {
      if (s.length > 9) continue;
      expect(dec.decodeWithWeight(s, s.length).weight).toBeCloseTo(
        bruteForceMatchingWeight(
          {
            ...graph,
            edgeWeight: graph.edgeWeight.map(
              (w) => Math.round(w / dec.weightResolution) * dec.weightResolution,
            ),
          },
          Array.from(s),
        ),
        9,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('rejects fired detectors outside the graph or repeated, and unmatchable shots', () => {
    const g = graphFromEdges(3, [{ a: 0, b: 1, weight: 1 }]);
    const dec = createMwpmDecoder(g);
    expect(() => dec.decode(Int32Array.of(5), 1)).toThrow(QnetError);
    expect(() => dec.decode(Int32Array.of(0, 0), 2)).toThrow(QnetError);
    expect(() => dec.decode(Int32Array.of(2), 1)).toThrow(/E_QEC_UNMATCHABLE|cannot be matched/);
    expect(dec.decode(Int32Array.of(0, 1), 2)).toBe(0);
  });
});

describe('cluster solvers', () => {
  it('subset DP and blossom agree on random clusters up to 12 detectors', () => {
    const rng = Rng.fromSeed(3);
    for (let trial = 0; trial < 300; trial++) {
      const m = 1 + rng.int(12);
      const pw = new Float64Array(m * m).fill(Number.NaN);
      const bw = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        bw[i] = rng.int(10);
        for (let j = i + 1; j < m; j++) {
          if (rng.next() < 0.5) {
            const w = rng.int(10);
            pw[i * m + j] = w;
            pw[j * m + i] = w;
          }
        }
      }
      const cost = (mate: Int32Array) => {
        let c = 0;
        for (let i = 0; i < m; i++) {
          const p = mate[i] as number;
          if (p === -1) c += bw[i] as number;
          else if (p > i) c += pw[i * m + p] as number;
        }
        return c;
      };
      expect(cost(matchByBlossom(m, pw, bw))).toBe(cost(matchBySubsets(m, pw, bw)));
    }
  });
});

/**
 * A w × h planar lattice of detectors (left and right columns touching the boundary; observable on the
 * left boundary edges) with random edge probabilities, and shots drawn by flipping each edge.
 */
function randomLattice(rng: Rng, w: number, h: number, pMax: number) {
  const errors = [];
  const id = (x: number, y: number) => y * w + x;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = () => pMax * (0.2 + 0.8 * rng.next());
      if (x === 0)
        errors.push({ probability: p(), components: [{ detectors: [id(x, y)], observables: [0] }] });
      if (x === w - 1)
        errors.push({ probability: p(), components: [{ detectors: [id(x, y)], observables: [] }] });
      if (x + 1 < w)
        errors.push({
          probability: p(),
          components: [{ detectors: [id(x, y), id(x + 1, y)], observables: [] }],
        });
      if (y + 1 < h)
        errors.push({
          probability: p(),
          components: [{ detectors: [id(x, y), id(x, y + 1)], observables: [] }],
        });
    }
  }
  const graph = matchingGraphFromDem({
    numDetectors: w * h,
    numObservables: 1,
    errors,
    detectorCoords: new Map(),
  });
  const shots: Int32Array[] = [];
  for (let s = 0; s < 400; s++) {
    const parity = new Uint8Array(w * h);
    for (let e = 0; e < graph.numEdges; e++) {
      if (rng.next() < (graph.edgeProbability[e] as number)) {
        const a = graph.edgeA[e] as number;
        parity[a] = (parity[a] as number) ^ 1;
        const b = graph.edgeB[e] as number;
        if (b >= 0) parity[b] = (parity[b] as number) ^ 1;
      }
    }
    const fired: number[] = [];
    parity.forEach((v, i) => {
      if (v) fired.push(i);
    });
    shots.push(Int32Array.from(fired));
  }
  return { graph, shots };
}
