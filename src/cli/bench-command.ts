import type { BenchRecord } from '../../bench/record.js';
import { SUITES } from '../../bench/suites.js';
import { formatNumber, formatTable } from '../report/table.js';
import { QnetError } from '../util/errors.js';
import type { CliIo } from './io.js';
import { createProgress } from './progress.js';

export interface BenchOptions {
  quick?: boolean;
  json?: boolean;
}

export async function runSuites(
  names: readonly string[],
  quick: boolean,
  onProgress?: (fraction: number) => void,
): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  for (const [i, name] of names.entries()) {
    const suite = SUITES[name];
    if (!suite) throw new Error(`no suite ${name}`);
    const progress = (f: number) => onProgress?.((i + f) / names.length);
    records.push(...(await suite({ quick, onProgress: progress })));
  }
  return records;
}

export function resolveSuites(suite: string): string[] {
  const known = Object.keys(SUITES);
  if (suite === 'all') return known;
  if (!known.includes(suite)) {
    throw new QnetError('E_USAGE', `unknown benchmark suite '${suite}'`, {
      hint: `known suites: ${known.join(', ')}, all`,
    });
  }
  return [suite];
}

export function formatBenchTable(records: readonly BenchRecord[]): string {
  return formatTable(
    ['suite', 'case', 'metric', 'value', 'unit', 'cpu s', 'peer', 'ratio'],
    records.map((r) => [
      r.suite,
      r.case,
      r.metric,
      formatNumber(r.value),
      r.unit,
      typeof r.cpuSeconds === 'number' ? formatNumber(r.cpuSeconds, 3) : '',
      typeof r.peer === 'string' ? r.peer : '',
      typeof r.ratio === 'number' ? `${formatNumber(r.ratio, 3)}×` : '',
    ]),
    ['left', 'left', 'left', 'right', 'left', 'right', 'left', 'right'],
  );
}

export async function benchCommand(io: CliIo, suite: string, opts: BenchOptions): Promise<number> {
  const progress = createProgress(io, `bench ${suite}`, !opts.json);
  let records: BenchRecord[];
  try {
    records = await runSuites(resolveSuites(suite), Boolean(opts.quick), (f) => progress.update(f));
  } finally {
    progress.stop();
  }
  io.stdout(opts.json ? `${JSON.stringify(records, null, 2)}\n` : `${formatBenchTable(records)}\n`);
  return 0;
}
