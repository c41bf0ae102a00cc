// The detector graph a matching decoder works on: one node per detector plus a virtual boundary,
// one edge per graph-like error component (Dennis et al., J. Math. Phys. 43, 4452, 2002, §IV;
// Higgott & Gidney, arXiv:2303.15933, §2).
import { QnetError } from '../util/errors.js';
import type { DetectorErrorModel } from './dem.js';

export interface MatchingGraph {
  numDetectors: number;
  /** At most 32: observable masks are 32-bit. */
  numObservables: number;
  numEdges: number;
  /** A detector. */
  edgeA: Int32Array;
  /** A detector, or -1 for the boundary. */
  edgeB: Int32Array;
  edgeProbability: Float64Array;
  /** ln((1 - p) / p), clamped to 0 for p >= 0.5. */
  edgeWeight: Float64Array;
  /** Bitmask of the observables the edge flips. */
  edgeObservables: Uint32Array;
  /** CSR over detectors: edges touching detector d are adjacencyEdges[adjacencyStart[d] .. adjacencyStart[d + 1]). */
  adjacencyStart: Int32Array;
  adjacencyEdges: Int32Array;
}

export interface Decoder {
  readonly name: string;
  /** Predicted observable flips (bitmask) for one shot given its fired detectors fired[0..count). */
  decode(fired: Int32Array, count: number): number;
}

export const BOUNDARY = -1;

/** Maximum number of logical observables a mask can carry. */
export const MAX_OBSERVABLES = 32;

/** Log-likelihood weight of an edge; independent flips: Dennis et al. 2002, eq. (38). */
export function edgeWeightOf(probability: number): number {
  // p >= 0.5 carries no evidence against the edge (p > 0.5 would need a negative weight, which
  // neither Dijkstra nor the blossom step accept), so it becomes a free edge.
  if (probability >= 0.5) return 0;
  return Math.log((1 - probability) / probability);
}

/** XOR-combination of two independent flips of the same edge: p = p1(1-p2) + p2(1-p1). */
export function combineFlipProbabilities(p1: number, p2: number): number {
  return p1 * (1 - p2) + p2 * (1 - p1);
}

/**
 * Builds the matching graph of a detector error model. Every `^`-component of every error is an
 * edge: one detector gives a boundary edge, two a detector-detector edge, none is ignored (it
 * cannot be seen, so no decoder can correct it), more than two is an error. Parallel edges merge
 * into one flipping with p1(1-p2) + p2(1-p1); when they flip different observables the merged edge
 * keeps the observables of the more likely one (the other's logical effect is then mis-predicted
 * whenever it alone fires — the same approximation every matching decoder makes). Errors with
 * p = 0 are dropped; p in [0.5, 1] gives a zero-weight edge.
 */
