import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NoiseChannel } from '../circuit/ir.js';
import { PS_PER_US } from '../util/units.js';
import { bellDiagonalArb, expectBellDiagonal, expectWeights } from './belldiag.test-helper.js';
import { applyPauliNoise, dephase, depolarize, idle } from './belldiag-channels.js';
import { bellDiagonalMatrix, twirl, werner } from './belldiag-state.js';
import { DensityEngine } from './density.js';

const p01 = fc.double({ min: 0, max: 1, noNaN: true });

/** A channel of the IR with valid random probabilities, on qubit 0, qubit 1 or the pair. */
const channelArb = fc.oneof(
  fc.tuple(
    fc.constantFrom<NoiseChannel>('x_error', 'y_error', 'z_error', 'depolarize1'),
    fc.constantFrom([0], [1]),
    p01.map((p) => [p]),
  ),
  fc.tuple(
    fc.constant<NoiseChannel>('pauli_channel_1'),
    fc.constantFrom([0], [1]),
    fc.array(fc.double({ min: 0, max: 1 / 3, noNaN: true }), { minLength: 3, maxLength: 3 }),
  ),
  fc.tuple(
    fc.constant<NoiseChannel>('depolarize2'),
    fc.constantFrom([0, 1], [1, 0]),
    p01.map((p) => [p]),
  ),
  fc.tuple(
    fc.constant<NoiseChannel>('pauli_channel_2'),
    fc.constantFrom([0, 1], [1, 0]),
    fc.array(fc.double({ min: 0, max: 1 / 15, noNaN: true }), { minLength: 15, maxLength: 15 }),
  ),
);

describe('Bell-diagonal channels against the density engine', () => {
  it('the IR Pauli channels on either qubit or both: exactly the density result, still Bell-diagonal', () => {
    fc.assert(
      fc.property(bellDiagonalArb, channelArb, (c, [channel, targets, probs]) => {
        const rho = DensityEngine.fromMatrix(bellDiagonalMatrix(c));
        rho.applyNoise(channel, targets, probs);
        expectWeights(applyPauliNoise(c, channel, probs), expectBellDiagonal(rho.matrix()));
      }),
      { numRuns: 300, seed: 51 },
    );
  });

  it('depolarising and dephasing equal the density engine', () => {
    fc.assert(
      fc.property(bellDiagonalArb, p01, fc.constantFrom(0, 1), (c, p, q) => {
        const a = DensityEngine.fromMatrix(bellDiagonalMatrix(c));
        a.applyDepolarizing(q, p);
        expectWeights(depolarize(c, p), expectBellDiagonal(a.matrix()));
        const b = DensityEngine.fromMatrix(bellDiagonalMatrix(c));
        b.applyDephasing(q, p);
        expectWeights(dephase(c, p), expectBellDiagonal(b.matrix()));
      }),
      { seed: 52 },
    );
  });

  it('twirled T1/T2 idling keeps exactly the Bell-basis diagonal of the true (damped) state', () => {
    fc.assert(
      fc.property(
        bellDiagonalArb,
        fc.constantFrom(0, 1),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (c, q, tUs, t1Us, ratio) => {
          const [t, t1, t2] = [tUs * PS_PER_US, t1Us * PS_PER_US, t1Us * ratio * PS_PER_US];
          const rho = DensityEngine.fromMatrix(bellDiagonalMatrix(c));
          rho.applyIdle(q, t, t1, t2);
          expectWeights(idle(c, t, t1, t2), twirl(rho.matrix()));
        },
      ),
      { seed: 53 },
    );
  });

  it('idling one qubit of Φ+: F(t) = (1 + exp(−t/T1) + 2 exp(−t/T2))/4 (REFERENCES.md, Memories)', () => {
    for (const [t, t1, t2] of [
      [10, 145, 88],
      [100, 292, 353],
      [1, 1, 0.5],
    ] as const) {
      const f = idle(werner(1), t * PS_PER_US, t1 * PS_PER_US, t2 * PS_PER_US)[0];
      expect(f).toBeCloseTo((1 + Math.exp(-t / t1) + 2 * Math.exp(-t / t2)) / 4, 14);
    }
  });

  it('keeps a probability distribution under any sequence of channels (fast-check)', () => {
    fc.assert(
      fc.property(bellDiagonalArb, fc.array(channelArb, { maxLength: 20 }), (c, channels) => {
        let s = c;
        for (const [channel, , probs] of channels) s = applyPauliNoise(s, channel, probs);
        expect(s.every((w) => w >= 0)).toBe(true);
        expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
      { seed: 54 },
    );
  });
});
