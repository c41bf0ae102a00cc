// A Clifford circuit of 1,000 qubits split over four QPUs on the stabilizer path: its outcome
// statistics must be those of the monolithic run (same deterministic bits, same marginals and
// neighbour parities within 4 standard errors).
import { describe, expect, it } from 'vitest';
import { randomCliffordCircuit } from '../circuit/generators.js';
import { compileCircuit } from '../compiler/compile.js';
import { shapedTopology } from '../compiler/topology-shapes.js';
import { simulateCircuit } from '../state/simulate.js';
import { Rng } from '../util/rng.js';
import { executeProgram } from './execute.js';

const N = 1000;
const SHOTS = 2000;

/** Per-bit frequency of 1 and per-neighbour-pair frequency of odd parity; key char 0 is bit N−1. */
function statistics(counts: Record<string, number>): { ones: Float64Array; odd: Float64Array } {
  const ones = new Float64Array(N);
  const odd = new Float64Array(N - 1);
  for (const [key, c] of Object.entries(counts)) {
    for (let b = 0; b < N; b++) if (key[N - 1 - b] === '1') ones[b]! += c;
    for (let b = 0; b + 1 < N; b++) if (key[N - 1 - b] !== key[N - 2 - b]) odd[b]! += c;
  }
  for (let b = 0; b < N; b++) ones[b]! /= SHOTS;
  for (let b = 0; b + 1 < N; b++) odd[b]! /= SHOTS;
  return { ones, odd };
}

describe('a 1,000-qubit Clifford circuit across 4 QPUs', () => {
  it('has the monolithic outcome statistics', () => {
    const circuit = randomCliffordCircuit(N, { depth: 3, local: false, mirror: false }, Rng.fromSeed(11));
    const { program } = compileCircuit(circuit, shapedTopology('all-to-all', 4, N / 4, 4), { seed: 1 });
    expect(program.stats.ebits).toBeGreaterThan(100);
    const dist = executeProgram(program, { seed: 2, shots: SHOTS, ideal: true, probabilities: false });
    expect(dist.engine).toMatch(/stabilizer|frame/);
    const mono = simulateCircuit(circuit, { shots: SHOTS, seed: 3, engine: 'stabilizer' });
    const a = statistics(dist.counts!);
    const b = statistics(mono.counts!);
    // Two independent samples of a Bernoulli(p ≤ 1/2) frequency differ by at most 4·√(2·¼/SHOTS).
    const tol = 4 * Math.sqrt(0.5 / SHOTS);
    let deterministic = 0;
    for (let q = 0; q < N; q++) {
      const isFixed = b.ones[q] === 0 || b.ones[q] === 1;
      if (isFixed) {
        deterministic++;
        expect(a.ones[q]).toBe(b.ones[q]);
      } else expect(Math.abs(a.ones[q]! - b.ones[q]!)).toBeLessThan(tol);
    }
    for (let q = 0; q + 1 < N; q++) {
      if (b.odd[q] === 0 || b.odd[q] === 1) expect(a.odd[q]).toBe(b.odd[q]);
      else expect(Math.abs(a.odd[q]! - b.odd[q]!)).toBeLessThan(tol);
    }
    expect(deterministic).toBeLessThan(N);
  }, 60_000);
});
