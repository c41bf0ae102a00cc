import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from './package-root.js';
import { runCli } from './test-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'qnet-cli-'));
const write = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
const GOOD = `name: t
nodes:
  - { id: A, kind: host }
  - { id: B, kind: host }
links:
  - { ends: [A, B], lengthKm: 10 }
workloads:
  - { kind: ping, from: A, to: B, count: 5 }
`;

describe('qnet run', () => {
  it('runs the default scenario and prints a summary table', async () => {
    const r = await runCli(['run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scenario ibm-cisco-2030');
    expect(r.stdout).toMatch(/ping\s+hops/);
    expect(r.stderr).toBe('');
  });

  it('prints exactly one JSON document with --json, the same for the same seed', async () => {
    const a = await runCli(['run', '--json']);
    const b = await runCli(['run', '--json']);
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.stdout);
    expect(doc.scenario).toBe('ibm-cisco-2030');
    expect(a.stdout).toBe(b.stdout);
    const c = await runCli(['run', '--json', '--seed', '99']);
    expect(JSON.parse(c.stdout).seed).toBe(99);
    // White Rabbit jitter makes round trips differ with the seed.
    expect(JSON.parse(c.stdout).workloads).not.toEqual(doc.workloads);
  });

  it('measures the round trip of a 10 km fibre as 2 × 48.97 µs', async () => {
    const r = await runCli(['run', write('good.yaml', GOOD), '--json']);
    const ping = JSON.parse(r.stdout).workloads[0];
    expect(ping.received).toBe(5);
    expect(ping.expectedRttUs).toBeCloseTo(97.94, 1);
    expect(Math.abs(ping.rttUs.mean - ping.expectedRttUs)).toBeLessThan(0.001);
  });

  it('applies --set overrides to any field, validated like the file', async () => {
    const r = await runCli(['run', write('good2.yaml', GOOD), '--json', '--set', 'links[0].lengthKm=20']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fibres[0].lengthKm).toBe(20);
  });

  it('writes result.json and summary.txt with --out', async () => {
    const out = join(tmp, 'out');
    const r = await runCli(['run', write('good3.yaml', GOOD), '--out', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')).scenario).toBe('t');
    expect(existsSync(join(out, 'summary.txt'))).toBe(true);
  });
});

describe('bad input exits 2 with a message naming the file and field, and no stack trace', () => {
  const cases: [string, string, string[], RegExp][] = [
    ['empty file', 'empty.yaml', [], /empty\.yaml.*empty/i],
    ['invalid YAML', 'bad.yaml', [], /bad\.yaml:\d+:\d+/],
    ['wrong type', 'type.yaml', [], /type\.yaml:\d+:\d+: links\[0\]\.lengthKm/],
    ['unknown field', 'unknown.yaml', [], /unknown\.yaml:\d+:\d+: .*colour/],
    ['negative length', 'neg.yaml', [], /neg\.yaml:\d+:\d+: links\[0\]\.lengthKm/],
    ['NaN length', 'nan.yaml', [], /nan\.yaml:\d+:\d+: links\[0\]\.lengthKm/],
    ['unknown --set path', 'ok.yaml', ['--set', 'links[0].colour=3'], /links\[0\]\.colour/],
  ];
  const texts: Record<string, string> = {
    'empty.yaml': '',
    'bad.yaml': 'name: [unclosed\nnodes: {',
    'type.yaml': GOOD.replace('lengthKm: 10', 'lengthKm: ten'),
    'unknown.yaml': `${GOOD}colour: blue\n`,
    'neg.yaml': GOOD.replace('lengthKm: 10', 'lengthKm: -3'),
    'nan.yaml': GOOD.replace('lengthKm: 10', 'lengthKm: .nan'),
    'ok.yaml': GOOD,
  };
  for (const [what, file, extra, pattern] of cases) {
    it(what, async () => {
      const path = write(file, texts[file]!);
      for (const command of ['run', 'validate']) {
        const r = await runCli([command, path, ...extra]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(pattern);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(r.stdout).toBe('');
      }
    });
  }

  it('a missing file', async () => {
    const r = await runCli(['run', join(tmp, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml: no such file/);
  });

  it('usage mistakes: unknown command, unknown option, bad --seed, unknown suite', async () => {
    expect((await runCli(['fly'])).code).toBe(2);
    expect((await runCli(['run', '--colour'])).code).toBe(2);
    const seed = await runCli(['run', '--seed', '-1']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/--seed/);
    const bench = await runCli(['bench', 'nope']);
    expect(bench.code).toBe(2);
    expect(bench.stderr).toMatch(/known suites: kernel/);
  });
});

// Two QPUs with an entanglement link and a request, and a third QPU with no link.
const QUANTUM = `name: q
presets:
  qnu: { kind: transducer, base: transducer-2030-target, efficiency: 0.5 }
  memory: { kind: qpu, base: heron-r3, t1Us: 300, t2Us: 400 }
nodes:
  - { id: A, kind: qpu, qpu: memory, transducer: qnu }
  - { id: B, kind: qpu, qpu: memory, transducer: qnu }
  - { id: C, kind: qpu }
links:
  - { ends: [A, B], lengthKm: 2 }
  - { ends: [B, C], lengthKm: 2 }
entanglement:
  - { ends: [A, B], protocol: double-click }
requests:
  - { src: A, dst: B, minFidelity: 0.5, pairs: 20 }
run: { untilUs: 100000 }
`;

describe('qnet run with entanglement links and requests', () => {
  it('reports links and requests in JSON and as tables', async () => {
    const path = write('quantum.yaml', QUANTUM);
    const json = await runCli(['run', path, '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.links[0]).toMatchObject({ id: 'A-B-double-click', protocol: 'double-click', via: 'midpoint' });
    expect(Object.keys(doc.links[0].measured)).toEqual(
      expect.arrayContaining([
        'attempts',
        'pairs',
        'successProbability',
        'rateHz',
        'rateStdErr',
        'fidelity',
        'fidelityStdErr',
      ]),
    );
    expect(doc.requests[0]).toMatchObject({
      id: 'req-0',
      src: 'A',
      dst: 'B',
      status: 'completed',
      pairsDelivered: 20,
    });
    for (const k of ['rateHz', 'latencyP50Us', 'latencyP99Us', 'meanFidelity'])
      expect(doc.requests[0][k]).toBeTypeOf('number');
    const text = await runCli(['run', path]);
    expect(text.stdout).toMatch(/entanglement\s+protocol\s+via/);
    expect(text.stdout).toMatch(/requests: 1 submitted, 1 admitted/);
    expect(text.stdout).toMatch(/req-0\s+A–B\s+0\.5\s+20\/20\s+completed/);
  });

  const bad: [string, string, RegExp][] = [
    [
      'an efficiency above 1',
      QUANTUM.replace('efficiency: 0.5', 'efficiency: 1.5'),
      /q1\.yaml:3:\d+: presets\.qnu\.efficiency: efficiency = 1\.5 is out of range/,
    ],
    [
      'a negative length',
      QUANTUM.replace('lengthKm: 2 }\n  - { ends: [B, C]', 'lengthKm: -2 }\n  - { ends: [B, C]'),
      /q2\.yaml:10:\d+: links\[0\]\.lengthKm: lengthKm must be >= 0/,
    ],
    [
      'T2 above 2·T1',
      QUANTUM.replace('t2Us: 400', 't2Us: 700'),
      /q3\.yaml:4:\d+: presets\.memory\.t2Us: T2 cannot exceed 2·T1/,
    ],
    [
      'a request to an unknown node',
      QUANTUM.replace('dst: B,', 'dst: Z,'),
      /q4\.yaml:15:\d+: requests\[0\]\.dst: unknown node 'Z'/,
    ],
    [
      'a disconnected route',
      QUANTUM.replace('dst: B,', 'dst: C,'),
      /q5\.yaml:15:\d+: requests\[0\]\.dst: no quantum route between 'A' and 'C'/,
    ],
  ];
  bad.forEach(([what, text, pattern], i) => {
    it(`exits 2 on ${what}, naming the file, place and field`, async () => {
      const path = write(`q${i + 1}.yaml`, text);
      for (const command of ['run', 'validate']) {
        const r = await runCli([command, path]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(pattern);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(r.stdout).toBe('');
      }
    });
  });
});

describe('qnet schema, validate, help and version', () => {
  it('prints the JSON Schema of scenario files', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.links).toBeDefined();
  });

  it('validates a good file', async () => {
    const r = await runCli(['validate', write('v.yaml', GOOD)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid scenario 't'/);
  });

  it('answers --help on every command and --version', async () => {
    for (const args of [
      ['--help'],
      ['run', '--help'],
      ['validate', '--help'],
      ['schema', '--help'],
      ['bench', '--help'],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: qnet/);
    }
    const v = await runCli(['--version']);
    expect(v.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version,
    );
  });
});

describe('the installed bin', () => {
  const bin = join(packageRoot(), 'bin', 'qnet.js');
  it('exits 2 without a stack trace on a bad scenario, as a real process', () => {
    const r = spawnSync(process.execPath, [bin, 'run', write('neg2.yaml', texts())], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/links\[0\]\.lengthKm/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints only JSON on stdout with --json', () => {
    const out = execFileSync(process.execPath, [bin, 'run', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out).scenario).toBe('ibm-cisco-2030');
  });
});

function texts(): string {
  return GOOD.replace('lengthKm: 10', 'lengthKm: -1');
}
