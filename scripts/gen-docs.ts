// Writes the generated docs (`npm run docs`). Run from the repository root: paths are relative
// to the working directory, which npm sets to the package root.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDocs } from './docs.js';

const root = process.cwd();
const manifest = join(root, 'package.json');
if (!existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).name !== 'qnet') {
  console.error(`gen-docs: ${root} is not the qnet repository root; run \`npm run docs\` there`);
  process.exit(1);
}

for (const [file, content] of Object.entries(generateDocs())) {
  const path = join(root, file);
  const old = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (old === content) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote ${file}`);
}
