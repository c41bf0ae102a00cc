// OpenQASM 2.0 and the qnet subset of OpenQASM 3 → circuit IR. One recursive-descent pass over
// the lexer's tokens; register broadcasts become one grouped instruction, user gates are expanded
// into table gates as they are applied. Every user mistake is a QnetError at file:line:column.
// This file holds the program level (header, declarations, measure, reset, barrier, if); gate
// statements are in qasm-gate-statements.ts, tokens and operands in qasm-reader.ts.
import type { Circuit, Condition, MeasureOp, Register, ResetOp } from './ir.js';
import { QasmGateReader } from './qasm-gate-statements.js';
import { T_ARROW, T_EOF, T_EQEQ, T_IDENT, T_NUMBER, T_PUNCT, T_STRING } from './qasm-lexer.js';
import {
  at,
  C_AT,
  C_BANG,
  C_EQUALS,
  C_LBRACE,
  C_LBRACKET,
  C_LPAREN,
  C_RBRACE,
  C_RBRACKET,
  C_RPAREN,
  C_SEMI,
  MAX_REGISTER,
  type Operand,
  type QasmVersion,
  SUBSET_3,
  size,
  UNSUPPORTED_3,
} from './qasm-reader.js';

export type { QasmVersion } from './qasm-reader.js';

export function parseQasmText(text: string, file: string, expected?: QasmVersion): Circuit {
  return new QasmParser(text, file, expected).parse();
}

class QasmParser extends QasmGateReader {
  // ---------------------------------------------------------------- program

  parse(): Circuit {
    this.header();
    while (true) {
      this.checkLex();
      if (this.lex.kind === T_EOF) break;
      this.statement(undefined, false);
    }
    return {
      numQubits: this.numQubits,
      numBits: this.numBits,
      qregs: this.qregs,
      cregs: this.cregs,
      instructions: this.out,
      source: { format: this.version === 2 ? 'qasm2' : 'qasm3', file: this.file },
    };
  }

  private header(): void {
    const lex = this.lex;
    this.checkLex();
    if (lex.isWord('OPENQASM')) {
      const line = lex.tokLine;
      const column = lex.tokColumn;
      lex.next();
      this.checkLex();
      if (lex.kind !== T_NUMBER)
        this.fail('E_QASM_VERSION', `expected a version number, found ${this.found()}`);
      const v = lex.value;
      const text = lex.tokenText;
      if (v >= 2 && v < 3) this.version = 2;
      else if (v >= 3 && v < 4) this.version = 3;
      else {
        this.fail(
          'E_QASM_VERSION',
          `OpenQASM version ${text} is not supported`,
          'qnet reads OPENQASM 2.0 and 3',
        );
      }
      if (this.version === 2 && text !== '2.0' && text !== '2') {
        this.fail('E_QASM_VERSION', `OpenQASM version ${text} is not supported`, 'write OPENQASM 2.0;');
      }
      lex.next();
      this.expectPunct(C_SEMI, "';' after the version");
      if (this.expected !== undefined && this.expected !== this.version) {
        this.fail(
          'E_QASM_VERSION',
          `this file is OpenQASM ${this.version}, not ${this.expected}`,
          this.expected === 2 ? 'use parseQasm3 or parseQasm' : 'use parseQasm2 or parseQasm',
          line,
          column,
        );
      }
      return;
    }
    // No header: OpenQASM 3 makes it optional, and some OpenQASM 2 files in the wild omit it.
    if (this.expected !== undefined) this.version = this.expected;
    else {
      const first = lex.kind === T_IDENT ? lex.tokenText : '';
      const v3 =
        first === 'qubit' || first === 'bit' || /include\s*"stdgates\.inc"/.test(lex.text.slice(0, 4096));
      this.version = v3 ? 3 : 2;
    }
  }

