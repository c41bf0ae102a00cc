// Minimum-weight perfect matching on a sparse graph by Edmonds' primal-dual blossom algorithm
// (Edmonds, Can. J. Math. 17, 449, 1965) in Galil's O(n^3) form (Galil, ACM Comput. Surv. 18, 23,
// 1986, §3): per-vertex and per-blossom least-slack edges make each dual step O(n), and a stage
// (all exposed vertices grow alternating trees at once until one augmentation) costs O(n^2 + m).
//
// Duals: slack(uv) = W_uv - y_u - y_v + 2·Σ z_B over blossoms B holding both ends, with W = 2w so that
// every dual stays an integer (all labelled vertices of a stage share one parity, see `greedyStart`).
// Vertex duals are free (perfect matching), blossom duals z_B >= 0.

const FREE = 0;
const S = 1;
const T = 2;

/**
 * Reusable solver: keeps its buffers between calls, so a decoder solving many clusters allocates
 * only when a cluster is bigger than any before.
 */
export class PerfectMatcher {
  private n = 0;
  private vcap = 0;
  private ecap = 0;
  private eu = new Int32Array(0);
  private ev = new Int32Array(0);
  private W = new Float64Array(0);
  private adjStart = new Int32Array(1);
  private adjEdge = new Int32Array(0);
  private mate = new Int32Array(0);
  private inB = new Int32Array(0);
  private queue = new Int32Array(0);
  private qlen = 0;
  // Indexed by vertex (< n) or blossom (n .. 2n - 1).
  private parent = new Int32Array(0);
  private base = new Int32Array(0);
  private label = new Uint8Array(0);
  /** The tree edge by which x got its label: labelP outside x (nearer the root), labelQ inside. */
  private labelP = new Int32Array(0);
  private labelQ = new Int32Array(0);
  private dual = new Float64Array(0);
  private bestEdge = new Int32Array(0);
  private mark = new Uint8Array(0);
  private bestTo = new Int32Array(0);
  private freeIds = new Int32Array(0);
  private freeCount = 0;
  /** Sub-blossoms of a blossom in cycle order, base first; edge i joins cx[i] (in child i) to cy[i] (in child i+1). */
  private childs: number[][] = [];
  private cx: number[][] = [];
  private cy: number[][] = [];
  /** For an S-blossom: its least-slack edge to each other S-blossom (null: use the vertices' edges). */
  private bestList: (number[] | null)[] = [];
  private readonly leafBuf: number[] = [];
  private readonly greedy: boolean;

  /** `greedyStart: false` starts from zero duals and an empty matching (slower; for tests). */
  constructor(options: { greedyStart?: boolean } = {}) {
    this.greedy = options.greedyStart ?? true;
  }

  /**
   * Minimum-weight perfect matching of the graph on vertices 0..n-1 with edges (eu[e], ev[e]) of
   * weight w[e] >= 0, e < edgeCount. Weights must be integers (below 2^50) for the slack tests to be
   * exact. Returns mate[v] (a view valid until the next call); if the graph has no perfect matching,
   * some entries are -1.
   */
  solve(n: number, edgeCount: number, eu: Int32Array, ev: Int32Array, w: Float64Array): Int32Array {
    this.reserve(n, edgeCount);
    this.n = n;
    const deg = this.adjStart;
    deg.fill(0, 0, n + 1);
    let m = 0;
    for (let e = 0; e < edgeCount; e++) {
      const a = eu[e] as number;
      const b = ev[e] as number;
      const x = w[e] as number;
      if (a === b) continue;
      if (!(a >= 0 && a < n && b >= 0 && b < n))
        throw new Error(`edge ${e} has an endpoint outside 0..${n - 1}`);
      if (!(x >= 0 && Number.isInteger(x)))
        throw new Error(`edge ${e} has weight ${x}; need an integer >= 0`);
      this.eu[m] = a;
      this.ev[m] = b;
      this.W[m] = 2 * x;
      deg[a + 1] = (deg[a + 1] as number) + 1;
      deg[b + 1] = (deg[b + 1] as number) + 1;
      m++;
    }
    for (let v = 0; v < n; v++) deg[v + 1] = (deg[v + 1] as number) + (deg[v] as number);
    const fillAt = this.bestTo; // borrowed as a cursor array while building the adjacency
    for (let v = 0; v < n; v++) fillAt[v] = deg[v] as number;
    for (let e = 0; e < m; e++) {
      const a = this.eu[e] as number;
      const b = this.ev[e] as number;
      this.adjEdge[fillAt[a] as number] = e;
      fillAt[a] = (fillAt[a] as number) + 1;
      this.adjEdge[fillAt[b] as number] = e;
      fillAt[b] = (fillAt[b] as number) + 1;
    }
    this.bestTo.fill(-1, 0, 2 * n);
    this.init();
    if (this.greedy) this.greedyStart();
    this.run();
    return this.mate.subarray(0, n);
  }

