// Exact minimum-weight perfect-matching decoder (Dennis et al., J. Math. Phys. 43, 4452, 2002, §IV):
// pair up fired detectors, or send them to the boundary, along a set of paths of least total weight.
//
// Each fired detector u grows a Dijkstra ball of radius R_u over the detector graph. Two balls that
// touch (a node or an edge joins them) give d(u, v) exactly whenever it is at most R_u + R_v, and
// otherwise prove d(u, v) >= R_u + R_v; the boundary distance b(u) is exact when at most R_u and is
// otherwise >= R_u. Replacing every unknown distance by that lower bound gives a relaxed problem whose
// optimum is <= the true one; a pair whose bound reaches b~(u) + b~(v) is never needed (send both to
// the boundary instead), so the relaxed problem only has touching pairs and falls apart into small
// clusters, solved exactly (subset DP, or Edmonds' blossom algorithm for larger ones). If the relaxed
// optimum uses only exact distances it is optimal for the true problem; otherwise the radii of the
// detectors sent to the boundary on a bound are grown and the affected clusters solved again.
//
// Weights are discretised to integers: w_int = round(w · 2^k), with 2^k the largest power of two
// keeping the largest edge weight <= 2^14 (resolution ~5e-4 in log-likelihood for p = 1e-3 edges).
// The matching is exactly minimal for the integer weights.
import { QnetError } from '../util/errors.js';
import type { Decoder, MatchingGraph } from './matching-graph.js';
import { PerfectMatcher } from './mwpm-blossom.js';

export interface MwpmOptions {
  /** Starting Dijkstra radius, in units of the graph's weights; default: 0.6 × median edge weight. */
  initialRadius?: number;
  /** Clusters of at most this many fired detectors are solved by subset DP; larger by blossom. Default 10. */
  dpLimit?: number;
}

export interface MwpmResult {
  /** Predicted observable flips. */
  observables: number;
  /** Total weight of the matching (sum of shortest-path weights), on the discretised scale. */
  weight: number;
  /** For each fired detector (by position in `fired`): the position it is matched to, or -1 for the boundary. */
  partner: Int32Array;
}

export interface MwpmDecoder extends Decoder {
  /** The full result of one decoding. */
  decodeWithWeight(fired: Int32Array, count: number): MwpmResult;
  /** Size of one step of the integer weight scale, in log-likelihood units. */
  readonly weightResolution: number;
}

const WEIGHT_BITS = 14;
// Lower bound standing for "not reachable"; far above any path sum (< 2^31 · few) yet exact in a double.
const INF = 2 ** 40;

export function createMwpmDecoder(graph: MatchingGraph, options: MwpmOptions = {}): MwpmDecoder {
  return new MwpmSearch(graph, options);
}

class MwpmSearch implements MwpmDecoder {
  readonly name = 'mwpm';
  readonly weightResolution: number;
  private readonly g: MatchingGraph;
  private readonly w: Float64Array;
  private readonly scale: number;
  private readonly r0: number;
  private readonly dpLimit: number;
  private readonly mul: number;
  private gen = 0;
  // Per detector.
  private readonly slotStamp: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly nodeStamp: Int32Array;
  private readonly nodeHead: Int32Array;
  // Ball entries (source, tentative distance, path observables), linked per node.
  private entNext = new Int32Array(1024);
  private entSrc = new Int32Array(1024);
  private entDist = new Float64Array(1024);
  private entObs = new Int32Array(1024);
  private entSettled = new Uint8Array(1024);
  private entCount = 0;
  // Per source (fired detector).
  private cap = 0;
  private R = new Float64Array(0);
  private B = new Float64Array(0);
  private bObs = new Int32Array(0);
  private dirty = new Uint8Array(0);
  private matchTo = new Int32Array(0);
  private uf = new Int32Array(0);
  private localIdx = new Int32Array(0);
  private clusterCount = new Int32Array(1);
  private clusterStart = new Int32Array(1);
  private clusterOrder = new Int32Array(0);
  private heaps: Float64Array[] = [];
  private heapSize = new Int32Array(0);
  // Touching pairs: matrix over source slots (a < b) with stamps, plus the list of pairs seen.
  private pairCap = 0;
  private pairStamp = new Int32Array(0);
  private pairDist = new Float64Array(0);
  private pairObs = new Int32Array(0);
  private pairList = new Int32Array(256);
  private pairCount = 0;
  private k = 0;
  private readonly matcher = new PerfectMatcher();
  private readonly dp = newSubsetScratch();
  private pwBuf = new Float64Array(64);
  private bwBuf = new Float64Array(8);

