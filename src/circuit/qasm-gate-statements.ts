// Gate applications and gate definitions of OpenQASM 2 and 3: name resolution against the
// language's library and the user's definitions, modifiers, parameter and arity checks, register
// broadcast, and the hand-over to qasm-expand.ts.
import { type GateEntry, gate, gateByQasm2, gateByQasm3, gateNames } from '../gates/index.js';
import type { Condition } from './ir.js';
import { didYouMean } from './near-names.js';
import {
  type BodyBarrier,
  type BodyCall,
  type Callee,
  calleeShape,
  ExpandFailure,
  expandCall,
  type Modifier,
  type Sink,
  type UserGate,
} from './qasm-expand.js';
import type { Expr } from './qasm-expr.js';
import { T_EOF, T_IDENT } from './qasm-lexer.js';
import {
  at,
  C_AT,
  C_COMMA,
  C_LBRACE,
  C_LBRACKET,
  C_LPAREN,
  C_RBRACE,
  C_RPAREN,
  C_SEMI,
  MODIFIERS,
  type Operand,
  QasmReader,
  UNSUPPORTED_3,
} from './qasm-reader.js';
import { recognize } from './qasm-recognize.js';

/** Statements that may not appear in a gate body (seeing one usually means a missing '}'). */
const TOP_LEVEL_ONLY = new Set([
  'measure',
  'reset',
  'if',
  'gate',
  'qreg',
  'creg',
  'qubit',
  'bit',
  'include',
  'opaque',
  'OPENQASM',
]);

/**
 * The extra global phase of OpenQASM 3's u2 and u3 over the table's matrices: stdgates.inc
 * (openqasm/openqasm, examples/stdgates.inc) defines both as gphase(−(φ+λ)/2); U(...).
 */
const QASM3_PHASE: Readonly<Record<string, (p: readonly number[]) => number>> = {
  u3: (p) => -(p[1]! + p[2]!) / 2,
  u2: (p) => -(p[0]! + p[1]!) / 2,
};

export class QasmGateReader extends QasmReader {
  protected readonly gates = new Map<string, UserGate>();
  /** Whether qelib1.inc / stdgates.inc were included (redefining their gates is then an error). */
  protected qelib = false;
  protected stdgates = false;

  // ---------------------------------------------------------------- gates

  protected libraryGate(name: string): GateEntry | undefined {
    if (this.version === 2) return gateByQasm2(name);
    return gateByQasm3(name) ?? (this.qelib ? gateByQasm2(name) : undefined);
  }

  protected resolve(name: string, line: number, column: number, inDefinition: boolean): Callee {
    const user = this.gates.get(name);
    if (user) return { kind: 'user', def: user };
    if (this.version === 3 && name === 'gphase') return { kind: 'gphase' };
    const entry = this.libraryGate(name);
    if (entry) {
      const phase = this.version === 3 && entry.qasm3 === name ? QASM3_PHASE[name] : undefined;
      return phase ? { kind: 'table', entry, written: name, phase } : { kind: 'table', entry, written: name };
    }
    const library = this.version === 2 ? 'qelib1.inc' : 'stdgates.inc';
    const candidates = [...this.gates.keys(), ...gateNames(this.version === 2 ? 'qasm2' : 'qasm3')];
    let hint = didYouMean(name, candidates);
    const table = gate(name);
    if (table) {
      hint = `${name} is not in ${library}; define it with a gate block (a definition that computes qnet's ${name} is read as that gate)`;
    } else if (inDefinition) {
      hint = `${hint ? `${hint} ` : ''}A gate body may call only gates defined before it.`;
    } else if (!hint) hint = `define it with a gate block before use, or use a gate of ${library}`;
    return this.fail('E_QASM_UNKNOWN_GATE', `unknown gate '${name}'`, hint, line, column);
  }

