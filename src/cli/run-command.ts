import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatRunSummary } from '../report/run-summary.js';
import { parseScenario } from '../scenario/index.js';
import { runScenario } from '../scenario/run-scenario.js';
import { QnetError } from '../util/errors.js';
import { type CliIo, readUserFile } from './io.js';
import { defaultScenarioPath } from './package-root.js';
import { parseCount } from './parse-options.js';
import { createProgress } from './progress.js';

export interface RunOptions {
  seed?: string;
  set: string[];
  json?: boolean;
  out?: string;
}

export async function runCommand(io: CliIo, file: string | undefined, opts: RunOptions): Promise<number> {
  const path = file ?? relative(io.cwd, defaultScenarioPath());
  const overrides = [...opts.set];
  if (opts.seed !== undefined) overrides.push(`seed=${parseCount('--seed', opts.seed)}`);
  const scenario = parseScenario(readUserFile(io, path), path, overrides);

  const progress = createProgress(io, scenario.name, !opts.json);
  const startMs = performance.now();
  let result: ReturnType<typeof runScenario>;
  try {
    result = runScenario(scenario, { onProgress: (f) => progress.update(f) });
  } finally {
    progress.stop();
  }
  const wallSeconds = (performance.now() - startMs) / 1000;

  const json = `${JSON.stringify(result, null, 2)}\n`;
  const summary = `${formatRunSummary(result)}\n`;
  if (opts.out !== undefined) {
    const dir = resolve(io.cwd, opts.out);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'result.json'), json);
      writeFileSync(join(dir, 'summary.txt'), summary);
    } catch (e) {
      throw new QnetError('E_FILE', `cannot write results: ${(e as Error).message}`, {
        file: opts.out,
        hint: '--out names a folder that qnet may create and write to',
      });
    }
  }
  if (opts.json) io.stdout(json);
  else io.stdout(`${summary}\n(${wallSeconds.toFixed(2)} s of wall time)\n`);
  return 0;
}
