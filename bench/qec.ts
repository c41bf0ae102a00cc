// The `qec` suite: decoders and the decoding pipeline on Stim's rotated surface-code memory circuits
// (data/stim, HOW-MADE.txt). Three kinds of figures:
// - decode: µs per shot of MWPM and union-find at p = 0.001, d = 11, 17, 25, in memory on sampled
//   detection events, beside PyMatching 2.3.1 on this machine (REFERENCES.md);
// - sample: seconds for 100,000 shots of detection events beside Stim 1.17's CPU time;
// - ler: logical error rate per shot of MWPM and union-find at p = 0.005, d = 5, 11, 17, beside the
//   Stim + PyMatching reference in data/README.md, with the deviation in standard errors.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Circuit } from '../src/circuit/ir.js';
import { parseStim } from '../src/circuit/stim-parse.js';
import { decodeSamples, logicalErrorStats } from '../src/qec/decode-batch.js';
import { createDecoder, type DecoderName, matchingGraphOfCircuit } from '../src/qec/decode-experiment.js';
import type { MatchingGraph } from '../src/qec/matching-graph.js';
import { FrameSampler } from '../src/state/frame.js';
import { Rng } from '../src/util/index.js';
import { stimDataDir } from './frame.js';
import type { BenchRecord, SuiteOptions } from './record.js';
import { medianOf } from './timing.js';

/** PyMatching 2.3.1, in-memory decode per shot at p = 0.001 (REFERENCES.md). */
export const PYMATCHING_MICROS: Readonly<Record<number, number>> = { 5: 0.24, 11: 3.3, 17: 14.3, 25: 89 };
/** Stim 1.17 `detect`, 100k shots, CPU seconds (REFERENCES.md). */
const STIM_SAMPLE_SECONDS: Readonly<Record<number, number>> = { 5: 0.01, 11: 0.044, 17: 0.139, 25: 0.426 };
/** Stim + PyMatching 2.3.1 logical error rate per shot at p = 0.005 (data/README.md). */
export const REFERENCE_LER_P005: Readonly<Record<number, number>> = { 5: 1.43e-2, 11: 4.48e-3, 17: 1.5e-3 };

const DECODERS: readonly DecoderName[] = ['mwpm', 'uf'];

interface Loaded {
  circuit: Circuit;
  graph: MatchingGraph;
  sampler: FrameSampler;
}

function load(file: string): Loaded | undefined {
  if (!existsSync(file)) return undefined;
  const circuit = parseStim(readFileSync(file, 'utf8'), file);
  return { circuit, graph: matchingGraphOfCircuit(circuit), sampler: new FrameSampler(circuit) };
}

interface RecordBase {
  suite: string;
  case: string;
  metric: string;
  unit: string;
}

const skipped = (base: RecordBase, file: string): BenchRecord => ({
  ...base,
  value: Number.NaN,
  note: `skipped: ${file} not found`,
});

function decodeRecords(dir: string, quick: boolean): BenchRecord[] {
  const reps = quick ? 1 : 3;
  const shotsFor: Record<number, number> = quick
    ? { 11: 5000, 17: 2000 }
    : { 11: 20_000, 17: 10_000, 25: 3000 };
  const out: BenchRecord[] = [];
  for (const d of quick ? [11, 17] : [11, 17, 25]) {
    const file = join(dir, `sc_d${d}.stim`);
    const loaded = load(file);
    const shots = shotsFor[d] as number;
    for (const name of DECODERS) {
      const base = { suite: 'qec', case: `decode-${name}-sc_d${d}`, metric: 'µs/shot', unit: 'µs' };
      if (!loaded) {
        out.push(skipped(base, file));
        continue;
      }
      const samples = loaded.sampler.sampleDetectors(shots, Rng.fromSeed(d));
      const decoder = createDecoder(name, loaded.graph);
      decodeSamples(decoder, samples, undefined, { to: Math.min(shots, 500) }); // warm-up
      const m = medianOf(reps, () => decodeSamples(decoder, samples));
      const peer = PYMATCHING_MICROS[d] as number;
      const cpuMicros = (m.cpuSeconds / shots) * 1e6;
      out.push({
        ...base,
        value: (m.wallSeconds / shots) * 1e6,
        cpuSeconds: m.cpuSeconds,
        cpuMicrosPerShot: cpuMicros,
        reps,
        shots,
        detectionEventsPerShot: m.result.detectionEvents / shots,
        logicalErrors: m.result.logicalErrors,
        peer: `PyMatching ${peer} µs`,
        ratio: cpuMicros / peer,
      });
    }
  }
  return out;
}

