// Where the repository's test data lives (data/ at the package root), for tests and benchmarks,
// whether they run from the sources or from dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('data-path: no package.json above this file');
    dir = up;
  }
  return dir;
}

const ROOT = packageRoot();

export const dataPath = (...parts: string[]): string => join(ROOT, 'data', ...parts);
