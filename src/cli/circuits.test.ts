import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { runCli } from './test-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'qnet-circuits-'));
const write = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
const qasm = (body: string) => `OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\n${body}`;
const BELL = write('bell.qasm', qasm('h q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'));
const SC_D5 = dataPath('stim', 'sc_d5.stim');

describe('qnet simulate', () => {
  it('gives the exact distribution of the measured bits, OpenQASM order', async () => {
    const r = await runCli(['simulate', BELL, '--probabilities', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.engine).toBe('statevector');
    expect(doc.qubits).toBe(2);
    expect(doc.probabilities['00']).toBeCloseTo(0.5, 12);
    expect(doc.probabilities['11']).toBeCloseTo(0.5, 12);
    expect(typeof doc.seconds).toBe('number');
  });

  it('samples counts reproducibly for a seed', async () => {
    const a = JSON.parse(
      (await runCli(['simulate', BELL, '--shots', '500', '--seed', '3', '--json'])).stdout,
    );
    const b = JSON.parse(
      (await runCli(['simulate', BELL, '--shots', '500', '--seed', '3', '--json'])).stdout,
    );
    expect(a.counts).toEqual(b.counts);
    expect(a.counts['00'] + a.counts['11']).toBe(500);
  });

  it('sends large Clifford circuits to the stabilizer engine', async () => {
    const n = 200;
    const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${n}];`, `creg c[${n}];`, 'h q[0];'];
    for (let i = 0; i + 1 < n; i++) lines.push(`cx q[${i}],q[${i + 1}];`);
    lines.push('measure q -> c;');
    const r = await runCli(['simulate', write('ghz.qasm', lines.join('\n')), '--shots', '100', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.engine).toBe('stabilizer');
    expect(Object.keys(doc.counts).sort()).toEqual(['0'.repeat(n), '1'.repeat(n)]);
  });

  it('applies noise exactly on the density engine (Stim input: outcomes in record order)', async () => {
    const stim = write('noisy.stim', 'H 0\nCX 0 1\nX_ERROR(0.1) 1\nM 0 1\n');
    const r = await runCli(['simulate', stim, '--engine', 'density', '--probabilities', '--json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout).probabilities;
    expect(p['00']).toBeCloseTo(0.45, 12);
    expect(p['01']).toBeCloseTo(0.05, 12);
    expect(p['10']).toBeCloseTo(0.05, 12);
    expect(p['11']).toBeCloseTo(0.45, 12);
  });

  it('prints a table without --json', async () => {
    const r = await runCli(['simulate', BELL, '--probabilities']);
    expect(r.stdout).toMatch(/outcome\s+probability/);
  });

  const bad: [string, string, string[], RegExp][] = [
    ['an unknown gate', qasm('hadamard q[0];\n'), [], /bad\.qasm:5:1: .*hadamard/],
    ['the wrong arity', qasm('cx q[0];\n'), [], /bad\.qasm:5:\d+/],
    ['an undeclared register', qasm('h r[0];\n'), [], /bad\.qasm:5:\d+: .*r/],
    ['an index out of range', qasm('h q[7];\n'), [], /bad\.qasm:5:\d+: .*7/],
    [
      'a non-Clifford gate on the stabilizer engine',
      qasm('t q[0];\n'),
      ['--engine', 'stabilizer'],
      /bad\.qasm:5.*not Clifford/,
    ],
    ['an unknown engine', qasm('h q[0];\n'), ['--engine', 'quantum'], /unknown engine/],
  ];
  for (const [what, text, extra, pattern] of bad) {
    it(`exits 2 on ${what}`, async () => {
      const r = await runCli(['simulate', write('bad.qasm', text), ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('exits 2 on a circuit too large for the chosen engine', async () => {
    const big = write('big.qasm', 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[40];\nt q[0];\n');
    const r = await runCli(['simulate', big, '--engine', 'statevector']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/40 qubits/);
    const auto = await runCli(['simulate', big]);
    expect(auto.code).toBe(2);
    expect(auto.stderr).toMatch(/no engine can run/);
  });
});

describe('qnet sample', () => {
  it("writes detection events in Stim's 01 format, one line per shot", async () => {
    const r = await runCli(['sample', SC_D5, '--shots', '50', '--detectors']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    for (const line of lines) expect(line).toMatch(/^[01]{120}$/);
  });

  it('writes b8 to a file, each shot padded to whole bytes, the same for the same seed', async () => {
    const out = join(tmp, 'm.b8');
    const r = await runCli([
      'sample',
      SC_D5,
      '--shots',
      '1000',
      '--format',
      'b8',
      '--out',
      out,
      '--seed',
      '5',
    ]);
    expect(r.code).toBe(0);
    // 145 measurements → 19 bytes a shot.
    expect(statSync(out).size).toBe(1000 * 19);
    const first = readFileSync(out);
    await runCli(['sample', SC_D5, '--shots', '1000', '--format', 'b8', '--out', out, '--seed', '5']);
    expect(readFileSync(out).equals(first)).toBe(true);
  });

  it('prints a JSON summary with --json', async () => {
    const r = await runCli(['sample', SC_D5, '--shots', '2000', '--detectors', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ shots: 2000, bitsPerShot: 120 });
    // About 1.5% of detectors fire per shot at p = 0.001 (frame.test.ts checks the rates exactly).
    expect(doc.meanRate).toBeGreaterThan(0.005);
    expect(doc.meanRate).toBeLessThan(0.05);
  });

  it('refuses non-Clifford circuits and a bad format, with exit 2', async () => {
    const t = await runCli(['sample', write('t.qasm', qasm('t q[0];\nmeasure q -> c;\n')), '--shots', '10']);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/not Clifford/);
    const f = await runCli(['sample', SC_D5, '--shots', '10', '--format', 'hex']);
    expect(f.code).toBe(2);
    const missing = await runCli(['sample', SC_D5]);
    expect(missing.code).toBe(2);
  });
});
