import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { QnetError } from '../util/errors.js';

/** What a command may touch of the outside world; tests pass a recording fake. */
export interface CliIo {
  stdout(text: string): void;
  /** Raw bytes on stdout (sample files in Stim's b8 format). */
  stdoutBytes(bytes: Uint8Array): void;
  stderr(text: string): void;
  /** Progress bars are drawn only on a terminal. */
  stderrIsTTY: boolean;
  cwd: string;
}

export const processIo = (): CliIo => ({
  stdout: (t) => process.stdout.write(t),
  stdoutBytes: (b) => process.stdout.write(b),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
});

/** Reads a user's file as UTF-8, turning every failure into a QnetError that names the file. */
export function readUserFile(io: CliIo, file: string): string {
  try {
    return readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : `cannot be read (${code ?? String(e)})`;
    throw new QnetError('E_FILE', reason, {
      file,
      hint: 'check the path; it is taken relative to the current directory',
    });
  }
}
