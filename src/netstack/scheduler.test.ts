import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import { PS_PER_US } from '../util/units.js';
import type { EntanglementRequest } from './requests.js';
import { LinkScheduler, type SchedulingPolicy } from './scheduler.js';

const us = (x: number) => x * PS_PER_US;
const job = (id: string, pairs: number, extra: Partial<EntanglementRequest> = {}): EntanglementRequest => ({
  id,
  src: 'A',
  dst: 'B',
  minFidelity: 0.5,
  pairs,
  ...extra,
});

interface Arrival {
  atPs: number;
  request: EntanglementRequest;
}

/** An overloaded link: one pair per µs, requests of 1–4 pairs arriving at 0.6 per µs (load 1.5). */
function overloadedWorkload(seed: number, horizonUs: number): Arrival[] {
  const rng = Rng.fromSeed(seed);
  const out: Arrival[] = [];
  for (let t = rng.exponential(1 / 0.6), i = 0; t < horizonUs; t += rng.exponential(1 / 0.6), i++) {
    const deadlinePs = Math.round(us(rng.uniform(3, 40)));
    out.push({ atPs: Math.round(us(t)), request: job(`r${i}`, 1 + rng.int(4), { deadlinePs }) });
  }
  return out;
}

function runWorkload(
  policy: SchedulingPolicy,
  arrivals: readonly Arrival[],
  horizonUs: number,
  prune: boolean,
) {
  const s = new LinkScheduler({ policy, ...(prune ? { minPairIntervalPs: us(1) } : {}) });
  let next = 0;
  for (let k = 1; k <= horizonUs; k++) {
    const t = us(k);
    while (next < arrivals.length && arrivals[next]!.atPs <= t)
      s.submit(arrivals[next]!.request, arrivals[next++]!.atPs);
    s.offer(0.9, t);
  }
  const metrics = s.allMetrics(us(horizonUs + 100));
  return { met: metrics.filter((m) => m.deadline === 'met').length, total: metrics.length };
}

