import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from './json-schema.js';

type Json = Record<string, unknown>;

/** Every property schema in the tree, with its path, for checks that must hold everywhere. */
function properties(schema: Json, at = ''): [string, Json][] {
  const out: [string, Json][] = [];
  const visit = (s: unknown, path: string): void => {
    if (typeof s !== 'object' || s === null) return;
    const node = s as Json;
    for (const [k, v] of Object.entries((node.properties as Json | undefined) ?? {})) {
      out.push([`${path}.${k}`, v as Json]);
      visit(v, `${path}.${k}`);
    }
    visit(node.items, `${path}[]`);
    visit(node.additionalProperties, `${path}{}`);
    for (const option of (node.oneOf as unknown[] | undefined) ?? []) visit(option, path);
  };
  visit(schema, at);
  return out;
}

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema();

  it('is draft 2020-12 with an id and a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(SCENARIO_SCHEMA_ID);
    expect(schema.title).toBe('Scenario');
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
  });

  it('describes the file as written: defaulted fields optional, defaults shown', () => {
    expect(schema.required).toEqual(['name', 'nodes']);
    const props = schema.properties as Record<string, Json>;
    expect(props.seed?.default).toBe(1);
    expect(props.links?.default).toEqual([]);
    expect(((props.links!.items as Json).required as string[]).sort()).toEqual(['ends', 'lengthKm']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('has a description on every field', () => {
    const missing = properties(schema)
      .filter(([, s]) => typeof s.description !== 'string' || s.description === '')
      .map(([p]) => p);
    expect(missing).toEqual([]);
  });

  it('names the unit of every dimensioned field', () => {
    for (const [path, s] of properties(schema)) {
      const unit = /(Km|Us|Ps|DbPerKm)$/.exec(path)?.[1];
      if (unit === undefined) continue;
      const word = { Km: 'km', Us: 'µs', Ps: 'ps', DbPerKm: 'dB' }[unit]!;
      expect(s.description, path).toContain(word);
    }
  });

  it('returns a fresh object each call', () => {
    const a = scenarioJsonSchema();
    a.title = 'changed';
    expect(scenarioJsonSchema().title).toBe('Scenario');
  });
});