  constructor(graph: MatchingGraph, options: MwpmOptions) {
    this.g = graph;
    const { scale, weights } = integerEdgeWeights(graph);
    this.scale = scale;
    this.weightResolution = 1 / scale;
    this.w = weights;
    const sorted = Float64Array.from(this.w).sort();
    const median = sorted.length > 0 ? (sorted[sorted.length >> 1] as number) : 1;
    const r0 =
      options.initialRadius !== undefined
        ? Math.round(options.initialRadius * scale)
        : Math.round(0.6 * median);
    this.r0 = Math.max(1, r0);
    this.dpLimit = options.dpLimit ?? 10;
    const n = graph.numDetectors;
    this.mul = 2 ** Math.ceil(Math.log2(n + 1));
    this.slotStamp = new Int32Array(n);
    this.slotOf = new Int32Array(n);
    this.nodeStamp = new Int32Array(n);
    this.nodeHead = new Int32Array(n);
  }

  decode(fired: Int32Array, count: number): number {
    return this.run(fired, count, false).observables;
  }

  decodeWithWeight(fired: Int32Array, count: number): MwpmResult {
    return this.run(fired, count, true);
  }

  private run(fired: Int32Array, count: number, full: boolean): MwpmResult {
    this.gen++;
    if (this.gen >= 0x7fffffff) this.resetStamps();
    this.ensureSources(count);
    this.k = count;
    this.entCount = 0;
    this.pairCount = 0;
    const gen = this.gen;
    const n = this.g.numDetectors;
    for (let s = 0; s < count; s++) {
      const d = fired[s] as number;
      if (!(d >= 0 && d < n))
        throw new QnetError('E_QEC_DETECTOR', `fired detector ${d} is outside 0..${n - 1}`);
      if (this.slotStamp[d] === gen) {
        throw new QnetError('E_QEC_DETECTOR', `detector ${d} is listed twice among the fired detectors`);
      }
      this.slotStamp[d] = gen;
      this.slotOf[d] = s;
      this.R[s] = this.r0;
      this.B[s] = INF;
      this.bObs[s] = 0;
      this.dirty[s] = 1;
      this.heapSize[s] = 0;
      this.newEntry(d, s, 0, 0);
      this.heapPush(s, d);
    }
    for (let s = 0; s < count; s++) this.grow(s);
    for (;;) {
      this.solveClusters();
      let grew = false;
      for (let s = 0; s < count; s++) {
        if (this.matchTo[s] !== -1) continue;
        const R = this.R[s] as number;
        const B = this.B[s] as number;
        if (B <= R) continue;
        // Grow geometrically, or just far enough to make the boundary distance exact.
        this.R[s] = Math.min(B, 2 * R);
        this.dirty[s] = 1;
        this.grow(s);
        grew = true;
      }
      if (!grew) break;
    }
    let observables = 0;
    let total = 0;
    const partner = full ? new Int32Array(count) : new Int32Array(0);
    for (let s = 0; s < count; s++) {
      const t = this.matchTo[s] as number;
      if (t === -1) {
        const b = this.B[s] as number;
        if (b >= INF) {
          throw new QnetError(
            'E_QEC_UNMATCHABLE',
            `detector ${fired[s]} cannot be matched: no other fired detector or boundary is reachable from it`,
            { hint: 'the detection events are inconsistent with the detector error model' },
          );
        }
        observables ^= this.bObs[s] as number;
        total += b;
      } else if (t > s) {
        const i = s * this.k + t;
        observables ^= this.pairObs[i] as number;
        total += this.pairDist[i] as number;
      }
      if (full) partner[s] = t;
    }
    return { observables: observables >>> 0, weight: total / this.scale, partner };
  }

