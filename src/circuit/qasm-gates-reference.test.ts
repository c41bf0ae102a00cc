// Each qelib1.inc gate, applied through the OpenQASM 2 parser, against the independent simulator
// quantum-circuit. Where quantum-circuit departs from qelib1.inc the gate is checked against
// qelib1.inc's own body instead (gates.test.ts: definition equals matrix for every gate).
import { describe, expect, it } from 'vitest';
import { GATES } from '../gates/index.js';
import { parseQasm2 } from './qasm.js';
import { distanceUpToPhase, quantumCircuitState, simulate } from './qasm-reference.test-helper.js';

/** Gates quantum-circuit 0.9 gets wrong or does not know (it drops unknown gates silently). */
const NOT_COMPARABLE: Readonly<Record<string, string>> = {
  cu: 'it reads cu as cu3 and drops the fourth parameter γ',
  rxx: 'its xx(θ) is exp(−iθ X⊗X), twice the angle of qelib1 rxx(θ) = exp(−iθ/2 X⊗X)',
  rccx: 'unknown to it',
  rc3x: 'unknown to it',
  c3x: 'unknown to it',
  c3sqrtx: 'unknown to it',
  c4x: 'unknown to it',
};

// A generic 5-qubit state, so that every amplitude and relative phase of a gate shows.
const PREPARE =
  'u3(0.3,0.7,-0.2) q[0]; u3(1.1,-0.4,0.9) q[1]; u3(2.1,0.2,0.5) q[2]; u3(0.6,1.3,-1.7) q[3]; ' +
  'u3(1.9,-2.2,0.1) q[4]; cx q[0],q[2]; cx q[3],q[1]; cx q[4],q[0];';
const PARAMS = [0.4123, -1.234, 2.345, 0.77];

const program = (gate: string, params: readonly number[], arity: number): string => {
  // Targets in scrambled order (1, 3, 0, 2, 4) so that the qubit order of the matrix matters.
  const args = Array.from({ length: arity }, (_, i) => `q[${(i * 2 + 1) % 5}]`).join(',');
  const p = params.length > 0 ? `(${params.join(',')})` : '';
  return `OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[5];\n${PREPARE}\n${gate}${p} ${args};\n`;
};

describe('qelib1.inc gates against quantum-circuit', () => {
  const gates = GATES.filter((g) => g.qasm2 !== null && g.arity <= 5);
  it.each(gates.map((g) => [g.name, g] as const))('%s', (name, g) => {
    const text = program(g.qasm2!, PARAMS.slice(0, g.paramNames.length), g.arity);
    const ours = simulate(parseQasm2(text));
    const theirs = quantumCircuitState(text);
    expect(theirs).toBeDefined();
    const d = distanceUpToPhase(ours, theirs!);
    if (NOT_COMPARABLE[name]) expect(d, NOT_COMPARABLE[name]).toBeGreaterThan(1e-6);
    else expect(d).toBeLessThan(1e-9);
  });

  it('agrees on cu with γ = 0 and on rxx at half the angle', () => {
    const cu = program('cu', [0.4, -1.2, 2.3, 0], 2);
    expect(distanceUpToPhase(simulate(parseQasm2(cu)), quantumCircuitState(cu)!)).toBeLessThan(1e-9);
    const ours = simulate(parseQasm2(program('rxx', [0.8], 2)));
    const theirs = quantumCircuitState(program('rxx', [0.4], 2))!;
    expect(distanceUpToPhase(ours, theirs)).toBeLessThan(1e-9);
  });
});
