// `qnet qec memory | decode | interface`: surface-code memory experiments, decoding of any annotated
// Stim circuit, and the modular-interface sweep of Ramette et al. (npj Quantum Inf. 10, 58, 2024).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Circuit } from '../circuit/ir.js';
import { parseCircuit } from '../circuit/parse-circuit.js';
import { QPU_CLASS_PRESETS } from '../hardware/qpu.js';
import { type MemoryExperimentResult, runMemoryExperiment } from '../qec/decode-experiment.js';
import { hardwareNoise, type ProcessorNoiseParams } from '../qec/hardware-noise.js';
import { runInterfaceSweep } from '../qec/interface-experiment.js';
import { uniformNoise } from '../qec/noise-knobs.js';
import { surfaceCodeMemory } from '../qec/surface-code-memory.js';
import { svgLinePlot } from '../report/svg-line-plot.js';
import { formatNumber, formatTable } from '../report/table.js';
import { firstNonClifford } from '../state/simulate.js';
import { isQnetError, QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { type CliIo, readUserFile } from './io.js';
import { createProgress } from './progress.js';
import {
  cpuSeconds,
  parseBasis,
  parseDecoder,
  parseInteger,
  parseIntegerList,
  parseProbability,
  parseProbabilityList,
  parseScheme,
  parseSeed,
  wallSeconds,
} from './qec-options.js';

export interface QecMemoryOptions {
  distance?: string;
  rounds?: string;
  p?: string;
  basis?: string;
  shots?: string;
  decoder?: string;
  seed?: string;
  hardware?: string;
  json?: boolean;
}

export interface QecDecodeOptions {
  shots: string;
  decoder?: string;
  seed?: string;
  json?: boolean;
}

export interface QecInterfaceOptions {
  distance?: string;
  rounds?: string;
  p?: string;
  interfaceP?: string;
  modules?: string;
  scheme?: string;
  basis?: string;
  shots?: string;
  decoder?: string;
  seed?: string;
  plot?: string;
  json?: boolean;
}

export const DEFAULT_INTERFACE_PS = [0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2];

/** Runs a memory experiment with wall-clock timing and the process's CPU time beside it. */
function timedExperiment(circuit: Circuit, shots: number, decoderRaw: string | undefined, seed: number) {
  const decoder = parseDecoder(decoderRaw);
  const cpu0 = cpuSeconds();
  const result = runMemoryExperiment(circuit, { shots, decoder, rng: Rng.fromSeed(seed), now: wallSeconds });
  return { result, cpuSeconds: cpuSeconds() - cpu0 };
}

function summaryFields(r: MemoryExperimentResult) {
  return {
    shots: r.shots,
    logicalErrors: r.logicalErrors,
    logicalErrorRate: r.logicalErrorRate,
    ci95: r.ci95,
    standardError: r.standardError,
    decoder: r.decoder,
    detectors: r.detectors,
    observables: r.observables,
    edges: r.edges,
    detectionEventsPerShot: r.detectionEventsPerShot,
    modelSeconds: r.modelSeconds,
    sampleSeconds: r.sampleSeconds,
    decodeSeconds: r.decodeSeconds,
    decodeMicrosPerShot: r.decodeMicrosPerShot,
  };
}

function textSummary(title: string, r: MemoryExperimentResult, cpu: number): string {
  const rows: [string, string][] = [
    ['shots', String(r.shots)],
    ['logical errors', String(r.logicalErrors)],
    [
      'logical error rate',
      `${formatNumber(r.logicalErrorRate)}  (95% CI ${formatNumber(r.ci95[0])} – ${formatNumber(r.ci95[1])})`,
    ],
    ['decoder', r.decoder],
    ['detectors / edges', `${r.detectors} / ${r.edges}`],
    ['detection events per shot', formatNumber(r.detectionEventsPerShot)],
    ['model seconds', formatNumber(r.modelSeconds, 3)],
    ['sample seconds', formatNumber(r.sampleSeconds, 3)],
    [
      'decode seconds',
      `${formatNumber(r.decodeSeconds, 3)}  (${formatNumber(r.decodeMicrosPerShot, 3)} µs/shot)`,
    ],
    ['CPU seconds (all)', formatNumber(cpu, 3)],
  ];
  return `${title}\n${formatTable(['', ''], rows, ['left', 'left'])}\n`;
}

export function qecMemoryCommand(io: CliIo, opts: QecMemoryOptions): number {
  const distance = parseInteger('--distance', opts.distance ?? '5', 2);
  const rounds = opts.rounds === undefined ? distance : parseInteger('--rounds', opts.rounds, 1);
  if (opts.hardware !== undefined && opts.p !== undefined)
    throw new QnetError('E_USAGE', '--p and --hardware both set the noise; give one', {
      hint: '--p P for Stim-style uniform noise, --hardware heron-r3 for a processor preset',
    });
  const p = parseProbability('--p', opts.p ?? '0.001');
  const basis = parseBasis(opts.basis);
  const shots = parseInteger('--shots', opts.shots ?? '10000', 1);
  const seed = parseSeed(opts.seed);
  const noise = opts.hardware === undefined ? uniformNoise(p) : hardwareNoise(qpuClassPreset(opts.hardware));
  const circuit = surfaceCodeMemory({ distance, rounds, basis, noise });
  const { result, cpuSeconds: cpu } = timedExperiment(circuit, shots, opts.decoder, seed);
  const noiseFields = opts.hardware === undefined ? { p } : { hardware: opts.hardware };
  if (opts.json) {
    io.stdout(
      `${JSON.stringify({ distance, rounds, ...noiseFields, basis, seed, ...summaryFields(result), cpuSeconds: cpu })}\n`,
    );
  } else {
    const noiseText = opts.hardware === undefined ? `p = ${p}` : `${opts.hardware} noise`;
    io.stdout(
      textSummary(
        `surface-code memory d = ${distance}, ${rounds} rounds, ${noiseText}, basis ${basis}`,
        result,
        cpu,
      ),
    );
  }
  return 0;
}

// Stim has no non-Clifford instructions; a T or CCX in a .stim file is an unknown name to the parser.
const NON_CLIFFORD_NAMES = new Set([
  'T',
  'T_DAG',
  'TDG',
  'CCX',
  'CCZ',
  'TOFFOLI',
  'RX',
  'RY',
  'RZ',
  'U',
  'U3',
  'P',
]);

function parseDecodable(io: CliIo, file: string): Circuit {
  const text = readUserFile(io, file);
  let circuit: Circuit;
  try {
    circuit = parseCircuit(text, file);
  } catch (e) {
    const name = isQnetError(e) ? /unknown Stim instruction '([^']+)'/.exec(e.message)?.[1] : undefined;
    if (name !== undefined && isQnetError(e) && NON_CLIFFORD_NAMES.has(name.toUpperCase()))
      throw new QnetError(
        'E_QEC_NOT_CLIFFORD',
        `'${name}' is not a Clifford gate; qnet qec decode samples Clifford circuits with Pauli noise`,
        {
          ...e.where,
          hint: 'decode the Clifford part of the experiment, or replace the gate by a Clifford one',
        },
      );
    throw e;
  }
  const nonClifford = firstNonClifford(circuit);
  if (nonClifford)
    throw new QnetError(
      'E_QEC_NOT_CLIFFORD',
      `'${nonClifford.gate}' is not a Clifford gate; qnet qec decode samples Clifford circuits with Pauli noise`,
      {
        file,
        ...(nonClifford.line ? { line: nonClifford.line } : {}),
        hint: 'decode the Clifford part of the experiment, or replace the gate by a Clifford one',
      },
    );
  return circuit;
}

