import { describe, expect, it } from 'vitest';
import { parseScenario } from './load.js';
import { type PingResult, runScenario, type ScenarioResult } from './run-scenario.js';

const BASE = `name: jitter
seed: 5
presets:
  noisy: { kind: classical, jitterPs: 2000 }
nodes:
  - { id: A, kind: host }
  - { id: B, kind: host }
links:
  - { ends: [A, B], lengthKm: 1, classical: noisy }
workloads:
  - { kind: ping, from: A, to: B, count: 50, intervalUs: 20 }
`;
const EXTRA = `  - { id: C, kind: host }
  - { id: D, kind: host }
`;

function withComponent(text: string): string {
  return text
    .replace('links:\n', `${EXTRA}links:\n  - { ends: [C, D], lengthKm: 3, classical: noisy }\n`)
    .concat('  - { kind: ping, from: C, to: D, count: 50, intervalUs: 7 }\n');
}

/** The first workload result, which these scenarios make a ping. */
function ping(result: ScenarioResult): PingResult {
  const w = result.workloads[0]!;
  if (w.kind !== 'ping') throw new Error('expected a ping workload');
  return w;
}

describe('runScenario', () => {
  it('is reproducible: the same scenario and seed give the same result, another seed another', () => {
    const a = runScenario(parseScenario(BASE, 'a.yaml'));
    expect(runScenario(parseScenario(BASE, 'a.yaml'))).toEqual(a);
    expect(ping(runScenario(parseScenario(BASE, 'a.yaml', ['seed=6']))).rttUs).not.toEqual(ping(a).rttUs);
  });

  it('keeps the random draws of a component when another component is added', () => {
    const before = runScenario(parseScenario(BASE, 'a.yaml'));
    const after = runScenario(parseScenario(withComponent(BASE), 'b.yaml'));
    expect(after.workloads).toHaveLength(2);
    expect(after.workloads[0]).toEqual(before.workloads[0]);
  });

  it('matches the fibre round trip within jitter: mean RTT within 4 standard errors of 2 × 4.897 µs', () => {
    const r = ping(runScenario(parseScenario(BASE, 'a.yaml')));
    expect(r.received).toBe(50);
    expect(r.expectedRttUs).toBeCloseTo(9.7934, 3);
    // Two hops of N(0, 2 ns) jitter each, FIFO order kept: s.e. of the mean ≈ 2√2 ns / √50.
    expect(Math.abs(r.rttUs.mean - r.expectedRttUs)).toBeLessThan(4 * ((0.002 * Math.SQRT2) / Math.sqrt(50)));
  });

  it('stops at the event budget and says so', () => {
    const r = runScenario(parseScenario(BASE, 'a.yaml', ['run.maxEvents=10']));
    expect(r.stopReason).toBe('budget');
    expect(r.events).toBe(10);
  });
});
