// Rewrites a circuit into the distribution IR: one-qubit gates plus diagonal two-qubit gates.
// CX becomes H·CZ·H on its target; a pair CX(c,t)·D(t)·CX(c,t) with D diagonal is one diagonal
// gate (it is exp(iθ Z⊗Z) up to phase), which either qubit may carry to a remote QPU. Gates of
// three or more qubits and non-diagonal two-qubit gates go down the table's definitions to {u3, cx}.
import type { Circuit, Condition, Instruction } from '../circuit/ir.js';
import { decompose, gateOrThrow } from '../gates/index.js';
import { QnetError } from '../util/errors.js';
import type { DistCircuit, DistOp, LocalStep } from './dist-ir.js';

const ZERO = 1e-12;

/** Off-diagonal entries all (numerically) zero. */
function isDiagonalGate(name: string, params: readonly number[]): boolean {
  const g = gateOrThrow(name);
  const m = g.matrix(params);
  const d = 1 << g.arity;
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      if (r === c) continue;
      const k = 2 * (r * d + c);
      if (Math.abs(m[k]!) > ZERO || Math.abs(m[k + 1]!) > ZERO) return false;
    }
  return true;
}

/** A primitive of the first pass: a one-qubit gate, a CX, a diagonal pair gate, or a measure/reset. */
type Item =
  | {
      kind: 'one';
      qubit: number;
      gate: string;
      params: readonly number[];
      diagonal: boolean;
      cond?: Condition;
      line?: number;
    }
  | { kind: 'cx'; c: number; t: number; cond?: Condition; line?: number }
  | { kind: 'diag'; qubits: [number, number]; steps: LocalStep[]; cond?: Condition; line?: number }
  | { kind: 'measure'; qubit: number; bit: number; cond?: Condition; line?: number }
  | { kind: 'reset'; qubit: number; cond?: Condition; line?: number };

function where(circuit: Circuit, line: number | undefined): { file?: string; line?: number } {
  return {
    ...(circuit.source?.file ? { file: circuit.source.file } : {}),
    ...(line ? { line } : {}),
  };
}

function unsupported(circuit: Circuit, op: Instruction, what: string): QnetError {
  return new QnetError('E_COMPILE_UNSUPPORTED', `the compiler cannot distribute ${what}`, {
    ...where(circuit, op.line),
    hint: 'distribute OpenQASM circuits of gates, Z measurements, resets and if-conditions; simulate noise and detectors with qnet sample',
  });
}

const opt = <T extends object>(cond: Condition | undefined, line: number | undefined, o: T) => ({
  ...o,
  ...(cond ? { cond } : {}),
  ...(line ? { line } : {}),
});

/** Appends the gate `name` on `qubits` as items, decomposing what is neither 1q, CX nor diagonal. */
function pushGate(
  items: Item[],
  name: string,
  qubits: readonly number[],
  params: readonly number[],
  cond: Condition | undefined,
  line: number | undefined,
): void {
  if (qubits.length === 1) {
    const q = qubits[0]!;
    items.push(
      opt(cond, line, { kind: 'one', qubit: q, gate: name, params, diagonal: isDiagonalGate(name, params) }),
    );
    return;
  }
  if (name === 'cx') {
    items.push(opt(cond, line, { kind: 'cx', c: qubits[0]!, t: qubits[1]! }));
    return;
  }
  if (qubits.length === 2 && isDiagonalGate(name, params)) {
    items.push(
      opt(cond, line, {
        kind: 'diag',
        qubits: [qubits[0]!, qubits[1]!] as [number, number],
        steps: [{ gate: name, targets: [0, 1] as (0 | 1)[], params }],
      }),
    );
    return;
  }
  for (const s of decompose(name, params))
    pushGate(
      items,
      s.gate,
      s.targets.map((t) => qubits[t]!),
      s.params,
      cond,
      line,
    );
}