  private resetStamps(): void {
    this.gen = 1;
    this.slotStamp.fill(0);
    this.nodeStamp.fill(0);
    this.pairStamp.fill(0);
  }

  private ensureSources(count: number): void {
    if (count > this.cap) {
      const cap = Math.max(count, this.cap * 2, 16);
      this.cap = cap;
      this.R = new Float64Array(cap);
      this.B = new Float64Array(cap);
      this.bObs = new Int32Array(cap);
      this.dirty = new Uint8Array(cap);
      this.matchTo = new Int32Array(cap);
      this.uf = new Int32Array(cap);
      this.localIdx = new Int32Array(cap);
      this.clusterCount = new Int32Array(cap + 1);
      this.clusterStart = new Int32Array(cap + 1);
      this.clusterOrder = new Int32Array(cap);
      this.heapSize = new Int32Array(cap);
      while (this.heaps.length < cap) this.heaps.push(new Float64Array(16));
    }
    if (count * count > this.pairCap) {
      this.pairCap = Math.max(count * count, this.pairCap * 2);
      this.pairStamp = new Int32Array(this.pairCap);
      this.pairDist = new Float64Array(this.pairCap);
      this.pairObs = new Int32Array(this.pairCap);
    }
  }

  private newEntry(node: number, src: number, dist: number, obs: number): number {
    if (this.entCount === this.entSrc.length) {
      const size = this.entSrc.length * 2;
      const grow32 = (a: Int32Array) => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      this.entNext = grow32(this.entNext);
      this.entSrc = grow32(this.entSrc);
      this.entObs = grow32(this.entObs);
      const d = new Float64Array(size);
      d.set(this.entDist);
      this.entDist = d;
      const st = new Uint8Array(size);
      st.set(this.entSettled);
      this.entSettled = st;
    }
    const e = this.entCount++;
    this.entSrc[e] = src;
    this.entDist[e] = dist;
    this.entObs[e] = obs;
    this.entSettled[e] = 0;
    if (this.nodeStamp[node] === this.gen) {
      this.entNext[e] = this.nodeHead[node] as number;
    } else {
      this.nodeStamp[node] = this.gen;
      this.entNext[e] = -1;
    }
    this.nodeHead[node] = e;
    return e;
  }

