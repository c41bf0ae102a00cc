// Circuit IR → OpenQASM 2.0 or 3 text that qnet's parser reads back to the same instructions.
// Gates the language's library lacks are written either with modifiers that the parser maps back
// exactly (OpenQASM 3: `inv @ sx` is sxdg) or as `gate` definitions under the table's name, which
// the parser recognises (qasm-recognize.ts). Registers broadcast where the IR grouped them.
import { type GateEntry, gateOrThrow } from '../gates/index.js';
import { QnetError } from '../util/errors.js';
import type { Circuit, Condition, GateOp, Instruction, MeasureOp, Register, ResetOp } from './ir.js';

type Version = 2 | 3;

/**
 * OpenQASM 3 spellings for gates outside stdgates.inc that the parser turns back into the same
 * table gate (see gates/modifiers.ts).
 */
const QASM3_FORMS: Readonly<Record<string, string>> = {
  sxdg: 'inv @ sx',
  sy: 'pow(1/2) @ y',
  sydg: 'pow(-1/2) @ y',
  cu1: 'ctrl @ u1',
  cu3: 'ctrl @ U',
  csx: 'ctrl @ sx',
  c3x: 'ctrl(3) @ x',
  c4x: 'ctrl(4) @ x',
  c3sqrtx: 'ctrl(3) @ sx',
};

const PI_DENOMINATORS = [1, 2, 3, 4, 6, 8, 12, 16, 32, 64, 128];

/** An angle as text that parses back to exactly the same double: pi fractions when exact. */
export function formatAngle(v: number): string {
  if (!Number.isFinite(v)) throw new QnetError('E_QASM_PRINT', `cannot write the angle ${v} in OpenQASM`);
  if (v === 0) return '0';
  for (const d of PI_DENOMINATORS) {
    const k = Math.round((v * d) / Math.PI);
    if (k === 0 || Math.abs(k) > 1024 || (Math.PI * k) / d !== v) continue;
    const num = k === 1 ? 'pi' : k === -1 ? '-pi' : k < 0 ? `-pi*${-k}` : `pi*${k}`;
    return d === 1 ? num : `${num}/${d}`;
  }
  return String(v);
}

function printError(message: string, hint?: string): QnetError {
  return new QnetError('E_QASM_PRINT', message, hint === undefined ? {} : { hint });
}

/** Registers to print: the circuit's own when they tile the index range in order, else one. */
function layout(regs: readonly Register[], n: number, fallback: string): Register[] {
  let next = 0;
  for (const r of regs) {
    if (r.offset !== next || r.size < 1) return n > 0 ? [{ name: fallback, size: n, offset: 0 }] : [];
    next += r.size;
  }
  if (next !== n) return n > 0 ? [{ name: fallback, size: n, offset: 0 }] : [];
  return [...regs];
}

class Printer {
  private readonly lines: string[] = [];
  private readonly defs: string[] = [];
  private readonly defined = new Set<string>();
  private readonly qregs: Register[];
  private readonly cregs: Register[];
  private readonly qubitReg: Int32Array;
  private readonly bitReg: Int32Array;
  /** OpenQASM 2 needs a classical bit for every measurement; Stim-style ones get `rec`. */
  private recordBits = 0;
  private recordNext: number;

  constructor(
    private readonly circuit: Circuit,
    private readonly version: Version,
  ) {
    this.qregs = layout(circuit.qregs, circuit.numQubits, 'q');
    this.cregs = layout(circuit.cregs, circuit.numBits, 'c');
    if (version === 2) this.countRecordBits(circuit.instructions, 1);
    if (this.recordBits > 0) {
      const taken = new Set(this.cregs.map((r) => r.name));
      let name = 'rec';
      while (taken.has(name)) name += '_';
      this.cregs.push({ name, size: this.recordBits, offset: circuit.numBits });
    }
    this.qubitReg = this.index(this.qregs, circuit.numQubits);
    this.bitReg = this.index(this.cregs, circuit.numBits + this.recordBits);
    this.recordNext = circuit.numBits;
  }

  private index(regs: readonly Register[], n: number): Int32Array {
    const map = new Int32Array(n);
    regs.forEach((r, i) => {
      map.fill(i, r.offset, r.offset + r.size);
    });
    return map;
  }

  print(): string {
    for (const ins of this.circuit.instructions) this.instruction(ins);
    const head: string[] = [];
    if (this.version === 2) head.push('OPENQASM 2.0;', 'include "qelib1.inc";');
    else head.push('OPENQASM 3.0;', 'include "stdgates.inc";');
    head.push(...this.defs);
    for (const r of this.qregs)
      head.push(this.version === 2 ? `qreg ${r.name}[${r.size}];` : `qubit[${r.size}] ${r.name};`);
    for (const r of this.cregs)
      head.push(this.version === 2 ? `creg ${r.name}[${r.size}];` : `bit[${r.size}] ${r.name};`);
    return `${[...head, ...this.lines].join('\n')}\n`;
  }