export function qecDecodeCommand(io: CliIo, file: string, opts: QecDecodeOptions): number {
  const shots = parseInteger('--shots', opts.shots, 1);
  const seed = parseSeed(opts.seed);
  parseDecoder(opts.decoder);
  const circuit = parseDecodable(io, file);
  let run: ReturnType<typeof timedExperiment>;
  try {
    run = timedExperiment(circuit, shots, opts.decoder, seed);
  } catch (e) {
    throw isQnetError(e) ? e.withWhere({ file }) : e;
  }
  const { result, cpuSeconds: cpu } = run;
  if (opts.json) io.stdout(`${JSON.stringify({ file, seed, ...summaryFields(result), cpuSeconds: cpu })}\n`);
  else io.stdout(textSummary(`decoded ${file}`, result, cpu));
  return 0;
}

export function qecInterfaceCommand(io: CliIo, opts: QecInterfaceOptions): number {
  const distances = parseIntegerList('--distance', opts.distance ?? '3,5,7', 2);
  const rounds = opts.rounds === undefined ? undefined : parseInteger('--rounds', opts.rounds, 1);
  const bulkPs = parseProbabilityList('--p', opts.p ?? '0.001');
  const interfacePs =
    opts.interfaceP === undefined
      ? DEFAULT_INTERFACE_PS
      : parseProbabilityList('--interface-p', opts.interfaceP);
  const modules = parseInteger('--modules', opts.modules ?? '2', 2);
  for (const d of distances)
    if (modules > d)
      throw new QnetError(
        'E_USAGE',
        `--modules must be at most the smallest distance (${d}), got ${modules}`,
        {
          hint: 'each module holds at least one column of data qubits',
        },
      );
  const scheme = parseScheme(opts.scheme);
  const basis = parseBasis(opts.basis);
  const shots = parseInteger('--shots', opts.shots ?? '20000', 1);
  const decoder = parseDecoder(opts.decoder);
  const seed = parseSeed(opts.seed);
  const progress = createProgress(io, 'qec interface', !opts.json);
  const cpu0 = cpuSeconds();
  let sweep: ReturnType<typeof runInterfaceSweep>;
  try {
    sweep = runInterfaceSweep({
      distances,
      bulkPs,
      interfacePs,
      modules,
      scheme,
      ...(rounds === undefined ? {} : { rounds }),
      basis,
      shots,
      decoder,
      rng: Rng.fromSeed(seed),
      now: wallSeconds,
      onProgress: (f) => progress.update(f),
    });
  } finally {
    progress.stop();
  }
  const cpu = cpuSeconds() - cpu0;
  const several = bulkPs.length > 1;
  const bulkText = several ? `bulk p = ${bulkPs.join(', ')}` : `bulk p = ${bulkPs[0]}`;
  if (opts.plot !== undefined) {
    const svg = svgLinePlot(
      bulkPs.flatMap((bulkP) =>
        distances.map((d) => ({
          label: several ? `p = ${bulkP}, d = ${d}` : `d = ${d}`,
          points: sweep.points
            .filter((pt) => pt.bulkP === bulkP && pt.distance === d)
            .map((pt) => ({ x: pt.interfaceP, y: pt.logicalErrorRate, yLow: pt.ci95[0], yHigh: pt.ci95[1] })),
        })),
      ),
      {
        title: `Surface code across ${modules} modules (${scheme}), ${bulkText}`,
        xLabel: 'interface noise (two-qubit depolarising probability)',
        yLabel: 'logical error rate per shot',
        logY: true,
        verticalLines: sweep.thresholds.flatMap((t) =>
          t.interfaceP === undefined
            ? []
            : [
                {
                  x: t.interfaceP,
                  label: `${several ? `p = ${t.bulkP}: ` : ''}crossing ≈ ${t.interfaceP.toFixed(3)}`,
                },
              ],
        ),
      },
    );
    try {
      writeFileSync(resolve(io.cwd, opts.plot), svg);
    } catch (e) {
      throw new QnetError('E_FILE', `cannot write the plot: ${(e as Error).message}`, { file: opts.plot });
    }
  }
  const points = sweep.points.map((pt) => ({
    bulkP: pt.bulkP,
    distance: pt.distance,
    rounds: pt.rounds,
    interfaceP: pt.interfaceP,
    ...summaryFields(pt),
  }));
  if (opts.json) {
    io.stdout(
      `${JSON.stringify({
        bulkPs,
        modules,
        scheme,
        basis,
        decoder,
        seed,
        shots,
        points,
        crossings: sweep.crossings.map((c) => ({ ...c, interfaceP: c.interfaceP ?? null })),
        thresholds: sweep.thresholds.map((t) => ({ bulkP: t.bulkP, interfaceP: t.interfaceP ?? null })),
        cpuSeconds: cpu,
        ...(opts.plot === undefined ? {} : { plot: opts.plot }),
      })}\n`,
    );
    return 0;
  }
  const table = formatTable(
    ['bulk p', 'd', 'interface p', 'errors', 'LER', '95% CI', 'decode µs/shot'],
    sweep.points.map((pt) => [
      String(pt.bulkP),
      String(pt.distance),
      String(pt.interfaceP),
      `${pt.logicalErrors}/${pt.shots}`,
      formatNumber(pt.logicalErrorRate, 3),
      `${formatNumber(pt.ci95[0], 3)} – ${formatNumber(pt.ci95[1], 3)}`,
      formatNumber(pt.decodeMicrosPerShot, 3),
    ]),
    ['right', 'right', 'right', 'right', 'right', 'left', 'right'],
  );
  const bulkLabel = (bulkP: number): string => (several ? `bulk p = ${bulkP}: ` : '');
  const crossings = sweep.crossings
    .map(
      (c) =>
        `${bulkLabel(c.bulkP)}d ${c.distances[0]} vs ${c.distances[1]}: ${c.interfaceP === undefined ? 'no crossing in range' : `cross at interface p ≈ ${c.interfaceP.toFixed(3)}`}`,
    )
    .join('\n');
  const thresholds = sweep.thresholds
    .map((t) =>
      t.interfaceP === undefined
        ? `${bulkLabel(t.bulkP)}interface threshold: not found in the swept range`
        : `${bulkLabel(t.bulkP)}interface threshold ≈ ${t.interfaceP.toFixed(3)} (${formatNumber(t.interfaceP / t.bulkP, 3)} × bulk p)`,
    )
    .join('\n');
  io.stdout(
    `surface code across ${modules} modules (${scheme}), ${bulkText}, ${shots} shots per point, ${decoder}\n${table}\n${crossings}\n${thresholds}\n${opts.plot === undefined ? '' : `plot written to ${opts.plot}\n`}`,
  );
  return 0;
}

