// Builds the world a scenario describes and runs it: the classical control network (every fibre
// carries messages with its propagation delay) with its ping workloads, and the quantum network
// (build-network.ts) serving the scenario's requests over its entanglement links.
import { Simulation } from '../kernel/simulation.js';
import { ClassicalNetwork } from '../netstack/classical-network.js';
import { PingInitiator, PingResponder } from '../netstack/ping.js';
import type { RequestResult, RequestTotals } from '../netstack/request-result.js';
import { quantileSorted, RunningStats } from '../util/stats.js';
import { PS_PER_US, psToUs, usToPs } from '../util/units.js';
import { buildNetwork } from './build-network.js';
import { classicalLinkSpecs } from './classical-links.js';
import { type EntanglementLinkResult, entanglementLinkResult } from './entanglement-results.js';
import { type DistributedResult, runDistributedWorkload } from './run-distributed.js';
import type { Scenario } from './schema.js';

export interface LinkResult {
  id: string;
  ends: [string, string];
  lengthKm: number;
  fibre: string;
  /** One-way latency of a classical message over this hop, propagation plus processing. */
  delayUs: number;
  lossDb: number;
  /** Probability that a photon crosses the fibre (fibre alone). */
  transmissivity: number;
}

export interface Summary {
  mean: number;
  stdErr: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
}

export interface PingResult {
  kind: 'ping';
  label: string;
  from: string;
  to: string;
  route: string[];
  sent: number;
  received: number;
  /** Round-trip time from the link delays alone (no jitter). */
  expectedRttUs: number;
  rttUs: Summary;
}

export type WorkloadResult = PingResult | DistributedResult;

export type { RequestResult, RequestTotals } from '../netstack/request-result.js';
export type { EntanglementLinkResult } from './entanglement-results.js';

/** A station pool behind a switch: how often the switch was reconfigured for a link. */
export interface PoolResult {
  switch: string;
  grants: number;
  reconfigurations: number;
  reconfigurationUs: number;
}

export interface ScenarioResult {
  scenario: string;
  seed: number;
  simulatedUs: number;
  events: number;
  stopReason: 'empty' | 'time' | 'budget';
  /** Fibres: classical latency and optical loss. */
  fibres: LinkResult[];
  /** Heralded entanglement links. */
  links: EntanglementLinkResult[];
  /** Requests for end-to-end pairs, written and generated, in submission order. */
  requests: RequestResult[];
  requestTotals: RequestTotals;
  /** Generated or written requests due after the run's end, never submitted. */
  requestsNotSubmitted: number;
  pools: PoolResult[];
  workloads: WorkloadResult[];
}

export interface RunScenarioOptions {
  /** Called with the fraction of simulated time done, at most about a hundred times. */
  onProgress?: (fraction: number) => void;
}

const PROGRESS_STEPS = 100;

function summarise(valuesUs: number[]): Summary {
  const sorted = Float64Array.from(valuesUs).sort();
  const stats = new RunningStats();
  for (const x of valuesUs) stats.add(x);
  return {
    mean: stats.mean,
    stdErr: valuesUs.length > 1 ? stats.stdErr : 0,
    min: sorted[0] ?? Number.NaN,
    p50: quantileSorted(sorted, 0.5),
    p99: quantileSorted(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): ScenarioResult {
  const sim = new Simulation({ seed: scenario.seed });
  const links = classicalLinkSpecs(scenario);
  const network = new ClassicalNetwork(
    sim,
    scenario.nodes.map((n) => n.id),
    links,
  );

  const pings = scenario.workloads.flatMap((w, i) => {
    if (w.kind !== 'ping') return [];
    const name = `ping/${i}`;
    const initiator = new PingInitiator({
      name,
      target: w.to,
      count: w.count,
      intervalPs: usToPs(w.intervalUs),
    });
    network.attach(w.from, initiator);
    network.attach(w.to, new PingResponder(name));
    return [{ index: i, workload: w, initiator, label: w.label ?? `${w.from}→${w.to}` }];
  });
  network.start();

  const quantum = buildNetwork(sim, scenario);
  quantum.network.start();

  const untilPs = usToPs(scenario.run.untilUs);
  let budget = scenario.run.maxEvents ?? Number.POSITIVE_INFINITY;
  let stopReason: ScenarioResult['stopReason'] = 'time';
  for (let step = 1; step <= PROGRESS_STEPS; step++) {
    const r = sim.run({ untilPs: Math.round((untilPs * step) / PROGRESS_STEPS), maxEvents: budget });
    budget -= r.events;
    options.onProgress?.(step / PROGRESS_STEPS);
    if (r.reason === 'budget') {
      stopReason = 'budget';
      break;
    }
    if (sim.pending === 0) {
      stopReason = 'empty';
      break;
    }
  }

  return {
    scenario: scenario.name,
    seed: scenario.seed,
    simulatedUs: sim.nowPs / PS_PER_US,
    events: sim.eventsFired,
    stopReason,
    fibres: links.map((l) => l.result),
    links: quantum.links.map(entanglementLinkResult),
    requests: quantum.network.results(sim.nowPs),
    requestTotals: quantum.network.totals(sim.nowPs),
    requestsNotSubmitted: quantum.notSubmitted,
    pools: quantum.network.poolStats().map(({ id, stats }) => ({
      switch: id,
      grants: stats.grants,
      reconfigurations: stats.reconfigurations,
      reconfigurationUs: psToUs(stats.reconfigurationPs),
    })),
    workloads: scenario.workloads.map((w, i): WorkloadResult => {
      if (w.kind === 'distributed')
        return runDistributedWorkload(
          scenario,
          w,
          i,
          (a, b) => network.route(a, b)?.cost ?? 0,
          quantum.links,
        );
      const { workload, initiator, label } = pings.find((p) => p.index === i)!;
      // The route's cost is the sum of its one-way hop delays.
      const path = network.route(workload.from, workload.to);
      return {
        kind: 'ping',
        label,
        from: workload.from,
        to: workload.to,
        route: path?.nodes ?? [],
        sent: initiator.sentCount,
        received: initiator.rttPs.length,
        expectedRttUs: path ? psToUs(2 * path.cost) : Number.NaN,
        rttUs: summarise(initiator.rttPs.map(psToUs)),
      };
    }),
  };
}
