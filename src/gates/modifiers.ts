// Inverse, controlled and powered forms of table gates as table gates, exactly (global phase
// included, because a control turns a global phase into a relative one). This is what an
// OpenQASM 3 `inv @`, `ctrl @`, `pow(k) @` becomes; combinations with no table gate give undefined
// and the caller reports them.
import type { GateCall } from './types.js';

const PI = Math.PI;
const call = (gate: string, params: readonly number[] = []): GateCall => ({ gate, params });

const SELF_INVERSE = new Set([
  'id',
  'x',
  'y',
  'z',
  'h',
  'h_xy',
  'h_yz',
  'cx',
  'cy',
  'cz',
  'swap',
  'ch',
  'ccx',
  'cswap',
  'rccx',
  'c3x',
  'c4x',
  'xcx',
  'xcy',
  'xcz',
  'ycx',
  'ycy',
  'ycz',
]);
const INVERSE_PAIRS: readonly (readonly [string, string])[] = [
  ['s', 'sdg'],
  ['t', 'tdg'],
  ['sx', 'sxdg'],
  ['sy', 'sydg'],
  ['c_xyz', 'c_zyx'],
  ['iswap', 'iswapdg'],
  ['sqrt_xx', 'sqrt_xxdg'],
  ['sqrt_yy', 'sqrt_yydg'],
  ['sqrt_zz', 'sqrt_zzdg'],
];
const INVERSE_NAME = new Map<string, string>();
for (const [a, b] of INVERSE_PAIRS) {
  INVERSE_NAME.set(a, b);
  INVERSE_NAME.set(b, a);
}

/** exp(−iθ/2 P)-type gates: eigenphases ±θ/2, so g(θ)^t = g(tθ) and g(θ)† = g(−θ). */
const ROTATIONS = new Set(['rx', 'ry', 'rz', 'rxx', 'ryy', 'rzz', 'crx', 'cry', 'crz']);
/** diag(1, e^{iλ})-type gates: g(λ)^t = g(tλ) and g(λ)† = g(−λ). */
const PHASES = new Set(['p', 'u1', 'cp', 'cu1']);

/** The exact inverse as one table gate, or undefined (csx, rc3x, c3sqrtx have none in the table). */
export function inverseOf(name: string, params: readonly number[] = []): GateCall | undefined {
  if (SELF_INVERSE.has(name)) return call(name, params);
  const other = INVERSE_NAME.get(name);
  if (other) return call(other);
  if (ROTATIONS.has(name) || PHASES.has(name) || name === 'u0')
    return call(
      name,
      params.map((v) => -v),
    );
  const [a = 0, b = 0, c = 0, d = 0] = params;
  // U(θ, φ, λ)† = U(−θ, −λ, −φ) (conjugate transpose of the U matrix, entry by entry).
  if (name === 'u3' || name === 'u' || name === 'cu3') return call(name, [-a, -c, -b]);
  if (name === 'u2') return call('u3', [-PI / 2, -b, -a]);
  if (name === 'cu') return call('cu', [-a, -c, -b, -d]);
  return undefined;
}

/** Controlled gates as (base gate, number of controls); the base keeps the gate's parameters. */
const FAMILY: Readonly<Record<string, readonly [string, number]>> = {
  cx: ['x', 1],
  ccx: ['x', 2],
  c3x: ['x', 3],
  c4x: ['x', 4],
  cy: ['y', 1],
  cz: ['z', 1],
  ch: ['h', 1],
  csx: ['sx', 1],
  c3sqrtx: ['sx', 3],
  cswap: ['swap', 1],
  crx: ['rx', 1],
  cry: ['ry', 1],
  crz: ['rz', 1],
  cp: ['p', 1],
  cu1: ['u1', 1],
  cu3: ['u3', 1],
};
const BY_FAMILY = new Map<string, string>();
for (const [name, [base, n]] of Object.entries(FAMILY)) BY_FAMILY.set(`${base}/${n}`, name);

/** Fixed phase gates as p(angle), so that ctrl @ s becomes cp(π/2). */
const FIXED_PHASE: Readonly<Record<string, number>> = { s: PI / 2, sdg: -PI / 2, t: PI / 4, tdg: -PI / 4 };

/**
 * The table gate equal to `name(params)` with `n` more controls in front of its targets, or
 * undefined. (Controlled identities are the caller's business: they stay identities.)
 */
