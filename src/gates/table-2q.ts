// Two-qubit gates. Controlled gates put the control first (most significant matrix bit). Sources:
// qelib1.inc (Cross et al., arXiv:1707.03429; Qiskit's extended qelib1.inc) for definitions and
// OpenQASM names, Stim's gate reference (doc/gates.md) for the Pauli-controlled and √PP gates.
// Rotations follow Qiskit: rxx(θ) = exp(−iθ/2 X⊗X); qelib1's rzz body equals it up to e^{iθ/2}.
import { cmatCombine, cmatIdentity } from '../util/complex-matrix.js';
import { defineGate } from './define.js';
import {
  controlled,
  diagonal,
  eI,
  identityExcept,
  m2,
  pauliControlled,
  pauliOp,
  pauliRotation,
  scaled,
  u3Matrix,
} from './matrix-builders.js';
import type { GateEntry } from './types.js';

const R = Math.SQRT1_2;
const X = m2(0, 1, 1, 0);
const H = m2(R, R, R, -R);
const SX = m2([0.5, 0.5], [0.5, -0.5], [0.5, -0.5], [0.5, 0.5]);
const I4 = cmatIdentity(4);

/** Stim's √(P⊗P) = ((1+i) I + (1−i) P⊗P)/2 and its inverse ((1−i) I + (1+i) P⊗P)/2. */
const sqrtPP = (pp: string, dagger: boolean) => () =>
  cmatCombine([
    [0.5, dagger ? -0.5 : 0.5, I4],
    [0.5, dagger ? 0.5 : -0.5, pauliOp(pp)],
  ]);

