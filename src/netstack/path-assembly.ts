// Building one end-to-end pair along a route from one pair per hop. A hop's pair joins the segments
// next to it as soon as it arrives: the node between them swaps at once (swap-as-soon-as-possible),
// so a repeater's qubits are measured rather than left idling until the last hop succeeds. The
// outcome of every swap must reach both ends of the route before the pair can be used.
import type { HeldPair, MemoryOf } from './held-pair.js';
import type { LocalNoise } from './local-noise.js';
import { swapPairs } from './swap.js';

export interface AssemblyContext {
  readonly memoryOf: MemoryOf;
  /** The BSM noise and durations of a node's local operations. */
  noiseAt(node: string): Partial<LocalNoise>;
  /** One-way classical delay between two nodes, ps. */
  classicalDelayPs(from: string, to: string): number;
}

/** Pairs covering the hops lo..hi merged into one pair between route nodes lo and hi + 1. */
export interface Segment {
  readonly lo: number;
  readonly hi: number;
  readonly pair: HeldPair;
  /** When both route ends know every swap outcome inside the segment. */
  readonly readyPs: number;
  /** When the first of its link pairs passes its cutoff (∞: never). */
  readonly expiresPs: number;
}

export class PathAssembly {
  private readonly byHop: (Segment | undefined)[];
  private swapCount = 0;

  constructor(
    readonly nodes: readonly string[],
    private readonly ctx: AssemblyContext,
  ) {
    this.byHop = Array.from({ length: nodes.length - 1 }, () => undefined);
  }

  get hops(): number {
    return this.byHop.length;
  }

  /** Swaps performed so far. */
  get swaps(): number {
    return this.swapCount;
  }

  holds(hop: number): boolean {
    return this.byHop[hop] !== undefined;
  }

  /** True while `segment` is still held (not merged into a larger one, nor dropped). */
  current(segment: Segment): boolean {
    return this.byHop[segment.lo] === segment;
  }

  /** Adds the pair of `hop` (ends in route order) and merges it with its neighbours at `nowPs`. */
  add(hop: number, pair: HeldPair, readyPs: number, expiresPs: number, nowPs: number): Segment {
    if (this.byHop[hop] !== undefined) throw new Error(`hop ${hop} already holds a pair`);
    let segment: Segment = { lo: hop, hi: hop, pair: oriented(pair, this.nodes[hop]!), readyPs, expiresPs };
    const left = hop > 0 ? this.byHop[hop - 1] : undefined;
    if (left) segment = this.merge(left, segment, nowPs);
    const right = this.byHop[hop + 1];
    if (right) segment = this.merge(segment, right, nowPs);
    for (let h = segment.lo; h <= segment.hi; h++) this.byHop[h] = segment;
    return segment;
  }

  complete(segment: Segment): boolean {
    return segment.lo === 0 && segment.hi === this.byHop.length - 1;
  }

  /** Drops a segment (its pairs are lost); returns the hops that need a pair again. */
  drop(segment: Segment): number[] {
    const hops: number[] = [];
    for (let h = segment.lo; h <= segment.hi; h++) {
      this.byHop[h] = undefined;
      hops.push(h);
    }
    return hops;
  }

  clear(): void {
    this.byHop.fill(undefined);
  }

  private merge(left: Segment, right: Segment, nowPs: number): Segment {
    const node = this.nodes[left.hi + 1]!;
    const src = this.nodes[0]!;
    const dst = this.nodes[this.nodes.length - 1]!;
    const result = swapPairs(left.pair, right.pair, {
      atPs: nowPs,
      noise: this.ctx.noiseAt(node),
      memoryOf: this.ctx.memoryOf,
    });
    this.swapCount++;
    const told = Math.max(this.ctx.classicalDelayPs(node, src), this.ctx.classicalDelayPs(node, dst));
    return {
      lo: left.lo,
      hi: right.hi,
      pair: result.pair,
      readyPs: Math.max(left.readyPs, right.readyPs, result.measuredPs + told),
      expiresPs: Math.min(left.expiresPs, right.expiresPs),
    };
  }
}

/** The pair with `first` as its first end, so merged pairs keep the route's order. */
function oriented(pair: HeldPair, first: string): HeldPair {
  if (pair.ends[0] === first) return pair;
  return { ends: [pair.ends[1], pair.ends[0]], state: pair.state, statePs: pair.statePs };
}
