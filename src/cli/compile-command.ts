import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCircuit } from '../circuit/parse-circuit.js';
import { compileCircuit } from '../compiler/compile.js';
import { programListing } from '../compiler/program-listing.js';
import type { Topology, TopologyShape } from '../compiler/topology.js';
import { shapedTopology, TOPOLOGY_SHAPES } from '../compiler/topology-shapes.js';
import { formatTable } from '../report/table.js';
import { parseScenario } from '../scenario/load.js';
import { scenarioTopology } from '../scenario/scenario-topology.js';
import { QnetError } from '../util/errors.js';
import { type CliIo, readUserFile } from './io.js';
import { parseCount } from './parse-options.js';

export interface CompileCommandOptions {
  qpus?: string;
  capacity?: string;
  comm?: string;
  topology?: string;
  seed?: string;
  teleport?: boolean;
  allocator?: string;
  json?: boolean;
  out?: string;
  listing?: boolean;
}

export const DEFAULT_COMM_QUBITS = 2;

/** The topology named by --topology: a shape with --qpus QPUs, or the QPUs of a scenario file. */
export function topologyFromOptions(io: CliIo, numQubits: number, opts: CompileCommandOptions): Topology {
  const shape = opts.topology ?? 'all-to-all';
  const capacity = opts.capacity === undefined ? undefined : parseCount('--capacity', opts.capacity);
  const comm = opts.comm === undefined ? undefined : parseCount('--comm', opts.comm);
  if ((TOPOLOGY_SHAPES as readonly string[]).includes(shape)) {
    if (opts.qpus === undefined)
      throw new QnetError('E_USAGE', '--qpus is required with a topology shape', {
        hint: 'for example --qpus 4',
      });
    const k = parseCount('--qpus', opts.qpus);
    if (k < 1) throw new QnetError('E_USAGE', '--qpus must be at least 1', { hint: 'for example --qpus 2' });
    return shapedTopology(
      shape as TopologyShape,
      k,
      capacity ?? Math.ceil(numQubits / k),
      comm ?? DEFAULT_COMM_QUBITS,
    );
  }
  if (!/\.(ya?ml|json)$/i.test(shape))
    throw new QnetError('E_USAGE', `unknown topology '${shape}'`, {
      hint: `use ${TOPOLOGY_SHAPES.join(', ')} or a scenario file (.yaml/.json)`,
    });
  const scenario = parseScenario(readUserFile(io, shape), shape);
  const t = scenarioTopology(scenario, {
    ...(capacity !== undefined ? { capacity } : {}),
    ...(comm !== undefined ? { commQubits: comm } : {}),
    file: shape,
  });
  if (opts.qpus !== undefined && parseCount('--qpus', opts.qpus) !== t.names.length)
    throw new QnetError('E_USAGE', `--qpus ${opts.qpus} but ${shape} has ${t.names.length} QPUs`, {
      hint: 'leave out --qpus when the topology comes from a scenario',
    });
  return t;
}

export function compileCommand(io: CliIo, file: string, opts: CompileCommandOptions): number {
  const circuit = parseCircuit(readUserFile(io, file), file);
  const topology = topologyFromOptions(io, circuit.numQubits, opts);
  const seed = opts.seed === undefined ? 1 : parseCount('--seed', opts.seed);
  if (opts.allocator !== undefined && opts.allocator !== 'partition' && opts.allocator !== 'naive')
    throw new QnetError('E_USAGE', `unknown allocator '${opts.allocator}'`, {
      hint: 'use partition or naive',
    });
  const start = performance.now();
  const { program } = compileCircuit(circuit, topology, {
    seed,
    teleport: opts.teleport !== false,
    ...(opts.allocator ? { allocator: opts.allocator as 'partition' | 'naive' } : {}),
  });
  const compileSeconds = (performance.now() - start) / 1000;
  if (opts.out) writeFileSync(resolve(io.cwd, opts.out), `${JSON.stringify(program)}\n`);
  const s = program.stats;
  const summary = {
    qpus: topology.names.length,
    capacity: topology.capacity,
    commQubits: topology.commQubits,
    qubits: circuit.numQubits,
    twoQubitGates: s.twoQubitGates,
    ebits: s.ebits,
    remoteGates: s.remoteGates,
    catCopies: s.catCopies,
    teleportations: s.teleportations,
    compileSeconds,
    allocation: program.initialPlaces.map((p) => p.qpu),
    finalAllocation: program.finalPlaces.map((p) => p.qpu),
  };
  if (opts.json) {
    io.stdout(`${JSON.stringify(summary)}\n`);
    return 0;
  }
  if (opts.listing) {
    io.stdout(programListing(program));
    return 0;
  }
  const perQpu = topology.names.map((name, i) => [
    name,
    String(summary.allocation.filter((q) => q === i).length),
    String(topology.capacity[i]),
    String(topology.commQubits[i]),
    String(program.qpus[i]!.instructions.length),
  ]);
  io.stdout(
    [
      `${file}: ${circuit.numQubits} qubits, ${s.twoQubitGates} two-qubit gates on ${topology.names.length} QPUs in ${compileSeconds.toFixed(3)} s`,
      `e-bits ${s.ebits}: ${s.catCopies} cat copies for ${s.remoteGates} remote gates, ${s.teleportations} teleportations`,
      '',
      formatTable(['QPU', 'qubits at start', 'capacity', 'comm qubits', 'instructions'], perQpu),
      opts.out ? `\nprogram written to ${opts.out}` : '',
    ].join('\n') + '\n',
  );
  return 0;
}
