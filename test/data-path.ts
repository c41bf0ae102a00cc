// Where the repository's test data lives (data/ at the package root), for tests and benchmarks,
// whether they run from the sources or from dist/.
import { join } from 'node:path';
import { packageRoot } from '../src/cli/package-root.js';

const ROOT = packageRoot();

export const dataPath = (...parts: string[]): string => join(ROOT, 'data', ...parts);
