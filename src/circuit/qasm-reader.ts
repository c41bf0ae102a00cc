// The reading machinery shared by the OpenQASM statement parsers: tokens, errors at
// file:line:column, expressions, and register operands with their bounds checks.
import type { QnetError } from '../util/errors.js';
import type { Instruction, Register } from './ir.js';
import { didYouMean } from './near-names.js';
import { type QasmErrorCode, qasmError } from './qasm-errors.js';
import { type Expr, parseExpr } from './qasm-expr.js';
import { QasmLexer, T_EOF, T_IDENT, T_NUMBER, T_PUNCT } from './qasm-lexer.js';

export type QasmVersion = 2 | 3;

// Character codes of the punctuation the statement parsers look for.
export const C_SEMI = 59;
export const C_COMMA = 44;
export const C_LPAREN = 40;
export const C_RPAREN = 41;
export const C_LBRACKET = 91;
export const C_RBRACKET = 93;
export const C_LBRACE = 123;
export const C_RBRACE = 125;
export const C_AT = 64;
export const C_EQUALS = 61;
export const C_BANG = 33;
export const C_COLON = 58;

/** Largest register qnet accepts: far beyond any simulation, small enough to catch typos. */
export const MAX_REGISTER = 1 << 24;

export const SUBSET_3 =
  'the qnet OpenQASM 3 subset has qubit/bit (and qreg/creg) declarations, gate definitions, gate calls ' +
  'with ctrl/negctrl/inv/pow modifiers, gphase, measure, reset, barrier and if on a bit or register';

/** OpenQASM 3 keywords that begin statements outside the qnet subset (refused by name). */
export const UNSUPPORTED_3 = new Set([
  'for',
  'while',
  'def',
  'defcal',
  'cal',
  'defcalgrammar',
  'let',
  'const',
  'input',
  'output',
  'int',
  'uint',
  'float',
  'angle',
  'bool',
  'duration',
  'stretch',
  'complex',
  'array',
  'box',
  'delay',
  'return',
  'break',
  'continue',
  'end',
  'extern',
  'switch',
  'case',
  'default',
  'else',
  'pragma',
  'nop',
]);

/** Gate modifiers of OpenQASM 3 (reserved words there, so they never name a gate). */
export const MODIFIERS = new Set(['ctrl', 'negctrl', 'inv', 'pow']);

export interface RegInfo {
  kind: 'qubit' | 'bit';
  reg: Register;
}

/** A register operand: a whole register (index −1) or one element. */
export interface Operand {
  reg: Register;
  index: number;
  line: number;
  column: number;
}

/** How many qubits or bits an operand stands for. */
export const size = (a: Operand): number => (a.index < 0 ? a.reg.size : 1);
/** The flat index of the g-th element an operand stands for (a single element repeats). */
export const at = (a: Operand, g: number): number => a.reg.offset + (a.index < 0 ? g : a.index);

export class QasmReader {
  protected readonly lex: QasmLexer;
  protected readonly file: string;
  protected readonly expected: QasmVersion | undefined;
  protected version: QasmVersion = 2;
  protected readonly out: Instruction[] = [];
  protected readonly qregs: Register[] = [];
  protected readonly cregs: Register[] = [];
  protected readonly regs = new Map<string, RegInfo>();
  protected numQubits = 0;
  protected numBits = 0;

  constructor(text: string, file: string, expected: QasmVersion | undefined) {
    this.lex = new QasmLexer(text);
    this.file = file;
    this.expected = expected;
  }

  // ---------------------------------------------------------------- errors and tokens

  protected error(
    code: QasmErrorCode,
    message: string,
    hint?: string,
    line?: number,
    column?: number,
  ): QnetError {
    return qasmError(code, message, this.file, line ?? this.lex.tokLine, column ?? this.lex.tokColumn, hint);
  }

  protected fail(code: QasmErrorCode, message: string, hint?: string, line?: number, column?: number): never {
    throw this.error(code, message, hint, line, column);
  }

  /** Lexer errors (unclosed comments or strings) surface at the next token the parser looks at. */
  protected checkLex(): void {
    const e = this.lex.error;
    if (e) this.fail('E_QASM_SYNTAX', e.message, undefined, e.line, e.column);
  }

  protected found(): string {
    const lex = this.lex;
    return lex.kind === T_EOF ? 'end of file' : `'${lex.tokenText}'`;
  }

  protected expectPunct(code: number, what: string, hint?: string): void {
    this.checkLex();
    if (this.lex.kind !== T_PUNCT || this.lex.code !== code) {
      this.fail('E_QASM_SYNTAX', `expected ${what}, found ${this.found()}`, hint);
    }
    this.lex.next();
  }

