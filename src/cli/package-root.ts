import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The qnet package folder, found from this file whether it runs from src/ (tests) or dist/src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'qnet') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('qnet: cannot find the package root above the CLI');
    dir = up;
  }
}

export const packageVersion = (): string =>
  JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;

export const defaultScenarioPath = (): string => join(packageRoot(), 'examples', 'ibm-cisco-2030.yaml');
