import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GATES, gateOrThrow } from '../gates/index.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { StatevectorEngine, type StatevectorOptions } from './statevector.js';
import {
  maxDifference,
  randomCall,
  randomGates,
  randomState,
  referenceRun,
  type TestGate,
} from './statevector-reference.test-helper.js';

const TOL = 1e-12;
const BACKENDS = ['ts', 'wasm'] as const;

function run(initial: Float64Array, gates: readonly TestGate[], options: StatevectorOptions): Float64Array {
  const e = StatevectorEngine.fromAmplitudes(initial, options);
  for (const g of gates) e.applyGate(g.gate, g.targets, g.params);
  return e.amplitudes();
}

/** Textbook QFT with final swaps, as in the benchmark. */
function applyQft(e: StatevectorEngine): void {
  const n = e.numQubits;
  for (let j = n - 1; j >= 0; j--) {
    e.applyGate('h', [j], []);
    for (let k = j - 1; k >= 0; k--) e.applyGate('cp', [k, j], [Math.PI / 2 ** (j - k)]);
  }
  for (let q = 0; q < n >> 1; q++) e.applyGate('swap', [q, n - 1 - q], []);
}

describe.each(BACKENDS)('statevector engine, %s kernels', (backend) => {
  const rng = Rng.fromSeed(`statevector.test/${backend}`);

  it('applies every table gate as its matrix does, on random states and targets', () => {
    for (const g of GATES) {
      for (let trial = 0; trial < 3; trial++) {
        const n = 6;
        const initial = randomState(n, rng);
        const call = [randomCall(g, n, rng)];
        const want = referenceRun(initial, call, gateOrThrow);
        for (const fusion of [false, true]) {
          const got = run(initial, call, { backend, fusion });
          expect(maxDifference(got, want), `${g.name} on ${call[0]!.targets}, fusion ${fusion}`).toBeLessThan(
            TOL,
          );
        }
      }
    }
  });

  it('runs random circuits over the whole table like the reference, for several block shapes', () => {
    const shapes = [
      { blockQubits: 4, lowQubits: 1 },
      { blockQubits: 5, lowQubits: 2 },
      { blockQubits: 6, lowQubits: 0 },
      { blockQubits: 14, lowQubits: 3 },
    ];
    for (const block of shapes) {
      const n = 9;
      const initial = randomState(n, rng);
      const gates = randomGates(n, 250, rng);
      const want = referenceRun(initial, gates, gateOrThrow);
      expect(maxDifference(run(initial, gates, { backend, block }), want)).toBeLessThan(TOL);
    }
  });

  it('gives the same state through fusion and cache blocking as gate by gate', () => {
    // Layers of H/T and CX as in the benchmark, plus phases, on a register larger than a block.
    const n = 12;
    const pool = ['h', 't', 'cx', 'cp', 'rz', 'u3', 'swap', 'ccx', 'cz', 'rzz', 's', 'sx'].map(gateOrThrow);
    const initial = randomState(n, rng);
    const gates = randomGates(n, 600, rng, pool);
    const block = { blockQubits: 7, lowQubits: 2 };
    const slow = run(initial, gates, { backend, fusion: false });
    const fast = run(initial, gates, { backend, block });
    expect(maxDifference(fast, slow)).toBeLessThan(TOL);
  });

  it('keeps probabilities summing to 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer(),
        (n, count, seed) => {
          const r = Rng.fromSeed(Math.abs(seed));
          const e = new StatevectorEngine(n, { backend, block: { blockQubits: 3, lowQubits: 1 } });
          for (const g of randomGates(n, count, r)) e.applyGate(g.gate, g.targets, g.params);
          const total = e.probabilities().reduce((s, p) => s + p, 0);
          expect(Math.abs(total - 1)).toBeLessThan(1e-12);
          for (let q = 0; q < n; q++) {
            const p1 = e.probabilityOfOne(q);
            expect(p1).toBeGreaterThanOrEqual(-1e-15);
            expect(p1).toBeLessThanOrEqual(1 + 1e-15);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the known amplitudes for the QFT of a basis state', () => {
    const n = 5;
    const N = 2 ** n;
    for (const x of [0, 1, 6, 19]) {
      const e = new StatevectorEngine(n, { backend, block: { blockQubits: 3, lowQubits: 1 } });
      for (let q = 0; q < n; q++) if ((x >> q) & 1) e.applyGate('x', [q], []);
      applyQft(e);
      const a = e.amplitudes();
      // QFT|x⟩ = Σ_k e^{2πi xk/N} |k⟩ / √N (Nielsen & Chuang eq. 5.2).
      for (let k = 0; k < N; k++) {
        const phase = (2 * Math.PI * x * k) / N;
        expect(a[2 * k]!).toBeCloseTo(Math.cos(phase) / Math.sqrt(N), 12);
        expect(a[2 * k + 1]!).toBeCloseTo(Math.sin(phase) / Math.sqrt(N), 12);
      }
    }
  });

  it('lists probabilities in OpenQASM order (bit j of the outcome = qubits[j])', () => {
    const e = new StatevectorEngine(4, { backend });
    e.applyGate('x', [1], []);
    e.applyGate('x', [3], []);
    expect(e.probabilities()[0b1010]).toBe(1);
    expect(e.probabilities([3, 0, 1])[0b101]).toBe(1);
    expect(e.probabilities([2])[0]).toBe(1);
  });

  it('measures with Born-rule statistics within 4 standard errors, and collapses', () => {
    const shots = 4000;
    const theta = 1.1;
    const p1 = Math.sin(theta / 2) ** 2;
    const base = new StatevectorEngine(3, { backend });
    base.applyGate('ry', [0], [theta]);
    base.applyGate('cx', [0, 2], []);
    expect(base.probabilityOfOne(2)).toBeCloseTo(p1, 14);
    let ones = 0;
    for (let s = 0; s < shots; s++) {
      const e = base.clone();
      const m = e.measure(2, 'Z', rng);
      ones += m;
      // The partner qubit now agrees with certainty.
      expect(e.probabilityOfOne(0)).toBeCloseTo(m, 12);
    }
    const se = Math.sqrt((p1 * (1 - p1)) / shots);
    expect(Math.abs(ones / shots - p1)).toBeLessThan(4 * se);
  });

  it('measures in X and Y by rotating onto Z and back', () => {
    const e = new StatevectorEngine(2, { backend });
    e.applyGate('h', [0], []);
    e.applyGate('h', [1], []);
    e.applyGate('s', [1], []);
    for (let i = 0; i < 20; i++) {
      expect(e.measure(0, 'X', rng)).toBe(0);
      expect(e.measure(1, 'Y', rng)).toBe(0);
    }
    e.applyGate('z', [0], []);
    expect(e.measure(0, 'X', rng)).toBe(1);
    // Still |−⟩ afterwards: an X measurement leaves an X eigenstate.
    expect(e.measure(0, 'X', rng)).toBe(1);
  });

  it('resets to the +1 eigenstate of the basis, whatever the state', () => {
    for (const basis of ['Z', 'X', 'Y'] as const) {
      const e = StatevectorEngine.fromAmplitudes(randomState(3, rng), { backend });
      e.reset(1, basis, rng);
      expect(e.measure(1, basis, rng)).toBe(0);
      expect(e.probabilities().reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    }
  });

  it('projects onto an outcome and returns its probability', () => {
    const e = new StatevectorEngine(2, { backend });
    e.applyGate('ry', [0], [2 * Math.asin(Math.sqrt(0.3))]);
    expect(e.project(0, 1)).toBeCloseTo(0.3, 14);
    expect(e.probabilityOfOne(0)).toBeCloseTo(1, 14);
    expect(e.project(0, 0)).toBe(0);
  });

  it('samples shots from the final distribution', () => {
    const e = new StatevectorEngine(3, { backend });
    e.applyGate('h', [0], []);
    e.applyGate('cx', [0, 1], []);
    const outcomes = e.sample([0, 1], 2000, rng);
    const counts = [0, 0, 0, 0];
    for (const o of outcomes) counts[o]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]).toBe(0);
    const se = Math.sqrt(0.25 / 2000);
    expect(Math.abs(counts[0]! / 2000 - 0.5)).toBeLessThan(4 * se);
  });

  it('applies Pauli noise by sampling trajectories', () => {
    const e = new StatevectorEngine(2, { backend });
    e.applyNoise('x_error', [1], [1], rng);
    expect(e.probabilityOfOne(1)).toBe(1);
    // PAULI_CHANNEL_2 argument 1 is IX: X on the second target only.
    const f = new StatevectorEngine(2, { backend });
    f.applyNoise('pauli_channel_2', [0, 1], [1, ...Array<number>(14).fill(0)], rng);
    expect([f.probabilityOfOne(0), f.probabilityOfOne(1)]).toEqual([0, 1]);
    // Depolarising: X or Y (each p/3) flip |0⟩.
    const p = 0.3;
    const shots = 3000;
    let flips = 0;
    for (let s = 0; s < shots; s++) {
      const g = new StatevectorEngine(1, { backend });
      g.applyNoise('depolarize1', [0], [p], rng);
      flips += g.measure(0, 'Z', rng);
    }
    const want = (2 * p) / 3;
    expect(Math.abs(flips / shots - want)).toBeLessThan(4 * Math.sqrt((want * (1 - want)) / shots));
  });

  it('clones into an independent state', () => {
    const e = new StatevectorEngine(2, { backend });
    e.applyGate('h', [0], []);
    const c = e.clone();
    c.applyGate('x', [1], []);
    expect(e.probabilityOfOne(1)).toBe(0);
    expect(c.probabilityOfOne(1)).toBe(1);
    expect(c.probabilityOfOne(0)).toBeCloseTo(0.5, 15);
  });

  it('rejects bad gates and qubits with QnetErrors', () => {
    const e = new StatevectorEngine(2, { backend });
    const code = (f: () => void): string | undefined => {
      try {
        f();
      } catch (err) {
        return err instanceof QnetError ? err.code : 'not a QnetError';
      }
      return undefined;
    };
    expect(code(() => e.applyGate('nope', [0], []))).toBe('E_GATE');
    expect(code(() => e.applyGate('cx', [0], []))).toBe('E_ARITY');
    expect(code(() => e.applyGate('rz', [0], []))).toBe('E_PARAMS');
    expect(code(() => e.applyGate('cx', [1, 1], []))).toBe('E_QUBIT');
    expect(code(() => e.applyGate('h', [2], []))).toBe('E_QUBIT');
    expect(code(() => e.measure(-1, 'Z', rng))).toBe('E_QUBIT');
  });
});

describe('statevector engine limits', () => {
  it('refuses registers beyond 30 qubits with E_TOO_LARGE, naming size, memory and the stabilizer engine', () => {
    let err: unknown;
    try {
      new StatevectorEngine(31);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QnetError);
    const q = err as QnetError;
    expect(q.code).toBe('E_TOO_LARGE');
    expect(q.message).toContain('31 qubits');
    expect(q.message).toContain('32 GiB');
    expect(q.hint).toContain('stabilizer');
  });

  it('reports a failed allocation as E_TOO_LARGE', () => {
    // The WebAssembly backend cannot address 2^28 amplitudes: its allocation fails before any memory is taken.
    expect(() => new StatevectorEngine(28, { backend: 'wasm' })).toThrow(
      expect.objectContaining({ code: 'E_TOO_LARGE', message: expect.stringContaining('4 GiB') }),
    );
  });

  it('declares its capabilities', () => {
    const e = new StatevectorEngine(1);
    expect(e.capabilities).toEqual({
      gates: 'all',
      mixedStates: false,
      exactProbabilities: true,
      maxQubits: 30,
    });
    expect(e.name).toBe('statevector');
  });
});
