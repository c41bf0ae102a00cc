// What each program instruction touches (slots), reads and writes (classical bits), and how long it
// keeps its slots busy. The timing simulation and the lowering both read these facts.
import type { ProgramInstruction } from '../compiler/program.js';
import { gateOrThrow } from '../gates/index.js';
import type { RuntimeQpu } from './network.js';

export function slotsOf(ins: ProgramInstruction): readonly number[] {
  switch (ins.op) {
    case 'gate':
    case 'diag':
      return ins.slots;
    case 'ebit':
    case 'measure':
    case 'reset':
    case 'pauli':
      return [ins.slot];
    default:
      return [];
  }
}

/** Classical bits the instruction needs at its QPU before it may start. */
export function bitsRead(ins: ProgramInstruction): readonly number[] {
  switch (ins.op) {
    case 'pauli':
    case 'send':
      return ins.bits;
    case 'gate':
    case 'diag':
    case 'measure':
    case 'reset':
      return ins.condition?.bits ?? [];
    default:
      return [];
  }
}

/** Classical bits the instruction makes available at its QPU (measure: at its end; recv: on arrival). */
export function bitsWritten(ins: ProgramInstruction): readonly number[] {
  if (ins.op === 'measure') return [ins.bit];
  if (ins.op === 'recv') return ins.bits;
  return [];
}

/** True when the instruction leaves its slot in |0⟩ and free for reuse (an unconditioned reset). */
export function releasesSlot(ins: ProgramInstruction): boolean {
  return (ins.op === 'measure' && ins.reset && !ins.condition) || (ins.op === 'reset' && !ins.condition);
}

const gatePs = (qpu: RuntimeQpu, gate: string): number =>
  gateOrThrow(gate).arity === 1 ? qpu.gate1qPs : qpu.gate2qPs;

/**
 * How long the instruction occupies its slots, in ps. Timing does not depend on outcomes: a
 * conditioned operation or a correction takes its full duration whether or not it fires (the
 * controller plays the gate or an identity of the same length).
 */
export function durationPs(ins: ProgramInstruction, qpu: RuntimeQpu): number {
  switch (ins.op) {
    case 'gate':
      return gatePs(qpu, ins.gate);
    case 'diag':
      return ins.steps.reduce((t, s) => t + gatePs(qpu, s.gate), 0);
    case 'measure':
      return qpu.measurePs + (ins.basis === 'X' ? qpu.gate1qPs : 0) + (ins.reset ? qpu.resetPs : 0);
    case 'reset':
      return qpu.resetPs;
    case 'pauli':
      return qpu.gate1qPs;
    default:
      // e-bits take no time of their own (generation is the link's), messages none of the QPU's.
      return 0;
  }
}