  /**
   * One statement. `condition` is set inside `if`; `nested` forbids declarations and definitions
   * (the body of an if).
   */
  private statement(condition: Condition | undefined, nested: boolean): void {
    const lex = this.lex;
    this.checkLex();
    const line = lex.tokLine;
    if (lex.kind === T_PUNCT && lex.code === C_AT && this.version === 3) {
      this.fail(
        'E_QASM_UNSUPPORTED',
        'annotations are not supported in the qnet OpenQASM 3 subset',
        SUBSET_3,
      );
    }
    if (lex.kind !== T_IDENT) this.fail('E_QASM_SYNTAX', `expected a statement, found ${this.found()}`);
    const word = lex.tokenText;
    const declaration =
      word === 'qreg' ||
      word === 'creg' ||
      word === 'gate' ||
      word === 'include' ||
      word === 'OPENQASM' ||
      word === 'opaque' ||
      (this.version === 3 && (word === 'qubit' || word === 'bit'));
    if (nested && declaration) {
      this.fail(
        'E_QASM_SYNTAX',
        `'${word}' cannot appear inside an if`,
        'declare registers and gates at top level',
      );
    }
    switch (word) {
      case 'OPENQASM':
        this.fail('E_QASM_VERSION', 'the OPENQASM header must be the first statement');
        break;
      case 'include':
        this.include();
        break;
      case 'qreg':
      case 'creg':
        this.oldDeclaration(word === 'qreg' ? 'qubit' : 'bit');
        break;
      case 'gate':
        this.gateDefinition();
        break;
      case 'opaque':
        this.fail(
          'E_QASM_OPAQUE',
          'opaque gates are not supported: qnet must know what every gate does',
          'replace the opaque declaration by a gate definition with a body',
        );
        break;
      case 'measure':
        this.measureStatement(condition, line);
        break;
      case 'reset':
        this.resetStatement(condition, line);
        break;
      case 'barrier':
        this.barrierStatement(line);
        break;
      case 'if':
        if (condition) this.fail('E_QASM_UNSUPPORTED', 'an if inside an if is not supported');
        this.ifStatement();
        break;
      default:
        if (this.version === 3 && (word === 'qubit' || word === 'bit')) this.newDeclaration(word);
        else if (this.version === 3 && UNSUPPORTED_3.has(word)) {
          this.fail(
            'E_QASM_UNSUPPORTED',
            `'${word}' is not supported in the qnet OpenQASM 3 subset`,
            SUBSET_3,
          );
        } else if (this.version === 3 && this.regs.get(word)?.kind === 'bit')
          this.measureAssignment(condition, line);
        else this.gateStatement(condition, line);
    }
  }

  private include(): void {
    const lex = this.lex;
    lex.next();
    this.checkLex();
    if (lex.kind !== T_STRING)
      this.fail('E_QASM_SYNTAX', `expected a file name in quotes, found ${this.found()}`);
    const name = lex.text.slice(lex.start + 1, lex.end - 1);
    const line = lex.tokLine;
    const column = lex.tokColumn;
    lex.next();
    this.expectPunct(C_SEMI, "';' after include");
    if (name === 'qelib1.inc') this.qelib = true;
    else if (name === 'stdgates.inc' && this.version === 3) this.stdgates = true;
    else {
      this.fail(
        'E_QASM_INCLUDE',
        `cannot include '${name}'`,
        this.version === 2
          ? 'qnet knows qelib1.inc; paste the definitions of other files into this one'
          : 'qnet knows stdgates.inc (and qelib1.inc); paste the definitions of other files into this one',
        line,
        column,
      );
    }
  }

  // ---------------------------------------------------------------- declarations