  private countRecordBits(list: readonly Instruction[], times: number): void {
    for (const ins of list) {
      if (ins.kind === 'measure' && ins.bits === undefined) this.recordBits += times * ins.targets.length;
      else if (ins.kind === 'repeat') this.countRecordBits(ins.body, times * ins.count);
    }
  }

  private qubit(q: number): string {
    const r = this.qregs[this.qubitReg[q]!]!;
    return `${r.name}[${q - r.offset}]`;
  }

  private bit(b: number): string {
    const r = this.cregs[this.bitReg[b]!]!;
    return `${r.name}[${b - r.offset}]`;
  }

  /** The register whose indices are exactly `list` in order, if any. */
  private wholeRegister(
    list: readonly number[],
    regs: readonly Register[],
    map: Int32Array,
  ): Register | undefined {
    if (list.length === 0) return undefined;
    const r = regs[map[list[0]!]!];
    if (!r || r.offset !== list[0] || r.size !== list.length) return undefined;
    for (let i = 1; i < list.length; i++) if (list[i] !== r.offset + i) return undefined;
    return r;
  }

  private condition(c: Condition | undefined): string {
    if (!c) return '';
    const reg = this.wholeRegister(c.bits, this.cregs, this.bitReg);
    if (reg) return `if (${reg.name} == ${c.value}) `;
    if (this.version === 3 && c.bits.length === 1) return `if (${this.bit(c.bits[0]!)} == ${c.value}) `;
    throw printError(
      `a condition on bits ${c.bits.join(', ')} is not a whole classical register`,
      this.version === 2
        ? 'OpenQASM 2 conditions compare one whole register; printQasm3 also takes single bits'
        : undefined,
    );
  }

  private instruction(ins: Instruction): void {
    switch (ins.kind) {
      case 'gate':
        this.gate(ins);
        return;
      case 'measure':
        this.measure(ins);
        return;
      case 'reset':
        this.reset(ins);
        return;
      case 'barrier':
        this.barrier(ins.targets);
        return;
      case 'repeat':
        for (let r = 0; r < ins.count; r++) for (const b of ins.body) this.instruction(b);
        return;
      case 'noise':
        throw printError(
          `noise (${ins.channel}) cannot be written in OpenQASM`,
          'print the circuit as Stim instead',
        );
      // Annotations without effect on the state have no OpenQASM form.
      case 'detector':
      case 'observable':
      case 'tick':
      case 'qubit_coords':
      case 'shift_coords':
        return;
    }
  }

  /** How gate `g` is spelled, defining it first if the language's library lacks it. */
  private spelling(g: GateEntry): string {
    const direct = this.version === 2 ? g.qasm2 : g.qasm3;
    if (direct !== null) return direct;
    if (this.version === 3) {
      const form = QASM3_FORMS[g.name];
      if (form) return form;
    }
    this.define(g);
    return g.name;
  }

  private define(g: GateEntry): void {
    if (this.defined.has(g.name)) return;
    this.defined.add(g.name);
    if (!g.definition) throw new Error(`gate ${g.name} has neither an OpenQASM name nor a definition`);
    const body = g.definition.map((s) => {
      const name = this.spelling(gateOrThrow(s.gate));
      const params = s.paramText.length > 0 ? `(${s.paramText.join(',')})` : '';
      return `${name}${params} ${s.targets.map((t) => `q${t}`).join(',')};`;
    });
    const params = g.paramNames.length > 0 ? `(${g.paramNames.join(',')})` : '';
    const qubits = Array.from({ length: g.arity }, (_, i) => `q${i}`).join(',');
    this.defs.push(`gate ${g.name}${params} ${qubits} { ${body.join(' ')} }`);
  }

  private gate(op: GateOp): void {
    const g = gateOrThrow(op.gate);
    const name = this.spelling(g);
    const params = op.params.length > 0 ? `(${op.params.map(formatAngle).join(',')})` : '';
    const prefix = `${this.condition(op.condition)}${name}${params} `;
    const k = g.arity;
    const groups = op.targets.length / k;
    if (!Number.isInteger(groups) || groups < 1)
      throw new Error(`${op.gate}: ${op.targets.length} targets for arity ${k}`);
    if (groups > 1) {
      const args = this.broadcastArgs(op.targets, k, groups);
      if (args) {
        this.lines.push(`${prefix}${args.join(',')};`);
        return;
      }
    }
    for (let g0 = 0; g0 < op.targets.length; g0 += k) {
      const args: string[] = [];
      for (let j = 0; j < k; j++) args.push(this.qubit(op.targets[g0 + j]!));
      this.lines.push(`${prefix}${args.join(',')};`);
    }
  }

