import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QPU_CLASS_PRESETS } from '../hardware/qpu.js';
import {
  bellDiagonalArb,
  expectBellDiagonal,
  expectWeights,
  twoPairs,
} from '../state/belldiag.test-helper.js';
import { bbpssw, dejmps } from '../state/belldiag-purify.js';
import { type BellDiagonal, twirl, werner } from '../state/belldiag-state.js';
import { Rng } from '../util/rng.js';
import { localNoiseFromQpu } from './local-noise.js';
import { bbpsswPumpingFixedPoint, pump, pumpingFixedPoint } from './pumping.js';
import { purify, purifyPairs } from './purify.js';

/** REFERENCES.md's one-pair DEJMPS map in its own notation (A = Φ+, B = Ψ−, C = Ψ+, D = Φ−). */
function dejmpsClosedForm([A, C, D, B]: readonly number[]): { next: number[]; N: number } {
  const N = (A! + B!) ** 2 + (C! + D!) ** 2;
  return {
    next: [(A! ** 2 + B! ** 2) / N, (C! ** 2 + D! ** 2) / N, (2 * A! * B!) / N, (2 * C! * D!) / N],
    N,
  };
}

/** REFERENCES.md's BBPSSW map on F. */
function bbpsswClosedForm(F: number): { F: number; N: number } {
  const q = (1 - F) / 3;
  const N = F * F + (2 * F * (1 - F)) / 3 + 5 * q * q;
  return { F: (F * F + q * q) / N, N };
}

/**
 * Noisy recurrence purification on the density engine: kept pair on qubits 0 (Alice), 1 (Bob),
 * sacrificed pair on 2 (Alice), 3 (Bob); DEJMPS rotations (unless `rotate` is false), CNOTs 0→2 and 1→3 each followed by
 * DEPOLARIZE2, readouts misread with probability q, kept when the read bits agree.
 */
function purifyByDensity(kept: BellDiagonal, sacrificed: BellDiagonal, p2: number, q: number, rotate = true) {
  const rho = twoPairs(kept, sacrificed);
  if (rotate) {
    for (const qb of [0, 2]) rho.applyGate('rx', [qb], [Math.PI / 2]);
    for (const qb of [1, 3]) rho.applyGate('rx', [qb], [-Math.PI / 2]);
  }
  rho.applyGate('cx', [0, 2], []);
  rho.applyGate('cx', [1, 3], []);
  rho.applyNoise('depolarize2', [0, 2, 1, 3], [p2]);
  const acc = new Float64Array(32);
  let success = 0;
  for (const m2 of [0, 1] as const) {
    for (const m3 of [0, 1] as const) {
      const branch = rho.clone();
      const w = branch.project(2, m2) * branch.project(3, m3);
      // Read bits agree when both are read right or both wrong (if m2 = m3), or exactly one is wrong.
      const keep = m2 === m3 ? (1 - q) ** 2 + q * q : 2 * q * (1 - q);
      if (w * keep === 0) continue;
      success += w * keep;
      const m = branch.partialTrace([0, 1]).matrix();
      for (let i = 0; i < 32; i++) acc[i]! += w * keep * m[i]!;
    }
  }
  return { state: acc.map((v) => v / success), successProbability: success };
}

const heron = localNoiseFromQpu(QPU_CLASS_PRESETS['heron-r2'].params);