  private declare(kind: 'qubit' | 'bit', name: string, n: number, line: number, column: number): void {
    if (this.regs.has(name) || this.gates.has(name)) {
      this.fail(
        'E_QASM_DUPLICATE',
        `'${name}' is already declared`,
        'give each register its own name',
        line,
        column,
      );
    }
    if (kind === 'qubit') {
      const reg: Register = { name, size: n, offset: this.numQubits };
      this.numQubits += n;
      this.qregs.push(reg);
      this.regs.set(name, { kind, reg });
    } else {
      const reg: Register = { name, size: n, offset: this.numBits };
      this.numBits += n;
      this.cregs.push(reg);
      this.regs.set(name, { kind, reg });
    }
  }

  private registerSize(): number {
    this.checkLex();
    const line = this.lex.tokLine;
    const column = this.lex.tokColumn;
    const n = this.integer('the register size');
    if (n < 1 || n > MAX_REGISTER) {
      this.fail(
        'E_QASM_SYNTAX',
        `register size must be a whole number from 1 to ${MAX_REGISTER} (got ${n})`,
        undefined,
        line,
        column,
      );
    }
    return n;
  }

  /** qreg q[n]; creg c[n]; */
  private oldDeclaration(kind: 'qubit' | 'bit'): void {
    this.lex.next();
    const line = this.lex.tokLine;
    const column = this.lex.tokColumn;
    const name = this.ident('a register name');
    this.expectPunct(C_LBRACKET, "'[' and the register size");
    const n = this.registerSize();
    this.expectPunct(C_RBRACKET, "']'");
    this.expectPunct(C_SEMI, "';'");
    this.declare(kind, name, n, line, column);
  }

  /** qubit[n] q; qubit q; bit[n] c; bit c; */
  private newDeclaration(kind: 'qubit' | 'bit'): void {
    const lex = this.lex;
    lex.next();
    let n = 1;
    if (this.isPunct(C_LBRACKET)) {
      lex.next();
      n = this.registerSize();
      this.expectPunct(C_RBRACKET, "']'");
    }
    const line = lex.tokLine;
    const column = lex.tokColumn;
    const name = this.ident('a register name');
    if (this.isPunct(C_EQUALS)) {
      this.fail(
        'E_QASM_UNSUPPORTED',
        'initialised declarations are not supported in the qnet OpenQASM 3 subset',
        SUBSET_3,
      );
    }
    this.expectPunct(C_SEMI, "';'");
    this.declare(kind, name, n, line, column);
  }

  // ---------------------------------------------------------------- operands

  // ---------------------------------------------------------------- measure, reset, barrier, if

  private emitMeasure(
    q: Operand,
    c: Operand | undefined,
    condition: Condition | undefined,
    line: number,
  ): void {
    const n = size(q);
    if (c && size(c) !== n) {
      this.fail(
        'E_QASM_SIZE_MISMATCH',
        `measuring ${n} qubit${n === 1 ? '' : 's'} into ${size(c)} bit${size(c) === 1 ? '' : 's'}`,
        'measure a register into a classical register of the same size, or one qubit into one bit',
        c.line,
        c.column,
      );
    }
    const targets = Array.from({ length: n }, (_, g) => at(q, g));
    const op: MeasureOp = { kind: 'measure', basis: 'Z', targets, flipProbability: 0, reset: false, line };
    if (c) op.bits = Array.from({ length: n }, (_, g) => at(c, g));
    if (condition) op.condition = condition;
    this.out.push(op);
  }

  /** measure q -> c;  (and OpenQASM 3's bare `measure q;`) */
  private measureStatement(condition: Condition | undefined, line: number): void {
    this.lex.next();
    const q = this.operand('qubit');
    let c: Operand | undefined;
    if (this.lex.kind === T_ARROW) {
      this.lex.next();
      c = this.operand('bit');
    } else if (this.version === 2) {
      this.fail(
        'E_QASM_SYNTAX',
        `expected '->' and a classical bit, found ${this.found()}`,
        'write measure q[0] -> c[0];',
      );
    }
    this.expectPunct(C_SEMI, "';'");
    this.emitMeasure(q, c, condition, line);
  }