export const GATES_2Q: readonly GateEntry[] = [
  // The primitive two-qubit gate of the decomposition basis.
  defineGate({
    name: 'cx',
    arity: 2,
    matrix: () => controlled(X),
    clifford: { x: ['+XX', '+_X'], z: ['+Z_', '+ZZ'] },
    qasm2: 'cx',
    qasm3: 'cx',
    stim: 'CX',
    stimAliases: ['CNOT', 'ZCX'],
    qasm2Aliases: ['CX'],
    qasm3Aliases: ['CX'],
  }),
  defineGate({
    name: 'cy',
    arity: 2,
    matrix: () => controlled(m2(0, [0, -1], [0, 1], 0)),
    clifford: { x: ['+XY', '+ZX'], z: ['+Z_', '+ZZ'] },
    def: 'sdg q1; cx q0,q1; s q1',
    qasm2: 'cy',
    qasm3: 'cy',
    stim: 'CY',
    stimAliases: ['ZCY'],
  }),
  defineGate({
    name: 'cz',
    arity: 2,
    matrix: () => diagonal([1, 1, 1, -1]),
    clifford: { x: ['+XZ', '+ZX'], z: ['+Z_', '+_Z'] },
    def: 'h q1; cx q0,q1; h q1',
    qasm2: 'cz',
    qasm3: 'cz',
    stim: 'CZ',
    stimAliases: ['ZCZ'],
  }),
  defineGate({
    name: 'swap',
    arity: 2,
    matrix: () =>
      identityExcept(4, [
        [1, 2, 1],
        [2, 1, 1],
      ]),
    clifford: { x: ['+_X', '+X_'], z: ['+_Z', '+Z_'] },
    def: 'cx q0,q1; cx q1,q0; cx q0,q1',
    qasm2: 'swap',
    qasm3: 'swap',
    stim: 'SWAP',
  }),
  defineGate({
    name: 'iswap',
    arity: 2,
    matrix: () =>
      identityExcept(4, [
        [1, 2, [0, 1]],
        [2, 1, [0, 1]],
      ]),
    clifford: { x: ['+ZY', '+YZ'], z: ['+_Z', '+Z_'] },
    def: 's q0; s q1; cz q0,q1; swap q0,q1',
    stim: 'ISWAP',
  }),
  defineGate({
    name: 'iswapdg',
    arity: 2,
    matrix: () =>
      identityExcept(4, [
        [1, 2, [0, -1]],
        [2, 1, [0, -1]],
      ]),
    clifford: { x: ['-ZY', '-YZ'], z: ['+_Z', '+Z_'] },
    def: 'swap q0,q1; cz q0,q1; sdg q0; sdg q1',
    stim: 'ISWAP_DAG',
  }),
  defineGate({
    name: 'ch',
    arity: 2,
    matrix: () => controlled(H),
    def: 'h q1; sdg q1; cx q0,q1; h q1; t q1; cx q0,q1; t q1; h q1; s q1; x q1; s q0',
    qasm2: 'ch',
    qasm3: 'ch',
  }),
  defineGate({
    name: 'crx',
    arity: 2,
    params: 'theta',
    matrix: (p) => controlled(pauliRotation('X', p[0]!)),
    def: 'u1(pi/2) q1; cx q0,q1; u3(-theta/2,0,0) q1; cx q0,q1; u3(theta/2,-pi/2,0) q1',
    qasm2: 'crx',
    qasm3: 'crx',
  }),
  defineGate({
    name: 'cry',
    arity: 2,
    params: 'theta',
    matrix: (p) => controlled(pauliRotation('Y', p[0]!)),
    def: 'u3(theta/2,0,0) q1; cx q0,q1; u3(-theta/2,0,0) q1; cx q0,q1',
    qasm2: 'cry',
    qasm3: 'cry',
  }),
  defineGate({
    name: 'crz',
    arity: 2,
    params: 'theta',
    matrix: (p) => controlled(pauliRotation('Z', p[0]!)),
    def: 'u1(theta/2) q1; cx q0,q1; u1(-theta/2) q1; cx q0,q1',
    qasm2: 'crz',
    qasm3: 'crz',
  }),
  defineGate({
    name: 'cp',
    arity: 2,
    params: 'lambda',
    matrix: (p) => diagonal([1, 1, 1, eI(p[0]!)]),
    def: 'p(lambda/2) q0; cx q0,q1; p(-lambda/2) q1; cx q0,q1; p(lambda/2) q1',
    qasm2: 'cp',
    qasm3: 'cp',
    qasm3Aliases: ['cphase'],
  }),
  // qelib1's older name for cp; a separate entry so a file keeps the name it was written with.
  defineGate({
    name: 'cu1',
    arity: 2,
    params: 'lambda',
    matrix: (p) => diagonal([1, 1, 1, eI(p[0]!)]),
    def: 'u1(lambda/2) q0; cx q0,q1; u1(-lambda/2) q1; cx q0,q1; u1(lambda/2) q1',
    qasm2: 'cu1',
  }),
  defineGate({
    name: 'cu3',
    arity: 2,
    params: 'theta phi lambda',
    matrix: (p) => controlled(u3Matrix(p[0]!, p[1]!, p[2]!)),
    def:
      'u1((lambda+phi)/2) q0; u1((lambda-phi)/2) q1; cx q0,q1; u3(-theta/2,0,-(phi+lambda)/2) q1; ' +
      'cx q0,q1; u3(theta/2,phi,0) q1',
    qasm2: 'cu3',
  }),
  // Controlled U with an extra phase γ on the control: |0⟩⟨0| ⊗ I + e^{iγ} |1⟩⟨1| ⊗ U(θ, φ, λ).
  defineGate({
    name: 'cu',
    arity: 2,
    params: 'theta phi lambda gamma',
    matrix: (p) => controlled(scaled(u3Matrix(p[0]!, p[1]!, p[2]!), Math.cos(p[3]!), Math.sin(p[3]!))),
    def:
      'p(gamma) q0; p((lambda+phi)/2) q0; p((lambda-phi)/2) q1; cx q0,q1; ' +
      'u(-theta/2,0,-(phi+lambda)/2) q1; cx q0,q1; u(theta/2,phi,0) q1',
    qasm2: 'cu',
    qasm3: 'cu',
  }),
  defineGate({
    name: 'csx',
    arity: 2,
    matrix: () => controlled(SX),
    def: 'h q1; cu1(pi/2) q0,q1; h q1',
    qasm2: 'csx',
  }),
  defineGate({
    name: 'rxx',
    arity: 2,
    params: 'theta',
    matrix: (p) => pauliRotation('XX', p[0]!),
    def: 'u3(pi/2,theta,0) q0; h q1; cx q0,q1; u1(-theta) q1; cx q0,q1; h q1; u2(-pi,pi-theta) q0',
    qasm2: 'rxx',
  }),
  defineGate({
    name: 'ryy',
    arity: 2,
    params: 'theta',
    matrix: (p) => pauliRotation('YY', p[0]!),
    def: 'rx(pi/2) q0; rx(pi/2) q1; cx q0,q1; rz(theta) q1; cx q0,q1; rx(-pi/2) q0; rx(-pi/2) q1',
  }),
  defineGate({
    name: 'rzz',
    arity: 2,
    params: 'theta',
    matrix: (p) => pauliRotation('ZZ', p[0]!),
    def: 'cx q0,q1; u1(theta) q1; cx q0,q1',
    qasm2: 'rzz',
  }),
  defineGate({
    name: 'xcx',
    arity: 2,
    matrix: () => pauliControlled('X', 'X'),
    clifford: { x: ['+X_', '+_X'], z: ['+ZX', '+XZ'] },
    def: 'h q0; cx q0,q1; h q0',
    stim: 'XCX',
  }),
  defineGate({
    name: 'xcy',
    arity: 2,
    matrix: () => pauliControlled('X', 'Y'),
    clifford: { x: ['+X_', '+XX'], z: ['+ZY', '+XZ'] },
    def: 'h q0; cy q0,q1; h q0',
    stim: 'XCY',
  }),
  defineGate({
    name: 'xcz',
    arity: 2,
    matrix: () => pauliControlled('X', 'Z'),
    clifford: { x: ['+X_', '+XX'], z: ['+ZZ', '+_Z'] },
    def: 'cx q1,q0',
    stim: 'XCZ',
  }),
  defineGate({
    name: 'ycx',
    arity: 2,
    matrix: () => pauliControlled('Y', 'X'),
    clifford: { x: ['+XX', '+_X'], z: ['+ZX', '+YZ'] },
    def: 'sdg q0; h q0; cx q0,q1; h q0; s q0',
    stim: 'YCX',
  }),
  defineGate({
    name: 'ycy',
    arity: 2,
    matrix: () => pauliControlled('Y', 'Y'),
    clifford: { x: ['+XY', '+YX'], z: ['+ZY', '+YZ'] },
    def: 'sdg q0; h q0; cy q0,q1; h q0; s q0',
    stim: 'YCY',
  }),
  defineGate({
    name: 'ycz',
    arity: 2,
    matrix: () => pauliControlled('Y', 'Z'),
    clifford: { x: ['+XZ', '+YX'], z: ['+ZZ', '+_Z'] },
    def: 'cy q1,q0',
    stim: 'YCZ',
  }),
  defineGate({
    name: 'sqrt_xx',
    arity: 2,
    matrix: sqrtPP('XX', false),
    clifford: { x: ['+X_', '+_X'], z: ['-YX', '-XY'] },
    def: 'h q0; h q1; sqrt_zz q0,q1; h q0; h q1',
    stim: 'SQRT_XX',
  }),
  defineGate({
    name: 'sqrt_xxdg',
    arity: 2,
    matrix: sqrtPP('XX', true),
    clifford: { x: ['+X_', '+_X'], z: ['+YX', '+XY'] },
    def: 'h q0; h q1; sqrt_zzdg q0,q1; h q0; h q1',
    stim: 'SQRT_XX_DAG',
  }),
  defineGate({
    name: 'sqrt_yy',
    arity: 2,
    matrix: sqrtPP('YY', false),
    clifford: { x: ['-ZY', '-YZ'], z: ['+XY', '+YX'] },
    def: 'sdg q0; sdg q1; h q0; h q1; sqrt_zz q0,q1; h q0; h q1; s q0; s q1',
    stim: 'SQRT_YY',
  }),
  defineGate({
    name: 'sqrt_yydg',
    arity: 2,
    matrix: sqrtPP('YY', true),
    clifford: { x: ['+ZY', '+YZ'], z: ['-XY', '-YX'] },
    def: 'sdg q0; sdg q1; h q0; h q1; sqrt_zzdg q0,q1; h q0; h q1; s q0; s q1',
    stim: 'SQRT_YY_DAG',
  }),
  defineGate({
    name: 'sqrt_zz',
    arity: 2,
    matrix: sqrtPP('ZZ', false),
    clifford: { x: ['+YZ', '+ZY'], z: ['+Z_', '+_Z'] },
    def: 's q0; s q1; cz q0,q1',
    stim: 'SQRT_ZZ',
  }),
  defineGate({
    name: 'sqrt_zzdg',
    arity: 2,
    matrix: sqrtPP('ZZ', true),
    clifford: { x: ['-YZ', '-ZY'], z: ['+Z_', '+_Z'] },
    def: 'sdg q0; sdg q1; cz q0,q1',
    stim: 'SQRT_ZZ_DAG',
  }),
];
