// Test reference only: the previous dense O(n^4) blossom solver, kept to cross-check the sparse one.
// Minimum-weight perfect matching on a small dense graph by Edmonds' primal-dual blossom algorithm
// (Edmonds, Can. J. Math. 17, 449, 1965; the O(n^3)-stage formulation of Galil, ACM Comput. Surv.
// 18, 23, 1986, §3). Written for the tens of nodes a decoder cluster has: dual slacks are recomputed
// by scanning (O(n^2) per dual step) instead of being kept in per-blossom best-edge tables.

const UNLABELED = 0;
const S = 1;
const T = 2;

/**
 * Minimum-weight perfect matching of the graph with `n` vertices whose weight matrix is `weight`
 * (row-major n × n, symmetric; NaN for a missing edge). Returns mate[v] (or -1 when the graph has no
 * perfect matching, the returned matching is a maximum-cardinality one of least weight). Weights must
 * be integers or halves for the equality tests on slacks to be exact; decoders pass integers.
 */
export function denseMinWeightPerfectMatching(n: number, weight: Float64Array): Int32Array {
  let maxW = 0;
  for (let i = 0; i < n * n; i++) {
    const w = weight[i] as number;
    if (!Number.isNaN(w) && w > maxW) maxW = w;
  }
  // Maximum-cardinality maximum-weight matching on W' = C - w is a minimum-weight perfect matching.
  const C = maxW + 1;
  const wp = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) {
    const w = weight[i] as number;
    wp[i] = !Number.isNaN(w) ? C - w : Number.NaN;
  }
  return new Blossom(n, wp).solve();
}

class Blossom {
  private readonly n: number;
  private readonly w: Float64Array;
  private readonly mate: Int32Array;
  private readonly inb: Int32Array;
  private readonly parent: Int32Array;
  private readonly base: Int32Array;
  private readonly childs: number[][];
  /** edges[b][i] = [x, y]: x in childs[i], y in childs[i + 1 mod L]. */
  private readonly edges: [number, number][][];
  private readonly label: Uint8Array;
  private readonly labelP: Int32Array;
  private readonly labelQ: Int32Array;
  private readonly dual: Float64Array;
  private readonly mark: Uint8Array;
  private readonly free: number[] = [];
  private queue: number[] = [];

  constructor(n: number, w: Float64Array) {
    this.n = n;
    this.w = w;
    this.mate = new Int32Array(n).fill(-1);
    this.inb = new Int32Array(n);
    for (let v = 0; v < n; v++) this.inb[v] = v;
    this.parent = new Int32Array(2 * n).fill(-1);
    this.base = new Int32Array(2 * n).fill(-1);
    for (let v = 0; v < n; v++) this.base[v] = v;
    this.childs = Array.from({ length: 2 * n }, () => []);
    this.edges = Array.from({ length: 2 * n }, () => []);
    this.label = new Uint8Array(2 * n);
    this.labelP = new Int32Array(2 * n).fill(-1);
    this.labelQ = new Int32Array(2 * n).fill(-1);
    this.dual = new Float64Array(2 * n);
    this.mark = new Uint8Array(2 * n);
    let maxW = 0;
    for (let i = 0; i < n * n; i++) {
      const x = w[i] as number;
      if (!Number.isNaN(x) && x > maxW) maxW = x;
    }
    for (let v = 0; v < n; v++) this.dual[v] = maxW;
    for (let b = 2 * n - 1; b >= n; b--) this.free.push(b);
  }

  solve(): Int32Array {
    const n = this.n;
    for (let stage = 0; stage <= n; stage++) {
      this.label.fill(UNLABELED);
      this.queue = [];
      for (let b = 0; b < 2 * n; b++) {
        if (this.isTop(b) && this.mate[this.base[b] as number] === -1) this.assignS(b);
      }
      if (!this.runStage()) break;
      // Blossoms whose dual reached zero are no longer needed; dissolve them so later stages start clean.
      for (let b = n; b < 2 * n; b++) {
        if (this.isTop(b) && this.dual[b] === 0 && this.label[b] === S) this.expand(b, true);
      }
    }
    return this.mate;
  }

  private isTop(b: number): boolean {
    return this.base[b] !== -1 && this.parent[b] === -1;
  }

  private slack(v: number, u: number): number {
    return (this.dual[v] as number) + (this.dual[u] as number) - 2 * (this.w[v * this.n + u] as number);
  }

  private leaves(b: number, out: number[]): void {
    if (b < this.n) out.push(b);
    else for (const c of this.childs[b] as number[]) this.leaves(c, out);
  }

  private assignS(b: number): void {
    this.label[b] = S;
    this.leaves(b, this.queue);
  }