  private reserve(n: number, edgeCount: number): void {
    if (n > this.vcap) {
      const c = Math.max(n, 2 * this.vcap, 16);
      this.vcap = c;
      this.adjStart = new Int32Array(c + 1);
      this.mate = new Int32Array(c);
      this.inB = new Int32Array(c);
      this.queue = new Int32Array(c);
      this.parent = new Int32Array(2 * c);
      this.base = new Int32Array(2 * c);
      this.label = new Uint8Array(2 * c);
      this.labelP = new Int32Array(2 * c);
      this.labelQ = new Int32Array(2 * c);
      this.dual = new Float64Array(2 * c);
      this.bestEdge = new Int32Array(2 * c);
      this.mark = new Uint8Array(2 * c);
      this.bestTo = new Int32Array(2 * c);
      this.freeIds = new Int32Array(c);
      while (this.childs.length < 2 * c) {
        this.childs.push([]);
        this.cx.push([]);
        this.cy.push([]);
        this.bestList.push(null);
      }
    }
    if (edgeCount > this.ecap) {
      const c = Math.max(edgeCount, 2 * this.ecap, 32);
      this.ecap = c;
      this.eu = new Int32Array(c);
      this.ev = new Int32Array(c);
      this.W = new Float64Array(c);
      this.adjEdge = new Int32Array(2 * c);
    }
  }

  private init(): void {
    const n = this.n;
    for (let v = 0; v < n; v++) {
      this.mate[v] = -1;
      this.inB[v] = v;
      this.base[v] = v;
    }
    this.parent.fill(-1, 0, 2 * n);
    this.base.fill(-1, n, 2 * n);
    this.dual.fill(0, 0, 2 * n);
    this.freeCount = 0;
    for (let b = 2 * n - 1; b >= n; b--) {
      this.freeIds[this.freeCount++] = b;
      (this.childs[b] as number[]).length = 0;
    }
    // Ids below n were blossoms in earlier, larger calls: their stale lists must not be read.
    for (let b = 0; b < 2 * n; b++) this.bestList[b] = null;
  }

  private push(v: number): void {
    // A vertex can be queued again after a dual step, so the queue may outgrow n.
    if (this.qlen === this.queue.length) {
      const q = new Int32Array(2 * this.queue.length + 16);
      q.set(this.queue);
      this.queue = q;
    }
    this.queue[this.qlen++] = v;
  }

  private other(e: number, v: number): number {
    const a = this.eu[e] as number;
    return a === v ? (this.ev[e] as number) : a;
  }

  private slack(e: number): number {
    return (
      (this.W[e] as number) -
      (this.dual[this.eu[e] as number] as number) -
      (this.dual[this.ev[e] as number] as number)
    );
  }

