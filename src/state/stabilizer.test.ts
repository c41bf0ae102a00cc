import { describe, expect, it } from 'vitest';
import type { Basis } from '../circuit/ir.js';
import { applyMatrix, GATES, gateOrThrow } from '../gates/index.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { StabilizerEngine } from './stabilizer.js';

// A tiny dense state vector, independent of the tableau: amplitudes re/im interleaved, qubit q is
// index bit q.
class Dense {
  readonly n: number;
  amps: Float64Array;
  constructor(n: number) {
    this.n = n;
    this.amps = new Float64Array(2 << n);
    this.amps[0] = 1;
  }
  gate(name: string, targets: readonly number[], params: readonly number[] = []): void {
    applyMatrix(this.amps, gateOrThrow(name).matrix(params), targets);
  }
  probabilityOfOne(q: number): number {
    let p = 0;
    for (let i = 0; i < 1 << this.n; i++)
      if ((i >> q) & 1) p += this.amps[2 * i]! ** 2 + this.amps[2 * i + 1]! ** 2;
    return p;
  }
  /** Projects qubit q onto outcome m (Z basis) and renormalises. */
  collapse(q: number, m: number): void {
    let norm = 0;
    for (let i = 0; i < 1 << this.n; i++) {
      if (((i >> q) & 1) !== m) {
        this.amps[2 * i] = 0;
        this.amps[2 * i + 1] = 0;
      } else norm += this.amps[2 * i]! ** 2 + this.amps[2 * i + 1]! ** 2;
    }
    const f = 1 / Math.sqrt(norm);
    for (let k = 0; k < this.amps.length; k++) this.amps[k]! *= f;
  }
  clone(): Dense {
    const d = new Dense(this.n);
    d.amps = this.amps.slice();
    return d;
  }
  /** Measures q in `basis` with the outcome forced to m (rotating onto Z as the tableau does). */
  measure(q: number, basis: Basis, m: number): void {
    const turn = basis === 'X' ? 'h' : basis === 'Y' ? 'h_yz' : undefined;
    if (turn) this.gate(turn, [q]);
    this.collapse(q, m);
    if (turn) this.gate(turn, [q]);
  }
}

const CLIFFORD_1Q = GATES.filter((g) => g.clifford && g.arity === 1).map((g) => g.name);
const CLIFFORD_2Q = GATES.filter((g) => g.clifford && g.arity === 2).map((g) => g.name);
const BASES: readonly Basis[] = ['X', 'Y', 'Z'];

function expectSameProbabilities(t: StabilizerEngine, d: Dense, where: string): void {
  for (let q = 0; q < d.n; q++) {
    expect(Math.abs(t.probabilityOfOne(q) - d.probabilityOfOne(q)), `${where}, qubit ${q}`).toBeLessThan(
      1e-9,
    );
  }
}

/**
 * P(1) for the product of `paulis` (letters per qubit, '_' for none), the same way on both: rotate each
 * factor onto Z, fold the parity into one qubit with CX, read its Z. Checks signs and correlations,
 * not only single-qubit marginals.
 */
function pauliOne(t: StabilizerEngine, d: Dense, paulis: string): [number, number] {
  const tc = t.clone();
  const dc = d.clone();
  let last = -1;
  for (let q = 0; q < paulis.length; q++) {
    const p = paulis[q];
    if (p === '_') continue;
    const turn = p === 'X' ? 'h' : p === 'Y' ? 'h_yz' : undefined;
    if (turn) {
      tc.applyGate(turn, [q], []);
      dc.gate(turn, [q]);
    }
    if (last >= 0) {
      tc.applyGate('cx', [last, q], []);
      dc.gate('cx', [last, q]);
    }
    last = q;
  }
  return last < 0 ? [0, 0] : [tc.probabilityOfOne(last), dc.probabilityOfOne(last)];
}

