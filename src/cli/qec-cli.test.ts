import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { runCli } from './test-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'qnet-qec-'));
const write = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

const REQUIRED = [
  'shots',
  'logicalErrors',
  'logicalErrorRate',
  'ci95',
  'sampleSeconds',
  'decodeSeconds',
  'decodeMicrosPerShot',
];

describe('qnet qec memory', () => {
  it('prints the issue’s JSON fields, the same counts for the same seed', async () => {
    const args = ['qec', 'memory', '--distance', '3', '--p', '0.01', '--shots', '4000', '--json'];
    const a = await runCli(args);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.stdout);
    for (const k of REQUIRED) expect(doc, k).toHaveProperty(k);
    expect(doc).toMatchObject({ distance: 3, rounds: 3, p: 0.01, basis: 'z', decoder: 'mwpm', shots: 4000 });
    // d = 3, 3 rounds: 8 checks, 4 Z-detectors at each end and 8 per middle round pair: 24 detectors.
    expect(doc.detectors).toBe(24);
    expect(doc.logicalErrorRate).toBe(doc.logicalErrors / 4000);
    expect(doc.ci95[0]).toBeLessThanOrEqual(doc.logicalErrorRate);
    expect(doc.ci95[1]).toBeGreaterThanOrEqual(doc.logicalErrorRate);
    // At p = 1% (near threshold) a distance-3 memory fails in a few percent of shots.
    expect(doc.logicalErrorRate).toBeGreaterThan(0.005);
    expect(doc.logicalErrorRate).toBeLessThan(0.2);
    const b = await runCli(args);
    expect(JSON.parse(b.stdout).logicalErrors).toBe(doc.logicalErrors);
  });

  it('prints a text summary with the union-find decoder', async () => {
    const r = await runCli([
      'qec',
      'memory',
      '--distance',
      '3',
      '--shots',
      '500',
      '--decoder',
      'uf',
      '--basis',
      'x',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('logical error rate');
    expect(r.stdout).toContain('basis x');
    expect(r.stdout).toMatch(/decoder\s+uf/);
  });

  it('takes circuit noise from a QPU class preset: below threshold, d = 5 beats d = 3', async () => {
    const run = async (d: string) => {
      const r = await runCli([
        'qec',
        'memory',
        '--distance',
        d,
        '--hardware',
        'heron-r3',
        '--shots',
        '20000',
        '--json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const d3 = await run('3');
    const d5 = await run('5');
    expect(d3).toMatchObject({ hardware: 'heron-r3', distance: 3 });
    expect(d3).not.toHaveProperty('p');
    // Heron r3 figures sit well below threshold: 20k shots give rates near 8e-3 and 3e-3, so the
    // difference is several standard errors.
    const se = Math.hypot(d3.standardError, d5.standardError);
    expect(d3.logicalErrorRate - d5.logicalErrorRate).toBeGreaterThan(3 * se);
  });

  it('exits 2 naming the option on bad values', async () => {
    for (const [args, text] of [
      [['--distance', '1'], '--distance must be an integer ≥ 2'],
      [['--distance', 'x'], '--distance must be an integer ≥ 2'],
      [['--p', '1.5'], '--p must be a probability'],
      [['--decoder', 'bp'], '--decoder must be one of mwpm, uf'],
      [['--shots', '0'], '--shots must be an integer ≥ 1'],
      [['--basis', 'y'], '--basis must be x or z'],
      [['--hardware', 'heron-r9'], "unknown QPU class preset 'heron-r9'"],
      [['--hardware', 'heron-r3', '--p', '0.01'], '--p and --hardware both set the noise'],
    ] as const) {
      const r = await runCli(['qec', 'memory', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toContain('    at ');
    }
  });
});

describe('qnet qec decode', () => {
  it('decodes an annotated Stim circuit from a file', async () => {
    const r = await runCli(['qec', 'decode', dataPath('stim', 'sc_d5.stim'), '--shots', '2000', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const k of REQUIRED) expect(doc, k).toHaveProperty(k);
    // Stim's rotated_memory_z at d = 5 with 5 rounds: 24 × 6 / 2 = 144... detectors as Stim counts them: 120.
    expect(doc.detectors).toBe(120);
    expect(doc.observables).toBe(1);
    // p = 0.001, LER ≈ 1.3e-4: at most a handful of failures in 2000 shots.
    expect(doc.logicalErrors).toBeLessThan(5);
  });

  it('exits 2 on a non-Clifford gate', async () => {
    const file = write(
      't-gate.stim',
      'R 0\nH 0\nT 0\nM 0\nDETECTOR rec[-1]\nOBSERVABLE_INCLUDE(0) rec[-1]\n',
    );
    const r = await runCli(['qec', 'decode', file, '--shots', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'T' is not a Clifford gate");
    expect(r.stderr).toContain('t-gate.stim:3');
  });

  it('exits 2 on a non-Clifford gate in OpenQASM', async () => {
    const file = write(
      't.qasm',
      'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ncreg c[1];\nh q[0];\nt q[0];\nmeasure q[0] -> c[0];\n',
    );
    const r = await runCli(['qec', 'decode', file, '--shots', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a Clifford gate');
  });

  it('exits 2 on a detector that looks back before the first measurement', async () => {
    const file = write('early.stim', 'R 0 1\nM 0\nDETECTOR rec[-2]\nOBSERVABLE_INCLUDE(0) rec[-1]\n');
    const r = await runCli(['qec', 'decode', file, '--shots', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('early.stim:3');
    expect(r.stderr).toContain('rec[-2]');
  });

  it('exits 2 on a circuit without observables', async () => {
    const file = write('no-obs.stim', 'R 0\nX_ERROR(0.1) 0\nM 0\nDETECTOR rec[-1]\n');
    const r = await runCli(['qec', 'decode', file, '--shots', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no logical observable');
  });

  it('exits 2 on a missing file', async () => {
    const r = await runCli(['qec', 'decode', join(tmp, 'nope.stim'), '--shots', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file');
  });
});

describe('qnet qec interface', () => {
  it('sweeps interface noise, reports the points as JSON and writes an SVG plot', async () => {
    const plot = join(tmp, 'interface.svg');
    const r = await runCli([
      'qec',
      'interface',
      '--distance',
      '3,5',
      '--interface-p',
      '0.02,0.3',
      '--shots',
      '1500',
      '--decoder',
      'uf',
      '--plot',
      plot,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.points).toHaveLength(4);
    for (const pt of doc.points) for (const k of REQUIRED) expect(pt, k).toHaveProperty(k);
    expect(
      doc.points.map((p: { distance: number; interfaceP: number }) => [p.distance, p.interfaceP]),
    ).toEqual([
      [3, 0.02],
      [3, 0.3],
      [5, 0.02],
      [5, 0.3],
    ]);
    expect(doc.crossings).toHaveLength(1);
    // More interface noise, more logical errors, at each distance.
    expect(doc.points[1].logicalErrorRate).toBeGreaterThan(doc.points[0].logicalErrorRate);
    expect(doc.points[3].logicalErrorRate).toBeGreaterThan(doc.points[2].logicalErrorRate);
    const svg = readFileSync(plot, 'utf8');
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg).toContain('d = 5');
  });

  it('sweeps bulk noise too: one threshold per bulk level, points tagged with theirs', async () => {
    const args = ['qec', 'interface', '--distance', '3,5', '--p', '0.001,0.004'];
    const r = await runCli([...args, '--interface-p', '0.02,0.3', '--shots', '1000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.bulkPs).toEqual([0.001, 0.004]);
    expect(doc.points.map((p: { bulkP: number }) => p.bulkP)).toEqual([
      0.001, 0.001, 0.001, 0.001, 0.004, 0.004, 0.004, 0.004,
    ]);
    expect(doc.thresholds.map((t: { bulkP: number }) => t.bulkP)).toEqual([0.001, 0.004]);
    expect(doc.crossings).toHaveLength(2);
  });

  it('exits 2 when there are more modules than columns, or on a bad list', async () => {
    const a = await runCli(['qec', 'interface', '--distance', '3', '--modules', '4']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--modules');
    const b = await runCli(['qec', 'interface', '--interface-p', '0.1,abc']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--interface-p must be a probability');
    const c = await runCli(['qec', 'interface', '--distance', '3,1']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--distance must be an integer ≥ 2');
  });
});
