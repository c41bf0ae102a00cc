// Maximum flow by Dinic's algorithm (Dinic, Soviet Math. Doklady 11, 1970) on a graph with integer
// capacities, and the source side of a minimum cut. Gate placement reduces its covering problems
// to minimum cuts (a minimum-weight closure, Picard, Management Science 22, 1976).

export class MaxFlow {
  private readonly head: Int32Array;
  private to: number[] = [];
  private cap: number[] = [];
  private nextEdge: number[] = [];

  constructor(readonly numVertices: number) {
    this.head = new Int32Array(numVertices).fill(-1);
  }

  /** A directed edge u → v of capacity `capacity` (Infinity allowed). */
  addEdge(u: number, v: number, capacity: number): void {
    this.push(u, v, capacity);
    this.push(v, u, 0);
  }

  private push(u: number, v: number, capacity: number): void {
    this.to.push(v);
    this.cap.push(capacity);
    this.nextEdge.push(this.head[u]!);
    this.head[u] = this.to.length - 1;
  }

  /** Pushes the maximum flow from s to t and returns its value; call once. */
  run(s: number, t: number): number {
    const n = this.numVertices;
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    const { to, cap, nextEdge, head } = this;
    const bfs = (): boolean => {
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++]!;
        for (let e = head[u]!; e >= 0; e = nextEdge[e]!) {
          const v = to[e]!;
          if (cap[e]! > 0 && level[v]! < 0) {
            level[v] = level[u]! + 1;
            queue[qt++] = v;
          }
        }
      }
      return level[t]! >= 0;
    };
    // Iterative blocking-flow search: a path stack of edges from s.
    const pathEdges: number[] = [];
    let flow = 0;
    while (bfs()) {
      iter.set(head);
      for (;;) {
        pathEdges.length = 0;
        let u = s;
        let found = false;
        while (true) {
          if (u === t) {
            found = true;
            break;
          }
          let e = iter[u]!;
          while (e >= 0 && !(cap[e]! > 0 && level[to[e]!] === level[u]! + 1)) e = nextEdge[e]!;
          iter[u] = e;
          if (e < 0) {
            // Dead end: retreat and skip the edge that led here.
            if (pathEdges.length === 0) break;
            level[u] = -1;
            const back = pathEdges.pop()!;
            u = to[back ^ 1]!;
            iter[u] = nextEdge[iter[u]!]!;
            continue;
          }
          pathEdges.push(e);
          u = to[e]!;
        }
        if (!found) break;
        let push = Number.POSITIVE_INFINITY;
        for (const e of pathEdges) push = Math.min(push, cap[e]!);
        for (const e of pathEdges) {
          cap[e] = cap[e]! - push;
          cap[e ^ 1] = cap[e ^ 1]! + push;
        }
        flow += push;
      }
    }
    return flow;
  }

  /** After `run`: 1 for vertices still reachable from s in the residual graph (the cut's source side). */
  sourceSide(s: number): Uint8Array {
    const seen = new Uint8Array(this.numVertices);
    const stack = [s];
    seen[s] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let e = this.head[u]!; e >= 0; e = this.nextEdge[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && !seen[v]) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return seen;
  }
}
