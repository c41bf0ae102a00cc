import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { shortestPath } from './shortest-path.js';

const edges = [
  { id: 'ab', a: 'A', b: 'B', w: 1 },
  { id: 'bc', a: 'B', b: 'C', w: 1 },
  { id: 'ac', a: 'A', b: 'C', w: 5 },
  { id: 'de', a: 'D', b: 'E', w: 1 },
];
const w = (e: { id: string }) => edges.find((x) => x.id === e.id)!.w;

describe('shortestPath', () => {
  it('finds the cheapest route, not the fewest hops', () => {
    expect(shortestPath(['A', 'B', 'C', 'D', 'E'], edges, 'A', 'C', w)).toEqual({
      nodes: ['A', 'B', 'C'],
      edges: ['ab', 'bc'],
      cost: 2,
    });
  });

  it('says when two nodes are not connected, and refuses unknown nodes', () => {
    expect(shortestPath(['A', 'B', 'C', 'D', 'E'], edges, 'A', 'E', w)).toBeUndefined();
    expect(() => shortestPath(['A'], [], 'A', 'Z', () => 1)).toThrow(QnetError);
  });

  it('property: on a random line, the cost is the sum of the weights between the two ends', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 }), (ws) => {
        const nodes = ws.map((_, i) => `n${i}`).concat(`n${ws.length}`);
        const line = ws.map((x, i) => ({ id: `e${i}`, a: `n${i}`, b: `n${i + 1}`, x }));
        const p = shortestPath(nodes, line, 'n0', `n${ws.length}`, (e) => line.find((l) => l.id === e.id)!.x);
        return p !== undefined && p.cost === ws.reduce((s, x) => s + x, 0) && p.nodes.length === nodes.length;
      }),
    );
  });
});