  /** ctrl @, ctrl(n) @, negctrl @, inv @, pow(k) @ — OpenQASM 3 only. */
  protected modifiers(params: readonly string[]): Modifier[] {
    const lex = this.lex;
    const list: Modifier[] = [];
    while (this.version === 3 && lex.kind === T_IDENT) {
      const word = lex.tokenText;
      if (!MODIFIERS.has(word)) break;
      const line = lex.tokLine;
      const column = lex.tokColumn;
      lex.next();
      let count = 1;
      let exponent: Expr = 1;
      if (word === 'pow') {
        this.expectPunct(C_LPAREN, "'(' after pow");
        exponent = this.expr(params);
        this.expectPunct(C_RPAREN, "')'");
      } else if ((word === 'ctrl' || word === 'negctrl') && this.isPunct(C_LPAREN)) {
        lex.next();
        const e = this.expr(params);
        if (typeof e !== 'number' || !Number.isInteger(e) || e < 1) {
          this.fail(
            'E_QASM_MODIFIER',
            `${word}(n) needs a positive whole number of controls`,
            undefined,
            line,
            column,
          );
        }
        count = e;
        this.expectPunct(C_RPAREN, "')'");
      }
      this.expectPunct(C_AT, `'@' after ${word}`);
      list.push({ kind: word as Modifier['kind'], count, exponent, line, column });
    }
    return list;
  }

  protected paramList(params: readonly string[]): Expr[] {
    const list: Expr[] = [];
    if (!this.isPunct(C_LPAREN)) return list;
    this.lex.next();
    if (this.isPunct(C_RPAREN)) {
      this.lex.next();
      return list;
    }
    list.push(this.expr(params));
    while (this.isPunct(C_COMMA)) {
      this.lex.next();
      list.push(this.expr(params));
    }
    this.expectPunct(C_RPAREN, "')' or ','");
    return list;
  }

  /** Checks the numbers of parameters and qubits a call supplies against what it needs. */
  protected checkShape(
    name: string,
    callee: Callee,
    modifiers: readonly Modifier[],
    nParams: number,
    nQubits: number,
    line: number,
    column: number,
  ): void {
    const shape = calleeShape(callee);
    if (nParams !== shape.params) {
      const want =
        shape.params === 0 ? 'no parameters' : `${shape.params} parameter${shape.params === 1 ? '' : 's'}`;
      const names =
        callee.kind === 'table'
          ? callee.entry.paramNames
          : callee.kind === 'user'
            ? callee.def.paramNames
            : ['θ'];
      this.fail(
        'E_QASM_PARAMS',
        `${name} takes ${want}, got ${nParams}`,
        shape.params === 0 ? `write ${name} without parentheses` : `write ${name}(${names.join(', ')})`,
        line,
        column,
      );
    }
    let controls = 0;
    for (const m of modifiers) if (m.kind === 'ctrl' || m.kind === 'negctrl') controls += m.count;
    const want = shape.arity + controls;
    if (nQubits !== want) {
      const by = controls > 0 ? ` (${controls} control${controls === 1 ? '' : 's'} + ${shape.arity})` : '';
      const example = Array.from({ length: want }, (_, i) => `q[${i}]`).join(', ');
      this.fail(
        'E_QASM_ARITY',
        `${name} acts on ${want} qubit${want === 1 ? '' : 's'}${by}, got ${nQubits}`,
        controls > 0
          ? `each control modifier takes its qubits first: ... ${name} ${example};`
          : `write ${name} ${example};`,
        line,
        column,
      );
    }
  }

  protected sink(line: number, condition: Condition | undefined): Sink {
    return { out: this.out, line, condition };
  }