describe('purify', () => {
  it('DEJMPS: Werner F = 0.8 → 0.83815, p = 0.76889 (REFERENCES.md)', () => {
    const r = purify(werner(0.8), werner(0.8), 'dejmps');
    expect(r.state[0]).toBeCloseTo(0.83815, 5);
    expect(r.successProbability).toBeCloseTo(0.76889, 5);
  });

  it('three rounds of DEJMPS and of BBPSSW equal the closed forms of REFERENCES.md', () => {
    fc.assert(
      fc.property(bellDiagonalArb, (start) => {
        let state = start;
        let ref: number[] = [...start];
        for (let round = 0; round < 3; round++) {
          const r = purify(state, state, 'dejmps');
          const { next, N } = dejmpsClosedForm(ref);
          if (!(N > 1e-9)) return;
          expect(r.successProbability).toBeCloseTo(N, 12);
          expectWeights(r.state, next, 1e-9);
          state = r.state;
          ref = next;
        }
      }),
      { seed: 201 },
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (f) => {
        let state = werner(f);
        let ref = f;
        for (let round = 0; round < 3; round++) {
          const r = purify(state, state, 'bbpssw');
          const { F, N } = bbpsswClosedForm(ref);
          expect(r.successProbability).toBeCloseTo(N, 12);
          expectWeights(r.state, werner(F), 1e-12);
          state = r.state;
          ref = F;
        }
      }),
      { seed: 202 },
    );
  });

  it('noiseless, equals belldiag dejmps and bbpssw on two different pairs', () => {
    fc.assert(
      fc.property(bellDiagonalArb, bellDiagonalArb, (a, b) => {
        for (const [mine, theirs] of [
          [purify(a, b, 'dejmps'), dejmps(a, b)],
          [purify(a, b, 'bbpssw'), bbpssw(a, b)],
        ] as const) {
          expect(mine.successProbability).toBeCloseTo(theirs.successProbability, 12);
          if (theirs.successProbability > 1e-6) expectWeights(mine.state, theirs.state, 1e-9);
        }
      }),
      { seed: 203 },
    );
  });

  it('with CNOT depolarising and misread bits, equals the density engine (4 qubits)', () => {
    fc.assert(
      fc.property(
        bellDiagonalArb,
        bellDiagonalArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (a, b, p2, q) => {
          const ref = purifyByDensity(a, b, p2, q);
          const r = purify(a, b, 'dejmps', { gate2qDepolarizing: p2, measurementFlip: q });
          expect(r.successProbability).toBeCloseTo(ref.successProbability, 12);
          if (ref.successProbability > 1e-3)
            expectWeights(r.state, expectBellDiagonal(ref.state, 1e-9), 1e-9);
        },
      ),
      { numRuns: 40, seed: 204 },
    );
    // BBPSSW: the same circuit without rotations on the twirled inputs, twirled after.
    fc.assert(
      fc.property(
        bellDiagonalArb,
        bellDiagonalArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, p2) => {
          const ref = purifyByDensity(werner(a[0]), werner(b[0]), p2, 0.05, false);
          const r = purify(a, b, 'bbpssw', { gate2qDepolarizing: p2, measurementFlip: 0.05 });
          expect(r.successProbability).toBeCloseTo(ref.successProbability, 12);
          expectWeights(r.state, werner(twirl(ref.state)[0]), 1e-9);
        },
      ),
      { numRuns: 20, seed: 205 },
    );
  });

  it('Heron-class noise costs fidelity; Monte Carlo over Bell labels, Pauli errors and misreads agrees within 3 SE', () => {
    const a = werner(0.9);
    const exact = purify(a, a, 'dejmps', heron);
    expect(exact.state[0]).toBeLessThan(purify(a, a, 'dejmps').state[0]);
    // Independent sampler: draw each pair's label, each node's two-qubit Pauli error, each readout flip.
    const rng = Rng.fromSeed(7);
    const draw = (c: readonly number[]) => {
      let u = rng.next();
      for (let l = 0; l < 3; l++) {
        u -= c[l]!;
        if (u < 0) return l;
      }
      return 3;
    };
    const rot = (c: BellDiagonal) => [c[0], c[1], c[3], c[2]];
    const oneQ = () => (rng.bernoulli(heron.gate1qDepolarizing) ? 1 + rng.int(3) : 0);
    const twoQ = () => (rng.bernoulli(heron.gate2qDepolarizing) ? 1 + rng.int(15) : 0);
    const n = 200_000;
    let kept = 0;
    let good = 0;
    for (let i = 0; i < n; i++) {
      let la = draw(rot(a)) ^ oneQ() ^ oneQ();
      let lb = draw(rot(a)) ^ oneQ() ^ oneQ();
      for (let node = 0; node < 2; node++) {
        const e = twoQ();
        la ^= e & 3;
        lb ^= e >> 2;
      }
      const agree = ((la ^ lb) & 1) === 0;
      const aliceWrong = rng.bernoulli(heron.measurementFlip);
      const bobWrong = rng.bernoulli(heron.measurementFlip);
      const misread = aliceWrong !== bobWrong;
      if (agree === misread) continue;
      kept++;
      if ((la & 1) === 0 && ((la >> 1) ^ (lb >> 1)) === 0) good++;
    }
    const pHat = kept / n;
    expect(Math.abs(pHat - exact.successProbability)).toBeLessThan(
      3 * Math.sqrt((exact.successProbability * (1 - exact.successProbability)) / n),
    );
    const f = exact.state[0];
    expect(Math.abs(good / kept - f)).toBeLessThan(3 * Math.sqrt((f * (1 - f)) / kept));
  });

  it('purifyPairs ages both pairs, then decides one one-way delay after the readouts', () => {
    const memory = { t1Us: 145, t2Us: 88 };
    const kept = { ends: ['A', 'B'] as const, state: werner(0.95), statePs: 0 };
    const fresh = { ends: ['B', 'A'] as const, state: werner(0.95), statePs: 4e6 };
    const r = purifyPairs(kept, fresh, {
      atPs: 5e6,
      protocol: 'dejmps',
      noise: heron,
      classicalDelayPs: 1e6,
      memoryOf: () => memory,
    });
    expect(r.decidedPs).toBe(5e6 + 24_000 + 84_000 + 1_560_000 + 1e6);
    expect(r.pair.statePs).toBe(5e6);
    expect(r.pair.state[0]).toBeLessThan(purify(werner(0.95), werner(0.95), 'dejmps', heron).state[0]);
    expect(() =>
      purifyPairs(kept, { ...fresh, ends: ['A', 'C'] }, { atPs: 5e6, protocol: 'dejmps' }),
    ).toThrow(/same nodes/);
  });
});

