import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { parseScenario } from './load.js';
import { generateTraffic } from './traffic.js';

// A chain A – B – C of entanglement links, and D joined to the others by fibre only.
const NET = `name: req
nodes:
  - { id: A, kind: qpu }
  - { id: B, kind: qpu }
  - { id: C, kind: qpu }
  - { id: D, kind: qpu }
  - { id: H, kind: host }
links:
  - { ends: [A, B], lengthKm: 1 }
  - { ends: [B, C], lengthKm: 1 }
  - { ends: [C, D], lengthKm: 1 }
  - { ends: [D, H], lengthKm: 1 }
entanglement:
  - { ends: [A, B] }
  - { ends: [B, C] }
`;
const withRequest = (r: string) => `${NET}requests:\n  - ${r}\n`;
const withTraffic = (t: string) => `${NET}traffic:\n  - ${t}\n`;

function failure(text: string): QnetError {
  try {
    parseScenario(text, 'req.yaml');
  } catch (e) {
    if (e instanceof QnetError) return e;
    throw e;
  }
  throw new Error('expected a QnetError');
}

describe('requests and traffic in a scenario', () => {
  it('default to FIFO scheduling, latency routing and submission at 0', () => {
    const s = parseScenario(withRequest('{ src: A, dst: C, minFidelity: 0.5, pairs: 3 }'), 'req.yaml');
    expect(s.scheduler).toEqual({ policy: 'fifo', routing: 'latency' });
    expect(s.requests).toEqual([{ src: 'A', dst: 'C', minFidelity: 0.5, pairs: 3, startUs: 0 }]);
  });

  const bad: [string, string, RegExp][] = [
    [
      'a request to an unknown node',
      withRequest('{ src: A, dst: Q, minFidelity: 0.5, pairs: 3 }'),
      /^req\.yaml:\d+:\d+: requests\[0\]\.dst: unknown node 'Q' in dst/,
    ],
    [
      'a request with no route',
      withRequest('{ src: A, dst: D, minFidelity: 0.5, pairs: 3 }'),
      /^req\.yaml:\d+:\d+: requests\[0\]\.dst: no quantum route between 'A' and 'D'/,
    ],
    [
      'a request to a host',
      withRequest('{ src: H, dst: A, minFidelity: 0.5, pairs: 3 }'),
      /requests\[0\]\.src: node 'H' in src is a host, not a qpu/,
    ],
    [
      'a request for pairs and a rate at once',
      withRequest('{ src: A, dst: B, minFidelity: 0.5, pairs: 3, rateHz: 10 }'),
      /requests\[0\]\.rateHz: give `pairs` or `rateHz`, not both/,
    ],
    [
      'a request for neither pairs nor a rate',
      withRequest('{ src: A, dst: B, minFidelity: 0.5 }'),
      /requests\[0\]: a request needs `pairs` or `rateHz`/,
    ],
    [
      'a fidelity above 1',
      withRequest('{ src: A, dst: B, minFidelity: 1.2, pairs: 1 }'),
      /requests\[0\]\.minFidelity: minFidelity must be <= 1/,
    ],
    [
      'an inverted range',
      withTraffic('{ count: 5, arrivalRateHz: 10, pairs: [5, 2], minFidelity: [0.5, 0.6], nodes: [A, C] }'),
      /traffic\[0\]\.pairs: pairs range \[5, 2\] has its minimum above its maximum/,
    ],
    [
      'traffic between nodes no chain of links joins',
      withTraffic('{ count: 5, arrivalRateHz: 10, minFidelity: [0.5, 0.6], nodes: [A, B, D] }'),
      /traffic\[0\]\.nodes: no quantum route between 'A' and 'D'/,
    ],
    [
      'traffic over every QPU when one is cut off',
      withTraffic('{ count: 5, arrivalRateHz: 10, minFidelity: [0.5, 0.6] }'),
      /traffic\[0\]: no quantum route between 'A' and 'D'/,
    ],
    [
      'traffic naming an unknown node',
      withTraffic('{ count: 5, arrivalRateHz: 10, minFidelity: [0.5, 0.6], nodes: [A, X] }'),
      /traffic\[0\]\.nodes\[1\]: unknown node 'X'/,
    ],
  ];
  for (const [what, text, pattern] of bad) {
    it(`refuses ${what}, naming the field`, () => {
      const e = failure(text);
      expect(e.exitCode).toBe(2);
      expect(e.format()).toMatch(pattern);
      expect(e.hint).toBeTruthy();
    });
  }
});

describe('generateTraffic', () => {
  const traffic = parseScenario(
    withTraffic(
      '{ count: 400, arrivalRateHz: 100, pairs: [2, 4], minFidelity: [0.6, 0.7], deadlineUs: [10, 20], priority: [1, 3], nodes: [A, B, C] }',
    ),
    'req.yaml',
  ).traffic[0]!;
  const nodes = ['A', 'B', 'C'];

  it('draws every field within its range, between two different nodes, in arrival order', () => {
    const out = generateTraffic(traffic, 't', nodes, Rng.fromSeed(1));
    expect(out).toHaveLength(400);
    expect(out.map((r) => r.id).slice(0, 2)).toEqual(['t-0', 't-1']);
    for (const r of out) {
      expect(r.src).not.toBe(r.dst);
      expect(nodes).toContain(r.src);
      expect([2, 3, 4]).toContain(r.pairs);
      expect([1, 2, 3]).toContain(r.priority);
      expect(r.minFidelity).toBeGreaterThanOrEqual(0.6);
      expect(r.minFidelity).toBeLessThanOrEqual(0.7);
      expect(r.deadlineUs).toBeGreaterThanOrEqual(10);
    }
    for (let k = 1; k < out.length; k++) expect(out[k]!.startUs).toBeGreaterThan(out[k - 1]!.startUs);
    // Poisson arrivals at 100 Hz: the last of 400 near 4 s (s.d. 0.2 s).
    expect(out.at(-1)!.startUs / 1e6).toBeGreaterThan(3.2);
    expect(out.at(-1)!.startUs / 1e6).toBeLessThan(4.8);
    for (const n of nodes) expect(out.filter((r) => r.src === n).length).toBeGreaterThan(100);
  });

  it('is reproducible, and its own seed keeps it when the scenario seed changes', () => {
    expect(generateTraffic(traffic, 't', nodes, Rng.fromSeed(1))).toEqual(
      generateTraffic(traffic, 't', nodes, Rng.fromSeed(1)),
    );
    expect(generateTraffic(traffic, 't', nodes, Rng.fromSeed(2))).not.toEqual(
      generateTraffic(traffic, 't', nodes, Rng.fromSeed(1)),
    );
    const own = { ...traffic, seed: 9 };
    expect(generateTraffic(own, 't', nodes, Rng.fromSeed(2))).toEqual(
      generateTraffic(own, 't', nodes, Rng.fromSeed(1)),
    );
  });

  it('with perNode, has every node issue its own requests', () => {
    const out = generateTraffic({ ...traffic, perNode: true, count: 5 }, 'p', nodes, Rng.fromSeed(1));
    expect(out).toHaveLength(15);
    for (const n of nodes) expect(out.filter((r) => r.src === n)).toHaveLength(5);
    expect(new Set(out.map((r) => r.id)).size).toBe(15);
  });
});
