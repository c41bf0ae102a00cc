import { describe, expect, it } from 'vitest';
import type { EventId } from '../kernel/event-queue.js';
import { Simulation } from '../kernel/simulation.js';
import { type BellDiagonal, werner } from '../state/belldiag-state.js';
import { PS_PER_US } from '../util/units.js';
import {
  type NetworkLinkSpec,
  type NetworkRequest,
  NetworkSim,
  type NetworkSimOptions,
} from './network-sim.js';
import type { PairSupply, SuppliedPair, SupplyStats } from './pair-supply.js';

/** A link that heralds one pair every `periodPs` while started, into one slot. */
class ClockworkSupply implements PairSupply {
  starts = 0;
  private event: EventId | undefined;
  private readonly ready: SuppliedPair[] = [];
  private readonly listeners: (() => void)[] = [];
  private made = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly ends: readonly [string, string],
    private readonly state: BellDiagonal,
    private readonly periodPs: number,
  ) {}

  get running(): boolean {
    return this.event !== undefined;
  }

  start(): void {
    if (this.event !== undefined || this.ready.length > 0) return;
    this.starts++;
    this.event = this.sim.after(this.periodPs, () => {
      this.event = undefined;
      const now = this.sim.nowPs;
      this.ready.push({
        id: this.made++,
        ends: this.ends,
        createdPs: now,
        heraldedPs: now,
        state: this.state,
        statePs: now,
      });
      for (const l of this.listeners) l();
    });
  }

  stop(): void {
    if (this.event !== undefined) this.sim.cancel(this.event);
    this.event = undefined;
  }

  onPair(listener: () => void): void {
    this.listeners.push(listener);
  }

  get available(): number {
    return this.ready.length;
  }

  take(): SuppliedPair | undefined {
    const pair = this.ready.shift();
    if (pair) this.start();
    return pair;
  }

  stats(): SupplyStats {
    return {
      attempts: this.made,
      pairs: this.made,
      discarded: 0,
      successProbability: 1,
      successProbabilityStdErr: 0,
      rateHz: 0,
      rateStdErr: 0,
      fidelity: this.state[0],
      fidelityStdErr: 0,
      elapsedPs: 0,
    };
  }
}

const US = PS_PER_US;

function link(
  sim: Simulation,
  a: string,
  b: string,
  f: number,
  periodUs: number,
): NetworkLinkSpec & { supply: ClockworkSupply } {
  const supply = new ClockworkSupply(sim, [a, b], werner(f), periodUs * US);
  return {
    id: `${a}${b}`,
    a,
    b,
    rateHz: 1e6 / periodUs,
    fidelity: f,
    lengthKm: 1,
    delayPs: 0,
    slots: 1,
    supplies: [supply],
    supply,
  };
}

function network(
  sim: Simulation,
  links: NetworkLinkSpec[],
  requests: NetworkRequest[],
  extra: Partial<NetworkSimOptions> = {},
) {
  const nodes = [...new Set(links.flatMap((l) => [l.a, l.b]))].map((id) => ({ id, noise: {} }));
  const net = new NetworkSim(sim, {
    nodes,
    links,
    requests,
    policy: 'fifo',
    routing: 'latency',
    classicalDelayPs: () => 10 * US,
    ...extra,
  });
  net.start();
  return net;
}