describe('entanglement pumping', () => {
  it('BBPSSW pumping converges to the closed-form fixed point', () => {
    for (const f of [0.6, 0.75, 0.9, 0.99]) {
      const fixed = bbpsswPumpingFixedPoint(f);
      const steps = pump(werner(f), 400, 'bbpssw');
      expect(steps.at(-1)!.state[0]).toBeCloseTo(fixed, 10);
      expect(pumpingFixedPoint(werner(f), 'bbpssw')[0]).toBeCloseTo(fixed, 12);
      // Saturates below 1: the price of purifying only with fresh pairs.
      expect(fixed).toBeLessThan(1);
      expect(fixed).toBeGreaterThan(f);
    }
    expect(bbpsswPumpingFixedPoint(0.9)).toBeCloseTo(0.94346, 5);
  });

  it('DEJMPS pumping with Heron noise reaches a state it maps to itself', () => {
    const fresh = werner(0.9);
    const fixed = pumpingFixedPoint(fresh, 'dejmps', heron);
    expectWeights(purify(fixed, fresh, 'dejmps', heron).state, fixed, 1e-13);
    expect(fixed[0]).toBeLessThan(pumpingFixedPoint(fresh, 'dejmps')[0]);
  });

  it('Monte Carlo: fresh pairs used to pump 3 times, restarting on failure, within 3 SE of the expectation', () => {
    const steps = pump(werner(0.8), 3, 'dejmps', heron);
    const rng = Rng.fromSeed(11);
    const runs = 50_000;
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < runs; i++) {
      let used = 1;
      for (let k = 1; k <= 3; ) {
        used++;
        if (rng.bernoulli(steps[k]!.successProbability)) k++;
        else {
          k = 1;
          used++;
        }
      }
      sum += used;
      sum2 += used * used;
    }
    const mean = sum / runs;
    const se = Math.sqrt((sum2 / runs - mean * mean) / runs);
    expect(Math.abs(mean - steps[3]!.expectedFreshPairs)).toBeLessThan(3 * se);
  });
});
