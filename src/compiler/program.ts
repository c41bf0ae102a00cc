// The distributed program: one instruction stream per QPU, JSON-serialisable. Streams meet only
// through e-bits (both ends name the same e-bit id) and classical messages (send/recv of bits).
// Every cross-QPU dependency points backwards in the order the emitter produced them, so running
// each stream in order (instructions on disjoint slots may overlap) cannot deadlock.
//
// Slots: QPU i has `slots` qubits numbered 0..slots−1; any slot may hold data or an e-bit half.
// Classical bits: ids 0..numBits−1 are the source circuit's bits (their final values), then the
// earlier values of bits the circuit measures more than once, then protocol bits (cat-entanglement
// and teleportation outcomes); every id is written once.

import type { LocalStep } from './dist-ir.js';

/** A condition on classical bits (least significant first), as in OpenQASM's `if (c == v)`. */
export interface BitCondition {
  readonly bits: readonly number[];
  readonly value: number;
}

export type ProgramInstruction =
  /** A table gate on local slots. */
  | {
      readonly op: 'gate';
      readonly gate: string;
      readonly slots: readonly number[];
      readonly params: readonly number[];
      readonly condition?: BitCondition;
    }
  /** A diagonal two-qubit gate given by local steps on [slotA, slotB] (a cat copy may stand in). */
  | {
      readonly op: 'diag';
      readonly slots: readonly [number, number];
      readonly steps: readonly LocalStep[];
      readonly condition?: BitCondition;
    }
  /** Receive this QPU's half of e-bit `id` (|Φ+⟩ with the partner's half) into a free slot. */
  | { readonly op: 'ebit'; readonly id: number; readonly slot: number; readonly partner: number }
  /** Z measurement (X with basis 'X') into `bit`; `reset` returns the slot to |0⟩ and frees it. */
  | {
      readonly op: 'measure';
      readonly slot: number;
      readonly basis: 'Z' | 'X';
      readonly bit: number;
      readonly reset: boolean;
      readonly condition?: BitCondition;
    }
  | { readonly op: 'reset'; readonly slot: number; readonly condition?: BitCondition }
  /** Pauli `pauli` on `slot` when the XOR of `bits` is 1 (the corrections of the protocols). */
  | {
      readonly op: 'pauli';
      readonly pauli: 'x' | 'z';
      readonly slot: number;
      readonly bits: readonly number[];
    }
  | { readonly op: 'send'; readonly to: number; readonly bits: readonly number[] }
  | { readonly op: 'recv'; readonly from: number; readonly bits: readonly number[] };

export interface QpuProgram {
  readonly name: string;
  /** Data-qubit capacity and communication qubits, as in the topology. */
  readonly capacity: number;
  readonly commQubits: number;
  /** Slots the stream uses (≤ capacity + commQubits). */
  readonly slots: number;
  readonly instructions: readonly ProgramInstruction[];
}

/** Where a logical qubit is at the start or the end: QPU and slot. */
export interface QubitPlace {
  readonly qpu: number;
  readonly slot: number;
}

/** One e-bit: a Bell pair between two linked QPUs, consumed by one protocol step. */
export interface EbitSpec {
  readonly id: number;
  readonly qpus: readonly [number, number];
  readonly purpose: 'cat' | 'teleport';
}

export interface DistributedProgram {
  readonly format: 'qnet-distributed-program';
  readonly version: 1;
  /** The source circuit's qubits and classical bits (outcome order = bit order, as in `qnet simulate`). */
  readonly numQubits: number;
  readonly numBits: number;
  /**
   * Bits of the source circuit's measurements: its numBits (each holding the bit's final value) and
   * after them one id per earlier measurement into a bit measured again later, so every id is
   * written once. Ids from here up are protocol bits, whose outcomes the corrections undo.
   */
  readonly sourceBits: number;
  /** Total classical bits including protocol bits. */
  readonly totalBits: number;
  readonly qpus: readonly QpuProgram[];
  /** Links of the topology the program was compiled for. */
  readonly links: readonly (readonly [number, number])[];
  readonly ebits: readonly EbitSpec[];
  readonly initialPlaces: readonly QubitPlace[];
  readonly finalPlaces: readonly QubitPlace[];
  readonly stats: ProgramStats;
}

export interface ProgramStats {
  /** Bell pairs consumed (a multi-hop copy or teleport counts one per link crossed). */
  readonly ebits: number;
  /** Diagonal two-qubit gates that ran with at least one qubit away from home. */
  readonly remoteGates: number;
  /** Cat copies opened (each serves a run of remote gates). */
  readonly catCopies: number;
  /** Qubit moves by teleportation. */
  readonly teleportations: number;
  readonly twoQubitGates: number;
}
