// Decoding speed of the exact MWPM decoder on Stim's rotated surface-code memory circuits
// (data/stim, HOW-MADE.txt): µs per shot, decoding only (sampling and graph building excluded), median
// over repetitions, wall and CPU time. Called by a runner script (see the report for the command).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStim } from '../src/circuit/stim-parse.js';
import { decodeSamples } from '../src/qec/decode-batch.js';
import { matchingGraphOfCircuit } from '../src/qec/decode-experiment.js';
import { createMwpmDecoder } from '../src/qec/mwpm-decoder.js';
import { FrameSampler } from '../src/state/frame.js';
import { Rng } from '../src/util/rng.js';
import { stimDataDir } from './frame.js';
import { medianOf } from './timing.js';

export interface DecodeTiming {
  distance: number;
  p: number;
  microsPerShot: number;
  cpuMicrosPerShot: number;
  shots: number;
  /** Mean fired detectors per shot. */
  firedPerShot: number;
  logicalErrors: number;
}

const CASES: readonly { file: string; distance: number; p: number; shots: number }[] = [
  { file: 'sc_d11.stim', distance: 11, p: 0.001, shots: 20_000 },
  { file: 'sc_d17.stim', distance: 17, p: 0.001, shots: 10_000 },
  { file: 'sc_d25.stim', distance: 25, p: 0.001, shots: 3000 },
  { file: 'sc_p005_d11.stim', distance: 11, p: 0.005, shots: 5000 },
  { file: 'sc_p005_d17.stim', distance: 17, p: 0.005, shots: 2000 },
];

export async function decodeTimings(
  options: { shotsScale?: number; reps?: number } = {},
): Promise<DecodeTiming[]> {
  const scale = options.shotsScale ?? 1;
  const reps = options.reps ?? 3;
  const out: DecodeTiming[] = [];
  for (const c of CASES) {
    const path = join(stimDataDir(), c.file);
    if (!existsSync(path)) continue;
    const circuit = parseStim(readFileSync(path, 'utf8'), path);
    const graph = matchingGraphOfCircuit(circuit);
    const shots = Math.max(1, Math.round(c.shots * scale));
    const samples = new FrameSampler(circuit).sampleDetectors(shots, Rng.fromSeed(`qec-decode/${c.file}`));
    const decoder = createMwpmDecoder(graph);
    decodeSamples(decoder, samples, graph.numDetectors, { to: Math.min(shots, 200) }); // warm-up
    const t = medianOf(reps, () => decodeSamples(decoder, samples, graph.numDetectors));
    out.push({
      distance: c.distance,
      p: c.p,
      microsPerShot: (t.wallSeconds / shots) * 1e6,
      cpuMicrosPerShot: (t.cpuSeconds / shots) * 1e6,
      shots,
      firedPerShot: t.result.detectionEvents / shots,
      logicalErrors: t.result.logicalErrors,
    });
  }
  return out;
}
