// OpenQASM in and out: the public face of qasm-parse.ts and qasm-print.ts. Parsers take the text
// and a file name (used only in error messages); nothing here touches the file system.
import type { Circuit } from './ir.js';
import { parseQasmText } from './qasm-parse.js';

export { formatAngle, printQasm2, printQasm3 } from './qasm-print.js';

/** Parses OpenQASM 2.0 or 3, choosing by the `OPENQASM` header (2.0 when there is none). */
export function parseQasm(text: string, file = '<qasm>'): Circuit {
  return parseQasmText(text, file);
}

/** Parses OpenQASM 2.0 (full qelib1.inc); a file that declares another version is refused. */
export function parseQasm2(text: string, file = '<qasm>'): Circuit {
  return parseQasmText(text, file, 2);
}

/** Parses the qnet subset of OpenQASM 3; a file that declares another version is refused. */
export function parseQasm3(text: string, file = '<qasm>'): Circuit {
  return parseQasmText(text, file, 3);
}