  /**
   * A feasible start that already matches most vertices: y_v = least incident weight / 2, then each
   * exposed vertex raises its dual to its least slack and takes a tight edge to an exposed neighbour.
   * Exposed vertices are finally lowered to even duals: with W even, every tree then holds one
   * parity (tight edges join equal parities), so S–S slacks are even and every dual step is integral.
   */
  private greedyStart(): void {
    const n = this.n;
    const adjStart = this.adjStart;
    const adjEdge = this.adjEdge;
    for (let v = 0; v < n; v++) {
      let least = Number.POSITIVE_INFINITY;
      for (let a = adjStart[v] as number, end = adjStart[v + 1] as number; a < end; a++) {
        const x = this.W[adjEdge[a] as number] as number;
        if (x < least) least = x;
      }
      this.dual[v] = least === Number.POSITIVE_INFINITY ? 0 : least / 2;
    }
    for (let v = 0; v < n; v++) {
      if (this.mate[v] !== -1) continue;
      const start = adjStart[v] as number;
      const end = adjStart[v + 1] as number;
      if (start === end) continue;
      let least = Number.POSITIVE_INFINITY;
      for (let a = start; a < end; a++) {
        const s = this.slack(adjEdge[a] as number);
        if (s < least) least = s;
      }
      this.dual[v] = (this.dual[v] as number) + least;
      for (let a = start; a < end; a++) {
        const e = adjEdge[a] as number;
        const u = this.other(e, v);
        if (this.mate[u] === -1 && this.slack(e) === 0) {
          this.mate[v] = u;
          this.mate[u] = v;
          break;
        }
      }
    }
    for (let v = 0; v < n; v++) {
      const y = this.dual[v] as number;
      if (this.mate[v] === -1 && y % 2 !== 0) this.dual[v] = y - 1;
    }
  }

  private leaves(b: number, out: number[]): void {
    if (b < this.n) {
      out.push(b);
      return;
    }
    for (const c of this.childs[b] as number[]) this.leaves(c, out);
  }

  private assignLabel(w: number, t: number, p: number): void {
    const b = this.inB[w] as number;
    this.label[w] = t;
    this.label[b] = t;
    this.labelP[w] = p;
    this.labelP[b] = p;
    this.labelQ[b] = w;
    this.bestEdge[w] = -1;
    this.bestEdge[b] = -1;
    if (t === S) {
      if (b < this.n) {
        this.push(b);
      } else {
        const buf = this.leafBuf;
        buf.length = 0;
        this.leaves(b, buf);
        for (const v of buf) this.push(v);
      }
    } else {
      const bs = this.base[b] as number;
      this.assignLabel(this.mate[bs] as number, S, bs);
    }
  }

  private run(): void {
    const n = this.n;
    for (;;) {
      // A stage: every exposed vertex roots an alternating tree; they grow until one augmentation.
      this.label.fill(FREE, 0, 2 * n);
      this.bestEdge.fill(-1, 0, 2 * n);
      for (let b = n; b < 2 * n; b++) this.bestList[b] = null;
      this.qlen = 0;
      let exposed = false;
      for (let v = 0; v < n; v++) {
        if (this.mate[v] === -1 && this.label[this.inB[v] as number] === FREE) {
          this.assignLabel(v, S, -1);
          exposed = true;
        }
      }
      if (!exposed) return;
      if (!this.stage()) return;
      // Blossoms whose dual fell to zero are not needed any more; dissolving them keeps stages small.
      for (let b = n; b < 2 * n; b++) {
        if (
          this.parent[b] === -1 &&
          (this.base[b] as number) >= 0 &&
          this.label[b] === S &&
          this.dual[b] === 0
        )
          this.expand(b, true);
      }
    }
  }

