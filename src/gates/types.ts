// The shape of a gate-table entry. Conventions shared by every entry:
//
// MATRIX ORDER. A gate on k qubits has a 2^k × 2^k matrix, row-major, re/im interleaved. Its FIRST
// target is the MOST significant bit of the matrix index: index = Σ_j bit(target j) << (k−1−j).
// So for `cx c, t` the matrix is diag-block(I, X), as written in textbooks and in qelib1.inc.
// (Stim's documentation prints matrices little-endian; the gates are the same, the print differs.)
//
// PAULI BITS. In a Clifford image, bit j of `xs`/`zs` is target j (first target = bit 0, the
// LEAST significant bit — the opposite of the matrix order, and the natural order for a tableau).
// The Pauli on target j is I, X, Z or Y for (x, z) = (0,0), (1,0), (0,1), (1,1); `sign` multiplies
// the tensor product of those Hermitian Paulis, so an image is always Hermitian (as in Stim).
import type { CMatrix } from '../util/complex-matrix.js';

/** ±P_0 ⊗ P_1 ⊗ … with P_j read from bit j of xs and zs (see the header). */
export interface PauliImage {
  readonly sign: 1 | -1;
  readonly xs: number;
  readonly zs: number;
}

/**
 * Heisenberg action U P U† of a Clifford gate on the generators: x[j] is the image of X on target
 * j, z[j] the image of Z on target j. Images of products follow by multiplication, which is what a
 * tableau simulator does row by row.
 */
export interface CliffordAction {
  readonly x: readonly PauliImage[];
  readonly z: readonly PauliImage[];
}

/**
 * One step of a definition: a table gate on some of this gate's qubits (indices into its target
 * list) with parameters computed from this gate's parameters.
 */
export interface DefinitionStep {
  readonly gate: string;
  readonly targets: readonly number[];
  readonly params: (params: readonly number[]) => number[];
  /** The parameter expressions as written, over the entry's `paramNames` and `pi`, for printing. */
  readonly paramText: readonly string[];
}

/** A table gate applied to concrete parameters (the result of modifiers and decompositions). */
export interface GateCall {
  readonly gate: string;
  readonly params: readonly number[];
}

export interface GateAliases {
  /** Upper case, e.g. CNOT and ZCX for cx. */
  readonly stim: readonly string[];
  readonly qasm2: readonly string[];
  /** E.g. CX for cx, phase for p (the OpenQASM 2 compatibility names of stdgates.inc). */
  readonly qasm3: readonly string[];
}

export interface GateEntry {
  /** Canonical name, lower case: the name in the circuit IR. */
  readonly name: string;
  readonly arity: number;
  /** Names of the real parameters (angles in radians), in order; their count is the gate's. */
  readonly paramNames: readonly string[];
  /** The unitary for these parameters (see the header for the index order). */
  readonly matrix: (params: readonly number[]) => CMatrix;
  /** The Clifford action, for gates that are Clifford whatever their parameters. */
  readonly clifford?: CliffordAction;
  /**
   * The gate as a sequence of other table gates, equal to `matrix` UP TO GLOBAL PHASE. Empty for the
   * identity, `undefined` for the two primitives u3 and cx. Following definitions recursively ends
   * in {u3, cx}: see `decompose`.
   */
  readonly definition: readonly DefinitionStep[] | undefined;
  /** The definition's source text (QASM-like, qubits q0, q1, …), for printing `gate` blocks. */
  readonly definitionText: string | undefined;
  /** Name in OpenQASM 2's qelib1.inc, or null. */
  readonly qasm2: string | null;
  /** Name in OpenQASM 3 (stdgates.inc, or the builtin `U`), or null. */
  readonly qasm3: string | null;
  /** Stim name (upper case), or null. */
  readonly stim: string | null;
  /** Other names accepted when parsing each format (printing always uses the names above). */
  readonly aliases: GateAliases;
}
