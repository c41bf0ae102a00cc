// Exact outcome probabilities of QASMBench circuits (data/qasmbench) up to 12 qubits, from
// `simulateCircuit`, against the independent npm simulator quantum-circuit (terminal-measurement
// circuits), and against our branching on both pure-state engines where quantum-circuit cannot
// give exact probabilities (mid-circuit measurements, resets, conditions).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import type { Circuit, MeasureOp } from '../circuit/ir.js';
import { parseQasm } from '../circuit/qasm.js';
import { quantumCircuitState, withoutTerminalMeasurements } from '../circuit/qasm-reference.test-helper.js';
import { simulateCircuit } from './simulate.js';

const DIR = dataPath('qasmbench');
const MAX_QUBITS = 12;
const REFUSED = new Set(['vqe_uccsd_n4.qasm', 'vqe_uccsd_n6.qasm']);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.qasm') && !REFUSED.has(f))
  .sort();
const small = files
  .map((f) => ({ f, text: readFileSync(join(DIR, f), 'utf8') }))
  .map(({ f, text }) => ({ f, text, circuit: parseQasm(text, f) }))
  .filter(({ circuit }) => circuit.numQubits <= MAX_QUBITS);

/** Distribution of the classical bits from a state vector (qubit q = bit q), given the measurements. */
function bitsDistribution(circuit: Circuit, amps: Float64Array): Map<string, number> {
  const measures = circuit.instructions.filter((op): op is MeasureOp => op.kind === 'measure');
  const out = new Map<string, number>();
  for (let index = 0; 2 * index < amps.length; index++) {
    const p = amps[2 * index]! ** 2 + amps[2 * index + 1]! ** 2;
    if (p < 1e-15) continue;
    const bits = new Uint8Array(circuit.numBits);
    for (const op of measures) {
      op.targets.forEach((q, i) => {
        bits[op.bits![i]!] = (index >> q) & 1;
      });
    }
    let key = '';
    for (let i = bits.length - 1; i >= 0; i--) key += bits[i];
    out.set(key, (out.get(key) ?? 0) + p);
  }
  return out;
}

function maxDifference(a: Record<string, number>, b: Map<string, number>): number {
  let worst = 0;
  for (const k of new Set([...Object.keys(a), ...b.keys()]))
    worst = Math.max(worst, Math.abs((a[k] ?? 0) - (b.get(k) ?? 0)));
  return worst;
}

describe('QASMBench probabilities up to 12 qubits', () => {
  const terminal = small.filter(({ circuit }) => withoutTerminalMeasurements(circuit) !== undefined);
  const midCircuit = small.filter(({ circuit }) => withoutTerminalMeasurements(circuit) === undefined);

  it('covers the small files', () => {
    expect(terminal.length).toBeGreaterThanOrEqual(30);
  });

  it.each(terminal.map((t) => [t.f, t] as const))(
    '%s equals quantum-circuit to 1e-9',
    (_, { text, circuit }) => {
      const ours = simulateCircuit(circuit, { engine: 'statevector', probabilities: true, seed: 1 })
        .probabilities!;
      // quantum-circuit needs the version header that sat_n11.qasm leaves out.
      const withHeader = /OPENQASM/.test(text) ? text : `OPENQASM 2.0;\n${text}`;
      const theirs = quantumCircuitState(withHeader.replace(/^\s*measure\b[^;]*;/gm, ''));
      expect(theirs).toBeDefined();
      expect(maxDifference(ours, bitsDistribution(circuit, theirs!))).toBeLessThan(1e-9);
      expect(Object.values(ours).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    },
  );

  it.each(midCircuit.map((t) => [t.f, t] as const))(
    '%s: exact branching sums to one and agrees with shot-by-shot sampling (4 standard errors)',
    (_, { circuit }) => {
      const ours = simulateCircuit(circuit, { engine: 'statevector', probabilities: true, seed: 1 })
        .probabilities!;
      expect(Object.values(ours).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
      const shots = 4000;
      const counts = simulateCircuit(circuit, { engine: 'statevector', shots, seed: 2 }).counts!;
      for (const k of new Set([...Object.keys(ours), ...Object.keys(counts)])) {
        const p = Math.min(1, ours[k] ?? 0);
        expect(Math.abs((counts[k] ?? 0) / shots - p), k).toBeLessThanOrEqual(
          4 * Math.sqrt((p * (1 - p)) / shots) + 1e-12,
        );
      }
    },
  );
});
