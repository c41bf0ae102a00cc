import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import type { DemError, DetectorErrorModel } from './dem.js';
import { combineFlipProbabilities, edgeWeightOf, matchingGraphFromDem } from './matching-graph.js';

const dem = (numDetectors: number, errors: DemError[], numObservables = 1): DetectorErrorModel => ({
  numDetectors,
  numObservables,
  errors,
  detectorCoords: new Map(),
});
const term = (detectors: number[], observables: number[] = []) => ({ detectors, observables });

describe('matchingGraphFromDem', () => {
  it('makes one edge per component: detector pairs, boundary edges, ignores empty components', () => {
    const g = matchingGraphFromDem(
      dem(3, [
        { probability: 0.01, components: [term([0, 1])] },
        { probability: 0.02, components: [term([2], [0])] },
        { probability: 0.03, components: [term([1, 2]), term([0], [0])] },
        { probability: 0.04, components: [term([], [0])] },
      ]),
    );
    expect(g.numEdges).toBe(4);
    const edges = Array.from({ length: g.numEdges }, (_, e) => [
      g.edgeA[e],
      g.edgeB[e],
      g.edgeObservables[e],
    ]);
    expect(edges).toEqual([
      [0, 1, 0],
      [2, -1, 1],
      [1, 2, 0],
      [0, -1, 1],
    ]);
    // ln((1 - p) / p): Dennis et al. 2002.
    expect(g.edgeWeight[0]).toBeCloseTo(Math.log(99), 12);
    // CSR adjacency lists every edge at each of its detectors, boundary edges once.
    const at = (d: number) =>
      Array.from(g.adjacencyEdges.subarray(g.adjacencyStart[d], g.adjacencyStart[d + 1])).sort();
    expect(at(0)).toEqual([0, 3]);
    expect(at(1)).toEqual([0, 2]);
    expect(at(2)).toEqual([1, 2]);
  });

  it('merges parallel edges as independent XOR flips and keeps the likelier mechanism’s observables', () => {
    const g = matchingGraphFromDem(
      dem(2, [
        { probability: 0.1, components: [term([1, 0])] },
        { probability: 0.2, components: [term([0, 1], [0])] },
        { probability: 0.05, components: [term([0, 1])] },
        { probability: 0.3, components: [term([1])] },
        { probability: 0.3, components: [term([1])] },
      ]),
    );
    expect(g.numEdges).toBe(2);
    const p01 = combineFlipProbabilities(combineFlipProbabilities(0.1, 0.2), 0.05);
    expect(g.edgeProbability[0]).toBeCloseTo(p01, 15);
    expect(g.edgeObservables[0]).toBe(1);
    expect(g.edgeProbability[1]).toBeCloseTo(2 * 0.3 * 0.7, 15);
    expect(g.edgeWeight[1]).toBeCloseTo(Math.log(0.58 / 0.42), 12);
  });

  it('drops p = 0 errors and gives p >= 0.5 a zero weight', () => {
    const g = matchingGraphFromDem(
      dem(2, [
        { probability: 0, components: [term([0, 1])] },
        { probability: 0.5, components: [term([0])] },
        { probability: 0.9, components: [term([1])] },
      ]),
    );
    expect(g.numEdges).toBe(2);
    expect(Array.from(g.edgeWeight)).toEqual([0, 0]);
    expect(edgeWeightOf(0.25)).toBeCloseTo(Math.log(3), 12);
  });

  it('rejects hyperedges, too many observables, bad indices and probabilities', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(QnetError);
        return (e as QnetError).code;
      }
      return 'none';
    };
    expect(
      code(() => matchingGraphFromDem(dem(3, [{ probability: 0.1, components: [term([0, 1, 2])] }]))),
    ).toBe('E_DEM_NOT_GRAPHLIKE');
    expect(code(() => matchingGraphFromDem(dem(3, [], 33)))).toBe('E_DEM_TOO_MANY_OBSERVABLES');
    expect(code(() => matchingGraphFromDem(dem(3, [{ probability: 0.1, components: [term([3])] }])))).toBe(
      'E_DEM_DETECTOR',
    );
    expect(
      code(() => matchingGraphFromDem(dem(3, [{ probability: 0.1, components: [term([0], [1])] }]))),
    ).toBe('E_DEM_OBSERVABLE');
    expect(code(() => matchingGraphFromDem(dem(3, [{ probability: 1.5, components: [term([0])] }])))).toBe(
      'E_DEM_PROBABILITY',
    );
  });

  it('carries observable 31 in the top bit of the mask', () => {
    const g = matchingGraphFromDem(dem(1, [{ probability: 0.1, components: [term([0], [31])] }], 32));
    expect(g.edgeObservables[0]).toBe(2 ** 31);
  });
});
