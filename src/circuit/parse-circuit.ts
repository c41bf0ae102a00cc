// One entry point for circuit files: the format follows the file extension, else the content.
import { QnetError } from '../util/errors.js';
import type { Circuit } from './ir.js';
import { parseQasm } from './qasm.js';
import { parseStim } from './stim-parse.js';

export type CircuitFormat = 'qasm' | 'stim';

export function detectCircuitFormat(text: string, file: string): CircuitFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.qasm') || lower.endsWith('.qasm3')) return 'qasm';
  if (lower.endsWith('.stim')) return 'stim';
  // No telling extension: OpenQASM files must open with their version header (after comments).
  return /^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*OPENQASM\b/.test(text) ? 'qasm' : 'stim';
}

/** Parses an OpenQASM 2/3 or Stim circuit; errors carry file:line:column. */
export function parseCircuit(text: string, file: string): Circuit {
  if (text.trim() === '') {
    throw new QnetError('E_CIRCUIT_EMPTY', 'the circuit file is empty', {
      file,
      hint: 'an OpenQASM file starts with `OPENQASM 2.0;` or `OPENQASM 3;`; a Stim file lists instructions',
    });
  }
  return detectCircuitFormat(text, file) === 'qasm' ? parseQasm(text, file) : parseStim(text, file);
}
