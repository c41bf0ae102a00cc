// The distribution IR: a circuit rewritten so that every two-qubit interaction is a DIAGONAL gate.
// Diagonal gates commute with Z on either qubit, so either qubit can be "copied" to a remote QPU
// by cat-entanglement (Eisert et al., PRA 62, 052317, 2000) and a run of diagonal gates sharing a
// qubit can share one copy. The partitioner and the program emitter read only this form.
import type { Condition } from '../circuit/ir.js';

/** One gate of the table on a diagonal op's own two qubits (0 or 1), applied in order. */
export interface LocalStep {
  readonly gate: string;
  /** Indices into the op's `qubits` (0 = first, 1 = second). */
  readonly targets: readonly (0 | 1)[];
  readonly params: readonly number[];
}

/** A one-qubit table gate on a logical qubit. */
export interface OneQubitOp {
  readonly kind: 'one';
  readonly qubit: number;
  readonly gate: string;
  readonly params: readonly number[];
  /** The gate's matrix is diagonal: it commutes with cat copies and does not end a run. */
  readonly diagonal: boolean;
  readonly condition?: Condition;
  /** 1-based source line. */
  readonly line?: number;
}

/**
 * A diagonal two-qubit unitary, kept as the local gate sequence that realises it (so a Clifford
 * circuit stays Clifford gate by gate). It may run at any QPU that holds both qubits or copies.
 */
export interface DiagonalOp {
  readonly kind: 'diag';
  readonly qubits: readonly [number, number];
  readonly steps: readonly LocalStep[];
  readonly condition?: Condition;
  readonly line?: number;
}

export interface MeasureZOp {
  readonly kind: 'measure';
  readonly qubit: number;
  /** The classical bit of the source circuit receiving the result. */
  readonly bit: number;
  readonly condition?: Condition;
  readonly line?: number;
}

export interface ResetZOp {
  readonly kind: 'reset';
  readonly qubit: number;
  readonly condition?: Condition;
  readonly line?: number;
}

export type DistOp = OneQubitOp | DiagonalOp | MeasureZOp | ResetZOp;

/**
 * The qubit whose run `op` ends, or -1: a run (one qubit between non-diagonal operations) ends at a
 * non-diagonal one-qubit gate, a measurement or a reset; diagonal gates extend it.
 */
export function runEndingQubit(op: DistOp): number {
  if (op.kind === 'diag' || (op.kind === 'one' && op.diagonal)) return -1;
  return op.qubit;
}

export interface DistCircuit {
  readonly numQubits: number;
  readonly numBits: number;
  readonly ops: readonly DistOp[];
  /** Two-qubit gates of the source circuit after decomposition to {one-qubit, CX, diagonal}. */
  readonly twoQubitGates: number;
  /**
   * Position of each op in the order the source listed them (the ops themselves are listed layer
   * by layer); absent when the two agree.
   */
  readonly sourceIndex?: Int32Array;
}