export function controlledOf(name: string, params: readonly number[], n: number): GateCall | undefined {
  if (n === 0) return call(name, params);
  let [base, k] = FAMILY[name] ?? [name, 0];
  let p = params;
  const angle = FIXED_PHASE[base];
  if (angle !== undefined) {
    base = 'p';
    p = [angle];
  } else if (base === 'u') base = 'u3';
  else if (base === 'u2') {
    base = 'u3';
    p = [PI / 2, p[0] ?? 0, p[1] ?? 0];
  }
  const found = BY_FAMILY.get(`${base}/${k + n}`);
  return found ? call(found, p) : undefined;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-12;

/** Reduces an angle into (−period/2, period/2], the principal branch of a power. */
function principal(angle: number, period: number): number {
  let r = angle - period * Math.round(angle / period);
  if (r <= -period / 2) r += period;
  return r;
}

/** p(angle) under its usual name when it has one. */
function phaseGate(angle: number): GateCall {
  const a = principal(angle, 2 * PI);
  if (near(a, PI)) return call('z');
  for (const [name, v] of Object.entries(FIXED_PHASE)) if (near(a, v)) return call(name);
  if (near(a, 0)) return call('id');
  return call('p', [a]);
}

/** Repetition cap for integer powers of gates without a closed form (x^1000000 is a typo). */
const MAX_REPEAT = 1000;

/**
 * The principal power g^t as table gates on g's own targets (applied in order), or undefined when
 * the table has no such form. Integer t works for every gate with a table inverse; other t for
 * rotations, phases, the Pauli X/Y/Z and their roots, and controlled versions of those.
 */
export function powerOf(name: string, params: readonly number[], t: number): GateCall[] | undefined {
  if (!Number.isFinite(t)) return undefined;
  if (t === 1) return [call(name, params)];
  if (t === 0) return [];
  const integer = Number.isInteger(t);
  if (ROTATIONS.has(name)) return [call(name, [t * (integer ? params[0]! : principal(params[0]!, 4 * PI))])];
  if (PHASES.has(name)) return [call(name, [t * (integer ? params[0]! : principal(params[0]!, 2 * PI))])];
  if (name === 'id' || name === 'u0') return [call(name, params)];
  const fixed = name === 'z' ? PI : FIXED_PHASE[name];
  if (fixed !== undefined) return [phaseGate(t * fixed)];
  // X^t = H p(πt) H; √X = X^{1/2}, so √X^t = X^{t/2} (eigenvalue i has principal argument π/2).
  const xRoot = { x: 1, sx: 0.5, sxdg: -0.5 }[name];
  if (xRoot !== undefined) {
    const e = t * xRoot;
    if (near(principal(e, 2), 0.5)) return [call('sx')];
    if (near(principal(e, 2), -0.5)) return [call('sxdg')];
    if (near(principal(e, 2), 1)) return [call('x')];
    return [call('h'), phaseGate(PI * e), call('h')];
  }
  // Y^t = V p(πt) V† with V = S·H (V Z V† = Y), as a circuit: sdg, h, p, h, s.
  const yRoot = { y: 1, sy: 0.5, sydg: -0.5 }[name];
  if (yRoot !== undefined) {
    const e = t * yRoot;
    if (near(principal(e, 2), 0.5)) return [call('sy')];
    if (near(principal(e, 2), -0.5)) return [call('sydg')];
    if (near(principal(e, 2), 1)) return [call('y')];
    return [call('sdg'), call('h'), phaseGate(PI * e), call('h'), call('s')];
  }
  // (C^n U)^t = C^n (U^t): the controlled block's eigenvalues are U's, the rest stay 1.
  const family = FAMILY[name];
  if (family) {
    const inner = powerOf(family[0], params, t);
    if (inner?.length === 1 && inner[0]!.gate !== 'id') {
      const c = controlledOf(inner[0]!.gate, inner[0]!.params, family[1]);
      if (c) return [c];
    }
    if (!integer) return undefined;
  }
  if (!integer || Math.abs(t) > MAX_REPEAT) return undefined;
  const one = t > 0 ? call(name, params) : inverseOf(name, params);
  if (!one) return undefined;
  return Array.from({ length: Math.abs(t) }, () => one);
}