  /** Grows the trees until an augmentation (true) or until no dual step is possible (false). */
  private stage(): boolean {
    const n = this.n;
    const adjStart = this.adjStart;
    const adjEdge = this.adjEdge;
    const inB = this.inB;
    const label = this.label;
    const bestEdge = this.bestEdge;
    for (;;) {
      while (this.qlen > 0) {
        const v = this.queue[--this.qlen] as number;
        for (let a = adjStart[v] as number, end = adjStart[v + 1] as number; a < end; a++) {
          const e = adjEdge[a] as number;
          const w = this.other(e, v);
          const bv = inB[v] as number;
          const bw = inB[w] as number;
          if (bv === bw) continue;
          const s = this.slack(e);
          if (s <= 0) {
            const lw = label[bw];
            if (lw === FREE) {
              this.assignLabel(w, T, v);
            } else if (lw === S) {
              const root = this.scanBlossom(v, w);
              if (root >= 0) {
                this.addBlossom(root, v, w);
              } else {
                this.augment(v, w);
                this.augment(w, v);
                return true;
              }
            } else if (label[w] === FREE) {
              // w sits in a T-blossom but is reached here: remembered in case that blossom expands.
              label[w] = T;
              this.labelP[w] = v;
            }
          } else if (label[bw] === S) {
            const cur = bestEdge[bv] as number;
            if (cur === -1 || s < this.slack(cur)) bestEdge[bv] = e;
          } else if (label[w] === FREE) {
            const cur = bestEdge[w] as number;
            if (cur === -1 || s < this.slack(cur)) bestEdge[w] = e;
          }
        }
      }
      // Dual step: the largest change keeping all slacks and blossom duals >= 0 (no vertex-dual bound:
      // perfect matching).
      let delta = Number.POSITIVE_INFINITY;
      let kind = 0;
      let which = -1;
      for (let v = 0; v < n; v++) {
        const e = bestEdge[v] as number;
        if (e !== -1 && label[inB[v] as number] === FREE) {
          const s = this.slack(e);
          if (s < delta) {
            delta = s;
            kind = 2;
            which = e;
          }
        }
      }
      for (let b = 0; b < 2 * n; b++) {
        const e = bestEdge[b] as number;
        if (e !== -1 && this.parent[b] === -1 && label[b] === S) {
          const s = this.slack(e) / 2;
          if (s < delta) {
            delta = s;
            kind = 3;
            which = e;
          }
        }
      }
      for (let b = n; b < 2 * n; b++) {
        if (this.parent[b] === -1 && (this.base[b] as number) >= 0 && label[b] === T) {
          const z = this.dual[b] as number;
          if (z < delta) {
            delta = z;
            kind = 4;
            which = b;
          }
        }
      }
      if (kind === 0) return false;
      if (!Number.isInteger(delta))
        throw new Error(`blossom dual step ${delta} is not an integer: broken invariant`);
      for (let v = 0; v < n; v++) {
        const l = label[inB[v] as number];
        if (l === S) this.dual[v] = (this.dual[v] as number) + delta;
        else if (l === T) this.dual[v] = (this.dual[v] as number) - delta;
      }
      for (let b = n; b < 2 * n; b++) {
        if (this.parent[b] !== -1 || (this.base[b] as number) < 0) continue;
        if (label[b] === S) this.dual[b] = (this.dual[b] as number) + delta;
        else if (label[b] === T) this.dual[b] = (this.dual[b] as number) - delta;
      }
      if (kind === 4) {
        this.expand(which, false);
      } else {
        // The edge is tight now: rescan its S end.
        const a = this.eu[which] as number;
        this.push(label[inB[a] as number] === S ? a : (this.ev[which] as number));
      }
    }
  }

  /** Base vertex of the blossom closing the cycle through edge vw, or -1 if v and w are in different trees. */
  private scanBlossom(v0: number, w0: number): number {
    const path = this.leafBuf;
    path.length = 0;
    let result = -1;
    let v = v0;
    let w = w0;
    while (v !== -1 || w !== -1) {
      if (v !== -1) {
        const b = this.inB[v] as number;
        if (this.mark[b]) {
          result = this.base[b] as number;
          break;
        }
        this.mark[b] = 1;
        path.push(b);
        const p = this.labelP[b] as number;
        if (p === -1) v = -1;
        else v = this.labelP[this.inB[p] as number] as number;
      }
      if (w !== -1) {
        const t = v;
        v = w;
        w = t;
      }
    }
    for (const b of path) this.mark[b] = 0;
    return result;
  }

