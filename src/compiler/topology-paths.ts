// Hop counts and next hops between QPUs (breadth-first search from every QPU; links are unweighted
// because every link crossed costs one Bell pair).

export interface ShortestPaths {
  /** hops[a][b]: links on a shortest path; Infinity when b is unreachable from a. */
  readonly hops: number[][];
  /** next[a][b]: the neighbour of a on a shortest path to b (the lowest-numbered one); a when a = b. */
  readonly next: number[][];
}

export function shortestPaths(numQpus: number, links: readonly (readonly [number, number])[]): ShortestPaths {
  const adj: number[][] = Array.from({ length: numQpus }, () => []);
  for (const [a, b] of links) {
    adj[a]!.push(b);
    adj[b]!.push(a);
  }
  for (const list of adj) list.sort((x, y) => x - y);
  const hops: number[][] = Array.from({ length: numQpus }, () => []);
  const next: number[][] = Array.from({ length: numQpus }, () => []);
  for (let dst = 0; dst < numQpus; dst++) {
    // BFS from the destination gives every node its distance and its first step towards it.
    const dist = new Array<number>(numQpus).fill(Number.POSITIVE_INFINITY);
    const step = new Array<number>(numQpus).fill(-1);
    dist[dst] = 0;
    step[dst] = dst;
    const queue = [dst];
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h]!;
      for (const v of adj[u]!) {
        if (dist[v] !== Number.POSITIVE_INFINITY) continue;
        dist[v] = dist[u]! + 1;
        step[v] = u;
        queue.push(v);
      }
    }
    for (let src = 0; src < numQpus; src++) {
      hops[src]![dst] = dist[src]!;
      next[src]![dst] = step[src]!;
    }
  }
  return { hops, next };
}