function firstPass(circuit: Circuit): { items: Item[]; twoQubitGates: number } {
  const items: Item[] = [];
  for (const op of circuit.instructions) {
    switch (op.kind) {
      case 'gate': {
        if (op.recordControl !== undefined) throw unsupported(circuit, op, 'measurement-record feedback');
        const arity = gateOrThrow(op.gate).arity;
        for (let i = 0; i < op.targets.length; i += arity)
          pushGate(items, op.gate, op.targets.slice(i, i + arity), op.params, op.condition, op.line);
        break;
      }
      case 'measure': {
        if (op.basis !== 'Z') throw unsupported(circuit, op, `${op.basis}-basis measurements`);
        if (op.flipProbability > 0 || op.reset || op.inverted?.some((x) => x) || !op.bits)
          throw unsupported(circuit, op, 'noisy, inverted, resetting or record-only (Stim) measurements');
        op.targets.forEach((q, i) => {
          items.push(opt(op.condition, op.line, { kind: 'measure', qubit: q, bit: op.bits![i]! }));
        });
        break;
      }
      case 'reset':
        if (op.basis !== 'Z') throw unsupported(circuit, op, `${op.basis}-basis resets`);
        for (const q of op.targets) items.push(opt(op.condition, op.line, { kind: 'reset', qubit: q }));
        break;
      case 'barrier':
      case 'tick':
      case 'qubit_coords':
      case 'shift_coords':
        break;
      case 'noise':
        throw unsupported(circuit, op, 'noise channels');
      case 'detector':
      case 'observable':
        throw unsupported(circuit, op, 'detectors and observables');
      case 'repeat':
        throw unsupported(circuit, op, 'REPEAT blocks');
    }
  }
  const twoQubitGates = items.filter((it) => it.kind === 'cx' || it.kind === 'diag').length;
  return { items, twoQubitGates };
}

const qubitsOf = (it: Item): number[] =>
  it.kind === 'cx' ? [it.c, it.t] : it.kind === 'diag' ? it.qubits : [it.qubit];

const isFreeDiagonal = (it: Item | undefined, q: number): boolean =>
  it !== undefined && it.kind === 'one' && it.qubit === q && it.diagonal && !it.cond;

/** CX(c,t)·D(t)·CX(c,t) → one diagonal op; D(c) between them commutes and stays where it is. */
function mergeCxPairs(items: Item[]): Item[] {
  const numQubits = items.reduce((m, it) => Math.max(m, ...qubitsOf(it)), -1) + 1;
  const uses: number[][] = Array.from({ length: numQubits }, () => []);
  items.forEach((it, i) => {
    for (const q of qubitsOf(it)) uses[q]!.push(i);
  });
  const pos = new Int32Array(items.length * 2).fill(-1);
  // Position of item i in the use list of its qubit k, found in one sweep.
  const cursor: number[] = [];
  items.forEach((it, i) => {
    qubitsOf(it).forEach((q, k) => {
      pos[2 * i + k] = cursor[q] ?? 0;
      cursor[q] = (cursor[q] ?? 0) + 1;
    });
  });
  const out: (Item | undefined)[] = items.slice();
  for (let i = 0; i < items.length; i++) {
    const it = out[i];
    if (it?.kind !== 'cx' || it.cond) continue;
    const nextNonDiag = (q: number, k: number): number => {
      const list = uses[q]!;
      for (let u = pos[2 * i + k]! + 1; u < list.length; u++) {
        const j = list[u]!;
        if (!isFreeDiagonal(out[j], q)) return j;
      }
      return -1;
    };
    const jc = nextNonDiag(it.c, 0);
    const jt = nextNonDiag(it.t, 1);
    const partner = jc >= 0 ? out[jc] : undefined;
    if (jc < 0 || jc !== jt || !partner || partner.kind !== 'cx' || partner.cond) continue;
    if (partner.c !== it.c || partner.t !== it.t) continue;
    const steps: LocalStep[] = [{ gate: 'cx', targets: [0, 1], params: [] }];
    const list = uses[it.t]!;
    for (let u = pos[2 * i + 1]! + 1; list[u]! < jc; u++) {
      const d = out[list[u]!];
      if (d?.kind === 'one') steps.push({ gate: d.gate, targets: [1], params: d.params });
      out[list[u]!] = undefined;
    }
    steps.push({ gate: 'cx', targets: [0, 1], params: [] });
    out[i] = opt(undefined, it.line, {
      kind: 'diag' as const,
      qubits: [it.c, it.t] as [number, number],
      steps,
    });
    out[jc] = undefined;
  }
  return out.filter((x): x is Item => x !== undefined);
}

