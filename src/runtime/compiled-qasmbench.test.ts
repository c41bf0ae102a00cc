// Integration: QASMBench circuits compiled for 2, 3 and 4 QPUs and run ideally give the monolithic
// circuit's exact outcome distribution.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { parseQasm } from '../circuit/qasm.js';
import { compileCircuit } from '../compiler/compile.js';
import { shapedTopology } from '../compiler/topology-shapes.js';
import { simulateCircuit } from '../state/simulate.js';
import { executeProgram } from './execute.js';

const DIR = dataPath('qasmbench');
const MAX_QUBITS = Number(process.env.QNET_RUNTIME_MAX_QUBITS ?? 16);
const REFUSED = new Set(['vqe_uccsd_n4.qasm', 'vqe_uccsd_n6.qasm']);
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.qasm') && !REFUSED.has(f))
  .sort()
  .map((f) => ({ f, circuit: parseQasm(readFileSync(join(DIR, f), 'utf8'), f) }))
  .filter(({ circuit }) => circuit.numQubits <= MAX_QUBITS && circuit.numBits > 0);

function maxDifference(a: Record<string, number>, b: Record<string, number>): number {
  let worst = 0;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
    worst = Math.max(worst, Math.abs((a[k] ?? 0) - (b[k] ?? 0)));
  return worst;
}

describe('compiled QASMBench circuits run ideally match the monolithic distribution', () => {
  it.each(cases.map((c) => [c.f, c] as const))('%s', (_, { circuit }) => {
    const expected = simulateCircuit(circuit, { probabilities: true, seed: 1 }).probabilities!;
    // The CLI's defaults (ceil(n/K) data qubits, two communication qubits per QPU), one shape each.
    for (const [k, shape] of [
      [2, 'all-to-all'],
      [3, 'line'],
      [4, 'ring'],
    ] as const) {
      if (circuit.numQubits < k) continue;
      const topology = shapedTopology(shape, k, Math.ceil(circuit.numQubits / k), 2);
      const { program } = compileCircuit(circuit, topology, { seed: 1 });
      const r = executeProgram(program, { seed: 1, shots: 0, ideal: true, probabilities: true });
      expect(
        maxDifference(r.probabilities!, expected),
        `${k} QPUs (${shape}), ${r.engineQubits} engine qubits`,
      ).toBeLessThan(1e-9);
    }
  });
});
