import { parseCircuit } from '../circuit/parse-circuit.js';
import { formatNumber, formatTable } from '../report/table.js';
import { SIMULATORS, type SimulatorName, simulateCircuit } from '../state/simulate.js';
import { QnetError } from '../util/errors.js';
import { type CliIo, readUserFile } from './io.js';
import { parseCount } from './parse-options.js';

export interface SimulateCommandOptions {
  engine?: string;
  shots?: string;
  probabilities?: boolean;
  seed?: string;
  json?: boolean;
}

const MAX_ROWS = 32;

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
  const table = (title: string, entries: [string, number][]) => {
    const top = entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_ROWS);
    lines.push(
      '',
      formatTable(
        ['outcome', title],
        top.map(([k, v]) => [k === '' ? '(none)' : k, formatNumber(v, 6)]),
      ),
    );
    if (entries.length > MAX_ROWS)
      lines.push(`... ${entries.length - MAX_ROWS} more outcomes (use --json for all)`);
  };
  if (result.probabilities) table('probability', Object.entries(result.probabilities));
  if (result.counts) table(`count of ${result.shots}`, Object.entries(result.counts));
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
