// The engine skips gates that act as the identity because a control (or phase) qubit is known to be
// |0⟩. An engine with `trackZero: false` has no such knowledge, so it runs every gate: both must agree.
// (statevector-lazy.test.ts covers measurements, projections and reads in between.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import { StatevectorEngine } from './statevector.js';

const GATES: [string, number, number][] = [
  ['h', 1, 0],
  ['x', 1, 0],
  ['t', 1, 0],
  ['rz', 1, 1],
  ['p', 1, 1],
  ['cx', 2, 0],
  ['cz', 2, 0],
  ['cp', 2, 1],
  ['crz', 2, 1],
  ['rzz', 2, 1],
  ['swap', 2, 0],
  ['ccx', 3, 0],
  ['cswap', 3, 0],
  ['ry', 1, 1],
];

describe('statevector: skipping gates controlled on |0⟩', () => {
  it('gives the same amplitudes as running every gate (random circuits with resets and projections)', () => {
    const op = fc.record({
      gate: fc.integer({ min: 0, max: GATES.length }),
      qubits: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 3, maxLength: 3 }),
      angle: fc.double({ min: -4, max: 4, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30, size: 'max' }), fc.nat(), (ops, seed) => {
        const n = 5;
        const zero = new Float64Array(2 << n);
        zero[0] = 1;
        const fast = new StatevectorEngine(n);
        const full = StatevectorEngine.fromAmplitudes(zero, { trackZero: false });
        const rngA = Rng.fromSeed(seed);
        const rngB = Rng.fromSeed(seed);
        for (const { gate, qubits, angle } of ops) {
          if (gate === GATES.length) {
            fast.reset(qubits[0]!, 'Z', rngA);
            full.reset(qubits[0]!, 'Z', rngB);
            continue;
          }
          const [name, arity, params] = GATES[gate]!;
          const args = params ? [angle] : [];
          fast.applyGate(name, qubits.slice(0, arity), args);
          full.applyGate(name, qubits.slice(0, arity), args);
        }
        const a = fast.amplitudes();
        const b = full.amplitudes();
        return a.every((x, i) => Math.abs(x - b[i]!) < 1e-12);
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('gives the uniform superposition for the QFT of |0…0⟩, every amplitude the same number', () => {
    const n = 10;
    for (const backend of ['ts', 'wasm'] as const) {
      const e = new StatevectorEngine(n, { backend });
      for (let j = n - 1; j >= 0; j--) {
        e.applyGate('h', [j], []);
        for (let k = j - 1; k >= 0; k--) e.applyGate('cp', [k, j], [Math.PI / 2 ** (j - k)]);
      }
      for (let q = 0; q < n >> 1; q++) e.applyGate('swap', [q, n - 1 - q], []);
      const amps = e.amplitudes();
      // Each amplitude is the product of the same ten factors 1/√2, taken in the same order.
      expect(Math.abs(amps[0]! - 2 ** (-n / 2))).toBeLessThan(1e-15);
      for (let i = 0; i < 2 ** n; i++) {
        expect(amps[2 * i]).toBe(amps[0]);
        expect(amps[2 * i + 1]).toBe(0);
      }
    }
  });
});
