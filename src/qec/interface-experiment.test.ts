// The interface experiment against Ramette, Sinclair, Breuckmann & Vuletić (npj Quantum Inf. 10, 58,
// 2024): with bulk noise well below threshold (p = 0.001) a patch cut into two modules stays below
// threshold up to interface noise of order 10% — 50 times the bulk level a larger distance still
// wins, at 20% it loses, and the d = 3/5 curves cross near 10%. Differences are required to exceed
// 3 standard errors of the difference (binomial, 10k shots per point, fixed seed).
import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import { type InterfacePoint, runInterfaceSweep } from './interface-experiment.js';

const rate = (points: readonly InterfacePoint[], d: number, q: number): InterfacePoint => {
  const p = points.find((x) => x.distance === d && x.interfaceP === q);
  if (p === undefined) throw new Error(`no point d = ${d}, interface p = ${q}`);
  return p;
};

const seDiff = (a: InterfacePoint, b: InterfacePoint): number =>
  Math.sqrt(a.standardError ** 2 + b.standardError ** 2);

describe('surface code across two modules with noisy interface (bulk p = 0.001)', () => {
  const sweep = runInterfaceSweep({
    distances: [3, 5],
    bulkPs: [0.001],
    interfacePs: [0.05, 0.08, 0.1, 0.12, 0.15, 0.2],
    modules: 2,
    scheme: 'direct',
    shots: 10_000,
    decoder: 'mwpm',
    rng: Rng.fromSeed(7),
  });

  it('below threshold at interface noise 0.05 (50 × bulk): d = 5 beats d = 3', () => {
    const d3 = rate(sweep.points, 3, 0.05);
    const d5 = rate(sweep.points, 5, 0.05);
    expect(d3.logicalErrorRate - d5.logicalErrorRate).toBeGreaterThan(3 * seDiff(d3, d5));
  });

  it('above threshold at interface noise 0.2: d = 5 loses to d = 3', () => {
    const d3 = rate(sweep.points, 3, 0.2);
    const d5 = rate(sweep.points, 5, 0.2);
    expect(d5.logicalErrorRate - d3.logicalErrorRate).toBeGreaterThan(3 * seDiff(d3, d5));
  });

  it('the d = 3 and d = 5 curves cross at interface noise of order 10%', () => {
    expect(sweep.crossings).toHaveLength(1);
    const x = sweep.crossings[0]?.interfaceP;
    expect(x).toBeGreaterThan(0.07);
    expect(x).toBeLessThan(0.16);
  });
});

describe('the interface threshold falls as the bulk noise rises towards the bulk threshold', () => {
  it('bulk p = 0.004 tolerates less interface noise than bulk p = 0.001', () => {
    const sweep = runInterfaceSweep({
      distances: [3, 5],
      bulkPs: [0.001, 0.004],
      interfacePs: [0.01, 0.02, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2],
      modules: 2,
      scheme: 'direct',
      shots: 10_000,
      decoder: 'mwpm',
      rng: Rng.fromSeed(8),
    });
    const [low, high] = sweep.thresholds.map((t) => t.interfaceP);
    expect(low).toBeDefined();
    expect(high).toBeDefined();
    expect(high as number).toBeLessThan((low as number) * 0.8);
  });
});
