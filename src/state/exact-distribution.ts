// The exact distribution of a circuit's classical outcome, by branching the state at every
// mid-circuit measurement, reset and (for pure-state engines) noise term. Terminal measurements
// are read off the final state in one step when the engine can give joint probabilities.
import type { Basis, Circuit, Condition, Instruction, MeasureOp, NoiseChannel } from '../circuit/ir.js';
import { flattenRepeats } from '../circuit/stim-repeat.js';
import { gateOrThrow } from '../gates/index.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { rotateFromZ, rotateToZ } from './basis-change.js';
import type { StateEngine } from './engine.js';
import { conditionHolds } from './run-circuit.js';

/** Outcomes with less probability than this are dropped: far below any tolerance we test to. */
const NEGLIGIBLE = 1e-15;
export const MAX_OUTCOME_BITS = 24;

interface Branch {
  engine: StateEngine;
  bits: Uint8Array;
  record: number[];
  probability: number;
}

export interface ExactOptions {
  /** Refuse circuits that would need more live branches than this (default 2^16). */
  maxBranches?: number;
  /**
   * Measurements (by identity) whose outcomes are drawn from `rng` instead of branched: the result
   * is then the distribution conditioned on those draws. Exact when the rest of the circuit makes the
   * outcome independent of them, as the corrections of teleportation and cat-entanglement do.
   * Readout flips of these measurements are still branched.
   */
  sampled?: { readonly measurements: ReadonlySet<Instruction>; readonly rng: Rng };
}

// Exact engines ignore randomness; the interface still wants a stream.
const NO_RANDOMNESS = Rng.fromSeed(0);

/** Splits a branch on the Z outcome of `q` in `basis`; `reset` returns each part to the +1 eigenstate. */
function splitOnOutcome(b: Branch, q: number, basis: Basis, reset: boolean): [Branch, 0 | 1][] {
  rotateToZ(b.engine, q, basis);
  const p1 = b.engine.probabilityOfOne!(q);
  const live1 = b.probability * p1 >= NEGLIGIBLE;
  const parts: [Branch, 0 | 1][] = [];
  for (const outcome of [0, 1] as const) {
    const p = outcome === 1 ? p1 : 1 - p1;
    if (b.probability * p < NEGLIGIBLE) continue;
    // The branch's own engine goes to the last live outcome; earlier ones get copies.
    const engine = outcome === 1 || !live1 ? b.engine : b.engine.clone();
    engine.project!(q, outcome);
    if (reset && outcome === 1) engine.applyGate('x', [q], []);
    rotateFromZ(engine, q, basis);
    parts.push([
      { engine, bits: b.bits.slice(), record: b.record.slice(), probability: b.probability * p },
      outcome,
    ]);
  }
  return parts;
}

/** Like splitOnOutcome, but keeps one outcome drawn with its probability; the branch's weight is unchanged. */
function sampleOutcome(b: Branch, q: number, basis: Basis, reset: boolean, rng: Rng): [Branch, 0 | 1][] {
  rotateToZ(b.engine, q, basis);
  const p1 = b.engine.probabilityOfOne!(q);
  const outcome: 0 | 1 = rng.next() < p1 ? 1 : 0;
  b.engine.project!(q, outcome);
  if (reset && outcome === 1) b.engine.applyGate('x', [q], []);
  rotateFromZ(b.engine, q, basis);
  return [[b, outcome]];
}

/** Pauli terms of a channel on one target group: [paulis per target as 'I'|'X'|'Y'|'Z', probability]. */
function pauliTerms(channel: NoiseChannel, probabilities: readonly number[]): [string, number][] {
  const p = probabilities[0] ?? 0;
  switch (channel) {
    case 'x_error':
      return [
        ['I', 1 - p],
        ['X', p],
      ];
    case 'y_error':
      return [
        ['I', 1 - p],
        ['Y', p],
      ];
    case 'z_error':
      return [
        ['I', 1 - p],
        ['Z', p],
      ];
    case 'depolarize1':
      return [
        ['I', 1 - p],
        ['X', p / 3],
        ['Y', p / 3],
        ['Z', p / 3],
      ];
    case 'pauli_channel_1': {
      const [px = 0, py = 0, pz = 0] = probabilities;
      return [
        ['I', 1 - px - py - pz],
        ['X', px],
        ['Y', py],
        ['Z', pz],
      ];
    }
    case 'depolarize2':
    case 'pauli_channel_2': {
      // Stim's order for PAULI_CHANNEL_2: IX IY IZ XI XX XY XZ YI ... ZZ (first letter: first target).
      const names = ['I', 'X', 'Y', 'Z'];
      const terms: [string, number][] = [['II', 0]];
      let rest = 1;
      for (let k = 1; k < 16; k++) {
        const pk = channel === 'depolarize2' ? p / 15 : (probabilities[k - 1] ?? 0);
        terms.push([`${names[k >> 2]}${names[k & 3]}`, pk]);
        rest -= pk;
      }
      terms[0]![1] = rest;
      return terms;
    }
  }
}