  protected gateStatement(condition: Condition | undefined, line: number): void {
    const lex = this.lex;
    const modifiers = this.modifiers([]);
    this.checkLex();
    const nameLine = lex.tokLine;
    const nameColumn = lex.tokColumn;
    const name = this.ident('a gate name');
    const callee = this.resolve(name, nameLine, nameColumn, false);
    const params = this.paramList([]).map((e) => e as number);
    const args =
      callee.kind === 'gphase' && modifiers.length === 0 && this.isPunct(C_SEMI)
        ? []
        : this.operands('qubit');
    this.expectPunct(C_SEMI, "';' after the gate's qubits");
    this.checkShape(name, callee, modifiers, params.length, args.length, nameLine, nameColumn);

    // Broadcast: whole registers run in step, single qubits repeat (OpenQASM 2 spec, section 3).
    let groups = 1;
    let broadcast: Operand | undefined;
    for (const a of args) {
      if (a.index >= 0) continue;
      if (broadcast && a.reg.size !== groups) {
        this.fail(
          'E_QASM_SIZE_MISMATCH',
          `registers ${broadcast.reg.name}[${groups}] and ${a.reg.name}[${a.reg.size}] have different sizes`,
          'a gate applied to whole registers needs registers of equal size',
          a.line,
          a.column,
        );
      }
      broadcast = a;
      groups = a.reg.size;
    }
    const k = args.length;
    const targets = new Array<number>(groups * k);
    for (let g = 0; g < groups; g++) {
      for (let j = 0; j < k; j++) {
        const q = at(args[j]!, g);
        for (let i = 0; i < j; i++) {
          if (targets[g * k + i] === q) {
            this.fail(
              'E_QASM_REPEATED_QUBIT',
              `${name} is applied to the same qubit twice`,
              'each qubit of a gate must be distinct',
              args[j]!.line,
              args[j]!.column,
            );
          }
        }
        targets[g * k + j] = q;
      }
    }
    if (callee.kind === 'table' && modifiers.length === 0) {
      // The common case: one table gate, all groups in one instruction.
      const op = { kind: 'gate' as const, gate: callee.entry.name, targets, params, line };
      this.out.push(condition ? { ...op, condition } : op);
      return;
    }
    const sink = this.sink(line, condition);
    const where = { line: nameLine, column: nameColumn };
    try {
      for (let g = 0; g < groups; g++) {
        expandCall(sink, callee, modifiers, params, targets.slice(g * k, (g + 1) * k), where);
      }
    } catch (e) {
      if (e instanceof ExpandFailure)
        this.fail('E_QASM_MODIFIER', e.detail.message, e.detail.hint, e.detail.line, e.detail.column);
      throw e;
    }
  }

  protected gateDefinition(): void {
    const lex = this.lex;
    const line = lex.tokLine;
    const column = lex.tokColumn;
    lex.next();
    this.checkLex();
    const nameLine = lex.tokLine;
    const nameColumn = lex.tokColumn;
    const name = this.ident('a gate name');
    const library = this.version === 2 ? 'qelib1.inc' : 'stdgates.inc';
    const builtin = this.version === 2 ? name === 'U' || name === 'CX' : name === 'U' || name === 'gphase';
    const shadowsLibrary =
      (this.version === 2 ? this.qelib && gateByQasm2(name) : this.stdgates && gateByQasm3(name)) ||
      (this.version === 3 && this.qelib && gateByQasm2(name));
    if (this.gates.has(name) || builtin || shadowsLibrary) {
      const where = this.gates.has(name)
        ? `on line ${this.gates.get(name)!.line}`
        : builtin
          ? 'as a builtin'
          : `in ${library}`;
      this.fail(
        'E_QASM_DUPLICATE',
        `gate '${name}' is already defined ${where}`,
        'give the new gate another name',
        nameLine,
        nameColumn,
      );
    }
    if (this.version === 3 && (MODIFIERS.has(name) || UNSUPPORTED_3.has(name))) {
      this.fail(
        'E_QASM_SYNTAX',
        `'${name}' is a keyword and cannot name a gate`,
        undefined,
        nameLine,
        nameColumn,
      );
    }
    const paramNames: string[] = [];
    if (this.isPunct(C_LPAREN)) {
      lex.next();
      if (!this.isPunct(C_RPAREN)) {
        paramNames.push(this.ident('a parameter name'));
        while (this.isPunct(C_COMMA)) {
          lex.next();
          paramNames.push(this.ident('a parameter name'));
        }
      }
      this.expectPunct(C_RPAREN, "')' or ','");
    }
    const qubitNames: string[] = [this.ident('a qubit argument')];
    while (this.isPunct(C_COMMA)) {
      lex.next();
      qubitNames.push(this.ident('a qubit argument'));
    }
    const all = [...paramNames, ...qubitNames];
    const dup = all.find((n, i) => all.indexOf(n) !== i);
    if (dup !== undefined)
      this.fail(
        'E_QASM_DUPLICATE',
        `'${dup}' is used twice in the definition of ${name}`,
        undefined,
        nameLine,
        nameColumn,
      );
    this.expectPunct(C_LBRACE, "'{' to open the gate body");
    const body: (BodyCall | BodyBarrier)[] = [];
    for (;;) {
      this.checkLex();
      if (this.isPunct(C_RBRACE)) {
        lex.next();
        break;
      }
      if (lex.kind === T_EOF)
        this.fail('E_QASM_SYNTAX', `the body of gate ${name} is never closed`, "add '}'", line, column);
      body.push(this.bodyStatement(name, paramNames, qubitNames));
    }
    const def: UserGate = { name, paramNames, qubitNames, body, line, column };
    const candidate = gate(name) ?? this.libraryGate(name);
    if (candidate) {
      const table = recognize(def, candidate);
      if (table) def.table = table;
    }
    this.gates.set(name, def);
  }

