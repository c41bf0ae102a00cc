import { describe, expect, it } from 'vitest';
import {
  type CMatrix,
  cmatAdjoint,
  cmatEqual,
  cmatEqualUpToPhase,
  cmatIdentity,
  cmatIsUnitary,
  cmatMul,
} from '../util/complex-matrix.js';
import { Rng } from '../util/rng.js';
import {
  cliffordAction,
  cliffordFromMatrix,
  composeSteps,
  controlledOf,
  decompose,
  expandDefinition,
  formatPauli,
  GATES,
  type GateEntry,
  gate,
  gateByQasm2,
  gateByQasm3,
  gateByStim,
  inverseOf,
  isClifford,
  powerOf,
} from './index.js';
import { controlled } from './matrix-builders.js';

const rng = Rng.fromSeed('gates.test');
const randomParams = (g: GateEntry): number[] => g.paramNames.map(() => (rng.next() * 4 - 2) * Math.PI);
/** Three parameter points per gate (one for fixed gates). */
const samples = (g: GateEntry): number[][] =>
  g.paramNames.length === 0 ? [[]] : [randomParams(g), randomParams(g), randomParams(g)];

/** The matrix of a list of calls on the same targets, applied in order. */
const product = (arity: number, calls: readonly { gate: string; params: readonly number[] }[]): CMatrix =>
  composeSteps(
    arity,
    calls.map((c) => ({ ...c, targets: Array.from({ length: arity }, (_, i) => i) })),
  );

const REQUIRED = (
  'id x y z h s sdg t tdg sx sxdg sy sydg h_xy h_yz c_xyz c_zyx rx ry rz p u1 u2 u3 u u0 ' +
  'cx cy cz swap iswap iswapdg ch crx cry crz cp cu1 cu3 cu csx rxx ryy rzz xcx xcy xcz ycx ycy ycz ' +
  'sqrt_xx sqrt_xxdg sqrt_yy sqrt_yydg sqrt_zz sqrt_zzdg ccx cswap rccx rc3x c3x c3sqrtx c4x'
).split(' ');

const STIM = (
  'I X Y Z H H_XY H_YZ C_XYZ C_ZYX S S_DAG SQRT_X SQRT_X_DAG SQRT_Y SQRT_Y_DAG CX CY CZ SWAP ISWAP ' +
  'ISWAP_DAG XCX XCY XCZ YCX YCY YCZ SQRT_XX SQRT_XX_DAG SQRT_YY SQRT_YY_DAG SQRT_ZZ SQRT_ZZ_DAG'
).split(' ');