/** CX → H·CZ·H, then adjacent unconditioned H·H on a qubit cancel. */
function toOps(items: readonly Item[], numQubits: number): DistOp[] {
  const ops: (DistOp | undefined)[] = [];
  const stacks: number[][] = Array.from({ length: numQubits }, () => []);
  const push = (op: DistOp, qubits: readonly number[]): void => {
    if (op.kind === 'one' && op.gate === 'h' && !op.condition) {
      const stack = stacks[op.qubit]!;
      const last = stack[stack.length - 1];
      const prev = last === undefined ? undefined : ops[last];
      if (prev?.kind === 'one' && prev.gate === 'h' && !prev.condition) {
        ops[last!] = undefined;
        stack.pop();
        return;
      }
    }
    ops.push(op);
    for (const q of qubits) stacks[q]!.push(ops.length - 1);
  };
  const extra = (it: Item) => ({
    ...(it.cond ? { condition: it.cond } : {}),
    ...(it.line ? { line: it.line } : {}),
  });
  for (const it of items) {
    switch (it.kind) {
      case 'one':
        push(
          {
            kind: 'one',
            qubit: it.qubit,
            gate: it.gate,
            params: it.params,
            diagonal: it.diagonal,
            ...extra(it),
          },
          [it.qubit],
        );
        break;
      case 'cx':
        push({ kind: 'one', qubit: it.t, gate: 'h', params: [], diagonal: false, ...extra(it) }, [it.t]);
        push(
          {
            kind: 'diag',
            qubits: [it.c, it.t],
            steps: [{ gate: 'cz', targets: [0, 1], params: [] }],
            ...extra(it),
          },
          [it.c, it.t],
        );
        push({ kind: 'one', qubit: it.t, gate: 'h', params: [], diagonal: false, ...extra(it) }, [it.t]);
        break;
      case 'diag':
        push({ kind: 'diag', qubits: it.qubits, steps: it.steps, ...extra(it) }, it.qubits);
        break;
      case 'measure':
        push({ kind: 'measure', qubit: it.qubit, bit: it.bit, ...extra(it) }, [it.qubit]);
        break;
      case 'reset':
        push({ kind: 'reset', qubit: it.qubit, ...extra(it) }, [it.qubit]);
        break;
    }
  }
  return ops.filter((x): x is DistOp => x !== undefined);
}

/** The circuit in the distribution IR (same unitary up to global phase, same measurements). */
export function toDistCircuit(circuit: Circuit): DistCircuit {
  const { items, twoQubitGates } = firstPass(circuit);
  const ops = toOps(mergeCxPairs(items), circuit.numQubits);
  const order = layerOrder(ops, circuit.numQubits, circuit.numBits);
  return {
    numQubits: circuit.numQubits,
    numBits: circuit.numBits,
    ops: order.map((i) => ops[i]!),
    twoQubitGates,
    sourceIndex: Int32Array.from(order),
  };
}

/**
 * The ops re-listed layer by layer (as soon as possible in two-qubit depth), so that time slices,
 * which are contiguous stretches of the op list, cut the circuit across its width rather than
 * along the order the source happened to list independent gates in. Only ops sharing no qubit and
 * no classical bit swap places: every qubit and every bit sees its ops in the same order, so the
 * circuit is the same.
 */
function layerOrder(ops: readonly DistOp[], numQubits: number, numBits: number): number[] {
  // Wires: qubits, then classical bits. Keys never decrease along a wire; ties keep source order.
  const last = new Float64Array(numQubits + numBits);
  const keys = new Float64Array(ops.length);
  const wires: number[] = [];
  ops.forEach((op, i) => {
    wires.length = 0;
    if (op.kind === 'diag') wires.push(op.qubits[0], op.qubits[1]);
    else wires.push(op.qubit);
    if (op.kind === 'measure') wires.push(numQubits + op.bit);
    if (op.condition) for (const b of op.condition.bits) wires.push(numQubits + b);
    let key = 0;
    for (const w of wires) key = Math.max(key, last[w]!);
    if (op.kind === 'diag') key = Math.floor(key) + 1;
    keys[i] = key;
    for (const w of wires) last[w] = key;
  });
  const order = Array.from({ length: ops.length }, (_, i) => i);
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  return order;
}
