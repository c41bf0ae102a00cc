// The `stabilizer` suite: the tableau engine on one shot of large Clifford circuits.
// - ghz10000: H 0, CX 0→1→…→9999, measure all (REFERENCES.md: Stim 0.21 s on this machine). Timed from
//   Stim text to the measurement record: parse, tableau, gates, 10,000 measurements.
// - rand1000: 1,000 qubits, 100 layers of a random single-qubit Clifford on every qubit and CX on a
//   random perfect matching, then measure all (no peer figure: a scale point).
import { parseStim } from '../src/circuit/stim-parse.js';
import { runStabilizerShot } from '../src/state/stabilizer-run.js';
import { Rng } from '../src/util/index.js';
import type { BenchRecord } from './record.js';
import { medianOf } from './timing.js';

const GHZ_PEER = 'Stim 0.21 s';
const GHZ_PEER_SECONDS = 0.21;

export function ghzText(n: number): string {
  const pairs: number[] = [];
  for (let q = 0; q + 1 < n; q++) pairs.push(q, q + 1);
  return `H 0\nCX ${pairs.join(' ')}\nM ${Array.from({ length: n }, (_, q) => q).join(' ')}\n`;
}

export function randomCliffordText(n: number, layers: number, seed: number): string {
  const rng = Rng.fromSeed(seed).child(`stabilizer-bench/rand${n}`);
  const one = ['H', 'S', 'S_DAG', 'SQRT_X', 'SQRT_X_DAG', 'SQRT_Y', 'H_XY', 'H_YZ', 'C_XYZ', 'C_ZYX'];
  const lines: string[] = [];
  const order = Array.from({ length: n }, (_, q) => q);
  for (let l = 0; l < layers; l++) {
    for (let q = 0; q < n; q++) lines.push(`${rng.pick(one)} ${q}`);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    lines.push(`CX ${order.join(' ')}`);
  }
  lines.push(`M ${Array.from({ length: n }, (_, q) => q).join(' ')}`);
  return lines.join('\n');
}

function shot(text: string): number {
  const r = runStabilizerShot(parseStim(text), Rng.fromSeed(1));
  return r.measurements.length;
}

export function stabilizerSuite(opts: { quick: boolean }): BenchRecord[] {
  const reps = opts.quick ? 3 : 5;
  const ghz = ghzText(10_000);
  const rand = randomCliffordText(1000, 100, 7);
  // Let the JIT settle before anything is timed.
  shot(ghzText(2000));
  const g = medianOf(reps, () => shot(ghz));
  const r = medianOf(reps, () => shot(rand));
  return [
    {
      suite: 'stabilizer',
      case: 'ghz10000',
      metric: 'seconds',
      value: g.wallSeconds,
      unit: 's',
      cpuSeconds: g.cpuSeconds,
      reps,
      peer: GHZ_PEER,
      ratio: g.cpuSeconds / GHZ_PEER_SECONDS,
    },
    {
      suite: 'stabilizer',
      case: 'rand1000-l100',
      metric: 'seconds',
      value: r.wallSeconds,
      unit: 's',
      cpuSeconds: r.cpuSeconds,
      reps,
      gates: 1000 * 100 + 500 * 100,
    },
  ];
}
