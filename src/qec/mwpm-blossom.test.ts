import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import { minWeightPerfectMatching, PerfectMatcher } from './mwpm-blossom.js';
import { denseMinWeightPerfectMatching } from './mwpm-blossom-dense.test-helper.js';

interface Graph {
  n: number;
  eu: Int32Array;
  ev: Int32Array;
  w: Float64Array;
}

/** Random graph; a hidden perfect matching is planted when `planted`, so one surely exists. */
function randomGraph(seed: number, n: number, density: number, maxWeight: number, planted: boolean): Graph {
  const rng = Rng.fromSeed(seed);
  const edges: [number, number, number][] = [];
  const seen = new Set<number>();
  const add = (a: number, b: number) => {
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (a === b || seen.has(key)) return;
    seen.add(key);
    edges.push([a, b, rng.int(maxWeight + 1)]);
  };
  if (planted) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (let i = 0; i + 1 < n; i += 2) add(order[i] as number, order[i + 1] as number);
  }
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (rng.next() < density) add(a, b);
  return {
    n,
    eu: Int32Array.from(edges.map((e) => e[0])),
    ev: Int32Array.from(edges.map((e) => e[1])),
    w: Float64Array.from(edges.map((e) => e[2])),
  };
}

function denseMatrix(g: Graph): Float64Array {
  const m = new Float64Array(g.n * g.n).fill(Number.NaN);
  for (let e = 0; e < g.eu.length; e++) {
    const a = g.eu[e] as number;
    const b = g.ev[e] as number;
    m[a * g.n + b] = g.w[e] as number;
    m[b * g.n + a] = g.w[e] as number;
  }
  return m;
}

/** Weight of a matching after checking it is one (symmetric, along existing edges); -1 if imperfect. */
function matchingWeight(g: Graph, mate: Int32Array): number {
  const m = denseMatrix(g);
  let total = 0;
  let perfect = true;
  for (let v = 0; v < g.n; v++) {
    const u = mate[v] as number;
    if (u === -1) {
      perfect = false;
      continue;
    }
    expect(mate[u]).toBe(v);
    const x = m[v * g.n + u] as number;
    expect(Number.isNaN(x)).toBe(false);
    if (u > v) total += x;
  }
  return perfect ? total : -1;
}

/** Exhaustive minimum over perfect matchings (n <= 12): match the lowest free vertex to each neighbour. */
function bruteForce(g: Graph): number {
  const m = denseMatrix(g);
  const memo = new Map<number, number>();
  const go = (free: number): number => {
    if (free === 0) return 0;
    const hit = memo.get(free);
    if (hit !== undefined) return hit;
    const v = 31 - Math.clz32(free & -free);
    let best = Number.POSITIVE_INFINITY;
    for (let u = v + 1; u < g.n; u++) {
      const x = m[v * g.n + u] as number;
      if (!(free & (1 << u)) || Number.isNaN(x)) continue;
      best = Math.min(best, x + go(free & ~(1 << v) & ~(1 << u)));
    }
    memo.set(free, best);
    return best;
  };
  return go((1 << g.n) - 1);
}

const graphArb = (minN: number, maxN: number) =>
  fc.record({
    half: fc.integer({ min: minN / 2, max: maxN / 2 }),
    density: fc.double({ min: 0.05, max: 1, noNaN: true }),
    // Small ranges force many ties (and zero-weight edges), large ones many distinct slacks.
    maxWeight: fc.constantFrom(0, 1, 3, 10, 1000, 2 ** 20),
    planted: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1e9 }),
  });

