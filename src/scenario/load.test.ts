import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { parseScenario, validateScenario } from './load.js';
import { ScenarioError } from './problems.js';

const FILE = 'net.yaml';

const VALID = `name: demo
nodes:
  - { id: A, kind: host }
  - { id: B, kind: qpu, qubits: 5 }
  - { id: C, kind: host }
links:
  - { ends: [A, B], lengthKm: 10 }
  - { ends: [B, C], lengthKm: 2.5, fibre: ull-fibre }
workloads:
  - { kind: ping, from: A, to: C }
`;

/** The QnetError that parsing throws; fails the test when nothing or something else is thrown. */
function failure(text: string, overrides: readonly string[] = [], file = FILE): QnetError {
  try {
    parseScenario(text, file, overrides);
  } catch (e) {
    if (e instanceof QnetError) {
      expect(e.exitCode).toBe(2);
      return e;
    }
    throw e;
  }
  throw new Error('expected a QnetError');
}

/** Checks code, place and field path, and that the printed form names the file and the field. */
function expectError(
  e: QnetError,
  want: { code: string; line?: number; column?: number; path: string; file?: string; text?: RegExp },
): void {
  const file = want.file ?? FILE;
  expect(e.code).toBe(want.code);
  expect(e.where.file).toBe(file);
  if (want.line !== undefined) expect(e.where.line).toBe(want.line);
  if (want.column !== undefined) expect(e.where.column).toBe(want.column);
  const printed = e.format();
  expect(printed).toContain(file);
  expect(printed).toContain(want.path);
  if (want.text) expect(printed).toMatch(want.text);
  expect(e.hint).toBeTruthy();
}

describe('parseScenario: valid files', () => {
  it('applies defaults so consumers see no optionals for defaulted fields', () => {
    const s = parseScenario(VALID, FILE);
    expect(s.seed).toBe(1);
    expect(s.run).toEqual({ untilUs: 1_000_000 });
    expect(s.presets).toEqual({});
    expect(s.links[0]).toEqual({
      id: 'A-B',
      ends: ['A', 'B'],
      lengthKm: 10,
      fibre: 'smf28',
      classical: 'white-rabbit',
    });
    expect(s.links[1]?.fibre).toBe('ull-fibre');
    expect(s.workloads[0]).toEqual({ kind: 'ping', from: 'A', to: 'C', count: 10, intervalUs: 10 });
  });

  it('reads JSON with the same result', () => {
    const json = JSON.stringify(parseScenario(VALID, FILE), null, 2);
    expect(parseScenario(json, 'net.json')).toEqual(parseScenario(VALID, FILE));
  });

  it('accepts presets defined by the file and used by links', () => {
    const s = parseScenario(
      `name: p
presets:
  lossy: { kind: fibre, lossDbPerKm: 0.5 }
  slow: { kind: classical, processingDelayPs: 5000 }
nodes: [{ id: A, kind: host }, { id: B, kind: host }]
links: [{ ends: [A, B], lengthKm: 1, fibre: lossy, classical: slow }]
`,
      FILE,
    );
    expect(s.presets.lossy).toEqual({ kind: 'fibre', lossDbPerKm: 0.5, groupIndex: 1.468 });
    expect(s.presets.slow).toEqual({ kind: 'classical', jitterPs: 0, processingDelayPs: 5000 });
  });

  it('allows a single node without links or workloads', () => {
    const s = parseScenario('name: one\nnodes: [{ id: solo, kind: qpu }]\n', FILE);
    expect(s.links).toEqual([]);
    expect(s.workloads).toEqual([]);
  });
});

