// The `network` suite: the four example scenarios of the quantum network, from parsed scenario to
// result (links, requests, swaps, station switching), timed end to end. Figures: kernel events per
// wall second and simulated seconds per wall second. metro-starlight is SeQUeNCe's Starlight run
// (REFERENCES.md, data/README.md): 20 simulated seconds took SeQUeNCe 1.0 55.7 s here for 1.72 M
// events, accepting 6 requests and delivering 298 pairs; our accepted requests, pairs and fidelity
// sit beside it (the models differ: see the example's header).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/cli/package-root.js';
import { parseScenario } from '../src/scenario/load.js';
import { runScenario, type ScenarioResult } from '../src/scenario/run-scenario.js';
import type { BenchRecord, SuiteOptions } from './record.js';
import { medianOf } from './timing.js';

export const NETWORK_CASES = ['two-node-link', 'repeater-chain', 'datacenter', 'metro-starlight'] as const;

const SEQUENCE = { seconds: 55.7, events: 1_720_000, accepted: 6, pairs: 298 };
/** The wall-time budget of the Starlight run on this machine. */
const STARLIGHT_BUDGET_SECONDS = 2;

function load(name: string) {
  const file = join(packageRoot(), 'examples', `${name}.yaml`);
  return parseScenario(readFileSync(file, 'utf8'), `examples/${name}.yaml`);
}

export function networkSuite(opts: SuiteOptions): BenchRecord[] {
  const reps = opts.quick ? 1 : 5;
  const scenarios = NETWORK_CASES.map((name) => ({ name, scenario: load(name) }));
  // Let the JIT settle before anything is timed.
  for (const { scenario } of scenarios) runScenario(scenario);
  const records: BenchRecord[] = [];
  scenarios.forEach(({ name, scenario }, i) => {
    const t = medianOf(reps, () => runScenario(scenario));
    const r: ScenarioResult = t.result;
    const simulatedS = r.simulatedUs / 1e6;
    const common = { wallSeconds: t.wallSeconds, cpuSeconds: t.cpuSeconds, reps, events: r.events };
    records.push(
      {
        suite: 'network',
        case: name,
        metric: 'eventsPerSecond',
        value: r.events / t.wallSeconds,
        unit: 'events/s',
        ...common,
      },
      {
        suite: 'network',
        case: name,
        metric: 'simSecondsPerWallSecond',
        value: simulatedS / t.wallSeconds,
        unit: 'sim s/s',
        ...common,
        simulatedSeconds: simulatedS,
        requests: r.requestTotals.submitted,
        pairsDelivered: r.requestTotals.pairsDelivered,
      },
    );
    if (name === 'metro-starlight') {
      records.push({
        suite: 'network',
        case: name,
        metric: 'seconds',
        value: t.wallSeconds,
        unit: 's',
        ...common,
        budgetSeconds: STARLIGHT_BUDGET_SECONDS,
        withinBudget: t.wallSeconds <= STARLIGHT_BUDGET_SECONDS,
        accepted: r.requestTotals.admitted,
        submitted: r.requestTotals.submitted,
        pairsDelivered: r.requestTotals.pairsDelivered,
        meanFidelity: r.requestTotals.meanFidelity,
        peer: `SeQUeNCe ${SEQUENCE.seconds} s, ${SEQUENCE.events / 1e6} M events, ${SEQUENCE.accepted} accepted, ${SEQUENCE.pairs} pairs`,
        peerAccepted: SEQUENCE.accepted,
        peerPairsDelivered: SEQUENCE.pairs,
        ratio: t.wallSeconds / SEQUENCE.seconds,
        speedupVsSeQUeNCe: SEQUENCE.seconds / t.wallSeconds,
      });
    }
    opts.onProgress?.((i + 1) / scenarios.length);
  });
  return records;
}