  private addBlossom(baseVertex: number, v: number, w: number): void {
    const inB = this.inB;
    const bb = inB[baseVertex] as number;
    if (this.freeCount === 0) throw new Error('blossom ids exhausted: broken invariant');
    const b = this.freeIds[--this.freeCount] as number;
    this.base[b] = baseVertex;
    this.parent[b] = -1;
    this.parent[bb] = b;
    const childs = this.childs[b] as number[];
    const cx = this.cx[b] as number[];
    const cy = this.cy[b] as number[];
    childs.length = 0;
    cx.length = 0;
    cy.length = 0;
    // v side, collected upwards then reversed into cycle order after the base.
    childs.push(bb);
    let bv = inB[v] as number;
    const upStart = 1;
    while (bv !== bb) {
      this.parent[bv] = b;
      childs.push(bv);
      cx.push(this.labelP[bv] as number);
      cy.push(this.labelQ[bv] as number);
      bv = inB[this.labelP[bv] as number] as number;
    }
    // Reverse children[1..] and their edges: edge i must lead from child i to child i + 1.
    reverse(childs, upStart, childs.length - 1);
    reverse(cx, 0, cx.length - 1);
    reverse(cy, 0, cy.length - 1);
    cx.push(v);
    cy.push(w);
    let bw = inB[w] as number;
    while (bw !== bb) {
      this.parent[bw] = b;
      childs.push(bw);
      cx.push(this.labelQ[bw] as number);
      cy.push(this.labelP[bw] as number);
      bw = inB[this.labelP[bw] as number] as number;
    }
    this.label[b] = S;
    this.labelP[b] = this.labelP[bb] as number;
    this.labelQ[b] = this.labelQ[bb] as number;
    this.dual[b] = 0;
    const buf = this.leafBuf;
    for (const c of childs) {
      buf.length = 0;
      this.leaves(c, buf);
      // Former T members are S now: their vertices must be scanned.
      const wasT = this.label[c] === T;
      for (const x of buf) {
        inB[x] = b;
        if (wasT) this.push(x);
      }
    }
    // Least-slack edges from the new blossom to every other S-blossom.
    const bestTo = this.bestTo;
    const touched: number[] = [];
    for (const c of childs) {
      const list = c >= this.n ? this.bestList[c] : null;
      if (list) {
        for (const e of list) this.offerBest(b, e, bestTo, touched);
        this.bestList[c] = null;
      } else {
        buf.length = 0;
        this.leaves(c, buf);
        for (const x of buf) {
          for (let a = this.adjStart[x] as number, end = this.adjStart[x + 1] as number; a < end; a++)
            this.offerBest(b, this.adjEdge[a] as number, bestTo, touched);
        }
      }
      this.bestEdge[c] = -1;
    }
    let best = -1;
    let bestSlack = Number.POSITIVE_INFINITY;
    const list: number[] = [];
    for (const k of touched) {
      const e = bestTo[k] as number;
      bestTo[k] = -1;
      list.push(e);
      const s = this.slack(e);
      if (s < bestSlack) {
        bestSlack = s;
        best = e;
      }
    }
    this.bestList[b] = list;
    this.bestEdge[b] = best;
  }

  private offerBest(b: number, e: number, bestTo: Int32Array, touched: number[]): void {
    const bx = this.inB[this.eu[e] as number] as number;
    const by = this.inB[this.ev[e] as number] as number;
    const target = bx === b ? by : bx;
    if (target === b || this.label[target] !== S) return;
    const cur = bestTo[target] as number;
    if (cur === -1) {
      bestTo[target] = e;
      touched.push(target);
    } else if (this.slack(e) < this.slack(cur)) {
      bestTo[target] = e;
    }
  }

  private setInB(c: number): void {
    if (c < this.n) {
      this.inB[c] = c;
      return;
    }
    const buf = this.leafBuf;
    buf.length = 0;
    this.leaves(c, buf);
    for (const x of buf) this.inB[x] = c;
  }

  private expand(b: number, endStage: boolean): void {
    const n = this.n;
    const childs = this.childs[b] as number[];
    const cx = this.cx[b] as number[];
    const cy = this.cy[b] as number[];
    for (const c of childs) {
      this.parent[c] = -1;
      if (c >= n && endStage && this.dual[c] === 0) this.expand(c, true);
      else this.setInB(c);
    }
    if (!endStage && this.label[b] === T) {
      // b leaves its tree; the even-length path of children from the entry to the base stays in it.
      const L = childs.length;
      const entry = this.inB[this.labelQ[b] as number] as number;
      let j = childs.indexOf(entry);
      const dir = j % 2 === 1 ? 1 : -1;
      let p = this.labelP[b] as number;
      let q = this.labelQ[b] as number;
      while (j !== 0) {
        // Relabel the T child at j through (p, q), then step over the S child to the next T child.
        // The S child's end of the matched edge leaving child j: relabelled by assignLabel below.
        const fwd = dir === 1 ? (cy[j] as number) : (cx[(j - 1 + L) % L] as number);
        this.label[q] = FREE;
        this.label[fwd] = FREE;
        this.assignLabel(q, T, p);
        j = (j + dir + L) % L;
        if (dir === 1) {
          p = cx[j] as number;
          q = cy[j] as number;
        } else {
          const i = (j - 1 + L) % L;
          p = cy[i] as number;
          q = cx[i] as number;
        }
        j = (j + dir + L) % L;
      }
      const bv = childs[0] as number;
      this.label[q] = T;
      this.label[bv] = T;
      this.labelP[q] = p;
      this.labelP[bv] = p;
      this.labelQ[bv] = q;
      this.bestEdge[bv] = -1;
      // Children off that path become free, except those a scanned S vertex already reaches.
      j = (j + dir + L) % L;
      const buf = this.leafBuf;
      while (childs[j] !== entry) {
        const c = childs[j] as number;
        if (this.label[c] !== S) {
          buf.length = 0;
          this.leaves(c, buf);
          let reached = -1;
          for (const x of buf) {
            if (this.label[x] !== FREE) {
              reached = x;
              break;
            }
          }
          if (reached !== -1) {
            this.label[reached] = FREE;
            this.label[this.mate[this.base[c] as number] as number] = FREE;
            this.assignLabel(reached, T, this.labelP[reached] as number);
          }
        }
        j = (j + dir + L) % L;
      }
    }
    this.label[b] = FREE;
    this.labelP[b] = -1;
    this.bestList[b] = null;
    this.bestEdge[b] = -1;
    this.base[b] = -1;
    this.dual[b] = 0;
    childs.length = 0;
    this.freeIds[this.freeCount++] = b;
  }