describe('parseScenario: errors name the file, the place and the field', () => {
  it('refuses an empty file', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n']) {
      const e = failure(text);
      expect(e.code).toBe('E_SCENARIO_EMPTY');
      expect(e.format()).toContain(FILE);
      expect(e.hint).toMatch(/name/);
    }
  });

  it('reports invalid YAML at the YAML error position', () => {
    const e = failure('name: x\nnodes: [\n  { id: A\n');
    expect(e.code).toBe('E_YAML');
    expect(e.where.file).toBe(FILE);
    expect(e.where.line).toBeGreaterThanOrEqual(2);
    expect(e.format()).toMatch(/^net\.yaml:\d+:\d+: invalid YAML/);
  });

  it('reports duplicate keys and multiple documents as YAML errors', () => {
    const dup = failure('name: a\nname: b\nnodes: []\n');
    expect(dup.code).toBe('E_YAML');
    expect(dup.where.line).toBe(2);
    expect(failure('name: a\n---\nname: b\n').code).toBe('E_YAML');
  });

  it('reports an alias to a missing anchor with its position', () => {
    const e = failure('name: a\nnodes: *nodes\n');
    expect(e.code).toBe('E_YAML');
    expect(e.where).toMatchObject({ line: 2, column: 8 });
  });

  it('refuses a top level that is not a map', () => {
    for (const text of ['- a\n- b\n', '42\n', '"text"\n']) {
      const e = failure(text);
      expect(e.code).toBe('E_SCENARIO_NOT_MAP');
      expect(e.where).toMatchObject({ file: FILE, line: 1, column: 1 });
    }
  });

  it('refuses wrong types', () => {
    const e = failure(VALID.replace('qubits: 5', 'qubits: five'));
    expectError(e, {
      code: 'E_SCENARIO_INVALID',
      line: 4,
      column: 33,
      path: 'nodes[1].qubits',
      text: /"five"/,
    });
    const seed = failure(`seed: 1.5\n${VALID}`);
    expectError(seed, { code: 'E_SCENARIO_INVALID', line: 1, column: 7, path: 'seed', text: /whole number/ });
    const ends = failure(VALID.replace('ends: [A, B]', 'ends: A'));
    expectError(ends, { code: 'E_SCENARIO_INVALID', line: 7, path: 'links[0].ends', text: /must be a list/ });
  });

  it('refuses unknown fields, pointing at the key, listing allowed names and suggesting one', () => {
    const e = failure(VALID.replace('lengthKm: 10', 'lenghtKm: 10'));
    const unknown =
      e instanceof ScenarioError ? e.problems.find((p) => p.code === 'E_SCENARIO_UNKNOWN_FIELD') : e;
    expect(unknown).toBeDefined();
    expectError(unknown!, {
      code: 'E_SCENARIO_UNKNOWN_FIELD',
      line: 7,
      column: 21,
      path: 'links[0].lenghtKm',
      text: /did you mean 'lengthKm'\?.*allowed fields: id, ends, lengthKm, fibre, classical/s,
    });
    const top = failure(`colour: red\n${VALID}`);
    expectError(top, {
      code: 'E_SCENARIO_UNKNOWN_FIELD',
      line: 1,
      column: 1,
      path: 'colour',
      text: /workloads/,
    });
  });

  it('refuses a negative length', () => {
    const e = failure(VALID.replace('lengthKm: 10', 'lengthKm: -3'));
    expectError(e, {
      code: 'E_SCENARIO_INVALID',
      line: 7,
      column: 31,
      path: 'links[0].lengthKm',
      text: /lengthKm must be >= 0, got -3/,
    });
  });

  it('refuses NaN and infinities', () => {
    for (const bad of ['.nan', '.inf', '-.inf', '.NaN']) {
      const e = failure(VALID.replace('lengthKm: 10', `lengthKm: ${bad}`));
      expectError(e, {
        code: 'E_SCENARIO_INVALID',
        line: 7,
        path: 'links[0].lengthKm',
        text: /finite number/,
      });
    }
    const run = failure(`run: { untilUs: .inf }\n${VALID}`);
    expectError(run, {
      code: 'E_SCENARIO_INVALID',
      path: 'run.untilUs',
      text: /finite number, got Infinity/,
    });
  });

  it('points a missing required field at its parent map', () => {
    const e = failure(VALID.replace('name: demo\n', ''));
    expectError(e, {
      code: 'E_SCENARIO_MISSING',
      line: 1,
      column: 1,
      path: 'name',
      text: /missing required field 'name'/,
    });
    const inLink = failure(VALID.replace('{ ends: [A, B], lengthKm: 10 }', '{ ends: [A, B] }'));
    expectError(inLink, { code: 'E_SCENARIO_MISSING', line: 7, column: 5, path: 'links[0].lengthKm' });
    const kind = failure(VALID.replace('{ kind: ping, from: A, to: C }', '{ from: A, to: C }'));
    expectError(kind, {
      code: 'E_SCENARIO_MISSING',
      line: 10,
      column: 5,
      path: 'workloads[0].kind',
      text: /ping/,
    });
  });

  it('refuses an unknown node kind or workload kind with a suggestion', () => {
    const e = failure(VALID.replace('kind: qpu', 'kind: qbu'));
    expectError(e, {
      code: 'E_SCENARIO_INVALID',
      line: 4,
      path: 'nodes[1].kind',
      text: /did you mean 'qpu'/,
    });
    const w = failure(VALID.replace('kind: ping', 'kind: pign'));
    expectError(w, {
      code: 'E_SCENARIO_INVALID',
      line: 10,
      path: 'workloads[0].kind',
      text: /did you mean 'ping'/,
    });
  });

  it('refuses bad ids', () => {
    const e = failure(VALID.replace('id: C', 'id: 3c'));
    expectError(e, { code: 'E_SCENARIO_INVALID', line: 5, path: 'nodes[2].id', text: /start with a letter/ });
  });

  it('refuses an unknown node reference, listing the known nodes', () => {
    const e = failure(VALID.replace('ends: [B, C]', 'ends: [B, D]'));
    expectError(e, {
      code: 'E_SCENARIO_REF',
      line: 8,
      column: 17,
      path: 'links[1].ends[1]',
      text: /unknown node 'D'.*known nodes: A, B, C/s,
    });
    const w = failure(VALID.replace('to: C', 'to: c'));
    expectError(w, { code: 'E_SCENARIO_REF', line: 10, path: 'workloads[0].to', text: /did you mean 'C'/ });
  });

  it('refuses duplicate ids', () => {
    const node = failure(VALID.replace('id: C', 'id: A'));
    expectError(node, {
      code: 'E_SCENARIO_DUPLICATE',
      line: 5,
      column: 11,
      path: 'nodes[2].id',
      text: /nodes\[0\]/,
    });
    const derived = failure(
      `${VALID}links2: 0\n`
        .replace('links2: 0\n', '')
        .replace('lengthKm: 2.5', 'lengthKm: 2.5 }\n  - { ends: [A, B], lengthKm: 1'),
    );
    const dup = derived instanceof ScenarioError ? derived.problems[0]! : derived;
    expectError(dup, {
      code: 'E_SCENARIO_DUPLICATE',
      line: 9,
      path: 'links[2].ends',
      text: /derived from its ends/,
    });
    const explicit = failure(VALID.replace('{ ends: [B, C]', '{ id: A-B, ends: [B, C]'));
    expectError(explicit, { code: 'E_SCENARIO_DUPLICATE', line: 8, path: 'links[1].id' });
  });

  it('refuses an unknown preset or a preset of the wrong kind', () => {
    const e = failure(VALID.replace('fibre: ull-fibre', 'fibre: ulll-fibre'));
    expectError(e, {
      code: 'E_SCENARIO_PRESET',
      line: 8,
      path: 'links[1].fibre',
      text: /did you mean 'ull-fibre'.*smf28/s,
    });
    const kind = failure(VALID.replace('fibre: ull-fibre', 'fibre: ethernet'));
    expectError(kind, {
      code: 'E_SCENARIO_PRESET',
      path: 'links[1].fibre',
      text: /classical preset, not a fibre preset/,
    });
  });

  it('refuses redefining a built-in preset', () => {
    const e = failure(`presets:\n  smf28: { kind: fibre, lossDbPerKm: 0.3 }\n${VALID}`);
    expectError(e, {
      code: 'E_SCENARIO_PRESET',
      line: 2,
      column: 3,
      path: 'presets.smf28',
      text: /built in.*smf28-custom/s,
    });
  });

  it('refuses pings to the same node or to an unreachable node', () => {
    const same = failure(VALID.replace('to: C', 'to: A'));
    expectError(same, { code: 'E_SCENARIO_INVALID', line: 10, path: 'workloads[0].to' });
    const cut = failure(VALID.replace('  - { ends: [B, C], lengthKm: 2.5, fibre: ull-fibre }\n', ''));
    expectError(cut, {
      code: 'E_SCENARIO_NO_PATH',
      line: 9,
      path: 'workloads[0].to',
      text: /no path from node 'A' to node 'C'.*reachable from 'A': A, B/s,
    });
  });

  it('refuses qubits on nodes that are not QPUs', () => {
    const e = failure(VALID.replace('{ id: A, kind: host }', '{ id: A, kind: host, qubits: 4 }'));
    expectError(e, {
      code: 'E_SCENARIO_INVALID',
      line: 3,
      path: 'nodes[0].qubits',
      text: /only allowed on qpu/,
    });
  });

  it('reports every problem, in file order, and says how many', () => {
    const e = failure(
      VALID.replace('lengthKm: 10', 'lengthKm: -1')
        .replace('qubits: 5', 'qubits: 0')
        .replace('name: demo', 'name: 5'),
    );
    expect(e).toBeInstanceOf(ScenarioError);
    const all = (e as ScenarioError).problems;
    expect(all.map((p) => p.where.line)).toEqual([1, 4, 7]);
    expect(e.message).toMatch(/and 2 more problems/);
    expect(
      e
        .format()
        .split('\n')
        .filter((l) => l.startsWith(FILE)),
    ).toHaveLength(3);
    expect((e.toJSON().problems as unknown[]).length).toBe(3);
  });
});

