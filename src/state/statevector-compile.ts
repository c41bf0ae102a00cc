// Table gate (name, targets, params) → kernel op. Phase-type gates, whose parameters change per call,
// are built directly; every other gate is read from its gate-table matrix, and fixed gates (no
// parameters) are classified once and then only renamed onto their targets.
import { GATES, gate as tableGate } from '../gates/index.js';
import type { GateEntry } from '../gates/types.js';
import { QnetError } from '../util/errors.js';
import { opFromMatrix, remapOp, type SvOp } from './statevector-op.js';

/** Ops of the parameterless gates on qubits 0..k−1 (standing for targets[0..k−1]); null: identity. */
const FIXED_TEMPLATES: ReadonlyMap<string, SvOp | null> = new Map(
  GATES.filter((g) => g.paramNames.length === 0).map((g) => [
    g.name,
    opFromMatrix(
      Array.from({ length: g.arity }, (_, j) => j),
      g.matrix([]),
    ),
  ]),
);

function phase(ctrlAndTarget: number, angle: number): SvOp {
  return {
    kind: 'scale',
    fixed: ctrlAndTarget,
    value: ctrlAndTarget,
    re: Math.cos(angle),
    im: Math.sin(angle),
  };
}

/** rz(θ) = diag(e^{−iθ/2}, e^{iθ/2}) (the OpenQASM 3 / Qiskit matrix, as in the table). */
function rz(target: number, ctrl: number, theta: number): SvOp {
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  return { kind: 'diag1', target, ctrl, d: new Float64Array([c, -s, c, s]) };
}

/** Fast paths for gates whose op follows from a formula; undefined means "use the table". */
function byFormula(name: string, t: readonly number[], p: readonly number[]): SvOp | null | undefined {
  switch (name) {
    case 'p':
    case 'u1':
      return phase(1 << t[0]!, p[0]!);
    case 'cp':
    case 'cu1':
      return phase((1 << t[0]!) | (1 << t[1]!), p[0]!);
    case 'rz':
      return rz(t[0]!, 0, p[0]!);
    case 'crz':
      return rz(t[1]!, 1 << t[0]!, p[0]!);
    default:
      return undefined;
  }
}

export function gateEntry(name: string): GateEntry {
  const entry = tableGate(name);
  if (!entry) {
    throw new QnetError('E_GATE', `the state-vector engine has no gate named ${JSON.stringify(name)}`, {
      hint: 'gates are named as in the gate table (lower case, e.g. h, cx, u3)',
    });
  }
  return entry;
}

/** Checks arity, parameter count and targets (distinct, inside the register). */
export function checkGate(
  entry: GateEntry,
  targets: readonly number[],
  params: readonly number[],
  n: number,
): void {
  if (targets.length !== entry.arity) {
    throw new QnetError(
      'E_ARITY',
      `gate ${entry.name} acts on ${entry.arity} qubit(s), got ${targets.length} target(s)`,
    );
  }
  if (params.length !== entry.paramNames.length) {
    throw new QnetError(
      'E_PARAMS',
      `gate ${entry.name} takes ${entry.paramNames.length} parameter(s), got ${params.length}`,
    );
  }
  for (let i = 0; i < targets.length; i++) {
    const q = targets[i]!;
    if (!Number.isInteger(q) || q < 0 || q >= n) {
      throw new QnetError(
        'E_QUBIT',
        `gate ${entry.name}: qubit ${q} is outside the register of ${n} qubit(s)`,
      );
    }
    for (let j = 0; j < i; j++) {
      if (targets[j] === q) throw new QnetError('E_QUBIT', `gate ${entry.name}: qubit ${q} is used twice`);
    }
  }
}

/** The kernel op of a table gate (targets already checked); null when it is the identity. */
export function compileGate(
  entry: GateEntry,
  targets: readonly number[],
  params: readonly number[],
): SvOp | null {
  const fast = byFormula(entry.name, targets, params);
  if (fast !== undefined) return fast;
  const template = FIXED_TEMPLATES.get(entry.name);
  if (template === undefined) return opFromMatrix(targets, entry.matrix(params));
  return template === null ? null : remapOp(template, (j) => targets[j]!);
}