export function matchingGraphFromDem(dem: DetectorErrorModel): MatchingGraph {
  const numDetectors = dem.numDetectors;
  if (dem.numObservables > MAX_OBSERVABLES) {
    throw new QnetError(
      'E_DEM_TOO_MANY_OBSERVABLES',
      `the detector error model has ${dem.numObservables} logical observables; the matching decoder supports at most ${MAX_OBSERVABLES}`,
      { hint: 'decode observables in groups of at most 32 by splitting the circuit' },
    );
  }
  // Key for an unordered pair (a, b) with b = -1 for the boundary.
  const index = new Map<number, number>();
  const a: number[] = [];
  const b: number[] = [];
  const prob: number[] = [];
  const obs: number[] = [];
  // Probability of the mechanism that currently sets the observables of each merged edge.
  const obsOwnerProb: number[] = [];
  const stride = numDetectors + 1;

  for (let e = 0; e < dem.errors.length; e++) {
    const error = dem.errors[e] as (typeof dem.errors)[number];
    const p = error.probability;
    if (!(p >= 0 && p <= 1)) {
      throw new QnetError('E_DEM_PROBABILITY', `error ${e} has probability ${p}, outside [0, 1]`, {
        path: ['errors', e, 'probability'],
      });
    }
    if (p === 0) continue;
    for (let c = 0; c < error.components.length; c++) {
      const term = error.components[c] as (typeof error.components)[number];
      const dets = term.detectors;
      if (dets.length === 0) continue;
      if (dets.length > 2) {
        throw new QnetError(
          'E_DEM_NOT_GRAPHLIKE',
          `error ${e} flips ${dets.length} detectors (${dets.join(', ')}) in one component; a matching decoder needs at most 2`,
          {
            path: ['errors', e, 'components', c],
            hint: 'generate the model with decompose_errors=True (Stim) so every component flips at most two detectors',
          },
        );
      }
      let mask = 0;
      for (const o of term.observables) {
        if (!(Number.isInteger(o) && o >= 0 && o < dem.numObservables)) {
          throw new QnetError(
            'E_DEM_OBSERVABLE',
            `error ${e} names observable ${o}, outside 0..${dem.numObservables - 1}`,
            {
              path: ['errors', e, 'components', c],
            },
          );
        }
        mask ^= 1 << o;
      }
      mask >>>= 0;
      for (const d of dets) {
        if (!(Number.isInteger(d) && d >= 0 && d < numDetectors)) {
          throw new QnetError(
            'E_DEM_DETECTOR',
            `error ${e} names detector ${d}, outside 0..${numDetectors - 1}`,
            {
              path: ['errors', e, 'components', c],
            },
          );
        }
      }
      const u = dets[0] as number;
      const v = dets.length === 2 ? (dets[1] as number) : BOUNDARY;
      const lo = v === BOUNDARY ? u : Math.min(u, v);
      const hi = v === BOUNDARY ? BOUNDARY : Math.max(u, v);
      const key = lo * stride + (hi + 1);
      const existing = index.get(key);
      if (existing === undefined) {
        index.set(key, a.length);
        a.push(lo);
        b.push(hi);
        prob.push(p);
        obs.push(mask);
        obsOwnerProb.push(p);
      } else {
        prob[existing] = combineFlipProbabilities(prob[existing] as number, p);
        if (p > (obsOwnerProb[existing] as number)) {
          obs[existing] = mask;
          obsOwnerProb[existing] = p;
        }
      }
    }
  }

  const numEdges = a.length;
  const edgeA = Int32Array.from(a);
  const edgeB = Int32Array.from(b);
  const edgeProbability = Float64Array.from(prob);
  const edgeWeight = new Float64Array(numEdges);
  for (let i = 0; i < numEdges; i++) edgeWeight[i] = edgeWeightOf(edgeProbability[i] as number);
  const edgeObservables = Uint32Array.from(obs);

  const { adjacencyStart, adjacencyEdges } = detectorAdjacency(numDetectors, edgeA, edgeB);

  return {
    numDetectors,
    numObservables: dem.numObservables,
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

/** CSR adjacency over detectors: the edges touching detector d are adjacencyEdges[start[d] .. start[d + 1]). */
export function detectorAdjacency(
  numDetectors: number,
  edgeA: Int32Array,
  edgeB: Int32Array,
): { adjacencyStart: Int32Array; adjacencyEdges: Int32Array } {
  const numEdges = edgeA.length;
  const adjacencyStart = new Int32Array(numDetectors + 1);
  for (let i = 0; i < numEdges; i++) {
    const u = edgeA[i] as number;
    adjacencyStart[u + 1] = (adjacencyStart[u + 1] as number) + 1;
    const v = edgeB[i] as number;
    if (v !== BOUNDARY) adjacencyStart[v + 1] = (adjacencyStart[v + 1] as number) + 1;
  }
  for (let d = 0; d < numDetectors; d++) {
    adjacencyStart[d + 1] = (adjacencyStart[d + 1] as number) + (adjacencyStart[d] as number);
  }
  const fill = adjacencyStart.slice(0, numDetectors);
  const adjacencyEdges = new Int32Array(adjacencyStart[numDetectors] as number);
  for (let i = 0; i < numEdges; i++) {
    const u = edgeA[i] as number;
    const su = fill[u] as number;
    adjacencyEdges[su] = i;
    fill[u] = su + 1;
    const v = edgeB[i] as number;
    if (v !== BOUNDARY) {
      const sv = fill[v] as number;
      adjacencyEdges[sv] = i;
      fill[v] = sv + 1;
    }
  }
  return { adjacencyStart, adjacencyEdges };
}
