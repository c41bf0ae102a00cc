// The circuit IR: a flat list of instructions, each applied to a list of targets grouped by the
// operation's arity (as in Stim: `CX 0 1 2 3` is two CX gates). One IR serves OpenQASM 2, the
// OpenQASM 3 subset and Stim, so every engine and the compiler read a single form.

/** A classical condition: the register bits (least significant first) must read `value`. */
export interface Condition {
  bits: readonly number[];
  value: number;
}

/** A unitary gate from the gate table, applied to `targets` in groups of the gate's arity. */
export interface GateOp {
  kind: 'gate';
  /** Canonical name in the gate table (lower case, e.g. 'h', 'cx', 'u3', 'sqrt_x'). */
  gate: string;
  targets: readonly number[];
  /** Angles in radians, shared by every group. */
  params: readonly number[];
  condition?: Condition;
  /**
   * Stim's feedback (`CX rec[-k] q`): apply the gate only if the measurement result k back in the
   * record, counted at this instruction, reads 1 (k >= 1, Stim's rec[-k]). Only on the Paulis x, y, z.
   */
  recordControl?: number;
  /** 1-based source line, for error messages from later stages. */
  line?: number;
}

export type Basis = 'X' | 'Y' | 'Z';

/**
 * Measurement of each target in `basis`. Every measured target appends one bit to the measurement
 * record (Stim's `rec`); OpenQASM measurements also name the classical bit that receives it.
 */
export interface MeasureOp {
  kind: 'measure';
  basis: Basis;
  targets: readonly number[];
  /** Classical bit receiving each result (OpenQASM); absent for Stim-style record-only measurements. */
  bits?: readonly number[];
  /** Stim's `!q`: the recorded result is inverted, per target. */
  inverted?: readonly boolean[];
  /** Probability that the recorded result is flipped (Stim's `M(p)`). */
  flipProbability: number;
  /** Reset to the +1 eigenstate of `basis` after measuring (Stim's MR, MRX). */
  reset: boolean;
  condition?: Condition;
  line?: number;
}

export interface ResetOp {
  kind: 'reset';
  basis: Basis;
  targets: readonly number[];
  condition?: Condition;
  line?: number;
}

export interface BarrierOp {
  kind: 'barrier';
  targets: readonly number[];
  line?: number;
}

export type NoiseChannel =
  | 'x_error'
  | 'y_error'
  | 'z_error'
  | 'depolarize1'
  | 'depolarize2'
  | 'pauli_channel_1'
  | 'pauli_channel_2';

/** A Pauli noise channel applied independently to each target group (arity 2 for the *2 channels). */
export interface NoiseOp {
  kind: 'noise';
  channel: NoiseChannel;
  targets: readonly number[];
  /** One probability, or the channel's list (px, py, pz for pauli_channel_1; 15 for pauli_channel_2). */
  probabilities: readonly number[];
  line?: number;
}

/** A detector: the parity of the referenced measurement results, deterministic without noise. */
export interface DetectorOp {
  kind: 'detector';
  /** Look-backs into the measurement record: k means Stim's rec[-k] (k >= 1). */
  lookbacks: readonly number[];
  coords: readonly number[];
  line?: number;
}

export interface ObservableOp {
  kind: 'observable';
  index: number;
  lookbacks: readonly number[];
  line?: number;
}

/** Stim's REPEAT block, kept folded so large memory experiments stay small. */
export interface RepeatOp {
  kind: 'repeat';
  count: number;
  body: readonly Instruction[];
  line?: number;
}

/** Annotations that change no state: TICK, QUBIT_COORDS, SHIFT_COORDS. */
export interface TickOp {
  kind: 'tick';
  line?: number;
}

export interface QubitCoordsOp {
  kind: 'qubit_coords';
  targets: readonly number[];
  coords: readonly number[];
  line?: number;
}

export interface ShiftCoordsOp {
  kind: 'shift_coords';
  coords: readonly number[];
  line?: number;
}

export type Instruction =
  | GateOp
  | MeasureOp
  | ResetOp
  | BarrierOp
  | NoiseOp
  | DetectorOp
  | ObservableOp
  | RepeatOp
  | TickOp
  | QubitCoordsOp
  | ShiftCoordsOp;

/** A named register (OpenQASM `qreg`/`creg`, `qubit[n]`/`bit[n]`) mapped onto a flat index range. */
export interface Register {
  name: string;
  size: number;
  offset: number;
}

export interface Circuit {
  numQubits: number;
  /** Classical bits (OpenQASM); Stim circuits have 0 and use the measurement record instead. */
  numBits: number;
  qregs: readonly Register[];
  cregs: readonly Register[];
  instructions: readonly Instruction[];
  /** Where the circuit came from, for messages. */
  source?: { format: 'qasm2' | 'qasm3' | 'stim' | 'ir'; file?: string };
}