describe('gate table', () => {
  it('has every gate the other modules rely on, and nothing twice', () => {
    const names = GATES.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of REQUIRED) expect(gate(n), n).toBeDefined();
    expect(
      GATES.map((g) => g.stim)
        .filter((s) => s !== null)
        .sort(),
    ).toEqual([...STIM].sort());
  });

  it.each(GATES.map((g) => [g.name, g] as const))('%s: matrix is unitary of the right size', (_, g) => {
    for (const p of samples(g)) {
      const m = g.matrix(p);
      expect(m.length).toBe(2 * 4 ** g.arity);
      expect(cmatIsUnitary(m, 1e-12)).toBe(true);
    }
  });

  it.each(GATES.map((g) => [g.name, g] as const))(
    '%s: definition and {u3, cx} decomposition match the matrix',
    (_, g) => {
      for (const p of samples(g)) {
        const m = g.matrix(p);
        const def = expandDefinition(g.name, p);
        if (def === undefined) {
          expect(['u3', 'cx']).toContain(g.name);
          continue;
        }
        expect(cmatEqualUpToPhase(composeSteps(g.arity, def), m, 1e-10)).toBe(true);
        const basis = decompose(g.name, p);
        for (const s of basis) expect(['u3', 'cx']).toContain(s.gate);
        expect(cmatEqualUpToPhase(composeSteps(g.arity, basis), m, 1e-10)).toBe(true);
      }
    },
  );

  it.each(GATES.map((g) => [g.name, g] as const))(
    '%s: Clifford action equals U P U† from the matrix',
    (_, g) => {
      const p = samples(g)[0]!;
      const computed = cliffordFromMatrix(g.matrix(p), g.arity);
      if (g.clifford) {
        expect(computed).toBeDefined();
        const show = (c: NonNullable<typeof computed>) => ({
          x: c.x.map((i) => formatPauli(i, g.arity)),
          z: c.z.map((i) => formatPauli(i, g.arity)),
        });
        expect(show(g.clifford)).toEqual(show(computed!));
      } else {
        // A gate that is Clifford for all parameters must say so (a random angle is never Clifford).
        expect(computed).toBeUndefined();
      }
    },
  );

  it.each(GATES.map((g) => [g.name, g] as const))('%s: names round-trip through the lookups', (_, g) => {
    expect(gate(g.name)).toBe(g);
    expect(g.name).toBe(g.name.toLowerCase());
    if (g.qasm2 !== null) expect(gateByQasm2(g.qasm2)).toBe(g);
    if (g.qasm3 !== null) expect(gateByQasm3(g.qasm3)).toBe(g);
    if (g.stim !== null) {
      expect(g.stim).toBe(g.stim.toUpperCase());
      expect(gateByStim(g.stim)).toBe(g);
      expect(gateByStim(g.stim.toLowerCase())).toBe(g);
    }
    for (const a of g.aliases.stim) expect(gateByStim(a)).toBe(g);
    for (const a of g.aliases.qasm2) expect(gateByQasm2(a)).toBe(g);
    for (const a of g.aliases.qasm3) expect(gateByQasm3(a)).toBe(g);
  });

  it('resolves the usual aliases', () => {
    expect(gateByStim('CNOT')?.name).toBe('cx');
    expect(gateByStim('ZCX')?.name).toBe('cx');
    expect(gateByStim('ZCY')?.name).toBe('cy');
    expect(gateByStim('ZCZ')?.name).toBe('cz');
    expect(gateByStim('SQRT_Z')?.name).toBe('s');
    expect(gateByQasm3('CX')?.name).toBe('cx');
    expect(gateByQasm3('phase')?.name).toBe('p');
    expect(gateByQasm3('cphase')?.name).toBe('cp');
    expect(gateByQasm3('U')?.name).toBe('u');
    expect(gateByQasm2('U')?.name).toBe('u');
    expect(gateByQasm2('CX')?.name).toBe('cx');
    expect(gateByQasm2('cu1')?.name).toBe('cu1');
    expect(gateByQasm2('iswap')).toBeUndefined();
    expect(gateByQasm3('rzz')).toBeUndefined();
  });

  it('matches matrices printed in Stim and Qiskit documentation (spot checks)', () => {
    // Stim prints little-endian; for these symmetric or single-qubit gates the order does not matter.
    const s = gate('sqrt_xx')!.matrix([]);
    expect([s[0], s[1], s[6], s[7]]).toEqual([0.5, 0.5, 0.5, -0.5]);
    const u = gate('u3')!.matrix([1, 2, 3]);
    expect(u[2]).toBeCloseTo(-Math.cos(3) * Math.sin(0.5), 15);
    expect(u[7]).toBeCloseTo(Math.sin(5) * Math.cos(0.5), 15);
    // CX with the control first: |10⟩ (index 2) → |11⟩ (index 3).
    const cx = gate('cx')!.matrix([]);
    expect(cx[2 * (3 * 4 + 2)]).toBe(1);
  });

  it('knows Clifford angles of parametric gates', () => {
    expect(isClifford('rz', [Math.PI / 2])).toBe(true);
    expect(isClifford('rz', [0.3])).toBe(false);
    expect(isClifford('rzz', [Math.PI / 2])).toBe(true);
    expect(isClifford('u3', [Math.PI / 2, 0, Math.PI])).toBe(true);
    expect(isClifford('cp', [Math.PI])).toBe(true);
    expect(isClifford('t')).toBe(false);
    expect(isClifford('ccx')).toBe(false);
    expect(formatPauli(cliffordAction('rx', [Math.PI / 2])!.z[0]!, 1)).toBe('-Y');
  });
});

