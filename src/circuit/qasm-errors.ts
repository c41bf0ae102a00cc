// Error reporting shared by the OpenQASM lexer, expression parser and statement parser: every
// user mistake becomes a QnetError at file:line:column with a hint on how to fix it.
import { QnetError } from '../util/errors.js';

export type QasmErrorCode =
  | 'E_QASM_SYNTAX'
  | 'E_QASM_VERSION'
  | 'E_QASM_INCLUDE'
  | 'E_QASM_UNKNOWN_GATE'
  | 'E_QASM_ARITY'
  | 'E_QASM_PARAMS'
  | 'E_QASM_UNDECLARED'
  | 'E_QASM_INDEX'
  | 'E_QASM_DUPLICATE'
  | 'E_QASM_REPEATED_QUBIT'
  | 'E_QASM_SIZE_MISMATCH'
  | 'E_QASM_OPAQUE'
  | 'E_QASM_MODIFIER'
  | 'E_QASM_UNSUPPORTED'
  | 'E_QASM_PRINT';

export function qasmError(
  code: QasmErrorCode,
  message: string,
  file: string,
  line: number,
  column: number,
  hint?: string,
): QnetError {
  return new QnetError(
    code,
    message,
    hint === undefined ? { file, line, column } : { file, line, column, hint },
  );
}
