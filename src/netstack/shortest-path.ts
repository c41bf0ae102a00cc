// Dijkstra over an undirected graph with non-negative edge weights. Ties break on insertion order of
// the edges, so the same graph always yields the same path.
import { QnetError } from '../util/errors.js';

export interface GraphEdge {
  id: string;
  a: string;
  b: string;
}

export interface Path {
  nodes: string[];
  edges: string[];
  cost: number;
}

/**
 * The cheapest path from `src` to `dst` by `weight(edge)`, or undefined when they are not connected.
 * O(V^2) selection is fine for the network sizes a scenario names (hundreds of nodes).
 */
export function shortestPath(
  nodes: readonly string[],
  edges: readonly GraphEdge[],
  src: string,
  dst: string,
  weight: (edge: GraphEdge) => number,
): Path | undefined {
  const index = new Map(nodes.map((n, i) => [n, i]));
  const s = index.get(src);
  const t = index.get(dst);
  if (s === undefined || t === undefined) {
    throw new QnetError('E_UNKNOWN_NODE', `no node named '${s === undefined ? src : dst}'`, {
      hint: `known nodes: ${nodes.join(', ')}`,
    });
  }
  const adjacency: { to: number; edge: number }[][] = nodes.map(() => []);
  edges.forEach((e, k) => {
    const i = index.get(e.a);
    const j = index.get(e.b);
    if (i === undefined || j === undefined) throw new Error(`edge ${e.id} joins an unknown node`);
    const w = weight(e);
    if (!(w >= 0)) throw new Error(`edge ${e.id} has weight ${w}; Dijkstra needs non-negative weights`);
    adjacency[i]?.push({ to: j, edge: k });
    adjacency[j]?.push({ to: i, edge: k });
  });
  const dist = new Float64Array(nodes.length).fill(Number.POSITIVE_INFINITY);
  const via = new Int32Array(nodes.length).fill(-1);
  const done = new Uint8Array(nodes.length);
  dist[s] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < nodes.length; i++) if (!done[i] && (u < 0 || dist[i]! < dist[u]!)) u = i;
    if (u < 0 || dist[u] === Number.POSITIVE_INFINITY) break;
    if (u === t) break;
    done[u] = 1;
    for (const { to, edge } of adjacency[u] ?? []) {
      const d = dist[u]! + weight(edges[edge]!);
      if (d < dist[to]!) {
        dist[to] = d;
        via[to] = edge;
      }
    }
  }
  if (dist[t] === Number.POSITIVE_INFINITY) return undefined;
  const pathNodes = [dst];
  const pathEdges: string[] = [];
  for (let v = t; v !== s; ) {
    const e = edges[via[v]!]!;
    pathEdges.push(e.id);
    const prev = index.get(e.a) === v ? e.b : e.a;
    pathNodes.push(prev);
    v = index.get(prev)!;
  }
  return { nodes: pathNodes.reverse(), edges: pathEdges.reverse(), cost: dist[t]! };
}
