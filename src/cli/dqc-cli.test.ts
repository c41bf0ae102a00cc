import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { runCli } from './test-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'qnet-dqc-'));
const QFT = dataPath('qasmbench', 'qft_n4.qasm');
const ADDER = dataPath('qasmbench', 'adder_n10.qasm');
const MAIN = join(dataPath('..', 'examples'), 'ibm-cisco-2030.yaml');

describe('qnet compile', () => {
  it('prints the issue’s JSON summary and writes the program', async () => {
    const out = join(tmp, 'program.json');
    const r = await runCli(['compile', ADDER, '--qpus', '3', '--json', '--out', out]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.qpus).toBe(3);
    expect(doc.capacity).toEqual([4, 4, 4]);
    expect(doc.allocation).toHaveLength(10);
    for (const k of ['ebits', 'remoteGates', 'teleportations', 'compileSeconds'])
      expect(typeof doc[k]).toBe('number');
    const program = JSON.parse(readFileSync(out, 'utf8'));
    expect(program.format).toBe('qnet-distributed-program');
    expect(program.stats.ebits).toBe(doc.ebits);
  });

  it('lists the per-QPU streams and takes QPUs from a scenario', async () => {
    const listing = await runCli(['compile', QFT, '--qpus', '2', '--listing']);
    expect(listing.stdout).toMatch(/qpu0: capacity 2/);
    expect(listing.stdout).toMatch(/ebit #0/);
    const r = await runCli(['compile', ADDER, '--topology', MAIN, '--capacity', '3', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).qpus).toBe(4);
  });

  it.each([
    [['--qpus', '0'], /--qpus must be at least 1/],
    [['--qpus', '2', '--capacity', '3'], /10 qubits but the 2 QPUs hold only 6/],
    [['--qpus', '2', '--topology', 'torus'], /unknown topology 'torus'/],
    [['--qpus', '2', '--comm', '0'], /communication qubit/],
  ])('bad input %j exits 2 with a clear message', async (args, message) => {
    const r = await runCli(['compile', ADDER, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js/);
  });

  it('refuses an unsupported operation with its line', async () => {
    const noisy = join(tmp, 'noisy.stim');
    writeFileSync(noisy, 'H 0\nCX 0 1\nDEPOLARIZE2(0.01) 0 1\nM 0 1\n');
    const r = await runCli(['compile', noisy, '--qpus', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/noisy\.stim:3: the compiler cannot distribute noise channels/);
  });

  it('refuses a scenario whose QPUs are not connected', async () => {
    const apart = join(tmp, 'apart.yaml');
    writeFileSync(
      apart,
      'name: apart\nnodes:\n  - { id: a, kind: qpu, qubits: 8 }\n  - { id: b, kind: qpu, qubits: 8 }\n  - { id: c, kind: qpu, qubits: 8 }\nlinks:\n  - { ends: [a, b], lengthKm: 1 }\n  - { ends: [b, c], lengthKm: 1 }\nentanglement:\n  - { ends: [a, b], protocol: double-click }\n',
    );
    const r = await runCli(['compile', ADDER, '--topology', apart, '--capacity', '4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not connected: c cannot be reached/);
  });
});

describe('qnet execute', () => {
  it('--ideal --probabilities reproduces qnet simulate', async () => {
    const mono = JSON.parse((await runCli(['simulate', QFT, '--probabilities', '--json'])).stdout);
    const r = await runCli(['execute', QFT, '--qpus', '2', '--ideal', '--probabilities', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.probabilities).sort()).toEqual(Object.keys(mono.probabilities).sort());
    for (const [k, p] of Object.entries(mono.probabilities))
      expect(doc.probabilities[k]).toBeCloseTo(p as number, 9);
    expect(doc.qpus).toBe(2);
    expect(doc.ebits).toBeGreaterThan(0);
    for (const k of ['timeToSolutionUs', 'ebitsReadyShare', 'dataIdleUs'])
      expect(typeof doc[k]).toBe('number');
  });

  it('samples a noisy run on the scenario network, reproducibly, with its fidelity to the ideal', async () => {
    const args = ['execute', ADDER, '--scenario', MAIN, '--shots', '200', '--seed', '4', '--json'];
    const a = JSON.parse((await runCli(args)).stdout);
    const b = JSON.parse((await runCli(args)).stdout);
    expect(a).toEqual(b);
    expect(a.shots).toBe(200);
    expect(a.fidelityToIdeal).toBeGreaterThan(0);
    expect(a.fidelityToIdeal).toBeLessThan(1);
  });

  it('bad input exits 2', async () => {
    expect((await runCli(['execute', ADDER, '--qpus', '2', '--ebit-fidelity', '1.5'])).code).toBe(2);
    expect((await runCli(['execute', ADDER, '--qpus', '2', '--engine', 'tensor'])).code).toBe(2);
    expect((await runCli(['execute', ADDER, '--scenario', MAIN, '--topology', 'line'])).code).toBe(2);
  });
});