describe('LinkScheduler', () => {
  it('FIFO serves in submission order, EDF by deadline', () => {
    for (const [policy, first] of [
      ['fifo', 'late'],
      ['edf', 'urgent'],
    ] as const) {
      const s = new LinkScheduler({ policy });
      s.submit(job('late', 1, { deadlinePs: us(100) }), 0);
      s.submit(job('urgent', 1, { deadlinePs: us(10) }), us(1));
      expect(s.offer(0.9, us(2))?.requestId).toBe(first);
    }
  });

  it('gives a pair only to requests whose minFidelity it meets', () => {
    const s = new LinkScheduler({ policy: 'fifo' });
    s.submit(job('picky', 1, { minFidelity: 0.95 }), 0);
    expect(s.offer(0.9, 1)).toBeUndefined();
    s.submit(job('easy', 1), 2);
    expect(s.offer(0.9, 3)?.requestId).toBe('easy');
    expect(s.offer(0.97, 4)).toEqual({ requestId: 'picky', index: 0, latencyPs: 4, completed: true });
    expect(s.activeCount).toBe(0);
  });

  it('reports delivered pairs, latency percentiles in µs, fidelity mean and min, and deadlines', () => {
    const s = new LinkScheduler({ policy: 'fifo' });
    s.submit(job('r', 3, { deadlinePs: us(10) }), 0);
    s.offer(0.9, us(2));
    s.offer(0.8, us(4));
    expect(s.metrics('r', us(5)).deadline).toBe('pending');
    s.offer(0.95, us(6));
    const m = s.metrics('r', us(20));
    expect(m.status).toBe('completed');
    expect(m.pairsDelivered).toBe(3);
    expect(m.latencyUs.p50).toBeCloseTo(4, 12);
    expect(m.latencyUs.p99).toBeCloseTo(5.96, 12);
    expect(m.latencyUs.mean).toBeCloseTo(4, 12);
    expect(m.fidelity.mean).toBeCloseTo((0.9 + 0.8 + 0.95) / 3, 12);
    expect(m.fidelity.min).toBe(0.8);
    expect(m.deadline).toBe('met');
  });

  it('drops a request once its deadline has passed (unless told not to)', () => {
    const dropping = new LinkScheduler({ policy: 'edf' });
    dropping.submit(job('r', 2, { deadlinePs: us(5) }), 0);
    expect(dropping.offer(0.9, us(6))).toBeUndefined();
    expect(dropping.metrics('r', us(6))).toMatchObject({
      status: 'expired',
      deadline: 'missed',
      pairsDelivered: 0,
    });
    const keeping = new LinkScheduler({ policy: 'edf', dropExpired: false });
    keeping.submit(job('r', 1, { deadlinePs: us(5) }), 0);
    expect(keeping.offer(0.9, us(6))?.completed).toBe(true);
    expect(keeping.metrics('r', us(6)).deadline).toBe('missed');
  });

  it('with the link pair interval, drops a request as soon as it can no longer finish in time', () => {
    const s = new LinkScheduler({ policy: 'edf', minPairIntervalPs: us(1) });
    s.submit(job('tight', 4, { deadlinePs: us(3) }), 0);
    s.submit(job('hopeless', 5, { deadlinePs: us(3) }), 0);
    for (let k = 0; k <= 3; k++) expect(s.offer(0.9, us(k))?.requestId).toBe('tight');
    expect(s.metrics('tight', us(3))).toMatchObject({ status: 'completed', deadline: 'met' });
    expect(s.metrics('hopeless', us(3))).toMatchObject({
      status: 'expired',
      deadline: 'missed',
      pairsDelivered: 0,
    });
  });

  it('serves a stream one pair per period and counts late pairs', () => {
    const s = new LinkScheduler({ policy: 'fifo' });
    s.submit({ id: 's', src: 'A', dst: 'B', minFidelity: 0.5, rateHz: 1e5, deadlinePs: us(100) }, 0);
    expect(s.offer(0.9, 0)?.index).toBe(0);
    expect(s.offer(0.9, us(5))).toBeUndefined();
    expect(s.nextReleasePs(us(5))).toBe(us(10));
    expect(s.offer(0.9, us(25))).toEqual({ requestId: 's', index: 1, latencyPs: us(15), completed: false });
    expect(s.metrics('s', us(25))).toMatchObject({ latePairs: 1, deadline: 'missed', status: 'active' });
    expect(s.metrics('s', us(101)).status).toBe('ended');
  });

  it('overloaded link (fixed seed): EDF meets more deadlines than FIFO once lost requests are dropped early', () => {
    const horizonUs = 20_000;
    const arrivals = overloadedWorkload(77, horizonUs);
    const fifo = runWorkload('fifo', arrivals, horizonUs, true);
    const edf = runWorkload('edf', arrivals, horizonUs, true);
    expect(fifo.total).toBe(arrivals.length);
    // Seed 77: 12,120 requests; EDF meets 8,929, FIFO 8,074. The margin is 8 times the √n noise scale.
    expect(edf.met - fifo.met).toBeGreaterThan(5 * Math.sqrt(arrivals.length));
    // Without early dropping EDF spends pairs on requests that can no longer finish (the overload
    // "domino effect") and falls behind FIFO: why the scheduler takes the link's pair interval.
    expect(runWorkload('edf', arrivals, horizonUs, false).met).toBeLessThan(
      runWorkload('fifo', arrivals, horizonUs, false).met,
    );
  });

  it('weighted fair: backlogged requests share pairs in proportion to priority, within 3 SE', () => {
    const s = new LinkScheduler({ policy: 'weighted-fair' });
    const weights = [1, 2, 3];
    for (const [i, w] of weights.entries()) s.submit(job(`w${w}`, 1e9, { priority: w }), i);
    const rng = Rng.fromSeed(8);
    const n = 6000;
    const count = new Map<string, number>();
    let t = 10;
    for (let k = 0; k < n; k++) {
      t += Math.round(rng.exponential(us(1)));
      const d = s.offer(0.9, t)!;
      count.set(d.requestId, (count.get(d.requestId) ?? 0) + 1);
    }
    for (const w of weights) {
      const share = w / 6;
      const got = count.get(`w${w}`)!;
      expect(Math.abs(got - n * share)).toBeLessThan(3 * Math.sqrt(n * share * (1 - share)));
      // Deficit round robin is in fact exact to within one round.
      expect(Math.abs(got - n * share)).toBeLessThanOrEqual(w);
    }
  });

  it('weighted fair does not let a stream bank credit while it has nothing released', () => {
    const s = new LinkScheduler({ policy: 'weighted-fair' });
    s.submit({ id: 'stream', src: 'A', dst: 'B', minFidelity: 0.5, rateHz: 2e5 }, 0);
    s.submit(job('bulk', 1e9), 0);
    for (let k = 0; k < 1000; k++) s.offer(0.9, us(k));
    // One pair per µs offered; the stream is released one pair per 5 µs and takes just those.
    expect(s.metrics('stream', us(999)).pairsDelivered).toBe(200);
    expect(s.metrics('bulk', us(999)).pairsDelivered).toBe(800);
  });

  it('weighted fair does not let a request bank credit while it refuses pairs of too low a fidelity', () => {
    const s = new LinkScheduler({ policy: 'weighted-fair' });
    s.submit(job('picky', 1e9, { minFidelity: 0.95 }), 0);
    s.submit(job('easy', 1e9), 0);
    for (let k = 0; k < 100; k++) expect(s.offer(0.9, k)?.requestId).toBe('easy');
    const got = Array.from({ length: 10 }, (_, k) => s.offer(0.97, 100 + k)?.requestId);
    // Equal weights: close to alternation, not ten pairs in a row for the request that waited.
    expect(got.filter((id) => id === 'picky').length).toBeLessThanOrEqual(6);
  });

  it('refuses duplicate ids and unknown ids', () => {
    const s = new LinkScheduler({ policy: 'fifo' });
    s.submit(job('a', 1), 0);
    expect(() => s.submit(job('a', 1), 1)).toThrow(/already submitted/);
    expect(() => s.metrics('b', 1)).toThrow(/no request with id 'b'/);
  });
});