  private heapPush(s: number, key: number): void {
    let h = this.heaps[s] as Float64Array;
    let i = this.heapSize[s] as number;
    if (i === h.length) {
      const bigger = new Float64Array(h.length * 2);
      bigger.set(h);
      h = bigger;
      this.heaps[s] = h;
    }
    this.heapSize[s] = i + 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = h[p] as number;
      if (pk <= key) break;
      h[i] = pk;
      i = p;
    }
    h[i] = key;
  }

  private heapPop(s: number): void {
    const h = this.heaps[s] as Float64Array;
    const size = (this.heapSize[s] as number) - 1;
    this.heapSize[s] = size;
    if (size === 0) return;
    const key = h[size] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && (h[c + 1] as number) < (h[c] as number)) c++;
      if ((h[c] as number) >= key) break;
      h[i] = h[c] as number;
      i = c;
    }
    h[i] = key;
  }

  /** Settles every node within distance < R[s] of source s, recording touches and the boundary. */
  private grow(s: number): void {
    const g = this.g;
    const mul = this.mul;
    const w = this.w;
    const R = this.R[s] as number;
    const adjStart = g.adjacencyStart;
    const adjEdges = g.adjacencyEdges;
    const edgeA = g.edgeA;
    const edgeB = g.edgeB;
    const edgeObs = g.edgeObservables;
    const gen = this.gen;
    while ((this.heapSize[s] as number) > 0) {
      const top = (this.heaps[s] as Float64Array)[0] as number;
      const dist = Math.floor(top / mul);
      if (dist >= R) return;
      this.heapPop(s);
      const x = top - dist * mul;
      // Find s's entry at x; skip stale heap keys.
      let ex = this.nodeHead[x] as number;
      while (this.entSrc[ex] !== s) ex = this.entNext[ex] as number;
      if (this.entSettled[ex] || (this.entDist[ex] as number) < dist) continue;
      this.entSettled[ex] = 1;
      const ox = this.entObs[ex] as number;
      for (let f = this.nodeHead[x] as number; f !== -1; f = this.entNext[f] as number) {
        const t = this.entSrc[f] as number;
        if (t !== s && this.entSettled[f])
          this.touch(s, t, dist + (this.entDist[f] as number), ox ^ (this.entObs[f] as number));
      }
      const end = adjStart[x + 1] as number;
      for (let a = adjStart[x] as number; a < end; a++) {
        const e = adjEdges[a] as number;
        const ea = edgeA[e] as number;
        const y = ea === x ? (edgeB[e] as number) : ea;
        const dy = dist + (w[e] as number);
        const oy = ox ^ (edgeObs[e] as number);
        if (y === -1) {
          if (dy < (this.B[s] as number)) {
            this.B[s] = dy;
            this.bObs[s] = oy;
          }
          continue;
        }
        let mine = -1;
        if (this.nodeStamp[y] === gen) {
          for (let f = this.nodeHead[y] as number; f !== -1; f = this.entNext[f] as number) {
            const t = this.entSrc[f] as number;
            if (t === s) mine = f;
            else if (this.entSettled[f])
              this.touch(s, t, dy + (this.entDist[f] as number), oy ^ (this.entObs[f] as number));
          }
        }
        if (mine === -1) {
          this.newEntry(y, s, dy, oy);
          this.heapPush(s, dy * mul + y);
        } else if (!this.entSettled[mine] && dy < (this.entDist[mine] as number)) {
          this.entDist[mine] = dy;
          this.entObs[mine] = oy;
          this.heapPush(s, dy * mul + y);
        }
      }
    }
    // The whole component is explored: every distance from s is now exact.
    this.R[s] = INF;
  }

  private touch(s: number, t: number, dist: number, obs: number): void {
    const a = Math.min(s, t);
    const b = Math.max(s, t);
    const i = a * this.k + b;
    if (this.pairStamp[i] !== this.gen) {
      this.pairStamp[i] = this.gen;
      this.pairDist[i] = dist;
      this.pairObs[i] = obs;
      if (this.pairCount === this.pairList.length) {
        const bigger = new Int32Array(this.pairList.length * 2);
        bigger.set(this.pairList);
        this.pairList = bigger;
      }
      this.pairList[this.pairCount++] = i;
    } else if (dist < (this.pairDist[i] as number)) {
      this.pairDist[i] = dist;
      this.pairObs[i] = obs;
    } else {
      return;
    }
    this.dirty[a] = 1;
    this.dirty[b] = 1;
  }

  private boundTilde(s: number): number {
    const b = this.B[s] as number;
    const r = this.R[s] as number;
    return Math.min(b, r);
  }

  /** Relaxed pair weight if the pair can matter (d~ < b~(a) + b~(b)), else -1. */
  private pairTilde(i: number): number {
    const k = this.k;
    const a = (i / k) | 0;
    const b = i - a * k;
    const bound = (this.R[a] as number) + (this.R[b] as number);
    const d = this.pairDist[i] as number;
    const dt = Math.min(d, bound);
    return dt < this.boundTilde(a) + this.boundTilde(b) ? dt : -1;
  }

  private find(x: number): number {
    const uf = this.uf;
    while (uf[x] !== x) {
      const p = uf[uf[x] as number] as number;
      uf[x] = p;
      x = p;
    }
    return x;
  }

  private solveClusters(): void {
    const k = this.k;
    const uf = this.uf;
    for (let s = 0; s < k; s++) uf[s] = s;
    for (let p = 0; p < this.pairCount; p++) {
      const i = this.pairList[p] as number;
      if (this.pairTilde(i) < 0) continue;
      const a = this.find((i / k) | 0);
      const b = this.find(i % k);
      if (a !== b) uf[a] = b;
    }
    // Group members by root (counting sort over roots), then re-solve only clusters with a dirty member.
    const count = this.clusterCount;
    const order = this.clusterOrder;
    count.fill(0, 0, k + 1);
    for (let s = 0; s < k; s++) {
      const r = this.find(s);
      uf[s] = r;
      count[r + 1] = (count[r + 1] as number) + 1;
    }
    for (let r = 0; r < k; r++) count[r + 1] = (count[r + 1] as number) + (count[r] as number);
    const start = this.clusterStart;
    start.set(count.subarray(0, k + 1));
    for (let s = 0; s < k; s++) {
      const r = uf[s] as number;
      const at = count[r] as number;
      order[at] = s;
      count[r] = at + 1;
    }
    for (let r = 0; r < k; r++) {
      const from = start[r] as number;
      const to = start[r + 1] as number;
      if (from === to) continue;
      let dirty = false;
      for (let i = from; i < to; i++) {
        const s = order[i] as number;
        if (this.dirty[s]) dirty = true;
        this.dirty[s] = 0;
      }
      if (!dirty) continue;
      const m = to - from;
      if (m === 1) {
        this.matchTo[order[from] as number] = -1;
      } else if (m === 2) {
        // The cluster exists only because its one pair is cheaper than two boundary paths.
        const x = order[from] as number;
        const y = order[from + 1] as number;
        this.matchTo[x] = y;
        this.matchTo[y] = x;
      } else {
        this.solveCluster(order, from, to);
      }
    }
  }

  private solveCluster(order: Int32Array, from: number, to: number): void {
    const m = to - from;
    const k = this.k;
    // Local relaxed weights: pair matrix (NaN where the pair is pruned) and boundary weights, in
    // buffers reused across clusters.
    if (m * m > this.pwBuf.length) this.pwBuf = new Float64Array(Math.max(m * m, 2 * this.pwBuf.length));
    if (m > this.bwBuf.length) this.bwBuf = new Float64Array(Math.max(m, 2 * this.bwBuf.length));
    const pw = this.pwBuf.subarray(0, m * m).fill(Number.NaN);
    const bw = this.bwBuf.subarray(0, m);
    for (let i = 0; i < m; i++) {
      const s = order[from + i] as number;
      this.localIdx[s] = i;
      bw[i] = this.boundTilde(s);
    }
    for (let i = 0; i < m; i++) {
      const a = order[from + i] as number;
      for (let j = i + 1; j < m; j++) {
        const b = order[from + j] as number;
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const idx = lo * k + hi;
        if (this.pairStamp[idx] !== this.gen) continue;
        const d = this.pairTilde(idx);
        if (d < 0) continue;
        pw[i * m + j] = d;
        pw[j * m + i] = d;
      }
    }
    const local =
      m <= this.dpLimit ? matchBySubsets(m, pw, bw, this.dp) : matchByBlossom(m, pw, bw, this.matcher);
    for (let i = 0; i < m; i++) {
      const p = local[i] as number;
      this.matchTo[order[from + i] as number] = p === -1 ? -1 : (order[from + p] as number);
    }
  }
}

