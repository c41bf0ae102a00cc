import { Command, CommanderError } from 'commander';
import { isQnetError, QnetError } from '../util/errors.js';
import { benchCommand } from './bench-command.js';
import { compileCommand } from './compile-command.js';
import { DEFAULT_EBIT_FIDELITY, DEFAULT_EBIT_RATE_HZ, executeCommand } from './execute-command.js';
import { type CliIo, processIo } from './io.js';
import { packageVersion } from './package-root.js';
import { collect } from './parse-options.js';
import { registerQecCommands } from './qec-command.js';
import { runCommand } from './run-command.js';
import { sampleCommand } from './sample-command.js';
import { schemaCommand } from './schema-command.js';
import { simulateCommand } from './simulate-command.js';
import { validateCommand } from './validate-command.js';

/** Exit codes: 0 success, 1 the run failed, 2 bad input (usage, scenario, circuit). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

export function buildProgram(io: CliIo, setCode: (code: number) => void): Command {
  const program = new Command('qnet')
    .description('Simulate and control networks of quantum computers.')
    .version(packageVersion(), '-V, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  // Every subcommand shares the output wiring and exit handling of the program.
  const sub = (name: string): Command =>
    program
      .command(name)
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .showSuggestionAfterError();

  sub('run')
    .description('run a scenario (default: examples/ibm-cisco-2030.yaml) and summarise what happened')
    .argument('[scenario]', 'scenario file, YAML or JSON')
    .option('--seed <n>', 'override the scenario seed')
    .option(
      '--set <path=value>',
      'override a scenario field, e.g. links[0].lengthKm=25 (repeatable)',
      collect,
      [],
    )
    .option('--json', 'print one JSON document on stdout and nothing else')
    .option('--out <dir>', 'also write result.json and summary.txt into this folder')
    .action(async (file: string | undefined, opts) => setCode(await runCommand(io, file, opts)));

  sub('validate')
    .description('check a scenario file against the schema without running it')
    .argument('<file>', 'scenario file, YAML or JSON')
    .option('--set <path=value>', 'apply an override before checking (repeatable)', collect, [])
    .option('--json', 'print the validated scenario, with defaults filled in, as JSON')
    .action((file: string, opts) => setCode(validateCommand(io, file, opts)));

  sub('schema')
    .description('print the JSON Schema of scenario files (for editor completion)')
    .action(() => setCode(schemaCommand(io)));

  sub('simulate')
    .description('simulate an OpenQASM 2/3 or Stim circuit: exact probabilities or sampled counts')
    .argument('<file>', 'circuit file (.qasm or .stim)')
    .option('--engine <name>', 'statevector, density or stabilizer (default: chosen from the circuit)')
    .option('--shots <n>', 'number of shots to sample (default 1024 unless --probabilities)')
    .option('--probabilities', 'the exact distribution of the measured bits (up to 24 bits)')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--json', 'print {engine, qubits, seconds, counts?, probabilities?} as JSON')
    .action((file: string, opts) => setCode(simulateCommand(io, file, opts)));

  sub('sample')
    .description("sample measurement results or detection events of a Clifford circuit, in Stim's formats")
    .argument('<file>', 'circuit file (.stim, or Clifford OpenQASM)')
    .requiredOption('--shots <n>', 'number of shots')
    .option('--detectors', 'detection events instead of measurement results')
    .option('--append-observables', 'with --detectors: each shot also lists its observable flips')
    .option('--out <file>', 'write the samples to this file (default: stdout)')
    .option('--format <fmt>', '01 (text, one line per shot) or b8 (bit-packed bytes)', '01')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--json', 'print {shots, bitsPerShot, seconds, meanRate} instead of the samples')
    .action((file: string, opts) => setCode(sampleCommand(io, file, opts)));

  sub('compile')
    .description('compile a circuit for several networked QPUs: partition it and emit a distributed program')
    .argument('<file>', 'OpenQASM 2/3 circuit')
    .option('--qpus <k>', 'number of QPUs (with a topology shape)')
    .option('--capacity <n>', 'data qubits per QPU (default: ceil(qubits / QPUs), or the scenario nodes')
    .option('--comm <n>', 'communication qubits per QPU besides the data qubits (default 2)')
    .option(
      '--topology <shape|file>',
      'all-to-all, line, ring, grid, or a scenario file (default all-to-all)',
    )
    .option('--seed <n>', 'seed of the partitioner (default 1)')
    .option('--no-teleport', 'keep every qubit on one QPU (no teleportation between time slices)')
    .option('--allocator <name>', 'partition (default) or naive (contiguous blocks)')
    .option('--out <file>', 'write the distributed program as JSON')
    .option('--listing', 'print the per-QPU instruction streams')
    .option(
      '--json',
      'print {qpus, capacity, ebits, remoteGates, teleportations, compileSeconds, allocation}',
    )
    .action((file: string, opts) => setCode(compileCommand(io, file, opts)));

  sub('execute')
    .description('compile a circuit across QPUs and run the distributed program on a simulated network')
    .argument('<file>', 'OpenQASM 2/3 circuit')
    .option('--qpus <k>', 'number of QPUs (with a topology shape)')
    .option('--scenario <file>', 'take QPUs, links (rate, fidelity) and timings from a scenario')
    .option('--capacity <n>', 'data qubits per QPU (default: ceil(qubits / QPUs))')
    .option('--comm <n>', 'communication qubits per QPU (default 2, or the scenario nodes)')
    .option('--topology <shape>', 'all-to-all, line, ring or grid (default all-to-all)')
    .option('--shots <n>', 'shots to sample (default 1024)')
    .option('--ideal', 'perfect e-bits, gates and memories: a correctness check')
    .option('--probabilities', 'the exact outcome distribution, where the engine allows')
    .option('--no-lookahead', 'make each e-bit only when both QPUs reach it')
    .option('--no-teleport', 'keep every qubit on one QPU')
    .option('--engine <name>', 'auto (default), statevector or stabilizer')
    .option(
      '--ebit-rate <hz>',
      `e-bits per second per link without a scenario (default ${DEFAULT_EBIT_RATE_HZ})`,
    )
    .option(
      '--ebit-fidelity <f>',
      `fidelity of each e-bit without a scenario (default ${DEFAULT_EBIT_FIDELITY})`,
    )
    .option('--seed <n>', 'seed of compiler and runtime (default 1)')
    .option(
      '--json',
      'print {qpus, ebits, shots, counts?, probabilities?, timeToSolutionUs, ebitsReadyShare, fidelityToIdeal?}',
    )
    .action((file: string, opts) => setCode(executeCommand(io, file, opts)));

  registerQecCommands(
    sub('qec'),
    (parent, name) =>
      parent
        .command(name)
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .showSuggestionAfterError(),
    io,
    setCode,
  );

  sub('bench')
    .description('run a benchmark suite (or "all") and report its figures')
    .argument('<suite>', 'suite name, or "all"')
    .option('--quick', 'fewer repetitions, for a smoke test')
    .option('--json', 'print a JSON array of {suite, case, metric, value, unit} records')
    .action(async (suite: string, opts) => setCode(await benchCommand(io, suite, opts)));

  return program;
}

/** Runs the CLI on `argv` (without the node and script entries) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error it has printed.
      return e.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (isQnetError(e)) {
      io.stderr(`qnet: ${e.format()}\n`);
      return e.exitCode;
    }
    // Not the user's fault: keep the stack, it is what a bug report needs.
    io.stderr(`qnet: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAILED;
  }
}

export { QnetError };
