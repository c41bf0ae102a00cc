import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pauliMatrix } from '../gates/pauli.js';
import { type CMatrix, cmatAdjoint, cmatDistance, cmatMul } from '../util/complex-matrix.js';
import { isQnetError, type QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { PS_PER_US } from '../util/units.js';
import { DensityEngine } from './density.js';
import { expectValidDensity, fullUnitary, type GateStep, gateArb } from './density.test-helper.js';
import { amplitudeDampingKraus } from './density-channels.js';

const S = Math.SQRT1_2;
const PHI_PLUS = Float64Array.of(S, 0, 0, 0, 0, 0, S, 0);
const rng = Rng.fromSeed(0);

function thrown(f: () => unknown): QnetError {
  try {
    f();
  } catch (e) {
    if (isQnetError(e)) return e;
    throw e;
  }
  throw new Error('expected a QnetError');
}

/** Σ K ρ K† with each K spread to the whole register: the naive reference. */
function krausReference(
  rho: CMatrix,
  kraus: readonly CMatrix[],
  targets: readonly number[],
  n: number,
): CMatrix {
  const out = new Float64Array(rho.length);
  for (const k of kraus) {
    const full = fullUnitary(k, targets, n);
    const term = cmatMul(cmatMul(full, rho), cmatAdjoint(full));
    for (let i = 0; i < out.length; i++) out[i]! += term[i]!;
  }
  return out;
}

/** A random 3-qubit state, mixed by a little depolarising so that no channel acts on a pure state only. */
function randomState(steps: readonly GateStep[]): DensityEngine {
  const rho = new DensityEngine(3);
  for (const s of steps) rho.applyGate(s.gate, s.targets, s.params);
  rho.applyNoise('depolarize1', [2], [0.1], rng);
  return rho;
}

const LETTER: Record<string, number> = { I: 0, X: 1, Y: 3, Z: 2 };
/** The Pauli string 'XZ' (letter j on target j) as a matrix in the gate-table order. */
function pauli(text: string): CMatrix {
  let xs = 0;
  let zs = 0;
  [...text].forEach((ch, j) => {
    const b = LETTER[ch]!;
    if (b & 1) xs |= 1 << j;
    if (b & 2) zs |= 1 << j;
  });
  return pauliMatrix({ sign: 1, xs, zs }, text.length);
}

describe('Pauli channels of the IR', () => {
  const steps = fc.array(gateArb(3), { minLength: 1, maxLength: 8 });

  it('pauli_channel_2 follows Stim: IX IY IZ XI … ZZ, first letter on the first target', () => {
    const names = ['I', 'X', 'Y', 'Z'];
    const probs = fc.array(fc.double({ min: 0, max: 1 / 15, noNaN: true }), { minLength: 15, maxLength: 15 });
    fc.assert(
      fc.property(steps, probs, (s, ps) => {
        const rho = randomState(s);
        const before = rho.matrix();
        rho.applyNoise('pauli_channel_2', [2, 0], ps, rng);
        const kraus = [pauli('II').map((v) => v * Math.sqrt(1 - ps.reduce((a, b) => a + b, 0)))];
        for (let k = 1; k < 16; k++) {
          kraus.push(pauli(`${names[k >> 2]}${names[k & 3]}`).map((v) => v * Math.sqrt(ps[k - 1]!)));
        }
        expect(cmatDistance(rho.matrix(), krausReference(before, kraus, [2, 0], 3))).toBeLessThan(1e-12);
      }),
      { numRuns: 50, seed: 21 },
    );
  });

  it('x/y/z_error, depolarize1, pauli_channel_1 and depolarize2 equal their Kraus sums', () => {
    fc.assert(
      fc.property(steps, fc.double({ min: 0, max: 1, noNaN: true }), (s, p) => {
        const cases: [Parameters<DensityEngine['applyNoise']>[0], number[], number[], [string, number][]][] =
          [
            ['x_error', [1], [p], [['X', p]]],
            ['y_error', [1], [p], [['Y', p]]],
            ['z_error', [1], [p], [['Z', p]]],
            [
              'depolarize1',
              [0],
              [p],
              [
                ['X', p / 3],
                ['Y', p / 3],
                ['Z', p / 3],
              ],
            ],
            [
              'pauli_channel_1',
              [2],
              [p / 2, p / 3, p / 6],
              [
                ['X', p / 2],
                ['Y', p / 3],
                ['Z', p / 6],
              ],
            ],
            [
              'depolarize2',
              [1, 2],
              [p],
              [
                'IX IY IZ XI XX XY XZ YI YX YY YZ ZI ZX ZY ZZ'
                  .split(' ')
                  .map((x) => [x, p / 15] as [string, number]),
              ].flat(),
            ],
          ];
        for (const [channel, targets, probs, terms] of cases) {
          const rho = randomState(s);
          const before = rho.matrix();
          rho.applyNoise(channel, targets, probs, rng);
          const id = 'I'.repeat(targets.length);
          const rest = 1 - terms.reduce((a, [, w]) => a + w, 0);
          const kraus = [[id, rest] as [string, number], ...terms].map(([t, w]) =>
            pauli(t).map((v) => v * Math.sqrt(Math.max(0, w))),
          );
          expect(cmatDistance(rho.matrix(), krausReference(before, kraus, targets, 3))).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 30, seed: 22 },
    );
  });

  it('applies a channel to every target group', () => {
    const rho = new DensityEngine(3);
    rho.applyNoise('x_error', [0, 1, 2], [1], rng);
    expect(rho.probabilities()[7]).toBe(1);
    rho.applyNoise('pauli_channel_2', [0, 1], [0, 0, 0, 1, ...new Array<number>(11).fill(0)], rng);
    // XI: X on target 0 only.
    expect(rho.probabilities()[6]).toBe(1);
  });

  it('refuses bad probabilities with E_NOISE', () => {
    const rho = new DensityEngine(2);
    expect(thrown(() => rho.applyNoise('x_error', [0], [-0.1], rng)).code).toBe('E_NOISE');
    expect(thrown(() => rho.applyNoise('x_error', [0], [1.5], rng)).code).toBe('E_NOISE');
    expect(thrown(() => rho.applyNoise('pauli_channel_1', [0], [0.5, 0.5, 0.5], rng)).message).toMatch(
      /add up to 1.5/,
    );
    expect(thrown(() => rho.applyNoise('pauli_channel_1', [0], [0.5], rng)).message).toMatch(/takes 3/);
    expect(thrown(() => rho.applyNoise('depolarize2', [0], [0.1], rng)).message).toMatch(/pairs/);
  });
});

describe('Kraus channels', () => {
  it('a generic two-qubit Kraus list equals Σ K ρ K† (here: a controlled damping)', () => {
    // K0 = |0⟩⟨0| ⊗ I + |1⟩⟨1| ⊗ A0, K1 = |1⟩⟨1| ⊗ A1: amplitude damping on target 1 if target 0 is 1.
    const [a0, a1] = amplitudeDampingKraus(0.3) as [CMatrix, CMatrix];
    const k0 = new Float64Array(32);
    const k1 = new Float64Array(32);
    k0[0] = 1;
    k0[2 * 5] = 1;
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        k0[2 * ((2 + r) * 4 + 2 + c)] = a0[2 * (r * 2 + c)]!;
        k1[2 * ((2 + r) * 4 + 2 + c)] = a1[2 * (r * 2 + c)]!;
      }
    }
    const rho = new DensityEngine(3);
    for (const [g, t] of [
      ['h', [0]],
      ['cx', [0, 1]],
      ['ry', [2]],
      ['cx', [1, 2]],
    ] as const) {
      rho.applyGate(g, t, g === 'ry' ? [0.7] : []);
    }
    const before = rho.matrix();
    rho.applyKraus([k0, k1], [1, 2]);
    expect(cmatDistance(rho.matrix(), krausReference(before, [k0, k1], [1, 2], 3))).toBeLessThan(1e-14);
    expectValidDensity(rho);
  });

  it('refuses operators that are not trace preserving or of the wrong size', () => {
    const rho = new DensityEngine(2);
    const [a0] = amplitudeDampingKraus(0.3) as [CMatrix];
    expect(thrown(() => rho.applyKraus([a0], [0])).code).toBe('E_KRAUS');
    expect(thrown(() => rho.applyKraus([a0], [0, 1])).message).toMatch(/not 4×4/);
    expect(thrown(() => rho.applyKraus([], [0])).code).toBe('E_KRAUS');
  });

  it('depolarising with p = 3/4 leaves I/2; dephasing p shrinks coherences by 1 − 2p; damping empties |1⟩', () => {
    const plus = () => {
      const e = new DensityEngine(1);
      e.applyGate('h', [0], []);
      return e;
    };
    const a = plus();
    a.applyDepolarizing(0, 0.75);
    expect(a.purity()).toBeCloseTo(0.5, 15);
    const b = plus();
    b.applyDephasing(0, 0.2);
    expect(b.matrix()[2]).toBeCloseTo(0.5 * 0.6, 15);
    const c = new DensityEngine(1);
    c.applyGate('x', [0], []);
    c.applyAmplitudeDamping(0, 0.25);
    expect(c.probabilityOfOne(0)).toBeCloseTo(0.75, 15);
  });
});

describe('applyIdle (T1/T2 decoherence)', () => {
  it('|Φ+⟩ with one qubit stored: F(t) = (1 + exp(−t/T1) + 2 exp(−t/T2))/4 (REFERENCES.md, Memories)', () => {
    const cases = [
      [10, 145, 88],
      [50, 145, 88],
      [300, 292, 353],
      [1, 100, 200],
      [1000, 50, 1],
      [0, 10, 10],
    ] as const;
    for (const [tUs, t1Us, t2Us] of cases) {
      for (const stored of [0, 1]) {
        const rho = DensityEngine.fromPure(PHI_PLUS);
        rho.applyIdle(stored, tUs * PS_PER_US, t1Us * PS_PER_US, t2Us * PS_PER_US);
        const closed = (1 + Math.exp(-tUs / t1Us) + 2 * Math.exp(-tUs / t2Us)) / 4;
        expect(rho.fidelityWithPure(PHI_PLUS)).toBeCloseTo(closed, 14);
        expect(rho.fidelity(DensityEngine.fromPure(PHI_PLUS))).toBeCloseTo(closed, 12);
      }
    }
  });

  it('coherences decay as exp(−t/T2), populations as exp(−t/T1), and durations compose', () => {
    const t1 = 100 * PS_PER_US;
    const t2 = 60 * PS_PER_US;
    const t = 37 * PS_PER_US;
    const plus = new DensityEngine(1);
    plus.applyGate('h', [0], []);
    plus.applyIdle(0, t, t1, t2);
    expect(plus.matrix()[2]).toBeCloseTo(0.5 * Math.exp(-t / t2), 15);
    const one = new DensityEngine(1);
    one.applyGate('x', [0], []);
    one.applyIdle(0, t, t1, t2);
    expect(one.probabilityOfOne(0)).toBeCloseTo(Math.exp(-t / t1), 15);
    const split = new DensityEngine(1);
    split.applyGate('h', [0], []);
    split.applyIdle(0, t / 2, t1, t2);
    split.applyIdle(0, t / 2, t1, t2);
    expect(cmatDistance(split.matrix(), plus.matrix())).toBeLessThan(1e-15);
  });

  it('T2 = 2·T1 is pure damping; Infinity means no decay', () => {
    const a = new DensityEngine(1);
    a.applyGate('h', [0], []);
    a.applyIdle(0, 50, 100, 200);
    expect(a.matrix()[2]).toBeCloseTo(0.5 * Math.exp(-0.25), 15);
    const b = new DensityEngine(1);
    b.applyGate('h', [0], []);
    b.applyIdle(0, 1e9, Infinity, Infinity);
    expect(b.purity()).toBeCloseTo(1, 15);
  });

  it('refuses T2 > 2·T1 with a QnetError naming t2Ps, and non-positive times', () => {
    const rho = new DensityEngine(1);
    const e = thrown(() => rho.applyIdle(0, 10, 100, 201));
    expect(e.code).toBe('E_DECOHERENCE');
    expect(e.message).toContain('t2Ps');
    expect(e.where.path).toEqual(['t2Ps']);
    expect(thrown(() => rho.applyIdle(0, 10, 0, 0)).where.path).toEqual(['t1Ps']);
    expect(thrown(() => rho.applyIdle(0, -1, 10, 10)).where.path).toEqual(['durationPs']);
  });
});
