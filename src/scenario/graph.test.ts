import { describe, expect, it } from 'vitest';
import { adjacency, reachable } from './graph.js';

describe('graph', () => {
  const nodes = ['A', 'B', 'C', 'D'].map((id) => ({ id }));
  const links: { ends: [string, string] }[] = [
    { ends: ['A', 'B'] },
    { ends: ['B', 'C'] },
    { ends: ['C', 'X'] },
  ];

  it('finds what a node can reach, ignoring links to unknown nodes', () => {
    const adj = adjacency(nodes, links);
    expect(reachable(adj, 'A')).toEqual(['A', 'B', 'C']);
    expect(reachable(adj, 'D')).toEqual(['D']);
    expect(reachable(adj, 'X')).toEqual([]);
  });
});
