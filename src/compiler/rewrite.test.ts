import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import type { Circuit } from '../circuit/ir.js';
import { parseCircuit } from '../circuit/parse-circuit.js';
import { StatevectorEngine } from '../state/statevector.js';
import { applyCircuitUnitary } from '../state/statevector-circuit.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { distCircuitToIr } from './dist-circuit-to-ir.js';
import { toDistCircuit } from './rewrite.js';

/** |<a|b>| for the unitary parts applied to the same random product state. */
function overlap(a: Circuit, b: Circuit, seed: number): number {
  const n = a.numQubits;
  const rng = Rng.fromSeed(seed);
  const states = [a, b].map((c) => {
    const e = new StatevectorEngine(n);
    const prep = new Rng(rng.key);
    for (let q = 0; q < n; q++) e.applyGate('u3', [q], [prep.next() * 3, prep.next() * 6, prep.next() * 6]);
    const unitary = c.instructions.filter((op) => op.kind === 'gate');
    applyCircuitUnitary(e, unitary);
    return e.amplitudes();
  });
  let re = 0;
  let im = 0;
  const [x, y] = states as [Float64Array, Float64Array];
  for (let i = 0; i < x.length; i += 2) {
    re += x[i]! * y[i]! + x[i + 1]! * y[i + 1]!;
    im += x[i]! * y[i + 1]! - x[i + 1]! * y[i]!;
  }
  return Math.hypot(re, im);
}

const parse = (text: string) => parseCircuit(text, 'test.qasm');

describe('toDistCircuit', () => {
  it('keeps only one-qubit and diagonal two-qubit operations', () => {
    const c = parse(
      'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\ncreg c[3];\nccx q[0],q[1],q[2];\nswap q[0],q[2];\ncry(0.3) q[1],q[0];\nmeasure q -> c;\n',
    );
    const dc = toDistCircuit(c);
    for (const op of dc.ops) expect(['one', 'diag', 'measure']).toContain(op.kind);
    expect(dc.ops.filter((o) => o.kind === 'measure')).toHaveLength(3);
  });

  it('merges CX·Rz·CX into one diagonal gate and cancels H·H', () => {
    const dc = toDistCircuit(
      parse(
        'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nu1(0.3) q[1];\ncx q[1],q[0];\nu1(-0.3) q[0];\ncx q[1],q[0];\ncx q[0],q[1];\ncx q[0],q[1];\n',
      ),
    );
    const kinds = dc.ops.map((o) => (o.kind === 'one' ? o.gate : o.kind));
    // u1, the merged CX·u1·CX, then the CX·CX pair (nothing between) merged as well.
    expect(kinds).toEqual(['u1', 'diag', 'diag']);
  });

  it.each([
    'qft_n4.qasm',
    'adder_n10.qasm',
    'fredkin_n3.qasm',
    'dnn_n8.qasm',
    'ising_n10.qasm',
    'sat_n7.qasm',
  ])('%s: same unitary up to global phase', (file) => {
    const c = parseCircuit(readFileSync(dataPath('qasmbench', file), 'utf8'), file);
    const back = distCircuitToIr(toDistCircuit(c));
    expect(overlap(c, back, 7)).toBeCloseTo(1, 9);
  });

  it('refuses Stim noise and non-Z measurements with the line', () => {
    const c = parseCircuit('H 0\nDEPOLARIZE1(0.1) 0\nM 0\n', 'x.stim');
    expect(() => toDistCircuit(c)).toThrow(QnetError);
    try {
      toDistCircuit(c);
    } catch (e) {
      expect((e as QnetError).format()).toMatch(/x\.stim:2.*noise/);
    }
  });
});

describe('toDistCircuit: CX chains', () => {
  it('CX with a shared target become H·CZ·CZ·H', () => {
    const dc = toDistCircuit(
      parseCircuit(
        'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\ncx q[0],q[2];\ncx q[1],q[2];\n',
        't.qasm',
      ),
    );
    expect(dc.ops.map((o) => (o.kind === 'one' ? o.gate : o.kind))).toEqual(['h', 'diag', 'diag', 'h']);
  });
});

describe('toDistCircuit: layer order', () => {
  it('lists independent gates layer by layer, keeping each qubit and bit in order', () => {
    const dc = toDistCircuit(
      parseCircuit(
        'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[5];\ncreg c[1];\ncz q[0],q[1];\ncz q[0],q[2];\ncz q[0],q[3];\ncz q[1],q[4];\nmeasure q[0] -> c[0];\nif(c==1) x q[4];\n',
        't.qasm',
      ),
    );
    const seq = dc.ops.map((o) => (o.kind === 'diag' ? o.qubits.join('') : o.kind));
    // cz(1,4) shares no qubit with cz(0,2) and moves up to the second layer; the measurement
    // still precedes the gate conditioned on its bit.
    expect(seq).toEqual(['01', '02', '14', '03', 'measure', 'one']);
  });
});