  /** Grows trees, one dual step at a time, until an augmentation; false when none is possible. */
  private runStage(): boolean {
    const n = this.n;
    for (;;) {
      while (this.queue.length > 0) {
        const v = this.queue.pop() as number;
        if (this.label[this.inb[v] as number] !== S) continue;
        for (let u = 0; u < n; u++) {
          const wv = this.w[v * n + u] as number;
          if (Number.isNaN(wv)) continue;
          // Re-read: a blossom formed earlier in this loop may now hold both ends.
          const bv = this.inb[v] as number;
          const bu = this.inb[u] as number;
          if (bu === bv || this.slack(v, u) > 0) continue;
          const lu = this.label[bu];
          if (lu === UNLABELED) {
            this.label[bu] = T;
            this.labelP[bu] = v;
            this.labelQ[bu] = u;
            const m = this.mate[this.base[bu] as number] as number;
            this.assignS(this.inb[m] as number);
          } else if (lu === S) {
            const b = this.scan(v, u);
            if (b >= 0) {
              this.addBlossom(b, v, u);
            } else {
              this.augmentFrom(v, u);
              this.augmentFrom(u, v);
              return true;
            }
          }
        }
      }
      // Dual step: the largest change that keeps every slack non-negative and every blossom dual >= 0.
      let delta = Number.POSITIVE_INFINITY;
      let kind = 0;
      let which = -1;
      for (let v = 0; v < n; v++) {
        const bv = this.inb[v] as number;
        if (this.label[bv] !== S) continue;
        for (let u = 0; u < n; u++) {
          const wv = this.w[v * n + u] as number;
          if (Number.isNaN(wv)) continue;
          const bu = this.inb[u] as number;
          if (bu === bv) continue;
          const lu = this.label[bu];
          if (lu === UNLABELED) {
            const s = this.slack(v, u);
            if (s < delta) {
              delta = s;
              kind = 2;
            }
          } else if (lu === S) {
            const s = this.slack(v, u) / 2;
            if (s < delta) {
              delta = s;
              kind = 3;
            }
          }
        }
      }
      for (let b = n; b < 2 * n; b++) {
        if (this.isTop(b) && this.label[b] === T && (this.dual[b] as number) < delta) {
          delta = this.dual[b] as number;
          kind = 4;
          which = b;
        }
      }
      if (kind === 0) return false;
      for (let v = 0; v < n; v++) {
        const l = this.label[this.inb[v] as number];
        if (l === S) this.dual[v] = (this.dual[v] as number) - delta;
        else if (l === T) this.dual[v] = (this.dual[v] as number) + delta;
      }
      for (let b = n; b < 2 * n; b++) {
        if (!this.isTop(b)) continue;
        if (this.label[b] === S) this.dual[b] = (this.dual[b] as number) + delta;
        else if (this.label[b] === T) this.dual[b] = (this.dual[b] as number) - delta;
      }
      if (kind === 4) this.expand(which, false);
      // Tight edges appeared: rescan every S vertex.
      for (let v = 0; v < n; v++) if (this.label[this.inb[v] as number] === S) this.queue.push(v);
    }
  }

  /** Common base blossom's base vertex of the trees of v and u, or -1 if they are different trees. */
  private scan(v: number, u: number): number {
    const path: number[] = [];
    let result = -1;
    let a = v;
    let b = u;
    while (a !== -1 || b !== -1) {
      if (a !== -1) {
        const ba = this.inb[a] as number;
        if (this.mark[ba]) {
          result = this.base[ba] as number;
          break;
        }
        this.mark[ba] = 1;
        path.push(ba);
        const m = this.mate[this.base[ba] as number] as number;
        a = m === -1 ? -1 : (this.labelP[this.inb[m] as number] as number);
      }
      if (b !== -1) {
        const t = a;
        a = b;
        b = t;
      }
    }
    for (const p of path) this.mark[p] = 0;
    return result;
  }

  private treeStep(b: number): [number, number] {
    // Edge from blossom b to its parent in the alternating tree: (vertex in b, vertex in parent).
    if (this.label[b] === S) {
      const x = this.base[b] as number;
      return [x, this.mate[x] as number];
    }
    return [this.labelQ[b] as number, this.labelP[b] as number];
  }