describe('stabilizer engine', () => {
  it('agrees with a dense state vector on random Clifford circuits with mid-circuit measurements', () => {
    const rng = Rng.fromSeed('stabilizer.test/random');
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + rng.int(6);
      const t = new StabilizerEngine(n);
      const d = new Dense(n);
      for (let step = 0; step < 40; step++) {
        const where = `trial ${trial}, step ${step}`;
        const r = rng.next();
        if (r < 0.45 || n === 1) {
          const g = rng.pick(CLIFFORD_1Q);
          const q = rng.int(n);
          t.applyGate(g, [q], []);
          d.gate(g, [q]);
        } else if (r < 0.85) {
          const g = rng.pick(CLIFFORD_2Q);
          const a = rng.int(n);
          const b = (a + 1 + rng.int(n - 1)) % n;
          t.applyGate(g, [a, b], []);
          d.gate(g, [a, b]);
        } else if (r < 0.93) {
          const q = rng.int(n);
          const basis = rng.pick(BASES);
          const m = t.measure(q, basis, rng);
          d.measure(q, basis, m);
          // The tableau's outcome must have been possible, and the two collapsed states must agree.
          expect(Number.isFinite(d.amps[0]!), where).toBe(true);
        } else {
          const q = rng.int(n);
          const outcome = rng.int(2) as 0 | 1;
          const p = t.project(q, outcome);
          const expected = outcome ? d.probabilityOfOne(q) : 1 - d.probabilityOfOne(q);
          expect(Math.abs(p - expected), where).toBeLessThan(1e-9);
          if (p > 0) d.collapse(q, outcome);
        }
        expectSameProbabilities(t, d, where);
        if (step % 10 === 9) {
          const joint = t.probabilities(Array.from({ length: n }, (_, q) => n - 1 - q));
          joint.forEach((p, i) => {
            // Entry i: qubit n − 1 − j reads bit j of i (the reversed order checks the bit convention).
            let index = 0;
            for (let j = 0; j < n; j++) if ((i >> j) & 1) index |= 1 << (n - 1 - j);
            const weight = d.amps[2 * index]! ** 2 + d.amps[2 * index + 1]! ** 2;
            expect(Math.abs(p - weight), `${where}, joint outcome ${i}`).toBeLessThan(1e-9);
          });
        }
        const paulis = Array.from({ length: n }, () => rng.pick(['_', 'X', 'Y', 'Z'])).join('');
        const [pt, pd] = pauliOne(t, d, paulis);
        expect(Math.abs(pt - pd), `${where}, ${paulis}`).toBeLessThan(1e-9);
      }
    }
  });

  it('measures a 70-qubit GHZ state (several words per row) consistently', () => {
    const n = 70;
    for (let seed = 0; seed < 5; seed++) {
      const rng = Rng.fromSeed(seed);
      const t = new StabilizerEngine(n);
      t.applyGate('h', [0], []);
      for (let q = 0; q + 1 < n; q++) t.applyGate('cx', [q, q + 1], []);
      expect(t.probabilityOfOne(37)).toBe(0.5);
      const first = t.measure(45, 'Z', rng);
      for (let q = 0; q < n; q++) expect(t.measure(q, 'Z', rng)).toBe(first);
    }
  });

  it('gives both outcomes of a random measurement about equally often', () => {
    const rng = Rng.fromSeed('stabilizer.test/coin');
    let ones = 0;
    const shots = 4000;
    for (let s = 0; s < shots; s++) {
      const t = new StabilizerEngine(40);
      t.applyGate('h', [33], []);
      t.applyGate('cx', [33, 2], []);
      ones += t.measure(2, 'Z', rng);
    }
    // 4 standard errors of a fair coin.
    expect(Math.abs(ones / shots - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / shots));
  });

  it('resets to the +1 eigenstate of each basis', () => {
    const rng = Rng.fromSeed('stabilizer.test/reset');
    for (const basis of BASES) {
      for (let k = 0; k < 20; k++) {
        const t = new StabilizerEngine(3);
        t.applyGate('h', [0], []);
        t.applyGate('cx', [0, 1], []);
        t.applyGate('s', [1], []);
        t.reset(1, basis, rng);
        expect(t.measure(1, basis, rng)).toBe(0);
        expect(t.measure(1, basis, rng)).toBe(0);
      }
    }
  });

  it('keeps clones independent', () => {
    const rng = Rng.fromSeed(1);
    const a = new StabilizerEngine(2);
    a.applyGate('h', [0], []);
    const b = a.clone();
    b.applyGate('h', [0], []);
    expect(a.probabilityOfOne(0)).toBe(0.5);
    expect(b.probabilityOfOne(0)).toBe(0);
    a.applyGate('cx', [0, 1], []);
    expect(a.measure(0, 'Z', rng)).toBe(a.measure(1, 'Z', rng));
  });

  it('samples Pauli noise: certain errors flip outcomes, and the rate matches p', () => {
    const rng = Rng.fromSeed('stabilizer.test/noise');
    const t = new StabilizerEngine(2);
    t.applyNoise('x_error', [0], [1], rng);
    expect(t.probabilityOfOne(0)).toBe(1);
    t.applyNoise('depolarize2', [0, 1], [0], rng);
    expect(t.probabilityOfOne(0)).toBe(1);
    let flips = 0;
    const shots = 20000;
    for (let s = 0; s < shots; s++) {
      const e = new StabilizerEngine(1);
      // Depolarizing with p: X or Y (2 of the 3 errors) flip Z, so P(1) = 2p/3.
      e.applyNoise('depolarize1', [0], [0.3], rng);
      flips += e.measure(0, 'Z', rng);
    }
    expect(Math.abs(flips / shots - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / shots));
  });

  it("reads PAULI_CHANNEL_1 and PAULI_CHANNEL_2 arguments in Stim's order", () => {
    const rng = Rng.fromSeed(2);
    const only = (i: number, n: number): number[] => Array.from({ length: n }, (_, k) => (k === i ? 1 : 0));
    // Outcomes of Z on qubit 0 and X on qubit 1 (prepared in |0⟩ and |+⟩) after the error.
    const outcomesAfter = (
      channel: 'pauli_channel_1' | 'pauli_channel_2',
      probabilities: number[],
    ): number[] => {
      const t = new StabilizerEngine(2);
      t.applyGate('h', [1], []);
      t.applyNoise(channel, [0, 1], probabilities, rng);
      return [t.measure(0, 'Z', rng), t.measure(1, 'X', rng)];
    };
    // The one-qubit channel strikes both qubits with the same Pauli.
    expect(outcomesAfter('pauli_channel_1', only(0, 3))).toEqual([1, 0]); // X
    expect(outcomesAfter('pauli_channel_1', only(1, 3))).toEqual([1, 1]); // Y
    expect(outcomesAfter('pauli_channel_1', only(2, 3))).toEqual([0, 1]); // Z
    expect(outcomesAfter('pauli_channel_2', only(0, 15))).toEqual([0, 0]); // IX
    expect(outcomesAfter('pauli_channel_2', only(3, 15))).toEqual([1, 0]); // XI
    expect(outcomesAfter('pauli_channel_2', only(6, 15))).toEqual([1, 1]); // XZ
    expect(outcomesAfter('pauli_channel_2', only(2, 15))).toEqual([0, 1]); // IZ
    expect(outcomesAfter('pauli_channel_2', only(11, 15))).toEqual([0, 0]); // ZI
    expect(outcomesAfter('pauli_channel_2', only(12, 15))).toEqual([0, 0]); // ZX
    expect(outcomesAfter('pauli_channel_2', only(9, 15))).toEqual([1, 1]); // YY
  });

  it('accepts gates that are Clifford at the given angles and refuses others', () => {
    const t = new StabilizerEngine(1);
    t.applyGate('h', [0], []);
    t.applyGate('rz', [0], [Math.PI]);
    t.applyGate('h', [0], []);
    expect(t.probabilityOfOne(0)).toBe(1);
    expect(() => t.applyGate('t', [0], [])).toThrow(QnetError);
    expect(() => new StabilizerEngine(1e6)).toThrow(QnetError);
  });
});
