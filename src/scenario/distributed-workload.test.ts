import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { parseScenario } from './load.js';
import type { DistributedResult } from './run-distributed.js';
import { runScenario } from './run-scenario.js';

const BASE = `name: dqc
seed: 4
run: { untilUs: 100 }
nodes:
  - { id: A, kind: qpu, qubits: 8, qpu: heron-r3, transducer: transducer-2030-target }
  - { id: B, kind: qpu, qubits: 8, qpu: heron-r3, transducer: transducer-2030-target }
  - { id: C, kind: qpu, qubits: 8, qpu: heron-r3, transducer: transducer-2030-target }
  - { id: h, kind: host }
links:
  - { ends: [A, B], lengthKm: 0.05 }
  - { ends: [B, C], lengthKm: 0.05 }
  - { ends: [C, h], lengthKm: 0.05 }
entanglement:
  - { ends: [A, B], protocol: double-click }
  - { ends: [B, C], protocol: double-click }
workloads:
`;

function problem(workload: string): QnetError {
  try {
    parseScenario(`${BASE}  - ${workload}\n`, 'w.yaml');
  } catch (e) {
    if (e instanceof QnetError) return e;
    throw e;
  }
  throw new Error('expected the scenario to be refused');
}

const run = (workload: string, sets: string[] = []) =>
  runScenario(parseScenario(`${BASE}  - ${workload}\n`, 'w.yaml', sets)).workloads[0] as DistributedResult;

describe('distributed workloads', () => {
  it('an ideal run reads back the right answer every time', () => {
    const r = run('{ kind: distributed, circuit: qft-check, qubits: 6, value: 37, shots: 200, ideal: true }');
    expect(r.qpus).toEqual(['A', 'B', 'C']);
    expect(r.qubitsPerQpu).toBe(2);
    expect(r.ebits).toBeGreaterThan(0);
    expect(r.fidelityToIdeal).toBe(1);
  });

  it('noise lowers the output fidelity, and the same seed gives the same result', () => {
    const w = '{ kind: distributed, circuit: ghz, qubits: 12, shots: 400 }';
    const a = run(w);
    expect(a.fidelityToIdeal).toBeLessThan(1);
    expect(a.fidelityToIdeal).toBeGreaterThan(0.05);
    expect(run(w)).toEqual(a);
    expect(run(w, ['seed=5']).fidelityToIdeal).not.toBe(a.fidelityToIdeal);
  });

  it('works out the ideal of a random Clifford circuit by simulation', () => {
    const r = run(
      '{ kind: distributed, circuit: clifford-random, qubits: 4, depth: 3, shots: 4000, ideal: true }',
    );
    // Sampling alone keeps the estimate a little under 1 (a few outcomes of at most 16, 4,000 shots).
    expect(r.fidelityToIdeal).toBeGreaterThan(0.99);
  });

  it.each([
    ['{ kind: distributed, circuit: ghz, qubits: 4, qpus: [A, D] }', 'E_SCENARIO_REF', /qpus\[1\]/],
    [
      '{ kind: distributed, circuit: ghz, qubits: 4, qpus: [A, h] }',
      'E_SCENARIO_INVALID',
      /'h' is a host, not a qpu/,
    ],
    [
      '{ kind: distributed, circuit: ghz, qubits: 30 }',
      'E_COMPILE_CAPACITY',
      /has 8 qubits but the workload puts 10/,
    ],
    [
      '{ kind: distributed, circuit: ghz, qubits: 9, qubitsPerQpu: 2 }',
      'E_COMPILE_CAPACITY',
      /9 qubits do not fit/,
    ],
    ['{ kind: distributed, circuit: magic, qubits: 4 }', 'E_SCENARIO_INVALID', /circuit/],
  ])('refuses %s', (workload, code, text) => {
    const e = problem(workload);
    expect(e.format()).toMatch(text);
    expect(e.format()).toContain('w.yaml');
    if (code !== 'E_SCENARIO_INVALID') expect(e.format()).toMatch(code === 'E_SCENARIO_REF' ? /D/ : /qubit/);
  });

  it('refuses QPUs with no entanglement link between them', () => {
    const e = problem('{ kind: distributed, circuit: ghz, qubits: 4, qpus: [A, C] }');
    expect(e.format()).toMatch(/no entanglement link/);
  });
});
