// The least-weight correction inside one cluster of fired detectors: each fired detector is paired
// with another or sent to the boundary along shortest paths that stay inside the cluster, and the
// pairing of least total weight is found exactly (Dennis et al., J. Math. Phys. 43, 4452, 2002,
// §IV, applied to the subgraph a union-find decoder has grown).
import type { MatchingGraph } from './matching-graph.js';
import { PerfectMatcher } from './mwpm-blossom.js';
import {
  integerEdgeWeights,
  matchByBlossom,
  matchBySubsets,
  newSubsetScratch,
  type SubsetScratch,
} from './mwpm-decoder.js';

const DP_LIMIT = 10;
const INF = Number.POSITIVE_INFINITY;
/** An unreachable boundary, as matchBySubsets and matchByBlossom take it (mwpm-decoder.ts's INF). */
const FAR = 2 ** 40;

export class ClusterMatcher {
  private readonly g: MatchingGraph;
  /** Edge weights on the blossom's integer scale. */
  private readonly w: Float64Array;
  /** Cluster membership: member[v] === stamp. */
  private readonly member: Uint32Array;
  private stamp = 0;
  private readonly seen: Uint32Array;
  private search = 0;
  private readonly dist: Float64Array;
  private readonly obs: Uint32Array;
  private readonly boundaryDist: Float64Array;
  private readonly boundaryObs: Uint32Array;
  private heapKey: Float64Array;
  private heapNode: Int32Array;
  private heapSize = 0;
  private readonly scratch: SubsetScratch = newSubsetScratch();
  // Per solve, k defects: pair distances and observables (k × k), boundary distances and observables.
  private pw = new Float64Array(0);
  private pobs = new Uint32Array(0);
  private bw = new Float64Array(0);
  private bobs = new Uint32Array(0);
  /** Total weight of the last correction, on the integer scale of `integerEdgeWeights`. */
  weight = 0;
  private readonly matcher = new PerfectMatcher();

  constructor(graph: MatchingGraph) {
    this.g = graph;
    this.w = integerEdgeWeights(graph).weights;
    const n = graph.numDetectors;
    this.member = new Uint32Array(n);
    this.seen = new Uint32Array(n);
    this.dist = new Float64Array(n);
    this.obs = new Uint32Array(n);
    this.boundaryDist = new Float64Array(n);
    this.boundaryObs = new Uint32Array(n);
    this.heapKey = new Float64Array(64);
    this.heapNode = new Int32Array(64);
  }

  /**
   * Observable mask of the least-weight correction of the defects (fired detectors among the
   * members) using only edges between members and the members' boundary edges.
   */
  correct(members: Int32Array, memberCount: number, defects: Int32Array, count: number): number {
    this.weight = 0;
    if (count === 0) return 0;
    this.stamp++;
    for (let i = 0; i < memberCount; i++) this.member[members[i] as number] = this.stamp;
    this.boundaryDistances(members, memberCount);
    const k = count;
    if (k === 1) {
      const b = this.boundaryDist[defects[0] as number] as number;
      if (b === INF) throw new Error('cluster matching: a lone fired detector has no path to the boundary');
      this.weight = b;
      return this.boundaryObs[defects[0] as number] as number;
    }
    this.reserve(k);
    const { pw, pobs, bw, bobs } = this;
    pw.fill(Number.NaN, 0, k * k);
    let maxBoundary = 0;
    let anyUnreachable = false;
    for (let i = 0; i < k; i++) {
      const d = defects[i] as number;
      const b = this.boundaryDist[d] as number;
      if (b === INF) anyUnreachable = true;
      else if (b > maxBoundary) maxBoundary = b;
      bw[i] = b === INF ? FAR : b;
      bobs[i] = this.boundaryObs[d] as number;
    }
    for (let i = 0; i < k; i++) {
      // A pair further apart than both boundaries together is never better than sending both there.
      const radius = anyUnreachable ? INF : (bw[i] as number) + maxBoundary;
      this.pairDistances(defects, i, k, radius);
    }
    const pairs = pw.subarray(0, k * k);
    const bounds = bw.subarray(0, k);
    const partner =
      k <= DP_LIMIT
        ? matchBySubsets(k, pairs, bounds, this.scratch)
        : matchByBlossom(k, pairs, bounds, this.matcher);
    let mask = 0;
    let weight = 0;
    for (let i = 0; i < k; i++) {
      const p = partner[i] as number;
      if (p === -1) {
        if (bw[i] === FAR)
          throw new Error('cluster matching: a cluster with odd parity has no path to the boundary');
        mask ^= bobs[i] as number;
        weight += bw[i] as number;
      } else if (p > i) {
        mask ^= pobs[i * k + p] as number;
        weight += pw[i * k + p] as number;
      }
    }
    this.weight = weight;
    return mask >>> 0;
  }

