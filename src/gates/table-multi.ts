// Gates on three or more qubits, with the bodies of qelib1.inc (Cross et al., arXiv:1707.03429, and
// Qiskit's extended qelib1.inc) as definitions. Controls come first (most significant bits).
import { defineGate } from './define.js';
import { controlled, identityExcept, m2 } from './matrix-builders.js';
import type { GateEntry } from './types.js';

const X = m2(0, 1, 1, 0);
const SX = m2([0.5, 0.5], [0.5, -0.5], [0.5, -0.5], [0.5, 0.5]);
const SWAP = identityExcept(4, [
  [1, 2, 1],
  [2, 1, 1],
]);

export const GATES_MULTI: readonly GateEntry[] = [
  defineGate({
    name: 'ccx',
    arity: 3,
    matrix: () => controlled(X, 2),
    def:
      'h q2; cx q1,q2; tdg q2; cx q0,q2; t q2; cx q1,q2; tdg q2; cx q0,q2; t q1; t q2; h q2; ' +
      'cx q0,q1; t q0; tdg q1; cx q0,q1',
    qasm2: 'ccx',
    qasm3: 'ccx',
  }),
  defineGate({
    name: 'cswap',
    arity: 3,
    matrix: () => controlled(SWAP),
    def: 'cx q2,q1; ccx q0,q1,q2; cx q2,q1',
    qasm2: 'cswap',
    qasm3: 'cswap',
  }),
  // Toffoli up to relative phases (Margolus): |110⟩ → i|111⟩, |111⟩ → −i|110⟩, |101⟩ → −|101⟩.
  defineGate({
    name: 'rccx',
    arity: 3,
    matrix: () =>
      identityExcept(8, [
        [5, 5, -1],
        [6, 7, [0, -1]],
        [7, 6, [0, 1]],
      ]),
    def:
      'u2(0,pi) q2; u1(pi/4) q2; cx q1,q2; u1(-pi/4) q2; cx q0,q2; u1(pi/4) q2; cx q1,q2; ' +
      'u1(-pi/4) q2; u2(0,pi) q2',
    qasm2: 'rccx',
  }),
  // Three-control Toffoli up to relative phases (Qiskit's RC3XGate matrix, read big-endian).
  defineGate({
    name: 'rc3x',
    arity: 4,
    matrix: () =>
      identityExcept(16, [
        [12, 12, [0, 1]],
        [13, 13, [0, -1]],
        [14, 15, 1],
        [15, 14, -1],
      ]),
    def:
      'u2(0,pi) q3; u1(pi/4) q3; cx q2,q3; u1(-pi/4) q3; u2(0,pi) q3; cx q0,q3; u1(pi/4) q3; ' +
      'cx q1,q3; u1(-pi/4) q3; cx q0,q3; u1(pi/4) q3; cx q1,q3; u1(-pi/4) q3; u2(0,pi) q3; ' +
      'u1(pi/4) q3; cx q2,q3; u1(-pi/4) q3; u2(0,pi) q3',
    qasm2: 'rc3x',
  }),
  defineGate({
    name: 'c3x',
    arity: 4,
    matrix: () => controlled(X, 3),
    def:
      'h q3; cu1(-pi/4) q0,q3; h q3; cx q0,q1; h q3; cu1(pi/4) q1,q3; h q3; cx q0,q1; h q3; ' +
      'cu1(-pi/4) q1,q3; h q3; cx q1,q2; h q3; cu1(pi/4) q2,q3; h q3; cx q0,q2; h q3; ' +
      'cu1(-pi/4) q2,q3; h q3; cx q1,q2; h q3; cu1(pi/4) q2,q3; h q3; cx q0,q2; h q3; ' +
      'cu1(-pi/4) q2,q3; h q3',
    qasm2: 'c3x',
  }),
  // qelib1.inc's text for c3sqrtx has every angle negated, which makes it the inverse gate; the
  // table follows the name (and Qiskit's C3SXGate), with the signs of Qiskit's definition.
  defineGate({
    name: 'c3sqrtx',
    arity: 4,
    matrix: () => controlled(SX, 3),
    def:
      'h q3; cu1(pi/8) q0,q3; h q3; cx q0,q1; h q3; cu1(-pi/8) q1,q3; h q3; cx q0,q1; h q3; ' +
      'cu1(pi/8) q1,q3; h q3; cx q1,q2; h q3; cu1(-pi/8) q2,q3; h q3; cx q0,q2; h q3; ' +
      'cu1(pi/8) q2,q3; h q3; cx q1,q2; h q3; cu1(-pi/8) q2,q3; h q3; cx q0,q2; h q3; ' +
      'cu1(pi/8) q2,q3; h q3',
    qasm2: 'c3sqrtx',
  }),
  // qelib1.inc's c4x text is not a C4X (it conjugates the wrong qubit); this is the corrected
  // Barenco-style form: √X on e controlled by d, undone unless a·b·c flipped d, then C3-√X on e.
  defineGate({
    name: 'c4x',
    arity: 5,
    matrix: () => controlled(X, 4),
    def:
      'h q4; cu1(pi/2) q3,q4; h q4; c3x q0,q1,q2,q3; h q4; cu1(-pi/2) q3,q4; h q4; ' +
      'c3x q0,q1,q2,q3; c3sqrtx q0,q1,q2,q4',
    qasm2: 'c4x',
  }),
];
