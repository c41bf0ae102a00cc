// Whole circuits on the state vector. The unitary prefix runs once, fused and cache-blocked; when
// only measurements follow (each qubit measured at most once), every shot is drawn from the exact
// final distribution without re-running anything. Other circuits run the rest shot by shot through
// the generic runner, each shot starting from a copy of the prefix state.
import type { Circuit, Instruction, MeasureOp } from '../circuit/ir.js';
import { gateOrThrow } from '../gates/index.js';
import type { Rng } from '../util/rng.js';
import { recordParity, runShot, type ShotResult } from './run-circuit.js';
import { StatevectorEngine, type StatevectorOptions } from './statevector.js';

/**
 * Applies the unconditional gates at the head of `instructions[start..]` (barriers, ticks and
 * coordinates pass) as one fused run; returns the index of the first instruction not consumed.
 */
export function applyCircuitUnitary(
  engine: StatevectorEngine,
  instructions: readonly Instruction[],
  start = 0,
): number {
  let i = start;
  for (; i < instructions.length; i++) {
    const op = instructions[i]!;
    if (
      op.kind === 'barrier' ||
      op.kind === 'tick' ||
      op.kind === 'qubit_coords' ||
      op.kind === 'shift_coords'
    ) {
      continue;
    }
    if (op.kind !== 'gate' || op.condition !== undefined || op.recordControl !== undefined) break;
    const arity = gateOrThrow(op.gate).arity;
    for (let at = 0; at < op.targets.length; at += arity) {
      engine.applyGate(op.gate, op.targets.slice(at, at + arity), op.params);
    }
  }
  engine.flush();
  return i;
}

export interface SimulateOptions {
  shots: number;
  rng: Rng;
  /** Also return the exact distribution of the terminal measurements, where the circuit ends in them. */
  probabilities?: boolean;
  engine?: StatevectorOptions;
}

export interface StatevectorRun {
  /**
   * The state before the measurements: after the unitary prefix and, when the fast path ran, the
   * rotations of X and Y measurements onto Z.
   */
  state: StatevectorEngine;
  shots: ShotResult[];
  /** Whether shots were sampled from the final distribution (true) or run one by one. */
  sampled: boolean;
  /**
   * With `probabilities` and the fast path: entry i is the probability that terminal measurement j
   * (in circuit order) reads bit j of i, before inversions and flips.
   */
  probabilities?: Float64Array;
}

const INERT = new Set(['barrier', 'tick', 'qubit_coords', 'shift_coords', 'detector', 'observable']);

/** The terminal measurements of `tail`, or null if it holds anything else or measures a qubit twice. */
function terminalMeasurements(tail: readonly Instruction[]): MeasureOp[] | null {
  const measures: MeasureOp[] = [];
  const seen = new Set<number>();
  for (const op of tail) {
    if (INERT.has(op.kind)) continue;
    if (op.kind !== 'measure' || op.condition !== undefined) return null;
    for (const q of op.targets) {
      if (seen.has(q)) return null;
      seen.add(q);
    }
    measures.push(op);
  }
  return measures;
}

export function simulateStatevector(circuit: Circuit, options: SimulateOptions): StatevectorRun {
  const { shots, rng } = options;
  const state = new StatevectorEngine(circuit.numQubits, options.engine);
  const t = applyCircuitUnitary(state, circuit.instructions);
  const tail = circuit.instructions.slice(t);
  const measures = terminalMeasurements(tail);
  if (measures === null) {
    const rest: Circuit = { ...circuit, instructions: tail };
    const results = Array.from({ length: shots }, () => runShot(state.clone(), rest, rng));
    return { state, shots: results, sampled: false };
  }
  const qubits: number[] = [];
  for (const m of measures) {
    for (const q of m.targets) {
      if (m.basis === 'Y') state.applyGate('sdg', [q], []);
      if (m.basis !== 'Z') state.applyGate('h', [q], []);
      qubits.push(q);
    }
  }
  const outcomes = state.sample(qubits, shots, rng);
  const results = Array.from(outcomes, (outcome) => replayTail(tail, outcome, circuit.numBits, rng));
  const run: StatevectorRun = { state, shots: results, sampled: true };
  if (options.probabilities) run.probabilities = state.probabilities(qubits);
  return run;
}

/** One shot's record, bits, detectors and observables from its sampled raw outcome. */
function replayTail(tail: readonly Instruction[], outcome: number, numBits: number, rng: Rng): ShotResult {
  const shot: ShotResult = { record: [], bits: new Uint8Array(numBits), detectors: [], observables: [] };
  let j = 0;
  for (const op of tail) {
    if (op.kind === 'measure') {
      op.targets.forEach((_, i) => {
        let v = Math.floor(outcome / 2 ** j) & 1;
        j++;
        if (op.flipProbability > 0 && rng.next() < op.flipProbability) v ^= 1;
        if (op.inverted?.[i]) v ^= 1;
        shot.record.push(v);
        const bit = op.bits?.[i];
        if (bit !== undefined) shot.bits[bit] = v;
      });
    } else if (op.kind === 'detector') {
      shot.detectors.push(recordParity(shot.record, op.lookbacks));
    } else if (op.kind === 'observable') {
      while (shot.observables.length <= op.index) shot.observables.push(0);
      shot.observables[op.index]! ^= recordParity(shot.record, op.lookbacks);
    }
  }
  return shot;
}
