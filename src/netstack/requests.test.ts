import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { admitRequest, type EntanglementRequest, validateRequest } from './requests.js';
import type { QuantumGraph, QuantumLink } from './routing.js';

const link = (id: string, a: string, b: string, rateHz: number, fidelity: number): QuantumLink => ({
  id,
  a,
  b,
  rateHz,
  fidelity,
  lengthKm: 10,
  delayPs: 0,
});

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

const base = { id: 'r1', src: 'A', dst: 'D', minFidelity: 0.7, pairs: 10 };

function errorAt(input: unknown): { path: unknown; message: string } {
  try {
    validateRequest(input, ['requests', 0]);
  } catch (e) {
    if (e instanceof QnetError) return { path: e.where.path, message: e.message };
    throw e;
  }
  throw new Error('expected a QnetError');
}

describe('validateRequest', () => {
  it('accepts a well-formed request and keeps its fields', () => {
    expect(validateRequest({ ...base, deadlinePs: 5, priority: 2 })).toEqual({
      ...base,
      deadlinePs: 5,
      priority: 2,
    });
    expect(validateRequest({ id: 's', src: 'A', dst: 'B', minFidelity: 0.9, rateHz: 50 })).toEqual({
      id: 's',
      src: 'A',
      dst: 'B',
      minFidelity: 0.9,
      rateHz: 50,
    });
  });

  it('names the offending field', () => {
    expect(errorAt({ ...base, pairs: undefined }).path).toEqual(['requests', 0, 'pairs']);
    expect(errorAt({ ...base, rateHz: 3 }).path).toEqual(['requests', 0, 'rateHz']);
    expect(errorAt({ ...base, minFidelity: 1.2 }).path).toEqual(['requests', 0, 'minFidelity']);
    expect(errorAt({ ...base, pairs: 2.5 }).path).toEqual(['requests', 0, 'pairs']);
    expect(errorAt({ ...base, src: '' }).path).toEqual(['requests', 0, 'src']);
    expect(errorAt({ ...base, dst: 'A' }).path).toEqual(['requests', 0, 'dst']);
    expect(errorAt({ ...base, deadlinePs: -1 }).path).toEqual(['requests', 0, 'deadlinePs']);
    expect(errorAt({ ...base, priority: 0 }).path).toEqual(['requests', 0, 'priority']);
    expect(errorAt({ ...base, colour: 'red' }).path).toEqual(['requests', 0, 'colour']);
    expect(errorAt({ ...base, id: 7 }).message).toMatch(/id must be a string/);
    expect(errorAt(null).path).toEqual(['requests', 0]);
  });
});

describe('admitRequest', () => {
  const req = (r: Partial<EntanglementRequest>): EntanglementRequest => ({ ...base, ...r });
  const stream = (rateHz: number): EntanglementRequest => ({
    id: 's',
    src: 'A',
    dst: 'D',
    minFidelity: 0.95,
    rateHz,
  });

  it('admits on the fast route when it is good enough, else on the clean route', () => {
    const loose = admitRequest(req({ minFidelity: 0.7 }), graph);
    expect(loose.admitted && loose.route.nodes).toEqual(['A', 'B', 'D']);
    const strict = admitRequest(req({ minFidelity: 0.95 }), graph);
    expect(strict.admitted && strict.route.nodes).toEqual(['A', 'C', 'E', 'D']);
  });

  it('refuses, with a reason, a fidelity no route reaches', () => {
    const r = admitRequest(req({ minFidelity: 0.99 }), graph);
    expect(r.admitted).toBe(false);
    if (!r.admitted) {
      expect(r.refusal).toBe('fidelity');
      expect(r.reason).toMatch(
        /best achievable fidelity 0\.97\d+ \(route A–C–E–D\) is below minFidelity 0\.99/,
      );
    }
  });

  it('refuses a rate above the route capacity, and a pair count that cannot meet its deadline', () => {
    const r = admitRequest(stream(60), graph);
    expect(!r.admitted && r.refusal).toBe('rate');
    expect(!r.admitted && r.reason).toMatch(/exceeds the capacity 54\.5\d Hz of route A–C–E–D/);
    const ok = admitRequest(stream(50), graph);
    expect(ok.admitted).toBe(true);
    // 100 pairs at ≈ 54.5 Hz take ≈ 1.83 s.
    const late = admitRequest(req({ pairs: 100, minFidelity: 0.95, deadlinePs: 1e12 }), graph);
    expect(!late.admitted && late.refusal).toBe('deadline');
    expect(admitRequest(req({ pairs: 100, minFidelity: 0.95, deadlinePs: 2e12 }), graph).admitted).toBe(true);
  });

  it('refuses a disconnected pair of nodes and rejects an unknown one', () => {
    const r = admitRequest(req({ dst: 'Z' }), graph);
    expect(!r.admitted && r.refusal).toBe('no-route');
    expect(!r.admitted && r.reason).toMatch(/between A and Z/);
    expect(() => admitRequest(req({ dst: 'Q' }), graph)).toThrow(/no node named 'Q'/);
  });
});