describe('parseScenario: --set overrides', () => {
  it('sets fields by dotted or indexed paths, reading values as YAML', () => {
    const s = parseScenario(VALID, FILE, [
      'seed=7',
      'links[0].lengthKm=25',
      'links.1.lengthKm=1e1',
      'nodes[1].qubits=20',
      'run.untilUs=500',
      'name=foo',
      'links[1].ends=[C, B]',
      'description="two words"',
    ]);
    expect(s.seed).toBe(7);
    expect(s.links[0]?.lengthKm).toBe(25);
    expect(s.links[1]?.lengthKm).toBe(10);
    expect(s.links[1]?.ends).toEqual(['C', 'B']);
    expect(s.nodes[1]?.qubits).toBe(20);
    expect(s.run.untilUs).toBe(500);
    expect(s.name).toBe('foo');
    expect(s.description).toBe('two words');
  });

  it('applies overrides in order, the last one winning', () => {
    expect(parseScenario(VALID, FILE, ['seed=2', 'seed=3']).seed).toBe(3);
  });

  it('refuses a path the schema does not know, listing the valid keys there', () => {
    const e = failure(VALID, ['run.untilUS=5']);
    expect(e.code).toBe('E_SET_PATH');
    expect(e.where.file).toBe('--set');
    expect(e.format()).toContain('run.untilUS');
    expect(e.hint).toMatch(/did you mean 'untilUs'\?.*untilUs, maxEvents/);
    const top = failure(VALID, ['sed=5']);
    expect(top.code).toBe('E_SET_PATH');
    expect(top.hint).toMatch(/seed.*name, description, seed, run/);
  });

  it('refuses an index past the end of a list', () => {
    const e = failure(VALID, ['links[2].lengthKm=1']);
    expect(e.code).toBe('E_SET_PATH');
    expect(e.message).toMatch(/links has 2 elements, so there is no links\[2\]/);
    expect(e.hint).toMatch(/0 to 1/);
  });

  it('refuses a malformed --set', () => {
    for (const bad of ['seed', 'links[0]lengthKm=1', 'links..x=1', '=5', 'links[x]=1', 'links[0].=1']) {
      const e = failure(VALID, [bad]);
      expect(e.code).toBe('E_SET_SYNTAX');
      expect(e.format()).toContain('--set');
      expect(e.hint).toMatch(/path=value|dots/);
    }
    expect(failure(VALID, ['links=[A, ']).code).toBe('E_SET_VALUE');
  });

  it('blames --set, not the file, for a value of the wrong type', () => {
    const e = failure(VALID, ['links[0].lengthKm=far']);
    expect(e.code).toBe('E_SCENARIO_INVALID');
    expect(e.where).toEqual({ file: '--set', path: ['links', 0, 'lengthKm'] });
    expect(e.format()).toMatch(
      /^--set: links\[0\]\.lengthKm: lengthKm must be a number, got "far" \(value from --set links\[0\]\.lengthKm=far\)/,
    );
    const ends = failure(VALID, ['links[0].ends=[A, Z]']);
    expect(ends.where).toEqual({ file: '--set', path: ['links', 0, 'ends', 1] });
    expect(ends.hint).toMatch(/known nodes/);
  });

  it('creates optional maps on the way and blames --set for what they lack', () => {
    expect(parseScenario('name: n\nnodes: [{ id: A, kind: host }]\n', FILE, ['run.maxEvents=9']).run).toEqual(
      {
        untilUs: 1_000_000,
        maxEvents: 9,
      },
    );
    const e = failure(VALID, ['presets.mine.lossDbPerKm=0.3']);
    expect(e.code).toBe('E_SCENARIO_MISSING');
    expect(e.where.file).toBe('--set');
  });

  it('refuses a path through a scalar', () => {
    const e = failure(VALID, ['name.first=x']);
    expect(e.code).toBe('E_SET_PATH');
    expect(e.message).toMatch(/name is a string/);
  });

  it('leaves the caller’s overrides and text untouched', () => {
    const overrides = Object.freeze(['seed=9']);
    const text = VALID;
    parseScenario(text, FILE, overrides);
    expect(overrides).toEqual(['seed=9']);
    expect(text).toBe(VALID);
  });
});

