import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QPU_CLASS_PRESETS, storedPairFidelity, storedPairFidelityBothStored } from '../hardware/qpu.js';
import {
  bellDiagonalArb,
  expectBellDiagonal,
  expectWeights,
  swapByDensity,
} from '../state/belldiag.test-helper.js';
import { type BellDiagonal, werner } from '../state/belldiag-state.js';
import { QnetError } from '../util/errors.js';
import { agePair, type HeldPair } from './held-pair.js';
import { localNoiseFromQpu } from './local-noise.js';
import { bsmSwap, LINEAR_OPTICS_BSM_SUCCESS, swapPairs } from './swap.js';

const pair = (a: string, b: string, state: BellDiagonal, statePs = 0): HeldPair => ({
  ends: [a, b],
  state,
  statePs,
});

/** Σ_m a_m b_{l⊕m}, written out here rather than taken from belldiag. */
function xorReference(a: BellDiagonal, b: BellDiagonal): number[] {
  const out = [0, 0, 0, 0];
  for (let l = 0; l < 4; l++) for (let m = 0; m < 4; m++) out[l]! += a[m]! * b[l ^ m]!;
  return out;
}

describe('swapPairs', () => {
  it('Werner pairs: F = F1F2 + (1−F1)(1−F2)/3 (REFERENCES.md), 0.9 and 0.9 → 0.81333', () => {
    const r = swapPairs(pair('A', 'B', werner(0.9)), pair('B', 'C', werner(0.9)), { atPs: 0 });
    expect(r.pair.state[0]).toBeCloseTo(0.81333, 5);
    expect(r.pair.ends).toEqual(['A', 'C']);
    expect(r.node).toBe('B');
    expect(r.successProbability).toBe(1);
    for (const [f1, f2] of [
      [0.7, 0.95],
      [0.5, 0.99],
    ] as const) {
      const out = swapPairs(pair('A', 'B', werner(f1)), pair('C', 'B', werner(f2)), { atPs: 0 }).pair.state;
      expectWeights(out, werner(f1 * f2 + ((1 - f1) * (1 - f2)) / 3));
    }
  });

  it('general Bell-diagonal pairs: the XOR convolution of the two label distributions', () => {
    fc.assert(
      fc.property(bellDiagonalArb, bellDiagonalArb, (a, b) => {
        const r = swapPairs(pair('B', 'A', a), pair('B', 'C', b), { atPs: 0 });
        expectWeights(r.pair.state, xorReference(a, b));
        expect(r.pair.ends).toEqual(['A', 'C']);
      }),
      { seed: 101 },
    );
  });

  it('Heron r2 gate and readout noise equals a noisy Bell measurement on the density engine', () => {
    const noise = { ...localNoiseFromQpu(QPU_CLASS_PRESETS['heron-r2'].params), gate1qDepolarizing: 0 };
    // RB error per gate r → DEPOLARIZE2 p = 5r/4.
    expect(noise.gate2qDepolarizing).toBeCloseTo((5 * 3.8e-3) / 4, 15);
    fc.assert(
      fc.property(bellDiagonalArb, bellDiagonalArb, (a, b) => {
        const reference = expectBellDiagonal(
          swapByDensity(a, b, {
            gateDepolarizing: noise.gate2qDepolarizing,
            measurementFlip: noise.measurementFlip,
          }),
        );
        expectWeights(
          swapPairs(pair('A', 'B', a), pair('B', 'C', b), { atPs: 0, noise }).pair.state,
          reference,
        );
      }),
      { numRuns: 30, seed: 102 },
    );
  });

  it('the H gate error depolarises the outer pair: Werner parameter × (1 − 4p/3)', () => {
    const p = 0.03;
    const w = (f: number) => (4 * f - 1) / 3;
    const out = bsmSwap(werner(1), werner(0.9), { gate1qDepolarizing: p });
    expect(w(out[0])).toBeCloseTo(w(0.9) * (1 - (4 * p) / 3), 14);
  });

  it('ages each pair in memory until the swap: |Φ+⟩ with one stored qubit gives (1 + e^{−t/T1} + 2e^{−t/T2})/4', () => {
    const memory = { t1Us: 145, t2Us: 88 };
    const waitPs = 30e6;
    const r = swapPairs(pair('A', 'B', werner(1), 50e6), pair('B', 'C', werner(1), 50e6 - waitPs), {
      atPs: 50e6,
      memoryOf: (node) => (node === 'C' ? memory : undefined),
    });
    // Swapping with a perfect Φ+ leaves the other pair's weights as they are.
    expect(r.pair.state[0]).toBeCloseTo(storedPairFidelity(memory, waitPs), 14);
    expect(r.pair.statePs).toBe(50e6);
    // Both qubits stored, in different memories for different times (hardware's exact formula).
    const other = { t1Us: 292, t2Us: 353 };
    const aged = agePair(pair('A', 'B', werner(1), 10e6), 10e6 + waitPs, (n) => (n === 'A' ? memory : other));
    expect(aged.state[0]).toBeCloseTo(storedPairFidelityBothStored(memory, waitPs, other, waitPs), 14);
  });

  it('times the Bell measurement and the classical messages to the outer nodes', () => {
    const noise = localNoiseFromQpu(QPU_CLASS_PRESETS['heron-r2'].params);
    const delays: Record<string, number> = { A: 5_000_000, C: 2_000_000 };
    const r = swapPairs(pair('A', 'B', werner(0.95)), pair('B', 'C', werner(0.95)), {
      atPs: 1_000_000,
      noise,
      classicalDelayPs: (from, to) => (from === 'B' ? delays[to]! : Number.NaN),
    });
    const measured = 1_000_000 + 84_000 + 24_000 + 1_560_000;
    expect(r.measuredPs).toBe(measured);
    expect(r.learnedPs).toEqual([measured + 5_000_000, measured + 2_000_000]);
    expect(r.readyPs).toBe(measured + 5_000_000);
  });

  it('a linear-optics Bell measurement succeeds half the time', () => {
    const r = swapPairs(pair('A', 'B', werner(0.9)), pair('B', 'C', werner(0.9)), {
      atPs: 0,
      bsmSuccessProbability: LINEAR_OPTICS_BSM_SUCCESS,
    });
    expect(r.successProbability).toBe(0.5);
  });

  it('refuses pairs that do not meet at one node, bad probabilities and pairs from the future', () => {
    const ab = pair('A', 'B', werner(0.9));
    expect(() => swapPairs(ab, pair('C', 'D', werner(0.9)), { atPs: 0 })).toThrow(QnetError);
    expect(() => swapPairs(ab, pair('A', 'B', werner(0.9)), { atPs: 0 })).toThrow(/exactly one node/);
    expect(() => swapPairs(ab, pair('B', 'C', werner(0.9)), { atPs: 0, bsmSuccessProbability: 0 })).toThrow(
      /bsmSuccessProbability/,
    );
    expect(() =>
      swapPairs(pair('A', 'B', werner(0.9), 10), pair('B', 'C', werner(0.9)), { atPs: 5 }),
    ).toThrow(QnetError);
  });
});
