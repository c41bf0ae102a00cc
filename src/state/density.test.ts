import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GATES, gateOrThrow } from '../gates/lookup.js';
import { cmatDistance, cmatFromRows } from '../util/complex-matrix.js';
import { isQnetError, type QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { DensityEngine, MAX_DENSITY_QUBITS } from './density.js';
import { expectValidDensity, fullUnitary, gateArb, matVec, outer } from './density.test-helper.js';

const S = Math.SQRT1_2;
/** (|00⟩ + |11⟩)/√2 on qubits 0 and 1. */
const PHI_PLUS = Float64Array.of(S, 0, 0, 0, 0, 0, S, 0);

function thrown(f: () => unknown): QnetError {
  try {
    f();
  } catch (e) {
    if (isQnetError(e)) return e;
    throw e;
  }
  throw new Error('expected a QnetError');
}

describe('DensityEngine: unitary evolution', () => {
  it('equals |ψ⟩⟨ψ| of a naive dense reference for random circuits over the whole gate table (1–5 qubits)', () => {
    const circuit = fc
      .integer({ min: 1, max: 5 })
      .chain((n) => fc.record({ n: fc.constant(n), steps: fc.array(gateArb(n, 5), { maxLength: 12 }) }));
    fc.assert(
      fc.property(circuit, ({ n, steps }) => {
        const rho = new DensityEngine(n);
        let psi: Float64Array = new Float64Array(2 * 2 ** n);
        psi[0] = 1;
        for (const s of steps) {
          rho.applyGate(s.gate, s.targets, s.params);
          psi = matVec(fullUnitary(gateOrThrow(s.gate).matrix(s.params), s.targets, n), psi);
        }
        expect(cmatDistance(rho.matrix(), outer(psi))).toBeLessThan(1e-12);
        expect(rho.fidelityWithPure(psi)).toBeCloseTo(1, 12);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('applies every gate of the table exactly, on scattered targets of a 5-qubit state', () => {
    const n = 5;
    const prepare = (rho: DensityEngine, psi: Float64Array): Float64Array => {
      for (let q = 0; q < n; q++) {
        rho.applyGate('rx', [q], [0.3 + q]);
        psi = matVec(fullUnitary(gateOrThrow('rx').matrix([0.3 + q]), [q], n), psi);
      }
      return psi;
    };
    for (const g of GATES) {
      const targets = [4, 1, 3, 0, 2].slice(0, g.arity);
      const params = g.paramNames.map((_, i) => 0.7 + i);
      const rho = new DensityEngine(n);
      let psi: Float64Array = new Float64Array(2 * 2 ** n);
      psi[0] = 1;
      psi = prepare(rho, psi);
      rho.applyGate(g.name, targets, params);
      psi = matVec(fullUnitary(g.matrix(params), targets, n), psi);
      expect(cmatDistance(rho.matrix(), outer(psi)), g.name).toBeLessThan(1e-12);
    }
  });

  it('starts in |0…0⟩ and refuses unknown gates, wrong arity and repeated targets', () => {
    const rho = new DensityEngine(2);
    expect(rho.probabilities()).toEqual(Float64Array.of(1, 0, 0, 0));
    expect(thrown(() => rho.applyGate('nope', [0], [])).code).toBe('E_GATE');
    expect(thrown(() => rho.applyGate('cx', [0], [])).code).toBe('E_ARITY');
    expect(thrown(() => rho.applyGate('cx', [1, 1], [])).code).toBe('E_QUBIT');
    expect(thrown(() => rho.applyGate('rx', [0], [])).code).toBe('E_PARAMS');
    expect(thrown(() => rho.applyGate('x', [2], [])).code).toBe('E_QUBIT');
  });

  it(`refuses more than ${MAX_DENSITY_QUBITS} qubits with E_TOO_LARGE naming the memory`, () => {
    const e = thrown(() => new DensityEngine(14));
    expect(e.code).toBe('E_TOO_LARGE');
    expect(e.message).toContain('4 GiB');
    expect(e.message).toContain('14 qubits');
  });

  it('capabilities: all gates, mixed states, exact probabilities', () => {
    expect(new DensityEngine(1).capabilities).toEqual({
      gates: 'all',
      mixedStates: true,
      exactProbabilities: true,
      maxQubits: MAX_DENSITY_QUBITS,
    });
  });
});

describe('DensityEngine: measurement, projection, reset', () => {
  it('Bell pair: marginals 1/2, joint outcomes equal, projection collapses both', () => {
    const rho = DensityEngine.fromPure(PHI_PLUS);
    expect(rho.probabilityOfOne(0)).toBeCloseTo(0.5, 15);
    expect(Array.from(rho.probabilities([0, 1]))).toEqual([0.5, 0, 0, 0.5].map((v) => expect.closeTo(v, 15)));
    expect(rho.project(1, 1)).toBeCloseTo(0.5, 15);
    expect(rho.probabilities([0, 1])[3]).toBeCloseTo(1, 15);
    const rng = Rng.fromSeed(3);
    for (let shot = 0; shot < 20; shot++) {
      const e = DensityEngine.fromPure(PHI_PLUS);
      const a = e.measure(0, 'X', rng);
      expect(e.measure(1, 'X', rng)).toBe(a);
      const f = DensityEngine.fromPure(PHI_PLUS);
      // ⟨Φ+|Y⊗Y|Φ+⟩ = −1: Y outcomes always differ.
      expect(f.measure(1, 'Y', rng) ^ f.measure(0, 'Y', rng)).toBe(1);
    }
  });

  it('probabilities order: bit j of the index is qubits[j]', () => {
    const rho = new DensityEngine(3);
    rho.applyGate('x', [2], []);
    expect(rho.probabilities([2, 0])[1]).toBe(1);
    expect(rho.probabilities([0, 2])[2]).toBe(1);
  });

  it('measures in X and Y: eigenstates give their outcome with certainty and are left unchanged', () => {
    const rng = Rng.fromSeed(4);
    const plus = new DensityEngine(1);
    plus.applyGate('h', [0], []);
    const before = plus.matrix();
    expect(plus.measure(0, 'X', rng)).toBe(0);
    expect(cmatDistance(plus.matrix(), before)).toBeLessThan(1e-15);
    const minusI = new DensityEngine(1);
    minusI.applyGate('h', [0], []);
    minusI.applyGate('sdg', [0], []);
    expect(minusI.measure(0, 'Y', rng)).toBe(1);
  });

  it('measurement frequencies follow probabilityOfOne (4 standard errors)', () => {
    const rng = Rng.fromSeed(5);
    const shots = 4000;
    let ones = 0;
    const base = new DensityEngine(1);
    base.applyGate('ry', [0], [1]);
    const p = base.probabilityOfOne(0);
    for (let s = 0; s < shots; s++) ones += base.clone().measure(0, 'Z', rng);
    expect(Math.abs(ones / shots - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / shots));
  });

  it('reset traces the qubit out and prepares the basis state, leaving the rest alone', () => {
    const rho = DensityEngine.fromPure(PHI_PLUS);
    rho.reset(0, 'X', Rng.fromSeed(0));
    // |+⟩⟨+| on qubit 0, I/2 on qubit 1.
    const expected = cmatFromRows([
      [0.25, 0.25, 0, 0],
      [0.25, 0.25, 0, 0],
      [0, 0, 0.25, 0.25],
      [0, 0, 0.25, 0.25],
    ]);
    expect(cmatDistance(rho.matrix(), expected)).toBeLessThan(1e-15);
  });

  it('project returns 0 and leaves the state alone for an impossible outcome', () => {
    const rho = new DensityEngine(1);
    expect(rho.project(0, 1)).toBe(0);
    expect(rho.probabilityOfOne(0)).toBe(0);
    expect(rho.trace()).toBe(1);
  });
});

describe('DensityEngine: reductions and fidelities', () => {
  it('partial trace of a Bell pair is I/2; of a product it gives the factors, in keep order', () => {
    const bell = DensityEngine.fromPure(PHI_PLUS).partialTrace([1]);
    expect(
      cmatDistance(
        bell.matrix(),
        cmatFromRows([
          [0.5, 0],
          [0, 0.5],
        ]),
      ),
    ).toBeLessThan(1e-15);
    const prod = new DensityEngine(3);
    prod.applyGate('x', [0], []);
    prod.applyGate('h', [2], []);
    const kept = prod.partialTrace([2, 0]);
    // qubit 0 of the result is old qubit 2 (|+⟩), qubit 1 is old qubit 0 (|1⟩).
    expect(kept.probabilities([1])[1]).toBeCloseTo(1, 15);
    const plus = new DensityEngine(1);
    plus.applyGate('h', [0], []);
    expect(kept.partialTrace([0]).fidelity(plus)).toBeCloseTo(1, 12);
  });

  it('Uhlmann fidelity: F(ρ, ρ) = 1, symmetric, equal to ⟨ψ|σ|ψ⟩ for pure ρ, and the qubit closed form', () => {
    const steps = fc.array(gateArb(2), { minLength: 1, maxLength: 6 });
    const noise = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(steps, steps, noise, noise, (s1, s2, p1, p2) => {
        const a = new DensityEngine(2);
        const b = new DensityEngine(2);
        for (const s of s1) a.applyGate(s.gate, s.targets, s.params);
        for (const s of s2) b.applyGate(s.gate, s.targets, s.params);
        const pureA = a.clone();
        a.applyNoise('depolarize2', [0, 1], [p1 * 0.9], Rng.fromSeed(0));
        b.applyAmplitudeDamping(1, p2);
        expect(Math.abs(a.fidelity(a) - 1)).toBeLessThan(1e-12);
        const f = a.fidelity(b);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
        expect(Math.abs(f - b.fidelity(a))).toBeLessThan(1e-12);
        // ⟨ψ|σ|ψ⟩ = Tr(|ψ⟩⟨ψ|σ) = Σ ρ_rc σ_cr.
        const x = pureA.matrix();
        const y = b.matrix();
        let overlap = 0;
        for (let r = 0; r < 4; r++) {
          for (let c = 0; c < 4; c++) {
            overlap +=
              x[2 * (r * 4 + c)]! * y[2 * (c * 4 + r)]! - x[2 * (r * 4 + c) + 1]! * y[2 * (c * 4 + r) + 1]!;
          }
        }
        expect(Math.abs(pureA.fidelity(b) - overlap)).toBeLessThan(1e-12);
        expect(Math.abs(b.fidelity(pureA) - overlap)).toBeLessThan(1e-12);
        // Qubits: F = Tr(ρσ) + 2√(det ρ · det σ) (Hübner, Phys. Lett. A 163, 239, 1992).
        const qa = a.partialTrace([0]).matrix();
        const qb = b.partialTrace([1]).matrix();
        const det = (m: Float64Array) => m[0]! * m[6]! - (m[2]! * m[2]! + m[3]! * m[3]!);
        let tr = 0;
        for (let r = 0; r < 2; r++) {
          for (let c = 0; c < 2; c++) {
            tr +=
              qa[2 * (r * 2 + c)]! * qb[2 * (c * 2 + r)]! -
              qa[2 * (r * 2 + c) + 1]! * qb[2 * (c * 2 + r) + 1]!;
          }
        }
        const closed = tr + 2 * Math.sqrt(Math.max(0, det(qa) * det(qb)));
        // Loose on purpose: an eigenvalue within rounding of zero (γ ≈ 1 leaves one near 1e-15) is
        // dropped by `fidelity` and kept by the closed form, and √ of it is ~3e-8 (density-metrics.ts).
        expect(Math.abs(DensityEngine.fromMatrix(qa).fidelity(qb) - Math.min(1, closed))).toBeLessThan(1e-7);
      }),
      { numRuns: 100, seed: 12 },
    );
  });
});

describe('DensityEngine: stays a density matrix', () => {
  const op = (n: number) =>
    fc.oneof(
      gateArb(n).map((g) => (rho: DensityEngine) => rho.applyGate(g.gate, g.targets, g.params)),
      fc
        .tuple(
          fc.constantFrom('x_error', 'y_error', 'z_error', 'depolarize1'),
          fc.nat(n - 1),
          fc.double({ min: 0, max: 1, noNaN: true }),
        )
        .map(
          ([ch, q, p]) =>
            (rho: DensityEngine) =>
              rho.applyNoise(ch, [q], [p], Rng.fromSeed(0)),
        ),
      fc
        .tuple(
          fc.nat(n - 1),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.constantFrom('ad', 'deph', 'dep', 'reset'),
        )
        .map(([q, p, kind]) => (rho: DensityEngine) => {
          if (kind === 'ad') rho.applyAmplitudeDamping(q, p);
          else if (kind === 'deph') rho.applyDephasing(q, p);
          else if (kind === 'dep') rho.applyDepolarizing(q, p);
          else rho.reset(q, 'Z', Rng.fromSeed(0));
        }),
      fc
        .tuple(
          fc.nat(n - 1),
          fc.double({ min: 0, max: 1e6, noNaN: true }),
          fc.double({ min: 1, max: 1e6, noNaN: true }),
          fc.double({ min: 0.01, max: 2, noNaN: true }),
        )
        .map(
          ([q, t, t1, ratio]) =>
            (rho: DensityEngine) =>
              rho.applyIdle(q, t, t1, t1 * ratio),
        ),
      n < 2
        ? fc.constant(() => {})
        : fc
            .tuple(
              fc.shuffledSubarray(
                Array.from({ length: n }, (_, q) => q),
                { minLength: 2, maxLength: 2 },
              ),
              fc.array(fc.double({ min: 0, max: 1 / 15, noNaN: true }), { minLength: 15, maxLength: 15 }),
            )
            .map(
              ([qs, ps]) =>
                (rho: DensityEngine) =>
                  rho.applyNoise('pauli_channel_2', qs, ps, Rng.fromSeed(0)),
            ),
    );
  it('Hermitian, trace one, positive semidefinite, purity ≤ 1 under random gates and channels', () => {
    const run = fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.record({ n: fc.constant(n), ops: fc.array(op(n), { maxLength: 15 }) }));
    fc.assert(
      fc.property(run, ({ n, ops }) => {
        const rho = new DensityEngine(n);
        for (const f of ops) f(rho);
        expectValidDensity(rho);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
