import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { readYaml } from './yaml-source.js';

const YAML = `name: demo
nodes:
  - id: A
    kind: host
  - { id: B, kind: qpu }
empty:
`;

describe('readYaml', () => {
  it('locates values, keys and absent fields by path', () => {
    const src = readYaml(YAML, 'f.yaml');
    expect(src.locate(['name'])).toEqual({ line: 1, column: 7 });
    expect(src.locate(['nodes', 0, 'kind'])).toEqual({ line: 4, column: 11 });
    expect(src.locate(['nodes', 1, 'kind'])).toEqual({ line: 5, column: 20 });
    expect(src.locateKey(['nodes', 1], 'kind')).toEqual({ line: 5, column: 14 });
    // Absent: the nearest written ancestor.
    expect(src.locate(['nodes', 1, 'qubits'])).toEqual({ line: 5, column: 5 });
    expect(src.locate(['nodes', 7])).toEqual({ line: 3, column: 3 });
    expect(src.locate(['missing'])).toEqual({ line: 1, column: 1 });
    // `empty:` has no value; its key is the place to point at.
    expect(src.locate(['empty'])).toEqual({ line: 6, column: 1 });
  });

  it('keeps line and column for JSON too', () => {
    const src = readYaml('{\n  "name": "x",\n  "nodes": [\n    {"id": "A", "kind": 3}\n  ]\n}\n', 'f.json');
    expect(src.data).toEqual({ name: 'x', nodes: [{ id: 'A', kind: 3 }] });
    expect(src.locate(['nodes', 0, 'kind'])).toEqual({ line: 4, column: 25 });
  });

  it('follows aliases into their anchors', () => {
    const src = readYaml('base: &b { lengthKm: 1 }\nlink: *b\n', 'f.yaml');
    expect(src.data).toEqual({ base: { lengthKm: 1 }, link: { lengthKm: 1 } });
    expect(src.locate(['link', 'lengthKm'])).toEqual({ line: 1, column: 22 });
  });

  it('returns a fresh copy of the data each time', () => {
    const a = readYaml(YAML, 'f.yaml').data;
    const b = readYaml(YAML, 'f.yaml').data;
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it('only ever fails with a QnetError that names the file', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          const src = readYaml(text, 'any.yaml');
          const pos = src.locate(['a', 0, 'b']);
          expect(pos.line).toBeGreaterThanOrEqual(1);
          expect(pos.column).toBeGreaterThanOrEqual(1);
        } catch (e) {
          expect(e).toBeInstanceOf(QnetError);
          expect((e as QnetError).where.file).toBe('any.yaml');
        }
      }),
      { numRuns: 300 },
    );
  });
});
