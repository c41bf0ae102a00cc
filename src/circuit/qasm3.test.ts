import { describe, expect, it } from 'vitest';
import { applyMatrix, gate } from '../gates/index.js';
import { controlled, scaled, u3Matrix } from '../gates/matrix-builders.js';
import type { CMatrix } from '../util/complex-matrix.js';
import { QnetError } from '../util/errors.js';
import type { Circuit, GateOp } from './ir.js';
import { parseQasm, parseQasm3 } from './qasm.js';
import { distanceUpToPhase, simulate } from './qasm-reference.test-helper.js';

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';
const parse = (text: string): Circuit => parseQasm3(HEAD + text, 't.qasm');
const gateList = (text: string): [string, number[], number[]][] =>
  parse(text)
    .instructions.filter((i): i is GateOp => i.kind === 'gate')
    .map((g) => [g.gate, [...g.targets], g.params.map((p) => Math.round(p * 1e9) / 1e9)]);

/** Every qubit in a generic superposition first, so relative phases between branches show. */
const SPREAD = 'U(1.1, 0.3, -0.4) q[0]; U(0.7, -1.2, 0.5) q[1]; U(2.0, 0.9, 0.2) q[2]; ';

/** The state after SPREAD and then `matrix` on `targets` (gate-table order). */
function expected(matrix: CMatrix, targets: number[]): Float64Array {
  const s = simulate(parse(`qubit[3] q;\n${SPREAD}`));
  applyMatrix(s, matrix, targets);
  return s;
}

function failure(text: string): QnetError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof QnetError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