  /** Arguments of a register broadcast reproducing these grouped targets, if one exists. */
  private broadcastArgs(targets: readonly number[], k: number, groups: number): string[] | undefined {
    const args: string[] = [];
    let any = false;
    for (let j = 0; j < k; j++) {
      const column = Array.from({ length: groups }, (_, g) => targets[g * k + j]!);
      if (column.every((q) => q === column[0])) {
        args.push(this.qubit(column[0]!));
        continue;
      }
      const r = this.wholeRegister(column, this.qregs, this.qubitReg);
      if (!r) return undefined;
      args.push(r.name);
      any = true;
    }
    return any ? args : undefined;
  }

  private basisChange(
    basis: 'X' | 'Y' | 'Z',
    targets: readonly number[],
    into: boolean,
    prefix: string,
  ): void {
    // Measuring X is H then Z; measuring Y is S† H then Z (and back afterwards).
    const steps = basis === 'X' ? ['h'] : basis === 'Y' ? (into ? ['sdg', 'h'] : ['h', 's']) : [];
    for (const s of steps) for (const q of targets) this.lines.push(`${prefix}${s} ${this.qubit(q)};`);
  }

  private measure(op: MeasureOp): void {
    if (op.flipProbability > 0) {
      throw printError(
        'a noisy measurement (flip probability > 0) cannot be written in OpenQASM',
        'print it as Stim',
      );
    }
    if (op.inverted?.some((x) => x)) {
      throw printError(
        'inverted measurement results (Stim !q) cannot be written in OpenQASM',
        'print it as Stim',
      );
    }
    const prefix = this.condition(op.condition);
    this.basisChange(op.basis, op.targets, true, prefix);
    let bits = op.bits;
    if (!bits && this.version === 2) {
      bits = op.targets.map(() => this.recordNext++);
    }
    const qreg = this.wholeRegister(op.targets, this.qregs, this.qubitReg);
    const creg = bits ? this.wholeRegister(bits, this.cregs, this.bitReg) : undefined;
    if (qreg && (bits === undefined || creg)) {
      if (this.version === 2) this.lines.push(`${prefix}measure ${qreg.name} -> ${creg!.name};`);
      else
        this.lines.push(
          creg ? `${prefix}${creg.name} = measure ${qreg.name};` : `${prefix}measure ${qreg.name};`,
        );
    } else {
      op.targets.forEach((q, i) => {
        const b = bits?.[i];
        if (b === undefined) this.lines.push(`${prefix}measure ${this.qubit(q)};`);
        else if (this.version === 2) this.lines.push(`${prefix}measure ${this.qubit(q)} -> ${this.bit(b)};`);
        else this.lines.push(`${prefix}${this.bit(b)} = measure ${this.qubit(q)};`);
      });
    }
    this.basisChange(op.basis, op.targets, false, prefix);
    if (op.reset)
      this.reset({
        kind: 'reset',
        basis: op.basis,
        targets: op.targets,
        ...(op.condition ? { condition: op.condition } : {}),
      });
  }

  private reset(op: ResetOp): void {
    const prefix = this.condition(op.condition);
    const reg = this.wholeRegister(op.targets, this.qregs, this.qubitReg);
    if (reg) this.lines.push(`${prefix}reset ${reg.name};`);
    else for (const q of op.targets) this.lines.push(`${prefix}reset ${this.qubit(q)};`);
    // |0⟩ → |+⟩ by H; → |+i⟩ by H then S.
    if (op.basis !== 'Z') this.basisChange(op.basis, op.targets, false, prefix);
  }

  private barrier(targets: readonly number[]): void {
    if (targets.length === 0) return;
    const args: string[] = [];
    for (let i = 0; i < targets.length; ) {
      const q = targets[i]!;
      const r = this.qregs[this.qubitReg[q]!]!;
      let whole = q === r.offset && i + r.size <= targets.length;
      for (let j = 1; whole && j < r.size; j++) whole = targets[i + j] === r.offset + j;
      if (whole) {
        args.push(r.name);
        i += r.size;
      } else {
        args.push(this.qubit(q));
        i++;
      }
    }
    this.lines.push(`barrier ${args.join(',')};`);
  }
}

/** OpenQASM 2.0 text (with `include "qelib1.inc";`) for a circuit. */
export function printQasm2(circuit: Circuit): string {
  return new Printer(circuit, 2).print();
}

/** OpenQASM 3 text (with `include "stdgates.inc";`) for a circuit. */
export function printQasm3(circuit: Circuit): string {
  return new Printer(circuit, 3).print();
}