describe('PerfectMatcher', () => {
  it('equals exhaustive search on graphs up to 12 vertices', () => {
    fc.assert(
      fc.property(graphArb(2, 12), ({ half, density, maxWeight, planted, seed }) => {
        const g = randomGraph(seed, 2 * half, density, maxWeight, planted);
        const best = bruteForce(g);
        const got = matchingWeight(g, minWeightPerfectMatching(g.n, g.eu, g.ev, g.w));
        expect(got).toBe(best === Number.POSITIVE_INFINITY ? -1 : best);
      }),
      { numRuns: 600, seed: 424242 },
    );
  });

  it('equals the dense reference solver on graphs of 10 to 40 vertices (one reused matcher)', () => {
    const matcher = new PerfectMatcher();
    fc.assert(
      fc.property(graphArb(10, 40), ({ half, density, maxWeight, planted, seed }) => {
        const g = randomGraph(seed, 2 * half, density, maxWeight, planted);
        const ref = matchingWeight(g, denseMinWeightPerfectMatching(g.n, denseMatrix(g)));
        const got = matchingWeight(g, matcher.solve(g.n, g.eu.length, g.eu, g.ev, g.w));
        expect(got).toBe(ref);
      }),
      { numRuns: 400, seed: 777 },
    );
  });

  for (const greedyStart of [true, false]) {
    it(`equals the dense solver on random geometric graphs, reusing one matcher across sizes (greedyStart ${greedyStart})`, () => {
      // Points in the unit square joined when close, weight ~ distance: many nested blossoms, T-blossom
      // expansions (the dual step that bounds a T-blossom's dual) and blossoms persisting across stages.
      // Sizes vary so that ids used as blossoms in one call are vertices in the next.
      const matcher = new PerfectMatcher({ greedyStart });
      let failures = 0;
      for (let trial = 0; trial < 700; trial++) {
        const rng = Rng.fromSeed(trial * 7 + 30);
        const n = 2 * (2 + rng.int(15));
        const x = Array.from({ length: n }, () => rng.next());
        const y = Array.from({ length: n }, () => rng.next());
        const eu: number[] = [];
        const ev: number[] = [];
        const w: number[] = [];
        for (let a = 0; a < n; a++) {
          for (let b = a + 1; b < n; b++) {
            const d = Math.hypot((x[a] as number) - (x[b] as number), (y[a] as number) - (y[b] as number));
            if (d < 0.45) {
              eu.push(a);
              ev.push(b);
              w.push(Math.round(d * 100));
            }
          }
        }
        const g = { n, eu: Int32Array.from(eu), ev: Int32Array.from(ev), w: Float64Array.from(w) };
        const ref = matchingWeight(g, denseMinWeightPerfectMatching(n, denseMatrix(g)));
        if (matchingWeight(g, matcher.solve(n, g.eu.length, g.eu, g.ev, g.w)) !== ref) failures++;
      }
      expect(failures).toBe(0);
    });
  }

  it('solves decoder-shaped graphs (sparse pairs plus boundary copies) like the dense solver', () => {
    // Detectors on a line with a few long links, each with a boundary copy; copies mirror the pairs.
    const rng = Rng.fromSeed(11);
    const matcher = new PerfectMatcher();
    for (let trial = 0; trial < 60; trial++) {
      const m = 20 + rng.int(40);
      const eu: number[] = [];
      const ev: number[] = [];
      const w: number[] = [];
      const pair = (a: number, b: number, x: number) => {
        eu.push(a, m + a);
        ev.push(b, m + b);
        w.push(x, 0);
      };
      for (let i = 0; i < m; i++) {
        eu.push(i);
        ev.push(m + i);
        w.push(1 + rng.int(3000));
        if (i + 1 < m) pair(i, i + 1, 1 + rng.int(1500));
        if (i + 3 < m && rng.next() < 0.4) pair(i, i + 3, 1 + rng.int(2500));
      }
      const g = { n: 2 * m, eu: Int32Array.from(eu), ev: Int32Array.from(ev), w: Float64Array.from(w) };
      const ref = matchingWeight(g, denseMinWeightPerfectMatching(g.n, denseMatrix(g)));
      expect(matchingWeight(g, matcher.solve(g.n, g.eu.length, g.eu, g.ev, g.w))).toBe(ref);
    }
  });

  it('reports -1 for vertices left unmatched when there is no perfect matching', () => {
    // A triangle plus an isolated edge: 5 vertices cannot be perfectly matched.
    const mate = minWeightPerfectMatching(
      5,
      Int32Array.of(0, 1, 2, 3),
      Int32Array.of(1, 2, 0, 4),
      Float64Array.of(1, 1, 1, 1),
    );
    expect(Array.from(mate).filter((x) => x === -1).length).toBeGreaterThan(0);
    expect(mate[3]).toBe(4);
  });

  it('rejects non-integer and negative weights', () => {
    expect(() =>
      minWeightPerfectMatching(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(0.5)),
    ).toThrow(/integer/);
    expect(() =>
      minWeightPerfectMatching(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(-1)),
    ).toThrow(/integer/);
  });
});