/** Adds `memory`, `decode` and `interface` under the `qec` command. */
export function registerQecCommands(
  qec: Command,
  sub: (parent: Command, name: string) => Command,
  io: CliIo,
  setCode: (code: number) => void,
): void {
  qec.description('quantum error correction: memory experiments, decoding, modular interfaces');
  sub(qec, 'memory')
    .description('rotated surface-code memory experiment (Stim-style circuit noise), sampled and decoded')
    .option('--distance <d>', 'code distance, an integer ≥ 2 (default 5)')
    .option('--rounds <r>', 'syndrome rounds (default: the distance)')
    .option('--p <p>', 'circuit noise: all four Stim noise knobs at p (default 0.001)')
    .option('--basis <b>', 'x or z: the logical state kept (default z)')
    .option('--shots <n>', 'number of shots (default 10000)')
    .option('--decoder <name>', 'mwpm (default) or uf (union-find)')
    .option('--seed <n>', 'random seed (default 1)')
    .option(
      '--hardware <preset>',
      'noise of a QPU class preset (gate errors, readout, T1/T2 idling) instead of --p',
    )
    .option(
      '--json',
      'print {shots, logicalErrors, logicalErrorRate, ci95, sampleSeconds, decodeSeconds, decodeMicrosPerShot, ...}',
    )
    .action((opts: QecMemoryOptions) => setCode(qecMemoryCommand(io, opts)));
  sub(qec, 'decode')
    .description('sample the detection events of an annotated Stim circuit and decode them')
    .argument('<file>', 'Stim circuit with DETECTOR and OBSERVABLE_INCLUDE annotations')
    .requiredOption('--shots <n>', 'number of shots')
    .option('--decoder <name>', 'mwpm (default) or uf (union-find)')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--json', 'print the counts and timings as JSON')
    .action((file: string, opts: QecDecodeOptions) => setCode(qecDecodeCommand(io, file, opts)));
  sub(qec, 'interface')
    .description(
      'logical error rate of a surface code cut across modules vs the interface noise (Ramette et al. 2024)',
    )
    .option('--distance <list>', 'code distances, comma-separated (default 3,5,7)')
    .option('--rounds <r>', 'syndrome rounds (default: each distance)')
    .option('--p <list>', 'bulk circuit noise, comma-separated for a sweep of both (default 0.001)')
    .option(
      '--interface-p <list>',
      `interface noise levels, comma-separated (default ${DEFAULT_INTERFACE_PS.join(',')})`,
    )
    .option('--modules <m>', 'number of modules the patch is cut into (default 2)')
    .option('--scheme <s>', 'direct (default), cat or teleported: how checks cross a cut')
    .option('--basis <b>', 'x or z (default z)')
    .option('--shots <n>', 'shots per point (default 20000)')
    .option('--decoder <name>', 'mwpm (default) or uf')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--plot <file.svg>', 'write an SVG plot of logical error rate vs interface noise')
    .option('--json', 'print {points: [...], crossings, threshold, ...} as JSON')
    .action((opts: QecInterfaceOptions) => setCode(qecInterfaceCommand(io, opts)));
}

/** The figures of a QPU class preset from src/hardware, by name. */
function qpuClassPreset(name: string): ProcessorNoiseParams {
  const preset = (QPU_CLASS_PRESETS as Record<string, { params: ProcessorNoiseParams } | undefined>)[name];
  if (preset === undefined)
    throw new QnetError('E_USAGE', `--hardware: unknown QPU class preset '${name}'`, {
      hint: `known presets: ${Object.keys(QPU_CLASS_PRESETS).join(', ')}`,
    });
  return preset.params;
}
