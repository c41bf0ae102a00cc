// The `frame` suite: detection events of Stim's rotated surface-code memory circuits (p = 0.001,
// d rounds; HOW-MADE.txt beside them) at 100,000 shots, as `stim detect --shots 100000` would give
// them. Timed from Stim text to b8 bytes in memory: parse, frame simulation with noise, detection
// events, transposition into b8. Peers: Stim 1.17 CPU time on this machine (REFERENCES.md); the ratio
// is our CPU time over Stim's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStim } from '../src/circuit/stim-parse.js';
import { formatSamplesB8 } from '../src/state/bit-table.js';
import { sampleDetectors } from '../src/state/frame.js';
import { Rng } from '../src/util/index.js';
import { dataPath } from '../test/data-path.js';
import type { BenchRecord } from './record.js';
import { medianCli, medianOf } from './timing.js';

const SHOTS = 100_000;
const PEER_CPU_SECONDS: Record<number, number> = { 5: 0.01, 11: 0.044, 17: 0.139, 25: 0.426 };

/** Where the circuits live: data/stim in the repository, or QNET_STIM_DATA. */
export function stimDataDir(): string {
  return process.env.QNET_STIM_DATA ?? dataPath('stim');
}

function detect(text: string, seed: number): Uint8Array {
  return formatSamplesB8(sampleDetectors(parseStim(text), SHOTS, Rng.fromSeed(seed)).detectors);
}

function countOnes(bytes: Uint8Array): number {
  let ones = 0;
  for (let i = 0; i < bytes.length; i++) for (let v = bytes[i]!; v !== 0; v &= v - 1) ones++;
  return ones;
}

/** The figure: the whole `qnet sample` command, start-up, parse and b8 output included. */
function cliRecord(dir: string, reps: number): BenchRecord {
  const file = join(dir, 'sc_d17.stim');
  const base = { suite: 'frame', case: 'cli-sample-sc_d17', metric: 'seconds', unit: 's' };
  if (!existsSync(file)) return { ...base, value: Number.NaN, note: `skipped: ${file} not found` };
  const m = medianCli(reps, ['sample', file, '--shots', String(SHOTS), '--detectors', '--format', 'b8']);
  const peer = PEER_CPU_SECONDS[17]!;
  return {
    ...base,
    value: m.wallSeconds,
    cpuSeconds: m.cpuSeconds,
    reps,
    shots: SHOTS,
    peer: `Stim ${peer} s CPU`,
    ratio: m.cpuSeconds / peer,
  };
}

export function frameSuite(opts: { quick: boolean }): BenchRecord[] {
  const reps = opts.quick ? 3 : 5;
  const dir = stimDataDir();
  const distances = opts.quick ? [5, 11, 17] : [5, 11, 17, 25];
  let warmed = false;
  const records = distances.map((d): BenchRecord => {
    const file = join(dir, `sc_d${d}.stim`);
    const base = { suite: 'frame', case: `sc_d${d}`, metric: 'seconds', unit: 's' };
    if (!existsSync(file)) return { ...base, value: Number.NaN, note: `skipped: ${file} not found` };
    const text = readFileSync(file, 'utf8');
    if (!warmed) {
      detect(text, 0);
      warmed = true;
    }
    const m = medianOf(reps, () => detect(text, 1));
    const peer = PEER_CPU_SECONDS[d]!;
    return {
      ...base,
      value: m.wallSeconds,
      cpuSeconds: m.cpuSeconds,
      reps,
      shots: SHOTS,
      b8BytesPerShot: m.result.length / SHOTS,
      detectionEventsPerShot: countOnes(m.result) / SHOTS,
      peer: `Stim ${peer} s CPU`,
      ratio: m.cpuSeconds / peer,
    };
  });
  return [...records, cliRecord(dir, reps)];
}
