import { describe, expect, it } from 'vitest';
import { simulateCircuit } from '../state/simulate.js';
import { Rng } from '../util/rng.js';
import { fourierCheckCircuit, ghzCircuit, randomCliffordCircuit } from './generators.js';

describe('circuit generators', () => {
  it('GHZ gives all zeros or all ones, half each', () => {
    const p = simulateCircuit(ghzCircuit(5), { probabilities: true, seed: 1 }).probabilities!;
    expect(p['00000']).toBeCloseTo(0.5, 12);
    expect(p['11111']).toBeCloseTo(0.5, 12);
  });

  it.each([0, 1, 5, 22, 31])('the Fourier check of %i reads back %i with certainty', (x) => {
    const n = 5;
    const p = simulateCircuit(fourierCheckCircuit(n, x), { probabilities: true, seed: 1 }).probabilities!;
    const key = x.toString(2).padStart(n, '0');
    expect(p[key]).toBeCloseTo(1, 10);
  });

  it('a mirrored random Clifford circuit reads all zeros', () => {
    for (const local of [true, false]) {
      const c = randomCliffordCircuit(12, { depth: 6, local, mirror: true }, Rng.fromSeed(3));
      const p = simulateCircuit(c, { probabilities: true, seed: 1, engine: 'stabilizer' }).probabilities!;
      expect(p['0'.repeat(12)]).toBeCloseTo(1, 12);
    }
  });

  it('the same seed gives the same random circuit', () => {
    const a = randomCliffordCircuit(8, { depth: 3, local: false, mirror: false }, Rng.fromSeed(9));
    const b = randomCliffordCircuit(8, { depth: 3, local: false, mirror: false }, Rng.fromSeed(9));
    expect(a.instructions).toEqual(b.instructions);
  });
});