function applyNoiseByBranching(
  branches: Branch[],
  channel: NoiseChannel,
  targets: readonly number[],
  probs: readonly number[],
): Branch[] {
  const arity = channel === 'depolarize2' || channel === 'pauli_channel_2' ? 2 : 1;
  const terms = pauliTerms(channel, probs).filter(([, p]) => p > 0);
  for (let i = 0; i < targets.length; i += arity) {
    const next: Branch[] = [];
    for (const b of branches) {
      terms.forEach(([paulis, p], k) => {
        if (b.probability * p < NEGLIGIBLE) return;
        const engine = k === terms.length - 1 ? b.engine : b.engine.clone();
        for (let j = 0; j < arity; j++) {
          const pauli = paulis[j]!;
          if (pauli !== 'I') engine.applyGate(pauli.toLowerCase(), [targets[i + j]!], []);
        }
        next.push({ engine, bits: b.bits.slice(), record: b.record.slice(), probability: b.probability * p });
      });
    }
    branches = next;
  }
  return branches;
}

function record(b: Branch, op: MeasureOp, i: number, outcome: number): void {
  const value = op.inverted?.[i] ? outcome ^ 1 : outcome;
  b.record.push(value);
  const bit = op.bits?.[i];
  if (bit !== undefined) b.bits[bit] = value;
}

/** Applies `split` to the branches whose classical bits satisfy `condition`; the others pass unchanged. */
function splitWhereConditionHolds(
  branches: Branch[],
  condition: Condition | undefined,
  split: (b: Branch) => Branch[],
): Branch[] {
  return branches.flatMap((b) => (conditionHolds(condition, b.bits) ? split(b) : [b]));
}

function step(branches: Branch[], op: Instruction, sampled: ExactOptions['sampled']): Branch[] {
  switch (op.kind) {
    case 'gate': {
      const arity = gateOrThrow(op.gate).arity;
      for (const b of branches) {
        if (!conditionHolds(op.condition, b.bits)) continue;
        if (op.recordControl !== undefined && (b.record[b.record.length - op.recordControl] ?? 0) === 0)
          continue;
        for (let i = 0; i < op.targets.length; i += arity)
          b.engine.applyGate(op.gate, op.targets.slice(i, i + arity), op.params);
      }
      return branches;
    }
    case 'measure':
      return splitWhereConditionHolds(branches, op.condition, (b) => {
        let live = [b];
        op.targets.forEach((q, i) => {
          const next: Branch[] = [];
          for (const lb of live) {
            const parts = sampled?.measurements.has(op)
              ? sampleOutcome(lb, q, op.basis, op.reset, sampled.rng)
              : splitOnOutcome(lb, q, op.basis, op.reset);
            for (const [part, outcome] of parts) {
              if (op.flipProbability > 0) {
                const flipped: Branch = {
                  ...part,
                  engine: part.engine.clone(),
                  bits: part.bits.slice(),
                  record: part.record.slice(),
                };
                flipped.probability *= op.flipProbability;
                part.probability *= 1 - op.flipProbability;
                record(flipped, op, i, outcome ^ 1);
                next.push(flipped);
              }
              record(part, op, i, outcome);
              next.push(part);
            }
          }
          live = next;
        });
        return live;
      });
    case 'reset':
      return splitWhereConditionHolds(branches, op.condition, (b) => {
        let live = [b];
        for (const q of op.targets)
          live = live.flatMap((lb) => splitOnOutcome(lb, q, op.basis, true).map(([p]) => p));
        return live;
      });
    case 'noise':
      if (branches[0]?.engine.capabilities.mixedStates) {
        for (const b of branches)
          b.engine.applyNoise(op.channel, op.targets, op.probabilities, NO_RANDOMNESS);
        return branches;
      }
      return applyNoiseByBranching(branches, op.channel, op.targets, op.probabilities);
    default:
      return branches;
  }
}

