// Circuit IR → Stim circuit text that Stim reads. Circuits parsed from Stim come back unchanged when the
// text is parsed again (line numbers aside). Circuits from OpenQASM print if they only use what Stim
// has: Clifford gates from Stim's table, measurements and resets, no classical conditions.

import { QnetError } from '../util/errors.js';
import type { Basis, Circuit, Instruction } from './ir.js';
import { stimNameOfGate } from './stim-gates.js';
import { FEEDBACK_PRINT_NAME } from './stim-names.js';

const MEASURE: Readonly<Record<Basis, readonly [string, string]>> = {
  Z: ['M', 'MR'],
  X: ['MX', 'MRX'],
  Y: ['MY', 'MRY'],
};
const RESET: Readonly<Record<Basis, string>> = { Z: 'R', X: 'RX', Y: 'RY' };

const INDENT = '    ';

/**
 * Stim text for a circuit or an instruction list, one instruction per line, REPEAT bodies indented.
 * OpenQASM's classical bits are dropped from measurements: Stim names results by their position in
 * the measurement record instead. Barriers print as TICK, Stim's nearest notion.
 */
export function printStim(circuit: Circuit | readonly Instruction[]): string {
  const instructions = isInstructionList(circuit) ? circuit : circuit.instructions;
  const lines: string[] = [];
  printBlock(instructions, '', lines);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function isInstructionList(value: Circuit | readonly Instruction[]): value is readonly Instruction[] {
  return Array.isArray(value);
}

function printBlock(instructions: readonly Instruction[], indent: string, lines: string[]): void {
  for (const op of instructions) {
    if (op.kind === 'repeat') {
      lines.push(`${indent}REPEAT ${op.count} {`);
      printBlock(op.body, indent + INDENT, lines);
      lines.push(`${indent}}`);
    } else {
      lines.push(indent + printInstruction(op));
    }
  }
}

function printInstruction(op: Exclude<Instruction, { kind: 'repeat' }>): string {
  switch (op.kind) {
    case 'gate': {
      if (op.condition !== undefined) throw noStimForm(op, 'a condition on classical bits');
      if (op.params.length > 0) throw noStimForm(op, `gate '${op.gate}' with parameters`);
      if (op.recordControl !== undefined) {
        const name =
          op.gate === 'x' || op.gate === 'y' || op.gate === 'z' ? FEEDBACK_PRINT_NAME[op.gate] : undefined;
        if (name === undefined)
          throw noStimForm(op, `a record-controlled '${op.gate}' (only x, y, z can be)`);
        const control = ` rec[-${op.recordControl}] `;
        return `${name}${op.targets.map((q) => control + q).join('')}`;
      }
      const name = stimNameOfGate(op.gate);
      if (name === undefined) throw noStimForm(op, `gate '${op.gate}'`);
      return withTargets(name, op.targets);
    }
    case 'measure': {
      if (op.condition !== undefined) throw noStimForm(op, 'a condition on classical bits');
      const name =
        MEASURE[op.basis][op.reset ? 1 : 0] + (op.flipProbability === 0 ? '' : args([op.flipProbability]));
      const inverted = op.inverted;
      if (inverted === undefined) return withTargets(name, op.targets);
      return withTargets(
        name,
        op.targets.map((q, i) => (inverted[i] ? `!${q}` : `${q}`)),
      );
    }
    case 'reset':
      if (op.condition !== undefined) throw noStimForm(op, 'a condition on classical bits');
      return withTargets(RESET[op.basis], op.targets);
    case 'barrier':
      return 'TICK';
    case 'noise':
      return withTargets(op.channel.toUpperCase() + args(op.probabilities), op.targets);
    case 'detector':
      return withRecords(`DETECTOR${args(op.coords)}`, op.lookbacks);
    case 'observable':
      return withRecords(`OBSERVABLE_INCLUDE(${op.index})`, op.lookbacks);
    case 'tick':
      return 'TICK';
    case 'qubit_coords':
      return withTargets(`QUBIT_COORDS${args(op.coords)}`, op.targets);
    case 'shift_coords':
      return `SHIFT_COORDS${args(op.coords)}`;
    default:
      throw new Error(`printStim: unknown instruction kind ${(op as { kind: string }).kind}`);
  }
}

function withTargets(head: string, targets: readonly (number | string)[]): string {
  return targets.length === 0 ? head : `${head} ${targets.join(' ')}`;
}

function withRecords(head: string, lookbacks: readonly number[]): string {
  let text = head;
  for (const k of lookbacks) text += ` rec[-${k}]`;
  return text;
}

/** `(a, b)` as Stim writes it; nothing for an empty list. */
function args(values: readonly number[]): string {
  if (values.length === 0) return '';
  return `(${values.map(formatNumber).join(', ')})`;
}

// Shortest text that reads back as the same double; Stim reads it with strtod.
function formatNumber(x: number): string {
  if (!Number.isFinite(x)) {
    throw new QnetError('E_STIM_PRINT', `the number ${x} has no Stim form`, {
      hint: 'Stim arguments are finite',
    });
  }
  return Object.is(x, -0) ? '-0' : String(x);
}

function noStimForm(op: Instruction, what: string): QnetError {
  const where = op.line === undefined ? '' : ` (line ${op.line})`;
  return new QnetError('E_STIM_PRINT', `${what}${where} has no Stim form`, {
    hint: 'Stim circuits hold Clifford gates, Pauli measurements and resets, Pauli noise and annotations',
  });
}
