// Drives any StateEngine through a circuit, one instruction at a time: conditions, the measurement
// record, REPEAT blocks, detectors and observables. Engines see only gates, measurements and noise.
import type { Circuit, Condition, Instruction } from '../circuit/ir.js';
import { gateOrThrow } from '../gates/index.js';
import type { Rng } from '../util/rng.js';
import type { StateEngine } from './engine.js';

/** What one shot produced. */
export interface ShotResult {
  /** Every measurement result in order (Stim's measurement record), inversions and flips applied. */
  record: number[];
  /** OpenQASM classical bits, index = bit number. */
  bits: Uint8Array;
  /** Parity of each detector's record bits (raw; XOR with a noiseless reference gives detection events). */
  detectors: number[];
  /** Parity of each logical observable's record bits. */
  observables: number[];
}

export function conditionHolds(condition: Condition | undefined, bits: Uint8Array): boolean {
  if (condition === undefined) return true;
  let value = 0;
  for (let i = condition.bits.length - 1; i >= 0; i--) value = value * 2 + (bits[condition.bits[i]!] ?? 0);
  return value === condition.value;
}

/** Parity of the record bits named by Stim-style look-backs (k means rec[-k]). */
export function recordParity(record: readonly number[], lookbacks: readonly number[]): number {
  let parity = 0;
  for (const k of lookbacks) parity ^= record[record.length - k] ?? 0;
  return parity;
}

function execute(
  engine: StateEngine,
  instructions: readonly Instruction[],
  shot: ShotResult,
  rng: Rng,
): void {
  for (const op of instructions) {
    switch (op.kind) {
      case 'gate': {
        if (!conditionHolds(op.condition, shot.bits)) break;
        // Stim feedback (`CX rec[-k] q`): the Pauli applies only when the record bit reads 1.
        if (op.recordControl !== undefined && recordParity(shot.record, [op.recordControl]) === 0) break;
        const arity = gateOrThrow(op.gate).arity;
        for (let i = 0; i < op.targets.length; i += arity) {
          engine.applyGate(op.gate, op.targets.slice(i, i + arity), op.params);
        }
        break;
      }
      case 'measure': {
        if (!conditionHolds(op.condition, shot.bits)) break;
        op.targets.forEach((q, i) => {
          let outcome: number = engine.measure(q, op.basis, rng);
          if (op.reset) engine.reset(q, op.basis, rng);
          if (op.flipProbability > 0 && rng.next() < op.flipProbability) outcome ^= 1;
          if (op.inverted?.[i]) outcome ^= 1;
          shot.record.push(outcome);
          const bit = op.bits?.[i];
          if (bit !== undefined) shot.bits[bit] = outcome;
        });
        break;
      }
      case 'reset':
        if (!conditionHolds(op.condition, shot.bits)) break;
        for (const q of op.targets) engine.reset(q, op.basis, rng);
        break;
      case 'noise':
        engine.applyNoise(op.channel, op.targets, op.probabilities, rng);
        break;
      case 'detector':
        shot.detectors.push(recordParity(shot.record, op.lookbacks));
        break;
      case 'observable':
        while (shot.observables.length <= op.index) shot.observables.push(0);
        shot.observables[op.index]! ^= recordParity(shot.record, op.lookbacks);
        break;
      case 'repeat':
        for (let r = 0; r < op.count; r++) execute(engine, op.body, shot, rng);
        break;
      case 'barrier':
      case 'tick':
      case 'qubit_coords':
      case 'shift_coords':
        break;
    }
  }
}

/** Runs one shot of `circuit` on `engine` (which it changes), drawing randomness from `rng`. */
export function runShot(engine: StateEngine, circuit: Circuit, rng: Rng): ShotResult {
  const shot: ShotResult = {
    record: [],
    bits: new Uint8Array(circuit.numBits),
    detectors: [],
    observables: [],
  };
  execute(engine, circuit.instructions, shot, rng);
  return shot;
}
