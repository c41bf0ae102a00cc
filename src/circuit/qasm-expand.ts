// Expanding OpenQASM gate applications into table gates: user `gate` definitions are macro-expanded
// (linear in the size of the result) and OpenQASM 3 modifiers (ctrl, negctrl, inv, pow) become the
// table's controlled, inverse and powered gates. A combination with no table gate is reported, not
// approximated.
import { controlledOf, type GateCall, type GateEntry, inverseOf, powerOf } from '../gates/index.js';
import type { BarrierOp, Condition, GateOp, Instruction } from './ir.js';
import { type Expr, evalExpr } from './qasm-expr.js';

export interface Modifier {
  kind: 'ctrl' | 'negctrl' | 'inv' | 'pow';
  /** Number of control qubits for ctrl / negctrl. */
  count: number;
  /** Exponent for pow. */
  exponent: Expr;
  line: number;
  column: number;
}

/** What a name in a gate application refers to. */
export type Callee =
  | {
      kind: 'table';
      entry: GateEntry;
      /** Name as written, for messages. */
      written: string;
      /**
       * The language's definition of this name is the table matrix times e^{i·phase(params)}
       * (OpenQASM 3's u2 and u3 carry gphase(−(φ+λ)/2)); it matters only under a control.
       */
      phase?: (params: readonly number[]) => number;
    }
  | { kind: 'user'; def: UserGate }
  | { kind: 'gphase' };

export interface BodyCall {
  kind: 'call';
  callee: Callee;
  modifiers: readonly Modifier[];
  params: readonly Expr[];
  /** Indices into the definition's qubit arguments. */
  qubits: readonly number[];
  line: number;
  column: number;
}

export interface BodyBarrier {
  kind: 'barrier';
  qubits: readonly number[];
}

export interface UserGate {
  name: string;
  paramNames: readonly string[];
  qubitNames: readonly string[];
  body: readonly (BodyCall | BodyBarrier)[];
  line: number;
  column: number;
  /**
   * Set when the body computes a table gate of the same name (checked numerically): uses become
   * that gate, so printed circuits read back exactly. `exactPhase` tells whether the global phase
   * agrees too, which decides whether modifiers may act on the table gate directly.
   */
  table?: { entry: GateEntry; exactPhase: boolean };
}

export interface ExpandError {
  message: string;
  hint?: string;
  line: number;
  column: number;
}

/** Thrown inside expansion and turned into a QnetError by the parser (which knows the file). */
export class ExpandFailure extends Error {
  readonly detail: ExpandError;
  constructor(detail: ExpandError) {
    super(detail.message);
    this.detail = detail;
  }
}

/** Where expanded instructions go, and what each of them carries. */
export interface Sink {
  out: Instruction[];
  line: number;
  condition: Condition | undefined;
  /** When set, uncontrolled global phases are summed here (to compare definitions exactly). */
  phase?: { value: number };
}

interface Ctx {
  controls: readonly number[];
  inverse: boolean;
}

const ROOT: Ctx = { controls: [], inverse: false };
const GPHASE = 'gphase';

function emitGate(sink: Sink, gate: string, targets: readonly number[], params: readonly number[]): void {
  const op: GateOp =
    sink.condition === undefined
      ? { kind: 'gate', gate, targets, params, line: sink.line }
      : { kind: 'gate', gate, targets, params, condition: sink.condition, line: sink.line };
  sink.out.push(op);
}

interface Where {
  line: number;
  column: number;
}

function invertCalls(calls: readonly GateCall[], where: Where, written: string): GateCall[] {
  const out: GateCall[] = [];
  for (let i = calls.length - 1; i >= 0; i--) {
    const c = calls[i]!;
    if (c.gate === GPHASE) {
      out.push({ gate: GPHASE, params: [-c.params[0]!] });
      continue;
    }
    const inv = inverseOf(c.gate, c.params);
    if (!inv) {
      throw new ExpandFailure({
        message: `inv @ ${written}: the inverse of ${c.gate} is not a gate qnet knows`,
        hint: 'write the inverse out as a sequence of gates',
        line: where.line,
        column: where.column,
      });
    }
    out.push(inv);
  }
  return out;
}