/** Index where the trailing run of plain Z measurements (and annotations) begins. */
function terminalStart(ops: readonly Instruction[], sampled: ExactOptions['sampled']): number {
  let t = ops.length;
  while (t > 0) {
    const op = ops[t - 1]!;
    const plainMeasure =
      op.kind === 'measure' &&
      !sampled?.measurements.has(op) &&
      op.basis === 'Z' &&
      !op.reset &&
      op.flipProbability === 0 &&
      op.condition === undefined;
    const inert =
      op.kind === 'barrier' ||
      op.kind === 'tick' ||
      op.kind === 'detector' ||
      op.kind === 'observable' ||
      op.kind === 'qubit_coords' ||
      op.kind === 'shift_coords';
    if (!plainMeasure && !inert) break;
    t--;
  }
  return t;
}

/** Key of an outcome: OpenQASM bits highest first, or (no classical bits) the measurement record in order. */
function outcomeKey(circuit: Circuit, bits: Uint8Array, rec: readonly number[]): string {
  if (circuit.numBits > 0) {
    let s = '';
    for (let i = bits.length - 1; i >= 0; i--) s += bits[i] ? '1' : '0';
    return s;
  }
  return rec.join('');
}

/**
 * The exact probability of every classical outcome of `circuit`, on fresh engines from `create`.
 * Needs an engine with exact probabilities and projection.
 */
export function exactDistribution(
  create: () => StateEngine,
  circuit: Circuit,
  options: ExactOptions = {},
): Map<string, number> {
  const maxBranches = options.maxBranches ?? 1 << 16;
  const engine = create();
  if (!engine.capabilities.exactProbabilities || !engine.project || !engine.probabilityOfOne) {
    throw new QnetError('E_ENGINE', `the ${engine.name} engine cannot give exact probabilities`, {
      hint: 'use --shots to sample instead, or the statevector or density engine',
    });
  }
  const ops = flattenRepeats(circuit.instructions);
  const outcomeBits =
    circuit.numBits > 0
      ? circuit.numBits
      : ops.reduce((n, op) => n + (op.kind === 'measure' ? op.targets.length : 0), 0);
  if (outcomeBits > MAX_OUTCOME_BITS) {
    throw new QnetError(
      'E_TOO_MANY_BITS',
      `exact probabilities over ${outcomeBits} bits would list up to 2^${outcomeBits} outcomes`,
      {
        hint: `--probabilities is limited to ${MAX_OUTCOME_BITS} measured bits; sample with --shots instead`,
      },
    );
  }
  let t = engine.probabilities ? terminalStart(ops, options.sampled) : ops.length;
  const tailQubits = ops.slice(t).flatMap((op) => (op.kind === 'measure' ? op.targets : []));
  if (new Set(tailQubits).size !== tailQubits.length) t = ops.length;
  let branches: Branch[] = [{ engine, bits: new Uint8Array(circuit.numBits), record: [], probability: 1 }];
  for (let i = 0; i < t; i++) {
    branches = step(branches, ops[i]!, options.sampled);
    if (branches.length > maxBranches) {
      throw new QnetError(
        'E_TOO_MANY_BRANCHES',
        `exact simulation needs more than ${maxBranches} branches (mid-circuit measurements, resets or noise)`,
        {
          hint: 'sample with --shots instead, or use the density engine for noisy circuits',
        },
      );
    }
  }
  const result = new Map<string, number>();
  const add = (key: string, p: number) => result.set(key, (result.get(key) ?? 0) + p);
  const terminal = ops.slice(t).filter((op): op is MeasureOp => op.kind === 'measure');
  const measured = terminal.flatMap((op) => op.targets);
  for (const b of branches) {
    if (measured.length === 0) {
      add(outcomeKey(circuit, b.bits, b.record), b.probability);
      continue;
    }
    const dist = b.engine.probabilities!(measured);
    for (let index = 0; index < dist.length; index++) {
      const p = dist[index]! * b.probability;
      if (p < NEGLIGIBLE) continue;
      const bits = b.bits.slice();
      const rec = b.record.slice();
      let j = 0;
      for (const op of terminal) {
        op.targets.forEach((_, i) => {
          const value = ((index >> j) & 1) ^ (op.inverted?.[i] ? 1 : 0);
          rec.push(value);
          const bit = op.bits?.[i];
          if (bit !== undefined) bits[bit] = value;
          j++;
        });
      }
      add(outcomeKey(circuit, bits, rec), p);
    }
  }
  return result;
}
