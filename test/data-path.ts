// Where the repository's test data lives (data/ at the package root), for tests and benchmarks.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const dataPath = (...parts: string[]): string => join(ROOT, 'data', ...parts);
