import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { RunningStats } from '../util/stats.js';
import { expectedParallelWaitS, findRoute, type QuantumGraph, type QuantumLink } from './routing.js';

const link = (
  id: string,
  a: string,
  b: string,
  rateHz: number,
  fidelity: number,
  delayPs = 0,
): QuantumLink => ({
  id,
  a,
  b,
  rateHz,
  fidelity,
  lengthKm: 10,
  delayPs,
});

// A–B–D is fast but noisy; A–C–E–D is slow but clean.
const graph: QuantumGraph = {
  nodes: ['A', 'B', 'C', 'D', 'E', 'Z'],
  links: [
    link('ab', 'A', 'B', 1000, 0.85),
    link('bd', 'B', 'D', 1000, 0.85),
    link('ac', 'A', 'C', 100, 0.99),
    link('ce', 'C', 'E', 100, 0.99),
    link('ed', 'E', 'D', 100, 0.99),
  ],
};

describe('findRoute', () => {
  it('the latency and fidelity criteria pick different routes on the same graph', () => {
    const fast = findRoute(graph, 'A', 'D', 'latency');
    expect(fast.nodes).toEqual(['A', 'B', 'D']);
    expect(fast.links).toEqual(['ab', 'bd']);
    expect(fast.latencyPs).toBe(2e9);
    const clean = findRoute(graph, 'A', 'D', 'fidelity');
    expect(clean.nodes).toEqual(['A', 'C', 'E', 'D']);
    // REFERENCES.md Werner swapping, applied link by link.
    const swapF = (f1: number, f2: number) => f1 * f2 + ((1 - f1) * (1 - f2)) / 3;
    expect(clean.fidelity).toBeCloseTo(swapF(swapF(0.99, 0.99), 0.99), 14);
    expect(fast.fidelity).toBeCloseTo(swapF(0.85, 0.85), 14);
    expect(clean.fidelity).toBeGreaterThan(fast.fidelity);
    expect(clean.latencyPs).toBeGreaterThan(fast.latencyPs);
  });

  it('classical delays count towards latency: a slow fibre flips the choice', () => {
    const g: QuantumGraph = {
      nodes: ['A', 'B', 'C'],
      links: [
        link('ab', 'A', 'B', 1e6, 0.9, 5e9),
        link('ac', 'A', 'C', 1e5, 0.9),
        link('cb', 'C', 'B', 1e5, 0.9),
      ],
    };
    expect(findRoute(g, 'A', 'B', 'latency').nodes).toEqual(['A', 'C', 'B']);
    expect(findRoute(g, 'A', 'B', 'fidelity').nodes).toEqual(['A', 'B']);
  });

  it('a disconnected pair of nodes is a QnetError naming both; so is an unknown node', () => {
    expect(() => findRoute(graph, 'A', 'Z', 'latency')).toThrow(/between A and Z/);
    expect(() => findRoute(graph, 'A', 'Q', 'fidelity')).toThrow(QnetError);
    // Links at F <= 1/4 carry no entanglement and cannot be routed through for fidelity.
    const g: QuantumGraph = { nodes: ['A', 'B'], links: [link('ab', 'A', 'B', 10, 0.25)] };
    expect(findRoute(g, 'A', 'B', 'latency').nodes).toEqual(['A', 'B']);
    expect(() => findRoute(g, 'A', 'B', 'fidelity')).toThrow(/between A and B/);
  });

  it('refuses impossible links, naming the field', () => {
    const bad: QuantumGraph = { nodes: ['A', 'B'], links: [link('ab', 'A', 'B', 0, 0.9)] };
    try {
      findRoute(bad, 'A', 'B', 'latency');
      expect.unreachable();
    } catch (e) {
      expect((e as QnetError).where.path).toEqual(['links', 0, 'rateHz']);
    }
  });
});

describe('route capacity', () => {
  it('equal rates: E[max of N exponentials] = H_N / r', () => {
    const h = (n: number) => Array.from({ length: n }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
    for (const n of [1, 2, 3, 8])
      expect(expectedParallelWaitS(new Array(n).fill(50))).toBeCloseTo(h(n) / 50, 14);
    expect(findRoute(graph, 'A', 'D', 'fidelity').capacityHz).toBeCloseTo(100 / h(3), 10);
  });

  it('unequal rates: within 3 SE of a Monte Carlo of the slowest of independent exponentials', () => {
    const rates = [100, 250, 40, 1000];
    const rng = Rng.fromSeed(4);
    const s = new RunningStats();
    for (let i = 0; i < 100_000; i++) s.add(Math.max(...rates.map((r) => rng.exponential(1 / r))));
    expect(Math.abs(s.mean - expectedParallelWaitS(rates))).toBeLessThan(3 * s.stdErr);
  });
});