/**
 * Edge weights on the integer scale the blossom step needs: round(w · scale), with scale the largest
 * power of two keeping the largest weight <= 2^14.
 */
export function integerEdgeWeights(graph: MatchingGraph): { scale: number; weights: Float64Array } {
  let maxW = 0;
  for (const x of graph.edgeWeight) if (x > maxW) maxW = x;
  let scale = 1;
  if (maxW > 0) scale = 2 ** Math.floor(Math.log2(2 ** WEIGHT_BITS / maxW));
  const weights = new Float64Array(graph.numEdges);
  for (let e = 0; e < graph.numEdges; e++) weights[e] = Math.round((graph.edgeWeight[e] as number) * scale);
  return { scale, weights };
}

/** Reusable buffers for matchBySubsets. */
export interface SubsetScratch {
  cost: Float64Array;
  choice: Int8Array;
  out: Int32Array;
}

export function newSubsetScratch(): SubsetScratch {
  return { cost: new Float64Array(0), choice: new Int8Array(0), out: new Int32Array(0) };
}

/** Exact minimum over "pair or boundary" assignments by DP over subsets (m <= ~16). */
export function matchBySubsets(
  m: number,
  pw: Float64Array,
  bw: Float64Array,
  scratch: SubsetScratch = newSubsetScratch(),
): Int32Array {
  const full = (1 << m) - 1;
  if (scratch.cost.length < 1 << m) {
    scratch.cost = new Float64Array(1 << m);
    scratch.choice = new Int8Array(1 << m);
  }
  if (scratch.out.length < m) scratch.out = new Int32Array(Math.max(m, 16));
  const cost = scratch.cost;
  const choice = scratch.choice;
  cost[0] = 0;
  // cost[S] = best cost of the detectors in S; the lowest member is either sent to the boundary or paired.
  for (let S = 1; S <= full; S++) {
    const i = 31 - Math.clz32(S & -S);
    const rest = S & ~(1 << i);
    let best = (bw[i] as number) + (cost[rest] as number);
    let pick = -1;
    for (let R = rest; R !== 0; R &= R - 1) {
      const j = 31 - Math.clz32(R & -R);
      const d = pw[i * m + j] as number;
      if (Number.isNaN(d)) continue;
      const c = d + (cost[rest & ~(1 << j)] as number);
      if (c < best) {
        best = c;
        pick = j;
      }
    }
    cost[S] = best;
    choice[S] = pick;
  }
  const out = scratch.out;
  let S = full;
  while (S !== 0) {
    const i = 31 - Math.clz32(S & -S);
    const j = choice[S] as number;
    out[i] = j;
    S &= ~(1 << i);
    if (j !== -1) {
      out[j] = i;
      S &= ~(1 << j);
    }
  }
  return out.subarray(0, m);
}

