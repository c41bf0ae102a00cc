import { parseCircuit } from '../circuit/parse-circuit.js';
import { SIMULATORS, type SimulatorName, simulateCircuit } from '../state/simulate.js';
import { QnetError } from '../util/errors.js';
import { type CliIo, readUserFile } from './io.js';
import { outcomeTables } from './outcome-tables.js';
import { parseCount } from './parse-options.js';

export interface SimulateCommandOptions {
  engine?: string;
  shots?: string;
  probabilities?: boolean;
  seed?: string;
  json?: boolean;
}

export function simulateCommand(io: CliIo, file: string, opts: SimulateCommandOptions): number {
  if (opts.engine !== undefined && !SIMULATORS.includes(opts.engine as SimulatorName)) {
    throw new QnetError('E_USAGE', `unknown engine '${opts.engine}'`, {
      hint: `engines: ${SIMULATORS.join(', ')}`,
    });
  }
  const shots = opts.shots === undefined ? undefined : parseCount('--shots', opts.shots);
  const seed = opts.seed === undefined ? 1 : parseCount('--seed', opts.seed);
  const circuit = parseCircuit(readUserFile(io, file), file);
  const start = performance.now();
  const result = simulateCircuit(circuit, {
    engine: opts.engine as SimulatorName | undefined,
    shots,
    probabilities: opts.probabilities,
    seed,
  });
  const seconds = (performance.now() - start) / 1000;
  if (opts.json) {
    const { engine, qubits, ...outcomes } = result;
    io.stdout(`${JSON.stringify({ engine, qubits, seconds, ...outcomes })}\n`);
    return 0;
  }
  const lines = [`${file}: ${result.qubits} qubits on the ${result.engine} engine, ${seconds.toFixed(3)} s`];
  lines.push(...outcomeTables(result));
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
