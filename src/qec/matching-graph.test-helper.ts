// Hand-built matching graphs for tests: edges given directly with their weights.
import { detectorAdjacency, type MatchingGraph } from './matching-graph.js';

export interface TestEdge {
  a: number;
  /** -1 for the boundary. */
  b: number;
  weight: number;
  observables?: number;
}

export function graphFromEdges(
  numDetectors: number,
  edges: readonly TestEdge[],
  numObservables = 1,
): MatchingGraph {
  const numEdges = edges.length;
  const edgeA = new Int32Array(numEdges);
  const edgeB = new Int32Array(numEdges);
  const edgeWeight = new Float64Array(numEdges);
  const edgeProbability = new Float64Array(numEdges);
  const edgeObservables = new Uint32Array(numEdges);
  edges.forEach((e, i) => {
    edgeA[i] = e.a;
    edgeB[i] = e.b;
    edgeWeight[i] = e.weight;
    edgeProbability[i] = 1 / (1 + Math.exp(e.weight));
    edgeObservables[i] = e.observables ?? 0;
  });
  const { adjacencyStart, adjacencyEdges } = detectorAdjacency(numDetectors, edgeA, edgeB);
  return {
    numDetectors,
    numObservables,
    numEdges,
    edgeA,
    edgeB,
    edgeProbability,
    edgeWeight,
    edgeObservables,
    adjacencyStart,
    adjacencyEdges,
  };
}

/** All-pairs shortest distances (Floyd–Warshall) with the boundary as node n. */
export function allPairs(graph: MatchingGraph): Float64Array {
  const n = graph.numDetectors + 1;
  const d = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let e = 0; e < graph.numEdges; e++) {
    const a = graph.edgeA[e] as number;
    const bRaw = graph.edgeB[e] as number;
    const b = bRaw < 0 ? n - 1 : bRaw;
    const w = graph.edgeWeight[e] as number;
    if (w < (d[a * n + b] as number)) {
      d[a * n + b] = w;
      d[b * n + a] = w;
    }
  }
  for (let m = 0; m < n; m++) {
    for (let i = 0; i < n; i++) {
      const dim = d[i * n + m] as number;
      if (dim === Number.POSITIVE_INFINITY) continue;
      for (let j = 0; j < n; j++) {
        const c = dim + (d[m * n + j] as number);
        if (c < (d[i * n + j] as number)) d[i * n + j] = c;
      }
    }
  }
  return d;
}

/** Brute-force minimum over every way to pair the fired detectors or send them to the boundary. */
export function bruteForceMatchingWeight(graph: MatchingGraph, fired: readonly number[]): number {
  const n = graph.numDetectors + 1;
  const d = allPairs(graph);
  const used = new Uint8Array(fired.length);
  let best = Number.POSITIVE_INFINITY;
  const rec = (acc: number): void => {
    if (acc >= best) return;
    let i = 0;
    while (i < fired.length && used[i]) i++;
    if (i === fired.length) {
      best = acc;
      return;
    }
    const u = fired[i] as number;
    used[i] = 1;
    rec(acc + (d[u * n + n - 1] as number));
    for (let j = i + 1; j < fired.length; j++) {
      if (used[j]) continue;
      used[j] = 1;
      rec(acc + (d[u * n + (fired[j] as number)] as number));
      used[j] = 0;
    }
    used[i] = 0;
  };
  rec(0);
  return best;
}