  /** c = measure q;  c[0] = measure q[0]; */
  private measureAssignment(condition: Condition | undefined, line: number): void {
    const c = this.operand('bit');
    this.expectPunct(C_EQUALS, "'= measure'", 'the subset assigns classical bits only from measurements');
    if (!this.lex.isWord('measure')) {
      this.fail(
        'E_QASM_UNSUPPORTED',
        'classical assignments other than measurement are not supported',
        SUBSET_3,
      );
    }
    this.lex.next();
    const q = this.operand('qubit');
    this.expectPunct(C_SEMI, "';'");
    this.emitMeasure(q, c, condition, line);
  }

  private resetStatement(condition: Condition | undefined, line: number): void {
    this.lex.next();
    const args = this.operands('qubit');
    this.expectPunct(C_SEMI, "';'");
    const targets: number[] = [];
    for (const a of args) for (let g = 0; g < size(a); g++) targets.push(at(a, g));
    const op: ResetOp = { kind: 'reset', basis: 'Z', targets, line };
    if (condition) op.condition = condition;
    this.out.push(op);
  }

  private barrierStatement(line: number): void {
    this.lex.next();
    const targets: number[] = [];
    if (this.version === 3 && this.isPunct(C_SEMI)) {
      // A bare barrier covers every qubit declared so far.
      for (let q = 0; q < this.numQubits; q++) targets.push(q);
    } else {
      for (const a of this.operands('qubit')) for (let g = 0; g < size(a); g++) targets.push(at(a, g));
    }
    this.expectPunct(C_SEMI, "';'");
    this.out.push({ kind: 'barrier', targets, line });
  }

  private ifStatement(): void {
    const lex = this.lex;
    lex.next();
    this.expectPunct(C_LPAREN, "'(' after if");
    let negate = false;
    if (this.version === 3 && this.isPunct(C_BANG)) {
      negate = true;
      lex.next();
    }
    const c = this.operand('bit');
    let value: number | undefined;
    this.checkLex();
    if (lex.kind === T_EQEQ) {
      lex.next();
      this.checkLex();
      if (this.version === 3 && (lex.isWord('true') || lex.isWord('false'))) {
        value = lex.isWord('true') ? 1 : 0;
        lex.next();
      } else value = this.integer('a whole number to compare with');
    } else if (this.version === 2 || size(c) !== 1) {
      this.fail(
        'E_QASM_UNSUPPORTED',
        `expected '==' and a value, found ${this.found()}`,
        this.version === 2 ? 'OpenQASM 2 conditions read if (creg == n)' : 'write if (c == n) or if (c[i])',
      );
    }
    this.expectPunct(C_RPAREN, "')'");
    if (this.version === 2 && c.index >= 0) {
      this.fail(
        'E_QASM_SYNTAX',
        'OpenQASM 2 conditions compare a whole classical register',
        `write if (${c.reg.name} == n)`,
        c.line,
        c.column,
      );
    }
    const n = size(c);
    if (value === undefined) value = 1;
    if (negate) {
      if (n !== 1 || value > 1)
        this.fail('E_QASM_UNSUPPORTED', "'!' applies to a single bit", undefined, c.line, c.column);
      value = 1 - value;
    }
    const condition: Condition = { bits: Array.from({ length: n }, (_, g) => at(c, g)), value };
    if (this.version === 3 && this.isPunct(C_LBRACE)) {
      lex.next();
      for (;;) {
        this.checkLex();
        if (this.isPunct(C_RBRACE)) {
          lex.next();
          break;
        }
        if (lex.kind === T_EOF) this.fail('E_QASM_SYNTAX', 'the block of the if is never closed', "add '}'");
        this.statement(condition, true);
      }
    } else this.statement(condition, true);
    if (this.version === 3 && lex.isWord('else')) {
      this.fail(
        'E_QASM_UNSUPPORTED',
        "'else' is not supported in the qnet OpenQASM 3 subset",
        'use a second if with the opposite condition',
      );
    }
  }
}
