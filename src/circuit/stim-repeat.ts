// Questions about circuits whose REPEAT blocks stay folded: how many measurements, detectors and
// observables they produce, and the unfolded instruction list for engines that want one.

import { QnetError } from '../util/errors.js';
import type { Circuit, Instruction } from './ir.js';

type Source = Circuit | readonly Instruction[];

function instructionsOf(source: Source): readonly Instruction[] {
  return Array.isArray(source) ? source : (source as Circuit).instructions;
}

/** Length of the measurement record the circuit produces, counting every pass of every REPEAT. */
export function countMeasurements(source: Source): number {
  let n = 0;
  for (const op of instructionsOf(source)) {
    if (op.kind === 'measure') n += op.targets.length;
    else if (op.kind === 'repeat') n += op.count * countMeasurements(op.body);
  }
  return n;
}

/** Number of detectors, counting every pass of every REPEAT. */
export function countDetectors(source: Source): number {
  let n = 0;
  for (const op of instructionsOf(source)) {
    if (op.kind === 'detector') n++;
    else if (op.kind === 'repeat') n += op.count * countDetectors(op.body);
  }
  return n;
}

/** Number of logical observables: one more than the largest OBSERVABLE_INCLUDE index, as in Stim. */
export function countObservables(source: Source): number {
  let n = 0;
  for (const op of instructionsOf(source)) {
    if (op.kind === 'observable') n = Math.max(n, op.index + 1);
    else if (op.kind === 'repeat') n = Math.max(n, countObservables(op.body));
  }
  return n;
}

/** Number of instructions once every REPEAT is unrolled. */
export function countFlattened(instructions: readonly Instruction[]): number {
  let n = 0;
  for (const op of instructions) n += op.kind === 'repeat' ? op.count * countFlattened(op.body) : 1;
  return n;
}

/**
 * The instruction list with every REPEAT unrolled, for engines that do not handle folding. Passes share
 * instruction objects (the IR is read-only). Refuses, rather than exhausting memory, past `limit`
 * instructions; an engine that meets that should walk the folded form instead.
 */
export function flattenRepeats(instructions: readonly Instruction[], limit = 10_000_000): Instruction[] {
  const size = countFlattened(instructions);
  if (size > limit) {
    throw new QnetError(
      'E_CIRCUIT_TOO_LARGE',
      `unrolling the REPEAT blocks gives ${size} instructions, more than ${limit}`,
      {
        hint: 'use an engine that runs REPEAT blocks folded, or fewer repetitions',
      },
    );
  }
  const out: Instruction[] = [];
  const unroll = (list: readonly Instruction[]): void => {
    for (const op of list) {
      if (op.kind !== 'repeat') out.push(op);
      else for (let pass = 0; pass < op.count; pass++) unroll(op.body);
    }
  };
  unroll(instructions);
  return out;
}