  private addBlossom(baseVertex: number, v: number, u: number): void {
    const bb = this.inb[baseVertex] as number;
    const b = this.free.pop();
    if (b === undefined) throw new Error('blossom ids exhausted: broken invariant');
    this.base[b] = baseVertex;
    this.parent[b] = -1;
    this.dual[b] = 0;
    const xs: number[] = [];
    const xe: [number, number][] = [];
    let bx = this.inb[v] as number;
    while (bx !== bb) {
      xs.push(bx);
      const e = this.treeStep(bx);
      xe.push(e);
      bx = this.inb[e[1]] as number;
    }
    const ys: number[] = [];
    const ye: [number, number][] = [];
    let by = this.inb[u] as number;
    while (by !== bb) {
      ys.push(by);
      const e = this.treeStep(by);
      ye.push(e);
      by = this.inb[e[1]] as number;
    }
    const childs: number[] = [bb];
    const edges: [number, number][] = [];
    for (let k = xs.length - 1; k >= 0; k--) {
      const e = xe[k] as [number, number];
      edges.push([e[1], e[0]]);
      childs.push(xs[k] as number);
    }
    edges.push([v, u]);
    for (let k = 0; k < ys.length; k++) {
      childs.push(ys[k] as number);
      edges.push(ye[k] as [number, number]);
    }
    this.childs[b] = childs;
    this.edges[b] = edges;
    for (const c of childs) this.parent[c] = b;
    const vs: number[] = [];
    this.leaves(b, vs);
    for (const x of vs) this.inb[x] = b;
    // Former T children become part of an S blossom: their vertices now need scanning.
    for (const c of childs) if (this.label[c] === T) this.leaves(c, this.queue);
    this.label[b] = S;
  }

  private expand(b: number, endStage: boolean): void {
    const childs = this.childs[b] as number[];
    const edges = this.edges[b] as [number, number][];
    for (const c of childs) {
      this.parent[c] = -1;
      const vs: number[] = [];
      this.leaves(c, vs);
      for (const x of vs) this.inb[x] = c;
      this.label[c] = UNLABELED;
    }
    if (endStage) {
      for (const c of childs) if (c >= this.n && this.dual[c] === 0) this.expand(c, true);
    } else if (this.label[b] === T) {
      const L = childs.length;
      const q = this.labelQ[b] as number;
      const entrance = this.inb[q] as number;
      let j = childs.indexOf(entrance);
      const d = j % 2 === 1 ? 1 : -1;
      this.label[entrance] = T;
      this.labelP[entrance] = this.labelP[b] as number;
      this.labelQ[entrance] = q;
      while (j !== 0) {
        const j1 = (j + d + L) % L;
        const j2 = (j + 2 * d + L) % L;
        // The S child: its base is matched into child j.
        this.assignS(childs[j1] as number);
        const [p, q2] = d === 1 ? (edges[j1] as [number, number]) : swap(edges[j2] as [number, number]);
        const c2 = childs[j2] as number;
        this.label[c2] = T;
        this.labelP[c2] = p;
        this.labelQ[c2] = q2;
        j = j2;
      }
    }
    this.label[b] = UNLABELED;
    this.childs[b] = [];
    this.edges[b] = [];
    this.base[b] = -1;
    this.dual[b] = 0;
    this.free.push(b);
  }

  /** Rematches inside blossom b so that vertex v becomes its base. */
  private augmentBlossom(b: number, v: number): void {
    let t = v;
    while (this.parent[t] !== b) t = this.parent[t] as number;
    if (t >= this.n) this.augmentBlossom(t, v);
    const childs = this.childs[b] as number[];
    const edges = this.edges[b] as [number, number][];
    const L = childs.length;
    const i = childs.indexOf(t);
    const d = i % 2 === 1 ? 1 : -1;
    let j = i;
    while (j !== 0) {
      const j1 = (j + d + L) % L;
      const j2 = (j + 2 * d + L) % L;
      const [x, y] = d === 1 ? (edges[j1] as [number, number]) : swap(edges[j2] as [number, number]);
      const c1 = childs[j1] as number;
      const c2 = childs[j2] as number;
      if (c1 >= this.n) this.augmentBlossom(c1, x);
      if (c2 >= this.n) this.augmentBlossom(c2, y);
      this.mate[x] = y;
      this.mate[y] = x;
      j = j2;
    }
    this.childs[b] = childs.slice(i).concat(childs.slice(0, i));
    this.edges[b] = edges.slice(i).concat(edges.slice(0, i));
    this.base[b] = v;
  }

  private augmentFrom(start: number, partner: number): void {
    let s = start;
    let j = partner;
    for (;;) {
      const bs = this.inb[s] as number;
      const t = this.mate[this.base[bs] as number] as number;
      if (bs >= this.n) this.augmentBlossom(bs, s);
      this.mate[s] = j;
      if (t === -1) return;
      const bt = this.inb[t] as number;
      const p = this.labelP[bt] as number;
      const q = this.labelQ[bt] as number;
      if (bt >= this.n) this.augmentBlossom(bt, q);
      this.mate[q] = p;
      s = p;
      j = q;
    }
  }
}

function swap(e: [number, number]): [number, number] {
  return [e[1], e[0]];
}