  private reserve(k: number): void {
    if (this.bw.length >= k) return;
    const size = Math.max(k, 2 * this.bw.length);
    this.pw = new Float64Array(size * size);
    this.pobs = new Uint32Array(size * size);
    this.bw = new Float64Array(size);
    this.bobs = new Uint32Array(size);
  }

  /** Distance from every member to the boundary (inside the cluster), one Dijkstra from the boundary. */
  private boundaryDistances(members: Int32Array, memberCount: number): void {
    const { edgeB, edgeObservables, adjacencyStart, adjacencyEdges } = this.g;
    const { w, seen, boundaryDist: dist, boundaryObs: obs } = this;
    const search = ++this.search;
    this.heapSize = 0;
    for (let m = 0; m < memberCount; m++) {
      const v = members[m] as number;
      seen[v] = search;
      dist[v] = INF;
      for (let k = adjacencyStart[v] as number, end = adjacencyStart[v + 1] as number; k < end; k++) {
        const e = adjacencyEdges[k] as number;
        if ((edgeB[e] as number) !== -1 || (w[e] as number) >= (dist[v] as number)) continue;
        dist[v] = w[e] as number;
        obs[v] = edgeObservables[e] as number;
      }
      if ((dist[v] as number) < INF) this.push(dist[v] as number, v);
    }
    this.spread(dist, obs, INF);
  }

  /** Distances from defect i to the defects after it, up to `radius`, into pw and pobs. */
  private pairDistances(defects: Int32Array, i: number, k: number, radius: number): void {
    const { seen, dist, obs, pw, pobs } = this;
    const search = ++this.search;
    const source = defects[i] as number;
    this.heapSize = 0;
    seen[source] = search;
    dist[source] = 0;
    obs[source] = 0;
    this.push(0, source);
    this.spread(dist, obs, radius);
    for (let j = i + 1; j < k; j++) {
      const d = defects[j] as number;
      if (seen[d] !== search || (dist[d] as number) > radius) continue;
      pw[i * k + j] = dist[d] as number;
      pw[j * k + i] = dist[d] as number;
      pobs[i * k + j] = obs[d] as number;
    }
  }

  /**
   * Dijkstra inside the cluster from what is on the heap, settling nodes up to `radius`; a node
   * not marked with the current search counts as unreached.
   */
  private spread(dist: Float64Array, obs: Uint32Array, radius: number): void {
    const { edgeA, edgeB, edgeObservables, adjacencyStart, adjacencyEdges } = this.g;
    const { w, member, stamp, seen, search } = this;
    while (this.heapSize > 0) {
      const key = this.heapKey[0] as number;
      const v = this.pop();
      if (key > (dist[v] as number)) continue;
      if (key > radius) break;
      for (let k = adjacencyStart[v] as number, end = adjacencyStart[v + 1] as number; k < end; k++) {
        const e = adjacencyEdges[k] as number;
        const b = edgeB[e] as number;
        if (b === -1) continue;
        const a = edgeA[e] as number;
        const u = a === v ? b : a;
        if (member[u] !== stamp) continue;
        const nd = key + (w[e] as number);
        if (seen[u] !== search || nd < (dist[u] as number)) {
          seen[u] = search;
          dist[u] = nd;
          obs[u] = (obs[v] as number) ^ (edgeObservables[e] as number);
          this.push(nd, u);
        }
      }
    }
  }

  private push(key: number, node: number): void {
    if (this.heapSize === this.heapKey.length) {
      const k2 = new Float64Array(this.heapKey.length * 2);
      k2.set(this.heapKey);
      this.heapKey = k2;
      const n2 = new Int32Array(this.heapNode.length * 2);
      n2.set(this.heapNode);
      this.heapNode = n2;
    }
    const keys = this.heapKey;
    const nodes = this.heapNode;
    let i = this.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((keys[p] as number) <= key) break;
      keys[i] = keys[p] as number;
      nodes[i] = nodes[p] as number;
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  private pop(): number {
    const keys = this.heapKey;
    const nodes = this.heapNode;
    const top = nodes[0] as number;
    const n = --this.heapSize;
    if (n === 0) return top;
    const key = keys[n] as number;
    const node = nodes[n] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (keys[c + 1] as number) < (keys[c] as number)) c++;
      if ((keys[c] as number) >= key) break;
      keys[i] = keys[c] as number;
      nodes[i] = nodes[c] as number;
      i = c;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }
}