describe('validateScenario', () => {
  it('checks plain data and reports paths', () => {
    expect(validateScenario({ name: 'x', nodes: [{ id: 'A', kind: 'host' }] }).seed).toBe(1);
    try {
      validateScenario(
        { name: 'x', nodes: [{ id: 'A', kind: 'host' }], links: [{ ends: ['A', 'B'], lengthKm: 1 }] },
        'api',
      );
      expect.unreachable();
    } catch (e) {
      expect((e as QnetError).format()).toMatch(/^api: links\[0\]\.ends\[1\]: unknown node 'B'/);
    }
  });
});

describe('parseScenario: every error has a hint', () => {
  const cases: [string, string][] = [
    ['no nodes', 'name: x\nnodes: []\n'],
    ['empty name', "name: ''\nnodes: [{ id: A, kind: host }]\n"],
    ['one end', 'name: x\nnodes: [{ id: A, kind: host }]\nlinks: [{ ends: [A], lengthKm: 1 }]\n'],
    ['three ends', 'name: x\nnodes: [{ id: A, kind: host }]\nlinks: [{ ends: [A, A, A], lengthKm: 1 }]\n'],
    [
      'bad preset name',
      'name: x\npresets: { "my fibre": { kind: fibre } }\nnodes: [{ id: A, kind: host }]\n',
    ],
    ['null field', 'name:\nnodes: [{ id: A, kind: host }]\n'],
    ['run not a map', 'name: x\nrun: 5\nnodes: [{ id: A, kind: host }]\n'],
    ['too long', 'name: x\nrun: { untilUs: 1e12 }\nnodes: [{ id: A, kind: host }]\n'],
    [
      'units in value',
      'name: x\nnodes: [{ id: A, kind: host }]\nlinks: [{ ends: [A, A], lengthKm: 10 km }]\n',
    ],
  ];

  it.each(cases)('%s', (_, text) => {
    const e = failure(text);
    const all = e instanceof ScenarioError ? e.problems : [e];
    for (const p of all) {
      expect(p.hint, p.format()).toBeTruthy();
      expect(p.where.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('explains the common slips in words', () => {
    expect(failure(cases[0]![1]).format()).toMatch(
      /nodes must have at least 1 element, got 0\n {2}hint: add 1 element/,
    );
    expect(failure(cases[2]![1]).format()).toMatch(/ends must be a list of exactly 2 elements, got 1/);
    expect(failure(cases[4]![1]).format()).toMatch(
      /net\.yaml:2:12: presets\["my fibre"\]: invalid name 'my fibre'.*\n.*'my-fibre'/,
    );
    expect(failure(cases[5]![1]).format()).toMatch(/name must be a string, got nothing \(null\)/);
    expect(failure(cases[7]![1]).format()).toMatch(/untilUs must be <= 9007199254/);
    expect(failure(cases[8]![1]).hint).toMatch(/unit is part of the field name/);
  });
});
