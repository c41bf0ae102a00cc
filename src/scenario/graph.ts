// The network as a graph of node ids joined by links, for questions such as "can a ping reach?".

export type Adjacency = ReadonlyMap<string, readonly string[]>;

/** Neighbours of every node; links naming unknown nodes are ignored (they are reported elsewhere). */
export function adjacency(
  nodes: readonly { readonly id: string }[],
  links: readonly { readonly ends: readonly [string, string] }[],
): Adjacency {
  const adj = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const { ends } of links) {
    const [a, b] = ends;
    const fromA = adj.get(a);
    const fromB = adj.get(b);
    if (fromA === undefined || fromB === undefined) continue;
    fromA.push(b);
    fromB.push(a);
  }
  return adj;
}

/** Every node reachable from `start` (itself included), in breadth-first order. */
export function reachable(adj: Adjacency, start: string): string[] {
  if (!adj.has(start)) return [];
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of adj.get(queue[i]!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return queue;
}
