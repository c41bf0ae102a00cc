import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCircuit } from '../circuit/parse-circuit.js';
import { type BitTable, formatSamples01, formatSamplesB8 } from '../state/bit-table.js';
import { FrameSampler } from '../state/frame.js';
import { firstNonClifford } from '../state/simulate.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { type CliIo, readUserFile } from './io.js';
import { parseCount } from './parse-options.js';

export interface SampleCommandOptions {
  shots: string;
  detectors?: boolean;
  appendObservables?: boolean;
  out?: string;
  format: string;
  seed?: string;
  json?: boolean;
}

/** Shots per slice of `01` text, so that no single buffer grows past a few tens of MiB. */
const SLICE_SHOTS = 4096;

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, b) => {
  let n = 0;
  for (let v = b; v; v &= v - 1) n++;
  return n;
});

function ones(table: BitTable): number {
  const data = table.data;
  let n = 0;
  for (let i = 0; i < data.length; i++) n += POPCOUNT[data[i]!]!;
  return n;
}

export function sampleCommand(io: CliIo, file: string, opts: SampleCommandOptions): number {
  const shots = parseCount('--shots', opts.shots);
  const seed = opts.seed === undefined ? 1 : parseCount('--seed', opts.seed);
  if (opts.format !== '01' && opts.format !== 'b8') {
    throw new QnetError('E_USAGE', `unknown sample format '${opts.format}'`, { hint: 'formats: 01, b8' });
  }
  const circuit = parseCircuit(readUserFile(io, file), file);
  const nonClifford = firstNonClifford(circuit);
  if (nonClifford) {
    throw new QnetError(
      'E_ENGINE',
      `qnet sample runs Clifford circuits; '${nonClifford.gate}' is not Clifford`,
      {
        file,
        ...(nonClifford.line ? { line: nonClifford.line } : {}),
        hint: 'use qnet simulate --shots N for circuits with non-Clifford gates',
      },
    );
  }
  const start = performance.now();
  const sampler = new FrameSampler(circuit);
  const rng = Rng.fromSeed(seed);
  const table = opts.detectors
    ? sampler.sampleDetectors(shots, rng, { appendObservables: Boolean(opts.appendObservables) }).detectors
    : sampler.sampleMeasurements(shots, rng);

  // Samples go to --out, or to stdout unless stdout carries the JSON summary.
  const sink =
    opts.out !== undefined
      ? openOut(io, opts.out)
      : opts.json
        ? undefined
        : { write: io.stdoutBytes, close() {} };
  if (sink) {
    try {
      if (opts.format === 'b8') sink.write(formatSamplesB8(table));
      else
        for (let s = 0; s < shots; s += SLICE_SHOTS)
          sink.write(formatSamples01(table, s, Math.min(shots, s + SLICE_SHOTS)));
    } finally {
      sink.close();
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const bits = shots * table.bitsPerShot;
  const summary = {
    shots,
    bitsPerShot: table.bitsPerShot,
    seconds,
    meanRate: bits > 0 ? ones(table) / bits : 0,
  };
  if (opts.json) io.stdout(`${JSON.stringify(summary)}\n`);
  else if (opts.out !== undefined) {
    io.stderr(
      `${shots} shots × ${table.bitsPerShot} bits written to ${opts.out} in ${seconds.toFixed(3)} s (mean rate ${summary.meanRate.toExponential(3)})\n`,
    );
  }
  return 0;
}

interface Sink {
  write(bytes: Uint8Array): void;
  close(): void;
}

function openOut(io: CliIo, path: string): Sink {
  let fd: number;
  try {
    fd = openSync(resolve(io.cwd, path), 'w');
  } catch (e) {
    throw new QnetError('E_FILE', `cannot write samples: ${(e as Error).message}`, { file: path });
  }
  return {
    write(bytes) {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    },
    close: () => closeSync(fd),
  };
}
