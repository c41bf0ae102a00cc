import { describe, expect, it } from 'vitest';
import type { Circuit } from '../circuit/ir.js';
import { parseStim } from '../circuit/stim-parse.js';
import { Rng } from '../util/rng.js';
import { referenceSample, runStabilizerShot } from './stabilizer-run.js';

const run = (text: string, seed = 0) => runStabilizerShot(parseStim(text), Rng.fromSeed(seed));

describe('running circuits on the stabilizer engine', () => {
  it('records inverted results, resets after MR and flips records (not states) with M(p)', () => {
    expect(Array.from(run('X 0\nM !0 0\nMR 0\nM 0').measurements)).toEqual([0, 1, 1, 0]);
    expect(Array.from(run('M(1) 0\nM 0').measurements)).toEqual([1, 0]);
    expect(Array.from(run('RX 0\nMRX 0\nZ 0\nMX 0').measurements)).toEqual([0, 1]);
  });

  it("applies Stim's record feedback", () => {
    for (let seed = 0; seed < 20; seed++) {
      const m = run(
        'H 0\nM 0\nCX rec[-1] 1\nH 2\nCZ 2 rec[-1]\nCY rec[-1] 3\nM 1\nMX 2\nM 3',
        seed,
      ).measurements;
      expect([m[1], m[2], m[3]]).toEqual([m[0], m[0], m[0]]);
    }
  });

  it('computes detector and observable parities and skips noise in the reference run', () => {
    const c = parseStim(
      'X_ERROR(1) 0\nX 1\nH 2\nM 0 1 2\nDETECTOR rec[-2] rec[-3]\nOBSERVABLE_INCLUDE(1) rec[-2]',
    );
    const noisy = runStabilizerShot(c, Rng.fromSeed(1));
    expect(Array.from(noisy.measurements.slice(0, 2))).toEqual([1, 1]);
    expect(Array.from(noisy.detectors)).toEqual([0]);
    expect(Array.from(noisy.observables)).toEqual([0, 1]);
    const ref = referenceSample(c);
    // Noise is skipped and the random outcome of qubit 2 reads 0.
    expect(Array.from(ref.measurements)).toEqual([0, 1, 0]);
    expect(Array.from(ref.detectors)).toEqual([1]);
  });

  it('honours OpenQASM conditions on classical bits', () => {
    const c: Circuit = {
      numQubits: 2,
      numBits: 2,
      qregs: [],
      cregs: [],
      instructions: [
        { kind: 'gate', gate: 'x', targets: [0], params: [] },
        { kind: 'measure', basis: 'Z', targets: [0], bits: [1], flipProbability: 0, reset: false },
        { kind: 'gate', gate: 'x', targets: [1], params: [], condition: { bits: [0, 1], value: 2 } },
        { kind: 'gate', gate: 'h', targets: [1], params: [], condition: { bits: [1], value: 0 } },
        { kind: 'measure', basis: 'Z', targets: [1], bits: [0], flipProbability: 0, reset: false },
      ],
    };
    expect(Array.from(runStabilizerShot(c, Rng.fromSeed(0)).bits)).toEqual([1, 1]);
  });
});
