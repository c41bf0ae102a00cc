import { describe, expect, it } from 'vitest';
import { parseStim } from '../circuit/stim-parse.js';
import { createBitTable, getBit } from '../state/bit-table.js';
import { FrameSampler } from '../state/frame.js';
import { Rng } from '../util/rng.js';
import { decodeSamples, firedDetectors, logicalErrorStats, observableMask } from './decode-batch.js';
import type { Decoder } from './matching-graph.js';
import { graphFromEdges, type TestEdge } from './matching-graph.test-helper.js';
import { createUnionFindDecoder } from './union-find-decoder.js';

/** Code-capacity repetition code: flip each of d bits with probability p, measure them, compare neighbours. */
function repetitionCircuit(d: number, p: number): string {
  const lines = [`X_ERROR(${p}) ${Array.from({ length: d }, (_, i) => i).join(' ')}`];
  lines.push(`M ${Array.from({ length: d }, (_, i) => i).join(' ')}`);
  for (let i = 0; i + 1 < d; i++) lines.push(`DETECTOR rec[${i - d}] rec[${i + 1 - d}]`);
  lines.push(`OBSERVABLE_INCLUDE(0) rec[${-d}]`);
  return lines.join('\n');
}

function repetitionGraph(d: number) {
  const edges: TestEdge[] = [{ a: 0, b: -1, weight: 1, observables: 1 }];
  for (let i = 1; i < d - 1; i++) edges.push({ a: i - 1, b: i, weight: 1 });
  edges.push({ a: d - 2, b: -1, weight: 1 });
  return graphFromEdges(d - 1, edges);
}

function binomialTail(n: number, k0: number, p: number): number {
  let sum = 0;
  let c = 1;
  for (let k = 0; k <= n; k++) {
    if (k > 0) c = (c * (n - k + 1)) / k;
    if (k >= k0) sum += c * p ** k * (1 - p) ** (n - k);
  }
  return sum;
}

describe('firedDetectors and observableMask', () => {
  it('list exactly the set bits of a shot, for widths that are and are not whole bytes', () => {
    const rng = Rng.fromSeed(3);
    for (const bits of [1, 7, 8, 13, 64, 77]) {
      const table = createBitTable(40, bits);
      for (let i = 0; i < table.data.length; i++) table.data[i] = rng.int(256);
      const out = new Int32Array(bits);
      for (let s = 0; s < table.shots; s++) {
        const n = firedDetectors(table, s, bits, out);
        const expected: number[] = [];
        for (let k = 0; k < bits; k++) if (getBit(table, s, k)) expected.push(k);
        expect(Array.from(out.subarray(0, n))).toEqual(expected);
        let mask = 0;
        for (let k = 0; k < Math.min(bits, 32); k++) mask |= getBit(table, s, k) << k;
        expect(observableMask(table, s)).toBe(mask >>> 0);
      }
    }
  });
});

describe('logicalErrorStats', () => {
  it('gives the rate, its binomial standard error and a Wilson interval around it', () => {
    const s = logicalErrorStats(50, 10_000);
    expect(s.logicalErrorRate).toBe(0.005);
    expect(s.standardError).toBeCloseTo(Math.sqrt((0.005 * 0.995) / 10_000), 12);
    expect(s.ci95[0]).toBeLessThan(0.005);
    expect(s.ci95[1]).toBeGreaterThan(0.005);
    // Wilson interval for 50/10000 (Wilson, JASA 22, 209, 1927): [0.003794, 0.006585].
    expect(s.ci95[0]).toBeCloseTo(0.003794, 5);
    expect(s.ci95[1]).toBeCloseTo(0.006585, 5);
    expect(logicalErrorStats(0, 100).ci95[0]).toBeCloseTo(0, 12);
  });
});

describe('decodeSamples', () => {
  it('reproduces the majority-vote failure rate of a repetition code, P(more than d/2 flips)', () => {
    // Union-find corrects every error of weight < d/2 on this code and returns the complement of any
    // heavier one, so it fails exactly when at least (d + 1) / 2 bits flip.
    const d = 5;
    const p = 0.2;
    const sampler = new FrameSampler(parseStim(repetitionCircuit(d, p)));
    const shots = 100_000;
    const samples = sampler.sampleDetectors(shots, Rng.fromSeed(11));
    const counts = decodeSamples(createUnionFindDecoder(repetitionGraph(d)), samples);
    const expected = binomialTail(d, (d + 1) / 2, p);
    const se = Math.sqrt((expected * (1 - expected)) / shots);
    expect(counts.shots).toBe(shots);
    // Tolerance: 4 standard errors (se = 7.4e-4 around 0.0579).
    expect(Math.abs(counts.logicalErrors / shots - expected)).toBeLessThan(4 * se);
    // Detector i fires when bits i and i + 1 differ: probability 2p(1 - p). The per-shot count has
    // standard deviation below 1.3, so 0.015 is more than 3.5 standard errors at 100k shots.
    const meanEvents = (d - 1) * 2 * p * (1 - p);
    expect(Math.abs(counts.detectionEvents / shots - meanEvents)).toBeLessThan(0.015);
  });

  it('keeps predictions and decodes a range of shots only', () => {
    const d = 5;
    const samples = new FrameSampler(parseStim(repetitionCircuit(d, 0.1))).sampleDetectors(
      500,
      Rng.fromSeed(2),
    );
    const uf = createUnionFindDecoder(repetitionGraph(d));
    const all = decodeSamples(uf, samples, d - 1, { keepPredictions: true });
    const part = decodeSamples(uf, samples, d - 1, { keepPredictions: true, from: 100, to: 300 });
    expect(part.shots).toBe(200);
    expect(Array.from(part.predictedFlips ?? [])).toEqual(
      Array.from(all.predictedFlips?.subarray(100, 300) ?? []),
    );
    let errors = 0;
    for (let s = 0; s < 500; s++)
      if ((all.predictedFlips?.[s] ?? 0) !== observableMask(samples.observables, s)) errors++;
    expect(all.logicalErrors).toBe(errors);
  });

  it('counts a decoder that never predicts a flip as failing exactly on the flipped shots', () => {
    const samples = new FrameSampler(parseStim(repetitionCircuit(3, 0.3))).sampleDetectors(
      2000,
      Rng.fromSeed(5),
    );
    const never: Decoder = { name: 'never', decode: () => 0 };
    let flipped = 0;
    for (let s = 0; s < 2000; s++) flipped += getBit(samples.observables, s, 0);
    expect(decodeSamples(never, samples).logicalErrors).toBe(flipped);
    expect(flipped).toBeGreaterThan(400);
  });
});
