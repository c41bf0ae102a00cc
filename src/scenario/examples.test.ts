// Every example shipped in examples/ must load: they are the first thing users copy.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { parseScenario } from './load.js';
import type { DistributedResult } from './run-distributed.js';
import { runScenario, type ScenarioResult } from './run-scenario.js';

const dir = new URL('../../examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));

/**
 * The main demonstration: three jobs over all four QPUs. Lookahead (announcing the e-bits the program
 * needs) makes more of the e-bits ready when needed over the run — the first pairs of a short job are
 * needed within nanoseconds and can be ready in neither case — and never leaves data qubits idle
 * longer or the job slower.
 */
function checkMainDemo(r: ScenarioResult): void {
  const jobs = r.workloads.filter((w): w is DistributedResult => w.kind === 'distributed');
  expect(jobs.map((j) => j.circuit)).toEqual(['ghz', 'qft-check', 'clifford-mirror']);
  expect(jobs[2]!.qubits).toBeGreaterThanOrEqual(1000);
  let ready = 0;
  let readyWithout = 0;
  let idle = 0;
  let idleWithout = 0;
  for (const j of jobs) {
    expect(j.qpus).toHaveLength(4);
    expect(j.ebits).toBeGreaterThan(0);
    expect(j.ebitsReadyShare).toBeGreaterThanOrEqual(j.withoutLookahead.ebitsReadyShare);
    expect(j.dataIdleUs).toBeLessThanOrEqual(j.withoutLookahead.dataIdleUs);
    expect(j.timeToSolutionUs).toBeLessThanOrEqual(j.withoutLookahead.timeToSolutionUs);
    expect(j.fidelityToIdeal).toBeGreaterThanOrEqual(0);
    expect(j.fidelityToIdeal).toBeLessThanOrEqual(1);
    ready += j.ebitsReadyShare * j.ebits;
    readyWithout += j.withoutLookahead.ebitsReadyShare * j.ebits;
    idle += j.dataIdleUs;
    idleWithout += j.withoutLookahead.dataIdleUs;
  }
  expect(ready).toBeGreaterThan(readyWithout);
  expect(idle).toBeLessThan(0.9 * idleWithout);
}

describe('examples', () => {
  it('has examples', () => {
    expect(files).toContain('two-nodes-ping.yaml');
  });

  it.each(files)('%s parses', (file) => {
    const scenario = parseScenario(readFileSync(new URL(file, dir), 'utf8'), `examples/${file}`);
    expect(scenario.name).toBeTruthy();
  });

  it('two-nodes-ping is two hosts, one 10 km link and one ping', () => {
    const s = parseScenario(readFileSync(new URL('two-nodes-ping.yaml', dir), 'utf8'), 'two-nodes-ping.yaml');
    expect(s.nodes.map((n) => n.kind)).toEqual(['host', 'host']);
    expect(s.links).toHaveLength(1);
    expect(s.links[0]?.lengthKm).toBe(10);
    expect(s.workloads).toEqual([{ kind: 'ping', from: 'alice', to: 'bob', count: 10, intervalUs: 100 }]);
  });

  it.each(files)(
    '%s runs to the end',
    (file) => {
      const scenario = parseScenario(readFileSync(new URL(file, dir), 'utf8'), `examples/${file}`);
      const r = runScenario(scenario);
      expect(r.stopReason).not.toBe('budget');
      for (const l of r.links) expect(l.measured.attempts).toBeGreaterThan(0);
      if (r.requests.length > 0) expect(r.requestTotals.pairsDelivered).toBeGreaterThan(0);
      if (file === 'ibm-cisco-2030.yaml') checkMainDemo(r);
    },
    60_000,
  );

  it('metro-starlight is the SeQUeNCe Starlight topology, run for 20 simulated seconds', () => {
    const s = parseScenario(
      readFileSync(new URL('metro-starlight.yaml', dir), 'utf8'),
      'metro-starlight.yaml',
    );
    const data = JSON.parse(readFileSync(dataPath('sequence', 'starlight.json'), 'utf8'));
    expect(s.nodes.map((n) => n.id)).toEqual(data.nodes.map((n: { name: string }) => n.name));
    expect(s.links.map((l) => [...l.ends, l.lengthKm * 1000])).toEqual(
      data.qconnections.map((c: { node1: string; node2: string; distance: number }) => [
        c.node1,
        c.node2,
        c.distance,
      ]),
    );
    expect(s.entanglement.every((e) => e.protocol === 'double-click')).toBe(true);
    expect(s.run.untilUs).toBe(20_000_000);
    const r = runScenario(s);
    // The raw fidelity SeQUeNCe's memories give their pairs.
    for (const l of r.links) expect(l.expected.fidelity).toBeCloseTo(0.935, 3);
    expect(r.simulatedUs).toBe(20_000_000);
    expect(r.requestTotals.admitted).toBeGreaterThan(0);
  });
});