describe('OpenQASM 3 subset', () => {
  it('declares qubit, bit, qreg and creg registers', () => {
    const c = parse('qubit[3] q;\nqubit a;\nbit[2] c;\nbit b;\nqreg r[2];\ncreg d[1];\n');
    expect(c.numQubits).toBe(6);
    expect(c.numBits).toBe(4);
    expect(c.qregs.map((r) => [r.name, r.offset, r.size])).toEqual([
      ['q', 0, 3],
      ['a', 3, 1],
      ['r', 4, 2],
    ]);
    expect(c.source?.format).toBe('qasm3');
  });

  it('reads the three measurement forms and bare measure', () => {
    const c = parse(
      'qubit[2] q;\nbit[2] c;\nc[0] = measure q[1];\nc = measure q;\nmeasure q -> c;\nmeasure q[0];\n',
    );
    const pairs = c.instructions.map((i) => (i.kind === 'measure' ? [i.targets, i.bits] : []));
    expect(pairs).toEqual([
      [[1], [0]],
      [
        [0, 1],
        [0, 1],
      ],
      [
        [0, 1],
        [0, 1],
      ],
      [[0], undefined],
    ]);
  });

  it('reads conditions on registers and single bits, and if blocks', () => {
    const c = parse(
      'qubit[2] q;\nbit[2] c;\nif (c == 3) x q[0];\nif (c[1]) x q[1];\nif (!c[0]) x q[0];\nif (c[0] == 0) { x q[0]; h q[1]; }\n',
    );
    expect(c.instructions.map((i) => (i as GateOp).condition)).toEqual([
      { bits: [0, 1], value: 3 },
      { bits: [1], value: 1 },
      { bits: [0], value: 0 },
      { bits: [0], value: 0 },
      { bits: [0], value: 0 },
    ]);
  });

  it('turns modifiers into table gates', () => {
    const list = gateList(
      'qubit[4] q;\nctrl @ x q[0], q[1];\nctrl @ ctrl @ x q[0], q[1], q[2];\nctrl(3) @ x q[0], q[1], q[2], q[3];\n' +
        'inv @ s q[0];\nctrl @ rz(0.5) q[1], q[0];\npow(2) @ s q[0];\npow(1/2) @ x q[2];\ninv @ pow(1/2) @ z q[0];\n' +
        'pow(0.5) @ rx(0.8) q[1];\nctrl @ sx q[0], q[1];\nctrl @ swap q[0], q[1], q[2];\nctrl @ U(1, 2, 3) q[0], q[1];\n',
    );
    expect(list).toEqual([
      ['cx', [0, 1], []],
      ['ccx', [0, 1, 2], []],
      ['c3x', [0, 1, 2, 3], []],
      ['sdg', [0], []],
      ['crz', [1, 0], [0.5]],
      ['z', [0], []],
      ['sx', [2], []],
      ['sdg', [0], []],
      ['rx', [1], [0.4]],
      ['csx', [0, 1], []],
      ['cswap', [0, 1, 2], []],
      ['cu3', [0, 1], [1, 2, 3]],
    ]);
  });

  it('reads the OpenQASM 2 compatibility names of stdgates.inc', () => {
    expect(
      gateList(
        'qubit[2] q;\nCX q[0], q[1];\nphase(0.1) q[0];\ncphase(0.2) q[0], q[1];\nid q[0];\nU(1,2,3) q[1];\n',
      ),
    ).toEqual([
      ['cx', [0, 1], []],
      ['p', [0], [0.1]],
      ['cp', [0, 1], [0.2]],
      ['id', [0], []],
      ['u', [1], [1, 2, 3]],
    ]);
  });

  it('controls u3 with the global phase stdgates.inc gives it: gphase(−(φ+λ)/2)', () => {
    const [t, p, l] = [0.9, 0.4, -1.3];
    const got = simulate(parse(`qubit[3] q;\n${SPREAD}ctrl @ u3(${t}, ${p}, ${l}) q[2], q[0];\n`));
    const u = scaled(u3Matrix(t, p, l), Math.cos(-(p + l) / 2), Math.sin(-(p + l) / 2));
    expect(distanceUpToPhase(got, expected(controlled(u), [2, 0]))).toBeLessThan(1e-12);
    // U itself carries no such phase.
    const gotU = simulate(parse(`qubit[3] q;\n${SPREAD}ctrl @ U(${t}, ${p}, ${l}) q[2], q[0];\n`));
    expect(distanceUpToPhase(gotU, expected(controlled(u3Matrix(t, p, l)), [2, 0]))).toBeLessThan(1e-12);
  });

  it('turns ctrl @ gphase into a phase on the control, and negctrl into a flipped control', () => {
    expect(gateList('qubit[2] q;\nctrl @ gphase(0.3) q[1];\ngphase(1);\nnegctrl @ x q[0], q[1];\n')).toEqual([
      ['p', [1], [0.3]],
      ['x', [0], []],
      ['cx', [0, 1], []],
      ['x', [0], []],
    ]);
  });

  it('applies modifiers to user gates exactly, global phases included', () => {
    const def = 'gate g(a) x, y { gphase(a); h x; cx x, y; rz(a) y; }\nqubit[3] q;\n';
    // ctrl @ g: every step controlled, the phase becomes p(a) on the control.
    const list = gateList(`${def}ctrl @ g(0.5) q[2], q[0], q[1];\n`);
    expect(list).toEqual([
      ['p', [2], [0.5]],
      ['ch', [2, 0], []],
      ['ccx', [2, 0, 1], []],
      ['crz', [2, 1], [0.5]],
    ]);
    expect(gateList(`${def}inv @ g(0.5) q[0], q[1];\n`)).toEqual([
      ['rz', [1], [-0.5]],
      ['cx', [0, 1], []],
      ['h', [0], []],
    ]);
    expect(gateList(`${def}pow(2) @ g(0.5) q[0], q[1];\n`).map(([n]) => n)).toEqual([
      'h',
      'cx',
      'rz',
      'h',
      'cx',
      'rz',
    ]);
    expect(gateList(`${def}pow(-1) @ inv @ g(0.5) q[0], q[1];\n`).map(([n]) => n)).toEqual(['h', 'cx', 'rz']);
    // The whole unitary, against a hand-built one.
    const got = simulate(parse(`${def}${SPREAD}ctrl @ g(0.5) q[2], q[0], q[1];\n`));
    const steps = [
      [gate('p')!.matrix([0.5]), [2]],
      [gate('ch')!.matrix([]), [2, 0]],
      [gate('ccx')!.matrix([]), [2, 0, 1]],
      [gate('crz')!.matrix([0.5]), [2, 1]],
    ] as const;
    const want = simulate(parse(`qubit[3] q;\n${SPREAD}`));
    for (const [m, t] of steps) applyMatrix(want, m, t);
    expect(distanceUpToPhase(got, want)).toBeLessThan(1e-12);
  });

  it('recognises definitions of table gates outside stdgates.inc', () => {
    const c = parse(
      'gate rzz(t) a, b { cx a, b; rz(t) b; cx a, b; }\nqubit[2] q;\nrzz(0.2) q[0], q[1];\nctrl @ x q[0], q[1];\n',
    );
    expect(c.instructions).toMatchObject([{ gate: 'rzz' }, { gate: 'cx' }]);
  });

  it('reads unicode names, π and the ** power operator', () => {
    expect(gateList('gate r(θ) a { rx(θ) a; }\nqubit q;\nr(π/2) q;\nrz(2**3) q;\nrz(τ/4) q;\n')).toEqual([
      ['rx', [0], [Math.round((Math.PI / 2) * 1e9) / 1e9]],
      ['rz', [0], [8]],
      ['rz', [0], [Math.round((Math.PI / 2) * 1e9) / 1e9]],
    ]);
  });

  it('detects version 3 without a header from its declarations', () => {
    expect(parseQasm('qubit[1] q;\nh q[0];\n', 't').source?.format).toBe('qasm3');
    expect(parseQasm('OPENQASM 3;\nqubit[1] q;\nh q[0];\n', 't').source?.format).toBe('qasm3');
  });
});