/**
 * The same problem as a perfect matching: each detector i gets a boundary copy i' (edge i–i' of the
 * boundary weight) and copies are joined at no cost along the same pairs as the detectors, so the
 * copies of paired detectors can always pair up among themselves (the standard reduction, e.g.
 * Higgott & Gidney, arXiv:2303.15933, §2; only pairs that exist among detectors are needed).
 */
export function matchByBlossom(
  m: number,
  pw: Float64Array,
  bw: Float64Array,
  matcher: PerfectMatcher = new PerfectMatcher(),
): Int32Array {
  let pairs = 0;
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) if (!Number.isNaN(pw[i * m + j] as number)) pairs++;
  const cap = 2 * pairs + m;
  const eu = new Int32Array(cap);
  const ev = new Int32Array(cap);
  const ew = new Float64Array(cap);
  // Unreachable boundaries are left out; only if that leaves no perfect matching (an unmatchable
  // shot) are they put back at weight INF, so that the caller sees the INF and reports the detector.
  for (const withUnreachable of [false, true]) {
    let e = 0;
    for (let i = 0; i < m; i++) {
      const b = bw[i] as number;
      if (b < INF || withUnreachable) {
        eu[e] = i;
        ev[e] = m + i;
        ew[e++] = Math.min(b, INF);
      }
      for (let j = i + 1; j < m; j++) {
        const d = pw[i * m + j] as number;
        if (Number.isNaN(d)) continue;
        eu[e] = i;
        ev[e] = j;
        ew[e++] = d;
        eu[e] = m + i;
        ev[e] = m + j;
        ew[e++] = 0;
      }
    }
    const mate = matcher.solve(2 * m, e, eu, ev, ew);
    if (mate.indexOf(-1) !== -1) continue;
    const out = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const p = mate[i] as number;
      out[i] = p < m ? p : -1;
    }
    return out;
  }
  throw new Error('blossom returned an imperfect matching on a graph that has a perfect one');
}