  protected bodyStatement(
    gateName: string,
    paramNames: readonly string[],
    qubitNames: readonly string[],
  ): BodyCall | BodyBarrier {
    const lex = this.lex;
    const line = lex.tokLine;
    const column = lex.tokColumn;
    const qubit = (): number => {
      this.checkLex();
      const qLine = lex.tokLine;
      const qColumn = lex.tokColumn;
      const q = this.ident('a qubit argument of the gate');
      const k = qubitNames.indexOf(q);
      if (k < 0) {
        this.fail(
          'E_QASM_UNDECLARED',
          `'${q}' is not a qubit argument of gate ${gateName}`,
          `its qubit arguments are ${qubitNames.join(', ')}`,
          qLine,
          qColumn,
        );
      }
      if (this.isPunct(C_LBRACKET)) {
        this.fail(
          'E_QASM_SYNTAX',
          'qubit arguments inside a gate body are single qubits and take no index',
          undefined,
          qLine,
          qColumn,
        );
      }
      return k;
    };
    const qubitList = (): number[] => {
      const list = [qubit()];
      while (this.isPunct(C_COMMA)) {
        lex.next();
        list.push(qubit());
      }
      return list;
    };
    if (lex.isWord('barrier')) {
      lex.next();
      const qubits = qubitList();
      this.expectPunct(C_SEMI, "';'");
      return { kind: 'barrier', qubits };
    }
    if (lex.kind === T_IDENT && TOP_LEVEL_ONLY.has(lex.tokenText)) {
      this.fail(
        'E_QASM_SYNTAX',
        `'${lex.tokenText}' is not allowed inside the body of gate ${gateName}`,
        lex.isWord('measure') || lex.isWord('reset') || lex.isWord('if')
          ? 'a gate body holds gate calls only'
          : "is the '}' closing the gate body missing?",
      );
    }
    const modifiers = this.modifiers(paramNames);
    this.checkLex();
    const nameLine = lex.tokLine;
    const nameColumn = lex.tokColumn;
    const name = this.ident('a gate name');
    if (name === gateName && !this.gates.has(name)) {
      this.fail('E_QASM_UNKNOWN_GATE', `gate ${name} cannot call itself`, undefined, nameLine, nameColumn);
    }
    const callee = this.resolve(name, nameLine, nameColumn, true);
    const params = this.paramList(paramNames);
    const qubits =
      callee.kind === 'gphase' && modifiers.length === 0 && this.isPunct(C_SEMI) ? [] : qubitList();
    this.expectPunct(C_SEMI, "';'");
    this.checkShape(name, callee, modifiers, params.length, qubits.length, nameLine, nameColumn);
    for (let j = 0; j < qubits.length; j++) {
      if (qubits.indexOf(qubits[j]!) !== j) {
        this.fail(
          'E_QASM_REPEATED_QUBIT',
          `${name} is applied to the same qubit twice`,
          undefined,
          nameLine,
          nameColumn,
        );
      }
    }
    return { kind: 'call', callee, modifiers, params, qubits, line, column };
  }
}
