// A k-way partition of a hypergraph with everything a move needs kept up to date: pins of each
// edge per part, the set of parts each edge touches (a bit mask), the load of every (resource,
// part) and the total cost Σ weight(e) · Steiner(parts of e).
import type { Hypergraph } from './hypergraph.js';
import type { SteinerCost } from './topology-distance.js';

export interface PartitionContext {
  readonly k: number;
  /** Capacity of each part in every resource (slice). */
  readonly capacity: Int32Array;
  readonly steiner: SteinerCost;
}

export class PartitionState {
  readonly h: Hypergraph;
  readonly ctx: PartitionContext;
  readonly k: number;
  readonly part: Int32Array;
  readonly pinCount: Int32Array;
  readonly mask: Int32Array;
  readonly load: Int32Array;
  cost = 0;
  /** Σ over (resource, part) of the load above capacity. */
  overload = 0;

  constructor(h: Hypergraph, ctx: PartitionContext, part: Int32Array) {
    this.h = h;
    this.ctx = ctx;
    const k = ctx.k;
    this.k = k;
    this.part = part;
    this.pinCount = new Int32Array(h.numEdges * k);
    this.mask = new Int32Array(h.numEdges);
    this.load = new Int32Array(h.numResources * k);
    for (let e = 0; e < h.numEdges; e++) {
      let m = 0;
      for (let i = h.edgePtr[e]!; i < h.edgePtr[e + 1]!; i++) {
        const p = part[h.pins[i]!]!;
        this.pinCount[e * k + p]!++;
        m |= 1 << p;
      }
      this.mask[e] = m;
      this.cost += h.edgeWeight[e]! * ctx.steiner.cost(m);
    }
    for (let v = 0; v < h.numVertices; v++) {
      const p = part[v]!;
      for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++)
        this.load[h.weightRes[i]! * k + p]! += h.weightAmt[i]!;
    }
    for (let r = 0; r < h.numResources; r++) {
      for (let p = 0; p < k; p++) this.overload += Math.max(0, this.load[r * k + p]! - ctx.capacity[p]!);
    }
  }

  /** Cost decrease if v moved to part b. */
  gain(v: number, b: number): number {
    const h = this.h;
    const k = this.k;
    const a = this.part[v]!;
    const steiner = this.ctx.steiner;
    const bitB = 1 << b;
    const notA = ~(1 << a);
    let g = 0;
    for (let i = h.vertexPtr[v]!; i < h.vertexPtr[v + 1]!; i++) {
      const e = h.incident[i]!;
      const m = this.mask[e]!;
      let m2 = m | bitB;
      if (this.pinCount[e * k + a] === 1) m2 &= notA;
      if (m2 !== m) g += h.edgeWeight[e]! * (steiner.cost(m) - steiner.cost(m2));
    }
    return g;
  }

  /** Change of overload if v moved to b (negative: the move relieves an over-full part). */
  overloadDelta(v: number, b: number): number {
    const h = this.h;
    const k = this.k;
    const a = this.part[v]!;
    const cap = this.ctx.capacity;
    let d = 0;
    for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++) {
      const r = h.weightRes[i]!;
      const w = h.weightAmt[i]!;
      const la = this.load[r * k + a]!;
      const lb = this.load[r * k + b]!;
      d += Math.max(0, la - w - cap[a]!) - Math.max(0, la - cap[a]!);
      d += Math.max(0, lb + w - cap[b]!) - Math.max(0, lb - cap[b]!);
    }
    return d;
  }

  /** True if moving v to b keeps every load of b within capacity + slack. */
  fits(v: number, b: number, slack: number): boolean {
    const h = this.h;
    const k = this.k;
    const capB = this.ctx.capacity[b]! + slack;
    for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++) {
      if (this.load[h.weightRes[i]! * k + b]! + h.weightAmt[i]! > capB) return false;
    }
    return true;
  }

  /**
   * Moves v to b and calls `touched(e)` for each edge whose change alters other pins' gains:
   * the parts it spans changed, or a part was left with a single pin, or b's single pin got company.
   */
  move(v: number, b: number, touched: ((e: number) => void) | null): void {
    const h = this.h;
    const k = this.k;
    const a = this.part[v]!;
    if (a === b) return;
    this.overload += this.overloadDelta(v, b);
    const steiner = this.ctx.steiner;
    for (let i = h.vertexPtr[v]!; i < h.vertexPtr[v + 1]!; i++) {
      const e = h.incident[i]!;
      const m = this.mask[e]!;
      const ca = --this.pinCount[e * k + a]!;
      const cb = ++this.pinCount[e * k + b]!;
      let m2 = m | (1 << b);
      if (ca === 0) m2 &= ~(1 << a);
      if (m2 !== m) {
        this.cost += h.edgeWeight[e]! * (steiner.cost(m2) - steiner.cost(m));
        this.mask[e] = m2;
      }
      if (touched !== null && (m2 !== m || ca === 1 || cb === 2)) touched(e);
    }
    for (let i = h.weightPtr[v]!; i < h.weightPtr[v + 1]!; i++) {
      const r = h.weightRes[i]!;
      this.load[r * k + a]! -= h.weightAmt[i]!;
      this.load[r * k + b]! += h.weightAmt[i]!;
    }
    this.part[v] = b;
  }

  /** True if some edge of v spans more than one part. */
  isBoundary(v: number): boolean {
    const h = this.h;
    for (let i = h.vertexPtr[v]!; i < h.vertexPtr[v + 1]!; i++) {
      const m = this.mask[h.incident[i]!]!;
      if ((m & (m - 1)) !== 0) return true;
    }
    return false;
  }
}