describe('OpenQASM 3 subset: refusals', () => {
  const unsupported: [string, string][] = [
    ['qubit[2] q;\nfor i in [0:1] { x q[i]; }\n', 'bad:4:1'],
    ['def f(qubit a) { x a; }\n', 'bad:3:1'],
    ['int x = 3;\n', 'bad:3:1'],
    ['qubit[3] q;\nx q[0:1];\n', 'bad:4:6'],
    ['x $0;\n', 'bad:3:3'],
    ['qubit q;\nbit c;\nif (c) x q; else x q;\n', 'bad:5:13'],
    ['bit[2] c = "01";\n', 'bad:3:10'],
    ['@annotation\nqubit q;\n', 'bad:3:1'],
    ['qubit q;\nbit c;\nc = 1;\n', 'bad:5:5'],
  ];
  it.each(unsupported)('%j is refused as outside the subset at %s', (source, where) => {
    const e = failure(source);
    expect(e.code).toBe('E_QASM_UNSUPPORTED');
    expect(e.format().replace('t.qasm', 'bad')).toContain(`${where}:`);
    expect(e.message).toContain('not supported');
  });

  it('refuses modifier combinations without a table gate, with a clear message', () => {
    const e = failure('qubit[3] q;\nctrl @ ctrl @ rz(0.1) q[0], q[1], q[2];\n');
    expect(e.code).toBe('E_QASM_MODIFIER');
    expect(e.format()).toContain('t.qasm:4:15:');
    expect(e.message).toContain('rz with 2 controls');
    expect(failure('qubit q;\npow(0.5) @ h q;\n').message).toContain('pow(0.5) @ h');
    expect(failure('gate g a { h a; }\nqubit q;\npow(0.5) @ g q;\n').message).toContain('integer powers');
  });

  it('checks arity with controls counted', () => {
    const e = failure('qubit[2] q;\nctrl @ x q[0];\n');
    expect(e.code).toBe('E_QASM_ARITY');
    expect(e.message).toBe('x acts on 2 qubits (1 control + 1), got 1');
  });
});
