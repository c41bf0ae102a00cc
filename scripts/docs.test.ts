import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PRESETS, scenarioJsonSchema } from '../src/scenario/index.js';
import { generateDocs, REFERENCE_FILE, SCHEMA_FILE } from './docs.js';
import { anchor, table, typeText } from './schema-markdown.js';

const root = new URL('../', import.meta.url);

describe('generated docs', () => {
  const docs = generateDocs();

  it.each(Object.keys(docs))('%s matches the code', (file) => {
    const url = new URL(file, root);
    const committed = existsSync(url) ? readFileSync(url, 'utf8') : '(missing)';
    expect(committed === docs[file], `docs are stale: run npm run docs (${file} differs)`).toBe(true);
  });

  it('writes the JSON Schema pretty-printed with a trailing newline', () => {
    const text = docs[SCHEMA_FILE]!;
    expect(JSON.parse(text)).toEqual(scenarioJsonSchema());
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('documents every section, field and built-in preset', () => {
    const md = docs[REFERENCE_FILE]!;
    for (const title of [
      'Scenario',
      'Run',
      'Node',
      'Link',
      'FibrePreset',
      'ClassicalPreset',
      'PingWorkload',
    ]) {
      expect(md).toContain(`## ${title}\n`);
    }
    for (const field of [
      'lengthKm',
      'lossDbPerKm',
      'processingDelayPs',
      'intervalUs',
      'maxEvents',
      'qubits',
    ]) {
      expect(md).toMatch(new RegExp(`\\| \`${field}\` +\\|`));
    }
    for (const name of Object.keys(BUILTIN_PRESETS)) expect(md).toMatch(new RegExp(`\\| \`${name}\` +\\|`));
    expect(md).toMatch(/\| `seed` +\| integer ≥ 0 +\| `1` +\|/);
    expect(md).toMatch(/\| `name` +\| non-empty string +\| \*\*required\*\* +\|/);
  });
});

describe('schema markdown', () => {
  it('renders types readably', () => {
    expect(typeText({ type: 'number', exclusiveMinimum: 0, maximum: 5 })).toBe('number > 0, ≤ 5');
    expect(typeText({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })).toBe('integer ≥ 0');
    expect(typeText({ type: 'string', enum: ['a', 'b'] })).toBe('`a` | `b`');
    expect(typeText({ type: 'array', items: { type: 'string' }, minItems: 1 })).toBe(
      'list of string (at least 1)',
    );
    expect(typeText({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'string' }] })).toBe(
      '[string, string]',
    );
    expect(typeText({ type: 'object', properties: {}, title: 'Run' })).toBe('[Run](#run)');
  });

  it('pads columns and escapes pipes in table cells', () => {
    expect(table(['h', 'head'], [['`a` | `b`', 'x']])).toBe(
      ['| h          | head |', '| ---------- | ---- |', '| `a` \\| `b` | x    |'].join('\n'),
    );
    expect(anchor('Built-in presets')).toBe('built-in-presets');
  });
});
