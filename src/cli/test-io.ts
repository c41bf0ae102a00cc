// A recording CliIo for tests of the command line.
import type { CliIo } from './io.js';
import { main } from './main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: readonly string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stdoutBytes: (b) => {
      stdout += Buffer.from(b).toString('latin1');
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTTY: false,
    cwd,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