  /** Rematches inside blossom b so that vertex v becomes its base. */
  private augmentBlossom(b: number, v: number): void {
    const n = this.n;
    let t = v;
    while (this.parent[t] !== b) t = this.parent[t] as number;
    if (t >= n) this.augmentBlossom(t, v);
    const childs = this.childs[b] as number[];
    const cx = this.cx[b] as number[];
    const cy = this.cy[b] as number[];
    const L = childs.length;
    const i = childs.indexOf(t);
    const dir = i % 2 === 1 ? 1 : -1;
    let j = i;
    while (j !== 0) {
      const j1 = (j + dir + L) % L;
      const j2 = (j + 2 * dir + L) % L;
      // The edge between children j1 and j2 becomes matched; x in j1, y in j2.
      let x: number;
      let y: number;
      if (dir === 1) {
        x = cx[j1] as number;
        y = cy[j1] as number;
      } else {
        x = cy[j2] as number;
        y = cx[j2] as number;
      }
      const c1 = childs[j1] as number;
      const c2 = childs[j2] as number;
      if (c1 >= n) this.augmentBlossom(c1, x);
      if (c2 >= n) this.augmentBlossom(c2, y);
      this.mate[x] = y;
      this.mate[y] = x;
      j = j2;
    }
    rotate(childs, i);
    rotate(cx, i);
    rotate(cy, i);
    this.base[b] = v;
  }

  /** Flips the alternating path from S vertex s (newly matched to j) up to its tree's root. */
  private augment(s0: number, j0: number): void {
    const n = this.n;
    let s = s0;
    let j = j0;
    for (;;) {
      const bs = this.inB[s] as number;
      const t = this.labelP[bs] as number;
      if (bs >= n) this.augmentBlossom(bs, s);
      this.mate[s] = j;
      if (t === -1) return;
      const bt = this.inB[t] as number;
      const p = this.labelP[bt] as number;
      const q = this.labelQ[bt] as number;
      if (bt >= n) this.augmentBlossom(bt, q);
      this.mate[q] = p;
      s = p;
      j = q;
    }
  }
}

function reverse(a: number[], from: number, to: number): void {
  for (let i = from, k = to; i < k; i++, k--) {
    const x = a[i] as number;
    a[i] = a[k] as number;
    a[k] = x;
  }
}

/** Rotates a left by i places in place (a[i] becomes a[0]). */
function rotate(a: number[], i: number): void {
  if (i === 0) return;
  reverse(a, 0, i - 1);
  reverse(a, i, a.length - 1);
  reverse(a, 0, a.length - 1);
}

/** One-shot convenience: minimum-weight perfect matching of a sparse graph (see PerfectMatcher.solve). */
export function minWeightPerfectMatching(
  n: number,
  eu: Int32Array,
  ev: Int32Array,
  w: Float64Array,
): Int32Array {
  return new PerfectMatcher().solve(n, eu.length, eu, ev, w).slice();
}
