import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Circuit } from '../circuit/ir.js';
import { cmatDistance } from '../util/complex-matrix.js';
import { isQnetError, type QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { PS_PER_US } from '../util/units.js';
import { BellDiagonalEngine } from './belldiag.js';
import { bellDiagonalArb, expectBellDiagonal, expectWeights } from './belldiag.test-helper.js';
import {
  type BellDiagonal,
  bellDiagonal,
  bellDiagonalMatrix,
  bellState,
  dejmpsNotation,
  PHI_MINUS,
  PHI_PLUS,
  PSI_MINUS,
  PSI_PLUS,
  twirl,
  werner,
} from './belldiag-state.js';
import { DensityEngine } from './density.js';
import { exactDistribution } from './exact-distribution.js';
import { runShot } from './run-circuit.js';

const S = Math.SQRT1_2;
/** The four Bell vectors on (qubit 0, qubit 1), index = q0 + 2 q1, written out by hand. */
const BELL_VECTORS: Record<number, Float64Array> = {
  [PHI_PLUS]: Float64Array.of(S, 0, 0, 0, 0, 0, S, 0),
  [PSI_PLUS]: Float64Array.of(0, 0, S, 0, S, 0, 0, 0),
  [PHI_MINUS]: Float64Array.of(S, 0, 0, 0, 0, 0, -S, 0),
  [PSI_MINUS]: Float64Array.of(0, 0, S, 0, -S, 0, 0, 0),
};

function thrown(f: () => unknown): QnetError {
  try {
    f();
  } catch (e) {
    if (isQnetError(e)) return e;
    throw e;
  }
  throw new Error('expected a QnetError');
}

describe('Bell-diagonal states', () => {
  it('labels: index x | z << 1 is (I ⊗ X^x Z^z)|Φ+⟩, and the matrix is Σ c_l |B_l⟩⟨B_l|', () => {
    for (let label = 0; label < 4; label++) {
      const x = label & 1;
      const z = label >> 1;
      const rho = DensityEngine.fromPure(BELL_VECTORS[PHI_PLUS]!);
      if (z) rho.applyGate('z', [1], []);
      if (x) rho.applyGate('x', [1], []);
      expect(rho.fidelityWithPure(BELL_VECTORS[label]!)).toBeCloseTo(1, 15);
      expect(cmatDistance(bellDiagonalMatrix(bellState(label)), rho.matrix())).toBeLessThan(1e-15);
    }
    expect(dejmpsNotation([0.1, 0.2, 0.3, 0.4])).toEqual({ A: 0.1, B: 0.4, C: 0.2, D: 0.3 });
  });

  it('twirl keeps the Bell-basis diagonal of any two-qubit state', () => {
    const rho = new DensityEngine(2);
    rho.applyGate('ry', [0], [0.9]);
    rho.applyGate('cx', [0, 1], []);
    rho.applyAmplitudeDamping(1, 0.3);
    const c = twirl(rho.matrix());
    for (let label = 0; label < 4; label++)
      expect(c[label]).toBeCloseTo(rho.fidelityWithPure(BELL_VECTORS[label]!), 15);
  });

  it('validates weights and Werner fidelities', () => {
    expect(thrown(() => bellDiagonal([0.5, 0.5, 0.5, 0])).code).toBe('E_STATE');
    expect(thrown(() => bellDiagonal([1.2, -0.2, 0, 0])).code).toBe('E_STATE');
    expect(thrown(() => bellDiagonal([1, 0, 0])).code).toBe('E_STATE');
    expect(thrown(() => werner(1.1)).code).toBe('E_STATE');
    expect(werner(0.7)).toEqual([0.7, 0.1, 0.1, 0.1].map((v) => expect.closeTo(v, 15)));
  });
});

describe('BellDiagonalEngine', () => {
  it('Pauli gates on either qubit permute the weights exactly as on the density matrix', () => {
    fc.assert(
      fc.property(
        bellDiagonalArb,
        fc.constantFrom('x', 'y', 'z', 'id'),
        fc.constantFrom(0, 1),
        (c, gate, q) => {
          const e = new BellDiagonalEngine(c);
          const rho = e.toDensity();
          e.applyGate(gate, [q], []);
          rho.applyGate(gate, [q], []);
          expectWeights(e.coefficients(), expectBellDiagonal(rho.matrix()), 1e-15);
        },
      ),
      { seed: 61 },
    );
  });

  it('refuses other gates with E_GATE pointing to the density engine', () => {
    const e = new BellDiagonalEngine();
    const err = thrown(() => e.applyGate('h', [0], []));
    expect(err.code).toBe('E_GATE');
    expect(err.hint).toMatch(/density engine/);
    expect(thrown(() => e.applyGate('x', [2], [])).code).toBe('E_QUBIT');
    expect(thrown(() => e.applyGate('cx', [0, 1], [])).code).toBe('E_GATE');
  });

  it('applyNoise: exact Pauli channels; refuses targets outside the pair', () => {
    const e = BellDiagonalEngine.werner(0.9);
    e.applyNoise('depolarize1', [0, 1], [0.1], Rng.fromSeed(0));
    const rho = DensityEngine.fromMatrix(bellDiagonalMatrix(werner(0.9)));
    rho.applyNoise('depolarize1', [0, 1], [0.1]);
    expect(e.fidelity()).toBeCloseTo(twirl(rho.matrix())[0], 15);
    expect(thrown(() => e.applyNoise('x_error', [2], [0.1], Rng.fromSeed(0))).code).toBe('E_NOISE');
    expect(thrown(() => e.applyNoise('depolarize2', [0, 0], [0.1], Rng.fromSeed(0))).code).toBe('E_NOISE');
  });

  it('single-qubit measurements give the Bell correlations, then the engine holds a density matrix', () => {
    const rng = Rng.fromSeed(62);
    const c: BellDiagonal = [0.5, 0.2, 0.2, 0.1];
    // Z outcomes differ for Ψ±; X outcomes for Φ−, Ψ−; Y outcomes for Φ+, Ψ− (⟨Φ+|YY|Φ+⟩ = −1).
    const expectedDiffer = { Z: c[1] + c[3], X: c[2] + c[3], Y: c[0] + c[3] };
    const shots = 4000;
    for (const basis of ['Z', 'X', 'Y'] as const) {
      let differ = 0;
      for (let s = 0; s < shots; s++) {
        const e = new BellDiagonalEngine(c);
        const a = e.measure(0, basis, rng);
        expect(e.isBellDiagonal).toBe(false);
        differ += a ^ e.measure(1, basis, rng);
      }
      const p = expectedDiffer[basis];
      expect(Math.abs(differ / shots - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / shots));
    }
  });

  it('runs circuits through the circuit runner and the exact distribution', () => {
    const circuit: Circuit = {
      numQubits: 2,
      numBits: 2,
      qregs: [],
      cregs: [],
      instructions: [
        { kind: 'noise', channel: 'x_error', targets: [1], probabilities: [0.25] },
        { kind: 'gate', gate: 'z', targets: [0], params: [] },
        { kind: 'measure', basis: 'Z', targets: [0, 1], bits: [0, 1], flipProbability: 0, reset: false },
      ],
    };
    const dist = exactDistribution(() => BellDiagonalEngine.werner(0.9), circuit);
    // Werner 0.9 then X with probability 1/4: outcomes differ with probability Ψ+ + Ψ−.
    const differ = 0.75 * (0.2 / 3) + 0.25 * (0.9 + 0.1 / 3);
    expect((dist.get('01') ?? 0) + (dist.get('10') ?? 0)).toBeCloseTo(differ, 14);
    expect(dist.get('00')).toBeCloseTo((1 - differ) / 2, 14);
    const shot = runShot(BellDiagonalEngine.werner(1), circuit, Rng.fromSeed(1));
    expect(shot.bits.length).toBe(2);
  });

  it('bellMeasure returns labels with their weights and collapses onto that Bell state', () => {
    const rng = Rng.fromSeed(63);
    const c: BellDiagonal = [0.4, 0.3, 0.2, 0.1];
    const counts = [0, 0, 0, 0];
    const shots = 4000;
    for (let s = 0; s < shots; s++) {
      const e = new BellDiagonalEngine(c);
      const label = e.bellMeasure(rng);
      counts[label]!++;
      expect(e.coefficients()).toEqual(bellState(label));
    }
    for (let l = 0; l < 4; l++) {
      const p = c[l]!;
      expect(Math.abs(counts[l]! / shots - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / shots));
    }
    // After a one-qubit measurement the pair is a product state: a Bell measurement brings it back.
    const e = new BellDiagonalEngine();
    e.measure(0, 'Z', rng);
    e.bellMeasure(rng);
    expect(e.isBellDiagonal).toBe(true);
  });

  it('probabilities, probabilityOfOne, project and reset agree with the density engine', () => {
    const c: BellDiagonal = [0.5, 0.2, 0.2, 0.1];
    const e = new BellDiagonalEngine(c);
    const rho = e.toDensity();
    expect(Array.from(e.probabilities([1, 0]))).toEqual(Array.from(rho.probabilities([1, 0])));
    expect(e.probabilityOfOne(1)).toBe(0.5);
    expect(e.project(1, 1)).toBeCloseTo(rho.project(1, 1), 15);
    expect(cmatDistance(e.toDensity().matrix(), rho.matrix())).toBeLessThan(1e-15);
    e.reset(0, 'X', Rng.fromSeed(0));
    rho.reset(0, 'X', Rng.fromSeed(0));
    expect(cmatDistance(e.toDensity().matrix(), rho.matrix())).toBeLessThan(1e-15);
  });

  it('clone is independent; idle, depolarize, dephase act on one qubit; fidelity = A', () => {
    const e = BellDiagonalEngine.werner(0.95);
    const copy = e.clone();
    e.idle(1, 10 * PS_PER_US, 100 * PS_PER_US, 80 * PS_PER_US);
    e.depolarize(0, 0.01);
    e.dephase(1, 0.02);
    expect(copy.fidelity()).toBeCloseTo(0.95, 15);
    expect(e.fidelity()).toBeLessThan(0.95);
    expect(e.fidelity()).toBeCloseTo(e.toDensity().fidelityWithPure(BELL_VECTORS[PHI_PLUS]!), 14);
    expect(e.capabilities.maxQubits).toBe(2);
  });
});