describe('gate modifiers', () => {
  it.each(GATES.map((g) => [g.name, g] as const))('%s: inverse is exact', (_, g) => {
    const p = samples(g)[0]!;
    const inv = inverseOf(g.name, p);
    if (['csx', 'rc3x', 'c3sqrtx'].includes(g.name)) {
      expect(inv).toBeUndefined();
      return;
    }
    expect(inv).toBeDefined();
    const mi = gate(inv!.gate)!.matrix(inv!.params);
    expect(cmatEqual(cmatMul(mi, g.matrix(p)), cmatIdentity(1 << g.arity), 1e-12)).toBe(true);
  });

  it.each(GATES.map((g) => [g.name, g] as const))('%s: controlled forms are exact', (_, g) => {
    const p = samples(g)[0]!;
    for (let n = 1; n <= 4; n++) {
      const c = controlledOf(g.name, p, n);
      if (!c) continue;
      const target = gate(c.gate)!;
      expect(target.arity).toBe(g.arity + n);
      expect(cmatEqual(target.matrix(c.params), controlled(g.matrix(p), n), 1e-12), `${c.gate}`).toBe(true);
    }
  });

  it('finds the controlled gates OpenQASM 3 modifiers need', () => {
    const name = (g: string, p: number[], n: number) => controlledOf(g, p, n)?.gate;
    expect(name('x', [], 1)).toBe('cx');
    expect(name('x', [], 2)).toBe('ccx');
    expect(name('cx', [], 1)).toBe('ccx');
    expect(name('ccx', [], 2)).toBe('c4x');
    expect(name('rz', [1], 1)).toBe('crz');
    expect(name('s', [], 1)).toBe('cp');
    expect(name('u', [1, 2, 3], 1)).toBe('cu3');
    expect(name('sx', [], 3)).toBe('c3sqrtx');
    expect(name('sx', [], 2)).toBeUndefined();
    expect(name('rz', [1], 2)).toBeUndefined();
  });

  it.each(GATES.map((g) => [g.name, g] as const))('%s: integer and fractional powers are exact', (_, g) => {
    const p = samples(g)[0]!;
    const d = 1 << g.arity;
    const m = g.matrix(p);
    for (const t of [2, 3, -1, -2, 0]) {
      const r = powerOf(g.name, p, t);
      if (!r) {
        expect(inverseOf(g.name, p)).toBeUndefined();
        continue;
      }
      let want = cmatIdentity(d);
      const base = t >= 0 ? m : cmatAdjoint(m);
      for (let i = 0; i < Math.abs(t); i++) want = cmatMul(base, want);
      expect(cmatEqual(product(g.arity, r), want, 1e-10), `t=${t}`).toBe(true);
    }
    // A principal square root squares back to the gate.
    const half = powerOf(g.name, p, 0.5);
    if (half) {
      const h = product(g.arity, half);
      expect(cmatEqual(cmatMul(h, h), m, 1e-10)).toBe(true);
    }
  });

  it('takes the principal roots OpenQASM 3 uses in stdgates.inc', () => {
    expect(powerOf('z', [], 0.5)).toEqual([{ gate: 's', params: [] }]);
    expect(powerOf('s', [], 0.5)).toEqual([{ gate: 't', params: [] }]);
    expect(powerOf('z', [], -0.5)).toEqual([{ gate: 'sdg', params: [] }]);
    expect(powerOf('x', [], 0.5)).toEqual([{ gate: 'sx', params: [] }]);
    expect(powerOf('cx', [], 0.5)).toEqual([{ gate: 'csx', params: [] }]);
    expect(powerOf('c3x', [], 0.5)).toEqual([{ gate: 'c3sqrtx', params: [] }]);
    expect(powerOf('rz', [1], 0.25)).toEqual([{ gate: 'rz', params: [0.25] }]);
    expect(powerOf('h', [], 0.5)).toBeUndefined();
  });
});