  protected isPunct(code: number): boolean {
    return this.lex.kind === T_PUNCT && this.lex.code === code;
  }

  protected ident(what: string): string {
    this.checkLex();
    if (this.lex.kind !== T_IDENT) this.fail('E_QASM_SYNTAX', `expected ${what}, found ${this.found()}`);
    const name = this.lex.tokenText;
    this.lex.next();
    return name;
  }

  protected integer(what: string): number {
    this.checkLex();
    const lex = this.lex;
    if (lex.kind !== T_NUMBER || !lex.isInteger)
      this.fail('E_QASM_SYNTAX', `expected ${what}, found ${this.found()}`);
    const v = lex.value;
    lex.next();
    return v;
  }

  protected expr(params: readonly string[]): Expr {
    this.checkLex();
    return parseExpr({
      lex: this.lex,
      version: this.version,
      params,
      fail: (message, hint) => this.fail('E_QASM_SYNTAX', message, hint),
    });
  }

  /** An expression that must be a constant (top level); returns its value. */
  protected constant(): number {
    const e = this.expr([]);
    if (typeof e !== 'number') throw new Error('constant expression folded to a function');
    return e;
  }

  /** A register or register[index] of the given kind. */
  protected operand(kind: 'qubit' | 'bit'): Operand {
    const lex = this.lex;
    this.checkLex();
    const line = lex.tokLine;
    const column = lex.tokColumn;
    if (lex.kind === T_IDENT && lex.text.charCodeAt(lex.start) === 36) {
      this.fail(
        'E_QASM_UNSUPPORTED',
        'physical qubits ($n) are not supported in the qnet OpenQASM 3 subset',
        SUBSET_3,
      );
    }
    const name = this.ident(kind === 'qubit' ? 'a qubit' : 'a classical bit');
    const info = this.regs.get(name);
    if (!info || info.kind !== kind) {
      if (info) {
        this.fail(
          'E_QASM_UNDECLARED',
          `'${name}' is a ${info.kind === 'bit' ? 'classical' : 'quantum'} register, expected ${kind === 'qubit' ? 'qubits' : 'classical bits'} here`,
          kind === 'qubit'
            ? 'gates, measure, reset and barrier act on quantum registers'
            : 'measurement results and conditions use classical registers',
          line,
          column,
        );
      }
      const names = [...this.regs].filter(([, r]) => r.kind === kind).map(([n]) => n);
      const declare =
        this.version === 2
          ? `declare it with ${kind === 'qubit' ? 'qreg' : 'creg'} ${name}[n];`
          : `declare it with ${kind}[n] ${name};`;
      this.fail(
        'E_QASM_UNDECLARED',
        `undeclared ${kind === 'qubit' ? 'quantum' : 'classical'} register '${name}'`,
        didYouMean(name, names) ?? declare,
        line,
        column,
      );
    }
    const reg = info.reg;
    if (!this.isPunct(C_LBRACKET)) return { reg, index: -1, line, column };
    lex.next();
    this.checkLex();
    const ixLine = lex.tokLine;
    const ixColumn = lex.tokColumn;
    if (this.isPunct(C_LBRACE)) {
      this.fail(
        'E_QASM_UNSUPPORTED',
        'index sets {...} are not supported in the qnet OpenQASM 3 subset',
        SUBSET_3,
      );
    }
    let index: number;
    if (this.version === 2) index = this.integer('an index');
    else {
      index = this.constant();
      if (this.isPunct(C_COLON)) {
        this.fail(
          'E_QASM_UNSUPPORTED',
          'ranges a:b are not supported in the qnet OpenQASM 3 subset',
          SUBSET_3,
        );
      }
      if (!Number.isInteger(index))
        this.fail('E_QASM_INDEX', `index must be a whole number (got ${index})`, undefined, ixLine, ixColumn);
    }
    this.expectPunct(C_RBRACKET, "']'");
    if (index < 0 || index >= reg.size) {
      this.fail(
        'E_QASM_INDEX',
        `index ${index} is out of range for ${name}[${reg.size}]`,
        `${name} has indices 0 to ${reg.size - 1}`,
        ixLine,
        ixColumn,
      );
    }
    return { reg, index, line, column };
  }

  protected operands(kind: 'qubit' | 'bit'): Operand[] {
    const list = [this.operand(kind)];
    while (this.isPunct(C_COMMA)) {
      this.lex.next();
      list.push(this.operand(kind));
    }
    return list;
  }
}
