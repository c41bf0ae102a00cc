import type { ScenarioResult } from '../scenario/run-scenario.js';
import { formatDistributed } from './distributed-summary.js';
import { formatRequests } from './request-summary.js';
import { formatNumber, formatTable } from './table.js';

/** The human summary of a run: a header line, then short tables of what the run has. */
export function formatRunSummary(result: ScenarioResult): string {
  const head = `scenario ${result.scenario} · seed ${result.seed} · ${formatNumber(result.simulatedUs)} µs simulated · ${formatNumber(result.events)} events (${result.stopReason})`;
  const fibres = formatTable(
    ['fibre', 'ends', 'km', 'delay µs', 'loss dB', 'eta'],
    result.fibres.map((l) => [
      l.id,
      l.ends.join('–'),
      formatNumber(l.lengthKm),
      formatNumber(l.delayUs),
      formatNumber(l.lossDb),
      formatNumber(l.transmissivity),
    ]),
  );
  const pingResults = result.workloads.filter((w) => w.kind === 'ping');
  const distributed = result.workloads.filter((w) => w.kind === 'distributed');
  const pings = formatTable(
    ['ping', 'hops', 'sent', 'recv', 'expected RTT µs', 'mean RTT µs', '± s.e.', 'p99 µs'],
    pingResults.map((w) => [
      w.label,
      String(Math.max(0, w.route.length - 1)),
      String(w.sent),
      String(w.received),
      formatNumber(w.expectedRttUs),
      formatNumber(w.rttUs.mean),
      formatNumber(w.rttUs.stdErr, 2),
      formatNumber(w.rttUs.p99),
    ]),
  );
  const sections = [
    head,
    fibres,
    ...(result.links.length > 0 ? [formatLinks(result)] : []),
    ...(result.pools.length > 0 ? [formatPools(result)] : []),
    ...(result.requests.length > 0 ? [formatRequests(result)] : []),
    ...(pingResults.length > 0 ? [pings] : []),
    ...(distributed.length > 0 ? [formatDistributed(distributed)] : []),
  ];
  return sections.join('\n\n');
}

/** Each entanglement link: the model's figures beside the measured ones (± one standard error). */
function formatLinks(result: ScenarioResult): string {
  const pm = (x: number, se: number) => `${formatNumber(x)} ± ${formatNumber(se, 2)}`;
  return formatTable(
    [
      'entanglement',
      'protocol',
      'via',
      'km',
      'etaTotal',
      'attempts/s',
      'p (model)',
      'p (measured)',
      'pairs/s',
      'F (model)',
      'F (measured)',
    ],
    result.links.map((l) => [
      l.id,
      l.protocol,
      l.via,
      formatNumber(l.lengthKm),
      formatNumber(l.etaTotal),
      formatNumber(l.attemptRateHz),
      formatNumber(l.expected.successProbability),
      l.measured.attempts > 0 ? pm(l.measured.successProbability, l.measured.successProbabilityStdErr) : '–',
      l.measured.pairs > 0 ? pm(l.measured.rateHz, l.measured.rateStdErr) : '–',
      formatNumber(l.expected.fidelityAtHerald),
      l.measured.pairs > 0 ? formatNumber(l.measured.fidelity) : '–',
    ]),
  );
}

function formatPools(result: ScenarioResult): string {
  return formatTable(
    ['station pool', 'grants', 'reconfigurations', 'switching µs'],
    result.pools.map((p) => [
      p.switch,
      String(p.grants),
      String(p.reconfigurations),
      formatNumber(p.reconfigurationUs),
    ]),
  );
}
