// The datacenter example: eight QPUs sharing two heralding stations through one switch, serving
// 1,000 requests. The policies must differ where it matters: under load, EDF meets more deadlines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './load.js';
import { runScenario } from './run-scenario.js';

const text = readFileSync(new URL('../../examples/datacenter.yaml', import.meta.url), 'utf8');
const run = (policy: string) =>
  runScenario(parseScenario(text, 'datacenter.yaml', [`scheduler.policy=${policy}`]));

describe('examples/datacenter.yaml', () => {
  const edf = run('edf');
  const fifo = run('fifo');

  it('is 8 QPUs behind one switch with 2 stations, every pair of QPUs linkable through it', () => {
    const s = parseScenario(text, 'datacenter.yaml');
    expect(s.nodes.filter((n) => n.kind === 'qpu')).toHaveLength(8);
    expect(s.nodes.filter((n) => n.kind === 'station')).toHaveLength(2);
    expect(s.entanglement).toHaveLength(28);
    expect(edf.links.every((l) => l.via === 'switch' && l.stations?.length === 2)).toBe(true);
  });

  it('serves 1,000 requests to the end, each with its own metrics', () => {
    for (const r of [edf, fifo]) {
      expect(r.requests).toHaveLength(1000);
      expect(r.requestsNotSubmitted).toBe(0);
      expect(r.requestTotals.active).toBe(0);
      expect(r.requestTotals.completed + r.requestTotals.expired + r.requestTotals.refused).toBe(1000);
      for (const q of r.requests) {
        expect(q.pairsDelivered).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(q.rateHz)).toBe(true);
        if (q.status === 'completed') {
          expect(q.pairsDelivered).toBe(q.pairsRequested);
          expect(q.latencyP99Us).toBeGreaterThanOrEqual(q.latencyP50Us);
          expect(q.meanFidelity).toBeGreaterThan(q.minFidelity);
        }
        expect(q.status === 'refused' ? ['none'] : ['met', 'missed']).toContain(q.deadline);
      }
    }
  });

  it('switches on demand: every reconfiguration costs the MEMS switch its 10 ms', () => {
    const [pool] = edf.pools;
    expect(pool!.switch).toBe('switch');
    expect(pool!.reconfigurations).toBeGreaterThan(50);
    expect(pool!.grants).toBeGreaterThanOrEqual(pool!.reconfigurations);
    expect(pool!.reconfigurationUs).toBeCloseTo(pool!.reconfigurations * 10_000, 6);
    // No request is served before a station is switched to its QPUs.
    const first = Math.min(...edf.requests.filter((q) => q.pairsDelivered > 0).map((q) => q.latencyP50Us));
    expect(first).toBeGreaterThan(0);
  });

  it('under load, EDF meets measurably more deadlines than FIFO', () => {
    const met = (r: typeof edf) => r.requestTotals.deadlinesMet;
    expect(fifo.requestTotals.deadlinesMissed).toBeGreaterThan(50);
    expect(met(edf) - met(fifo)).toBeGreaterThan(50);
    // The interactive requests, with the tight deadlines, are the ones EDF saves.
    const interactiveMet = (r: typeof edf) =>
      r.requests.filter((q) => q.id.startsWith('interactive') && q.deadline === 'met').length;
    expect(interactiveMet(edf)).toBeGreaterThan(interactiveMet(fifo));
  });
});