function powerCalls(calls: readonly GateCall[], t: number, where: Where, written: string): GateCall[] {
  if (calls.length === 1) {
    const c = calls[0]!;
    if (c.gate === GPHASE) return [{ gate: GPHASE, params: [t * c.params[0]!] }];
    const p = powerOf(c.gate, c.params, t);
    if (p) return p;
  } else if (Number.isInteger(t) && Math.abs(t) <= 1000) {
    const one = t >= 0 ? calls : invertCalls(calls, where, written);
    return Array.from({ length: Math.abs(t) }, () => one).flat();
  }
  throw new ExpandFailure({
    message: `pow(${t}) @ ${written}: qnet has no table gate for this power`,
    hint: 'integer powers work for every gate; other powers for rotations, phases, x, y, z and their roots',
    line: where.line,
    column: where.column,
  });
}

/** Emits one table gate (or a global phase) under `controls`. */
function emitControlled(
  sink: Sink,
  call: GateCall,
  targets: readonly number[],
  controls: readonly number[],
  where: Where,
  written: string,
): void {
  if (call.gate === GPHASE) {
    const phi = call.params[0]!;
    // ctrl @ gphase(φ) is p(φ) on the control; two controls make cp(φ).
    if (controls.length === 0) {
      if (sink.phase) sink.phase.value += phi;
    } else if (controls.length === 1) emitGate(sink, 'p', controls, [phi]);
    else if (controls.length === 2) emitGate(sink, 'cp', controls, [phi]);
    else {
      throw new ExpandFailure({
        message: `a global phase under ${controls.length} controls has no table gate`,
        hint: 'qnet supports gphase with at most two controls',
        ...where,
      });
    }
    return;
  }
  if (controls.length === 0) {
    emitGate(sink, call.gate, targets, call.params);
    return;
  }
  // A controlled identity is the identity.
  if (call.gate === 'id' || call.gate === 'u0') {
    emitGate(sink, call.gate, targets, call.params);
    return;
  }
  const c = controlledOf(call.gate, call.params, controls.length);
  if (!c) {
    throw new ExpandFailure({
      message: `${controls.length === 1 ? 'ctrl' : `ctrl(${controls.length})`} @ ${written}: ${call.gate} with ${controls.length} control${controls.length === 1 ? '' : 's'} is not a gate qnet knows`,
      hint: 'controlled forms exist for x (up to 4 controls), y, z, h, sx (1 or 3), swap, rx, ry, rz, p, u1, u2, u3, U, s, sdg, t, tdg and gphase; decompose the gate first',
      ...where,
    });
  }
  emitGate(sink, c.gate, [...controls, ...targets], c.params);
}

/**
 * Expands one application: `modifiers` (left to right as written) applied to `callee` with
 * evaluated `params` on absolute qubit indices `qubits` (controls first). `scope` holds the
 * parameter values of the enclosing definition, for expressions inside modifiers.
 */