function sampleRecords(dir: string, quick: boolean): BenchRecord[] {
  const reps = quick ? 1 : 3;
  const shots = 100_000;
  return (quick ? [11] : [11, 17, 25]).map((d): BenchRecord => {
    const file = join(dir, `sc_d${d}.stim`);
    const base = { suite: 'qec', case: `sample-sc_d${d}`, metric: 'seconds', unit: 's' };
    if (!existsSync(file)) return skipped(base, file);
    const sampler = new FrameSampler(parseStim(readFileSync(file, 'utf8'), file));
    sampler.sampleDetectors(1024, Rng.fromSeed(0));
    const m = medianOf(reps, () => sampler.sampleDetectors(shots, Rng.fromSeed(1)));
    const peer = STIM_SAMPLE_SECONDS[d] as number;
    return {
      ...base,
      value: m.wallSeconds,
      cpuSeconds: m.cpuSeconds,
      reps,
      shots,
      peer: `Stim ${peer} s CPU`,
      ratio: m.cpuSeconds / peer,
    };
  });
}

function lerRecords(dir: string, quick: boolean): BenchRecord[] {
  const shotsFor: Record<number, number> = quick
    ? { 5: 5000, 11: 3000 }
    : { 5: 40_000, 11: 20_000, 17: 100_000 };
  const out: BenchRecord[] = [];
  for (const d of quick ? [5, 11] : [5, 11, 17]) {
    const file = join(dir, `sc_p005_d${d}.stim`);
    const loaded = load(file);
    const shots = shotsFor[d] as number;
    const reference = REFERENCE_LER_P005[d] as number;
    const samples = loaded?.sampler.sampleDetectors(shots, Rng.fromSeed(100 + d));
    let mwpmRate = Number.NaN;
    for (const name of DECODERS) {
      const base = { suite: 'qec', case: `ler-${name}-sc_p005_d${d}`, metric: 'LER/shot', unit: '' };
      if (!loaded || !samples) {
        out.push(skipped(base, file));
        continue;
      }
      const counts = decodeSamples(createDecoder(name, loaded.graph), samples);
      const stats = logicalErrorStats(counts.logicalErrors, shots);
      const se = Math.sqrt((reference * (1 - reference)) / shots);
      if (name === 'mwpm') mwpmRate = stats.logicalErrorRate;
      out.push({
        ...base,
        value: stats.logicalErrorRate,
        shots,
        logicalErrors: counts.logicalErrors,
        ci95: stats.ci95,
        peer: `Stim+PyMatching ${reference}`,
        ratio: stats.logicalErrorRate / reference,
        deviationSe: (stats.logicalErrorRate - reference) / se,
        ...(name === 'uf'
          ? {
              overMwpm: stats.logicalErrorRate / mwpmRate,
              // Counts on the same shots are positively correlated, so this errs on the wide side.
              overMwpmSe:
                (stats.logicalErrorRate / mwpmRate) *
                Math.sqrt(1 / counts.logicalErrors + 1 / (mwpmRate * shots)),
            }
          : {}),
      });
    }
  }
  return out;
}

export function qecSuite(opts: SuiteOptions): BenchRecord[] {
  const dir = stimDataDir();
  const records: BenchRecord[] = [];
  records.push(...decodeRecords(dir, opts.quick));
  opts.onProgress?.(0.5);
  records.push(...sampleRecords(dir, opts.quick));
  opts.onProgress?.(0.6);
  records.push(...lerRecords(dir, opts.quick));
  opts.onProgress?.(1);
  return records;
}
