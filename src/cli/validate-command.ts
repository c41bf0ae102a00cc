import { parseScenario } from '../scenario/index.js';
import { type CliIo, readUserFile } from './io.js';

export interface ValidateOptions {
  set: string[];
  json?: boolean;
}

export function validateCommand(io: CliIo, file: string, opts: ValidateOptions): number {
  const scenario = parseScenario(readUserFile(io, file), file, opts.set);
  if (opts.json) io.stdout(`${JSON.stringify(scenario, null, 2)}\n`);
  else
    io.stdout(
      `${file}: valid scenario '${scenario.name}' (${scenario.nodes.length} nodes, ${scenario.links.length} links, ${scenario.workloads.length} workloads)\n`,
    );
  return 0;
}