export function expandCall(
  sink: Sink,
  callee: Callee,
  modifiers: readonly Modifier[],
  params: readonly number[],
  qubits: readonly number[],
  where: Where,
  scope: readonly number[] = [],
  ctx: Ctx = ROOT,
): void {
  // Controls take the leading qubits in the order the modifiers are written.
  let used = 0;
  let controls = ctx.controls;
  let negated: number[] | undefined;
  for (const m of modifiers) {
    if (m.kind !== 'ctrl' && m.kind !== 'negctrl') continue;
    const mine = qubits.slice(used, used + m.count);
    used += m.count;
    controls = [...controls, ...mine];
    if (m.kind === 'negctrl') negated = [...(negated ?? []), ...mine];
  }
  const targets = used === 0 ? qubits : qubits.slice(used);
  // negctrl: flip the control around the controlled operation (X c · C(U) · X c).
  if (negated) for (const q of negated) emitGate(sink, 'x', [q], []);

  // A definition recognised as a table gate acts as that gate, unless its global phase differs
  // and something (a control, or a phase comparison) could observe it.
  const table =
    callee.kind === 'user' &&
    callee.def.table &&
    (callee.def.table.exactPhase || (controls.length === 0 && !sink.phase))
      ? callee.def.table.entry
      : undefined;
  if (callee.kind === 'user' && !table) {
    expandUserCall(sink, callee.def, modifiers, params, targets, scope, { controls, inverse: ctx.inverse });
  } else {
    const entry = callee.kind === 'table' ? callee.entry : table;
    const written =
      callee.kind === 'table' ? callee.written : callee.kind === 'user' ? callee.def.name : GPHASE;
    let calls: GateCall[] = [{ gate: entry ? entry.name : GPHASE, params }];
    // A phase the table matrix lacks matters once controlled, or when phases are being summed.
    if (callee.kind === 'table' && callee.phase && (controls.length > 0 || sink.phase)) {
      const phi = callee.phase(params);
      if (phi !== 0) calls = [{ gate: GPHASE, params: [phi] }, ...calls];
    }
    // Modifiers apply from the gate outwards: `inv @ pow(1/2) @ z` is (z^{1/2})^{-1} = sdg.
    for (let i = modifiers.length - 1; i >= 0; i--) {
      const m = modifiers[i]!;
      if (m.kind === 'inv') calls = invertCalls(calls, m, written);
      else if (m.kind === 'pow') calls = powerCalls(calls, evalExpr(m.exponent, scope), m, written);
    }
    if (ctx.inverse) calls = invertCalls(calls, where, written);
    for (const c of calls) emitControlled(sink, c, targets, controls, where, written);
  }
  if (negated) for (const q of negated) emitGate(sink, 'x', [q], []);
}

/** inv and pow on a user gate: its body reversed and repeated (integer powers only). */
function expandUserCall(
  sink: Sink,
  def: UserGate,
  modifiers: readonly Modifier[],
  params: readonly number[],
  targets: readonly number[],
  scope: readonly number[],
  ctx: Ctx,
): void {
  let inverse = ctx.inverse;
  let count = 1;
  for (let i = modifiers.length - 1; i >= 0; i--) {
    const m = modifiers[i]!;
    if (m.kind === 'inv') inverse = !inverse;
    else if (m.kind === 'pow') {
      const t = evalExpr(m.exponent, scope);
      if (!Number.isInteger(t) || Math.abs(count * t) > 1000) {
        throw new ExpandFailure({
          message: `pow(${t}) @ ${def.name}: only integer powers up to 1000 of user-defined gates are supported`,
          hint: 'a power that is not an integer needs a closed form, which qnet has only for table gates',
          line: m.line,
          column: m.column,
        });
      }
      count *= Math.abs(t);
      if (t < 0) inverse = !inverse;
    }
  }
  const inner: Ctx = { controls: ctx.controls, inverse };
  for (let r = 0; r < count; r++) expandUser(sink, def, params, targets, inner);
}

function expandUser(
  sink: Sink,
  def: UserGate,
  params: readonly number[],
  qubits: readonly number[],
  ctx: Ctx,
): void {
  const body = def.body;
  const n = body.length;
  for (let k = 0; k < n; k++) {
    const s = body[ctx.inverse ? n - 1 - k : k]!;
    const mapped = s.qubits.map((q) => qubits[q]!);
    if (s.kind === 'barrier') {
      const op: BarrierOp = { kind: 'barrier', targets: mapped, line: sink.line };
      sink.out.push(op);
      continue;
    }
    const values = s.params.map((e) => evalExpr(e, params));
    expandCall(sink, s.callee, s.modifiers, values, mapped, s, params, ctx);
  }
}

/** Arity (qubits) and parameter count of a callee, before modifiers. */
export function calleeShape(callee: Callee): { arity: number; params: number } {
  if (callee.kind === 'table') return { arity: callee.entry.arity, params: callee.entry.paramNames.length };
  if (callee.kind === 'user')
    return { arity: callee.def.qubitNames.length, params: callee.def.paramNames.length };
  return { arity: 0, params: 1 };
}
