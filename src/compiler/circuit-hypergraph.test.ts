import { describe, expect, it } from 'vitest';
import { buildCircuitHypergraph } from './circuit-hypergraph.js';
import { circuitOf } from './test-circuits.test-helper.js';
import { sliceByLayers, twoQubitDepth } from './time-slices.js';

const pinsOf = (h: ReturnType<typeof buildCircuitHypergraph>['graph']) =>
  Array.from({ length: h.numEdges }, (_, e) => Array.from(h.pins.subarray(h.edgePtr[e]!, h.edgePtr[e + 1]!)));

describe('time slices and the circuit hypergraph', () => {
  const dc = circuitOf(3, [[0, 1], [0, -1], [0, 2], [0], [0, 1], [1, 2]]);

  it('cuts slices by two-qubit layers, never going back in op order', () => {
    expect(twoQubitDepth(dc)).toBe(4);
    expect(Array.from(sliceByLayers(dc, 2).sliceOfOp)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(sliceByLayers(dc, 0).numSlices).toBe(1);
  });

  it('makes one edge per run (a diagonal T does not end it, H does) and teleport edges', () => {
    const ch = buildCircuitHypergraph(dc, sliceByLayers(dc, 0));
    // Vertices: qubits 0..2, gates 3..6 (ops 0, 2, 4, 5).
    expect(Array.from(ch.gateOps)).toEqual([0, 2, 4, 5]);
    expect(
      pinsOf(ch.graph)
        .map((p) => p.join(','))
        .sort(),
    ).toEqual(['0,3,4', '0,5', '1,3,5,6', '2,4,6']);
    const timed = buildCircuitHypergraph(dc, sliceByLayers(dc, 2));
    // Two slices: qubit vertices 0..5, gates 6..9; three teleport edges at the end.
    expect(pinsOf(timed.graph).slice(-3)).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(timed.graph.numResources).toBe(2);
  });
});