describe('NetworkSim', () => {
  it('serves a one-hop request from its link and stops the link when it is done', () => {
    const sim = new Simulation({ seed: 1 });
    const ab = link(sim, 'A', 'B', 0.9, 100);
    const net = network(
      sim,
      [ab],
      [{ id: 'r', src: 'A', dst: 'B', minFidelity: 0.8, pairs: 5, submitPs: 1000 * US }],
    );
    sim.run();
    const [r] = net.results(sim.nowPs);
    expect(r).toMatchObject({ status: 'completed', pairsDelivered: 5, route: ['A', 'B'], deadline: 'none' });
    expect(r!.meanFidelity).toBe(0.9);
    // One pair per 100 µs from submission: the last after 500 µs.
    expect(r!.completionUs).toBe(500);
    expect(r!.latencyP50Us).toBe(300);
    expect(ab.supply.running).toBe(false);
    expect(sim.pending).toBe(0);
  });

  it('swaps two hops: Werner 0.9 and 0.9 give 0.81333 (REFERENCES.md), after the outcome reaches both ends', () => {
    const sim = new Simulation({ seed: 1 });
    const net = network(
      sim,
      [link(sim, 'A', 'B', 0.9, 100), link(sim, 'B', 'C', 0.9, 300)],
      [{ id: 'r', src: 'A', dst: 'C', minFidelity: 0.5, pairs: 3, submitPs: 0 }],
    );
    sim.run();
    const [r] = net.results(sim.nowPs);
    expect(r!.route).toEqual(['A', 'B', 'C']);
    expect(r!.pairsDelivered).toBe(3);
    expect(r!.meanFidelity).toBeCloseTo(0.81333, 5);
    // The slower hop paces it (300 µs a pair); each pair waits 10 µs for the swap outcome.
    expect(r!.completionUs).toBe(910);
  });

  it('refuses what the route cannot deliver, and what no route reaches', () => {
    const sim = new Simulation({ seed: 1 });
    const net = network(
      sim,
      [link(sim, 'A', 'B', 0.9, 100), link(sim, 'C', 'D', 0.9, 100)],
      [
        { id: 'too-good', src: 'A', dst: 'B', minFidelity: 0.95, pairs: 1, submitPs: 0 },
        {
          id: 'too-soon',
          src: 'A',
          dst: 'B',
          minFidelity: 0.5,
          pairs: 100,
          deadlinePs: 1000 * US,
          submitPs: 0,
        },
        { id: 'too-far', src: 'A', dst: 'D', minFidelity: 0.5, pairs: 1, submitPs: 0 },
      ],
    );
    sim.run();
    expect(net.results(sim.nowPs).map((r) => [r.status, r.refusal?.kind])).toEqual([
      ['refused', 'fidelity'],
      ['refused', 'deadline'],
      ['refused', 'no-route'],
    ]);
    expect(net.totals(sim.nowPs)).toMatchObject({ submitted: 3, admitted: 0, refused: 3, pairsDelivered: 0 });
  });

  it('under load, EDF meets the urgent deadline that FIFO misses', () => {
    const run = (policy: 'fifo' | 'edf') => {
      const sim = new Simulation({ seed: 1 });
      const net = network(
        sim,
        [link(sim, 'A', 'B', 0.9, 100)],
        [
          {
            id: 'bulk',
            src: 'A',
            dst: 'B',
            minFidelity: 0.5,
            pairs: 20,
            deadlinePs: 10_000 * US,
            submitPs: 0,
          },
          {
            id: 'urgent',
            src: 'A',
            dst: 'B',
            minFidelity: 0.5,
            pairs: 3,
            deadlinePs: 800 * US,
            submitPs: 150 * US,
          },
        ],
        { policy },
      );
      sim.run();
      return net.results(sim.nowPs).map((r) => `${r.id}:${r.status}:${r.deadline}`);
    };
    expect(run('fifo')).toEqual(['bulk:completed:met', 'urgent:expired:missed']);
    expect(run('edf')).toEqual(['bulk:completed:met', 'urgent:completed:met']);
  });

  it('delivers a stream at its rate until its deadline', () => {
    const sim = new Simulation({ seed: 1 });
    const net = network(
      sim,
      [link(sim, 'A', 'B', 0.9, 10)],
      [{ id: 's', src: 'A', dst: 'B', minFidelity: 0.5, rateHz: 1000, deadlinePs: 50_000 * US, submitPs: 0 }],
    );
    sim.run();
    const [r] = net.results(sim.nowPs);
    expect(r).toMatchObject({ status: 'ended', deadline: 'met', latePairs: 0, requestedRateHz: 1000 });
    expect(r!.pairsDelivered).toBeGreaterThanOrEqual(49);
    expect(r!.pairsDelivered).toBeLessThanOrEqual(51);
  });

  it('without requests, runs every link and takes each pair at its herald', () => {
    const sim = new Simulation({ seed: 1 });
    const ab = link(sim, 'A', 'B', 0.9, 100);
    network(sim, [ab], []);
    sim.run({ untilPs: 1000 * US });
    expect(ab.supply.stats().pairs).toBe(10);
  });
});
