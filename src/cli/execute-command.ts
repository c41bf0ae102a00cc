import { parseCircuit } from '../circuit/parse-circuit.js';
import { compileCircuit } from '../compiler/compile.js';
import { formatNumber } from '../report/table.js';
import { executeProgram, presetNetwork, type RuntimeEngine, type RuntimeNetwork } from '../runtime/index.js';
import { hellingerFidelity } from '../runtime/output-fidelity.js';
import { parseScenario } from '../scenario/load.js';
import { scenarioDistributedSetup } from '../scenario/run-distributed.js';
import { simulateCircuit } from '../state/simulate.js';
import { isQnetError, QnetError } from '../util/errors.js';
import { type CompileCommandOptions, topologyFromOptions } from './compile-command.js';
import { type CliIo, readUserFile } from './io.js';
import { outcomeTables } from './outcome-tables.js';
import { parseCount } from './parse-options.js';

export interface ExecuteCommandOptions extends CompileCommandOptions {
  scenario?: string;
  shots?: string;
  ideal?: boolean;
  probabilities?: boolean;
  lookahead?: boolean;
  engine?: string;
  ebitRate?: string;
  ebitFidelity?: string;
}

/** Without a scenario: the 2030 datacenter's links as characterised by examples/ibm-cisco-2030.yaml. */
export const DEFAULT_EBIT_RATE_HZ = 25_000;
export const DEFAULT_EBIT_FIDELITY = 0.93;

function parsePositive(flag: string, raw: string, max = Number.POSITIVE_INFINITY): number {
  const x = Number(raw);
  if (!Number.isFinite(x) || x <= 0 || x > max)
    throw new QnetError('E_USAGE', `${flag} expects a number in (0, ${max}], got '${raw}'`, {
      hint: `for example ${flag} ${max === 1 ? '0.95' : '10000'}`,
    });
  return x;
}

/** The monolithic distribution the distributed run should reproduce, when it can be computed. */
function idealDistribution(circuit: ReturnType<typeof parseCircuit>): Record<string, number> | undefined {
  try {
    return simulateCircuit(circuit, { probabilities: true, seed: 1 }).probabilities;
  } catch (e) {
    if (isQnetError(e)) return undefined;
    throw e;
  }
}

export function executeCommand(io: CliIo, file: string, opts: ExecuteCommandOptions): number {
  const circuit = parseCircuit(readUserFile(io, file), file);
  const seed = opts.seed === undefined ? 1 : parseCount('--seed', opts.seed);
  const shots = opts.shots === undefined ? 1024 : parseCount('--shots', opts.shots);
  if (opts.engine !== undefined && !['auto', 'statevector', 'stabilizer'].includes(opts.engine))
    throw new QnetError('E_USAGE', `unknown engine '${opts.engine}'`, {
      hint: 'use auto, statevector or stabilizer',
    });
  let topology: ReturnType<typeof topologyFromOptions>;
  let network: ((p: Parameters<typeof presetNetwork>[0]) => RuntimeNetwork) | undefined;
  if (opts.scenario) {
    if (opts.topology)
      throw new QnetError('E_USAGE', 'give --scenario or --topology, not both', {
        hint: 'the scenario already says which QPUs are linked',
      });
    const scenario = parseScenario(readUserFile(io, opts.scenario), opts.scenario);
    const k = scenario.nodes.filter((n) => n.kind === 'qpu').length;
    const perQpu =
      opts.capacity === undefined
        ? Math.ceil(circuit.numQubits / Math.max(1, k))
        : parseCount('--capacity', opts.capacity);
    const setup = scenarioDistributedSetup(scenario, perQpu);
    topology =
      opts.comm === undefined
        ? setup.topology
        : {
            ...setup.topology,
            commQubits: setup.topology.commQubits.map(() => parseCount('--comm', opts.comm!)),
          };
    network = () => setup.network;
  } else {
    topology = topologyFromOptions(io, circuit.numQubits, opts);
    const rateHz =
      opts.ebitRate === undefined ? DEFAULT_EBIT_RATE_HZ : parsePositive('--ebit-rate', opts.ebitRate);
    const fidelity =
      opts.ebitFidelity === undefined
        ? DEFAULT_EBIT_FIDELITY
        : parsePositive('--ebit-fidelity', opts.ebitFidelity, 1);
    network = (p) => presetNetwork(p, { rateHz, fidelity });
  }
  const { program } = compileCircuit(circuit, topology, { seed, teleport: opts.teleport !== false });
  const result = executeProgram(program, {
    seed,
    shots,
    ideal: opts.ideal === true,
    probabilities: opts.probabilities === true,
    lookahead: opts.lookahead !== false,
    ...(opts.engine ? { engine: opts.engine as RuntimeEngine } : {}),
    network: network(program),
  });
  const ideal = result.counts ? idealDistribution(circuit) : undefined;
  const fidelityToIdeal = ideal && result.counts ? hellingerFidelity(result.counts, ideal) : undefined;
  const out = {
    qpus: result.qpus,
    ebits: result.ebits,
    remoteGates: program.stats.remoteGates,
    teleportations: program.stats.teleportations,
    engine: result.engine,
    engineQubits: result.engineQubits,
    shots: result.shots,
    ...(result.counts ? { counts: result.counts } : {}),
    ...(result.probabilities ? { probabilities: result.probabilities } : {}),
    timeToSolutionUs: result.timeToSolutionUs,
    ebitsReadyShare: result.ebitsReadyShare,
    dataIdleUs: result.dataIdleUs,
    withoutLookahead: result.withoutLookahead,
    ...(fidelityToIdeal !== undefined ? { fidelityToIdeal } : {}),
  };
  if (opts.json) {
    io.stdout(`${JSON.stringify(out)}\n`);
    return 0;
  }
  const lines = [
    `${file}: ${circuit.numQubits} qubits on ${result.qpus} QPUs (${topology.names.join(', ')}), ${result.ebits} e-bits, ${result.engine} engine (${result.engineQubits} qubits)${opts.ideal ? ', ideal' : ''}`,
    `time to solution ${formatNumber(result.timeToSolutionUs)} µs; e-bits ready when needed ${(100 * result.ebitsReadyShare).toFixed(0)}%; data-qubit idle ${formatNumber(result.dataIdleUs)} µs` +
      ` (without lookahead: ${formatNumber(result.withoutLookahead.timeToSolutionUs)} µs, ${(100 * result.withoutLookahead.ebitsReadyShare).toFixed(0)}%, ${formatNumber(result.withoutLookahead.dataIdleUs)} µs)`,
  ];
  if (fidelityToIdeal !== undefined)
    lines.push(`output fidelity to the monolithic ideal: ${formatNumber(fidelityToIdeal, 4)}`);
  lines.push(...outcomeTables(result));
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
