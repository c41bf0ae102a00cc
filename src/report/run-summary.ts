import type { ScenarioResult } from '../scenario/run-scenario.js';
import { formatNumber, formatTable } from './table.js';

/** The human summary of a run: a header line, the links and each workload, as short tables. */
export function formatRunSummary(result: ScenarioResult): string {
  const head = `scenario ${result.scenario} · seed ${result.seed} · ${formatNumber(result.simulatedUs)} µs simulated · ${formatNumber(result.events)} events (${result.stopReason})`;
  const links = formatTable(
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
  const pings = formatTable(
    ['ping', 'hops', 'sent', 'recv', 'expected RTT µs', 'mean RTT µs', '± s.e.', 'p99 µs'],
    result.workloads.map((w) => [
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
  const entanglement = formatTable(
    [
      'entanglement',
      'protocol',
      'km',
      'etaTotal',
      'attempts/s',
      'p (model)',
      'p (measured)',
      'pairs/s',
      'F (model)',
      'F (delivered)',
    ],
    result.links.map((l) => [
      l.id,
      l.protocol,
      formatNumber(l.lengthKm),
      formatNumber(l.etaTotal),
      formatNumber(l.attemptRateHz),
      formatNumber(l.expected.successProbability),
      formatNumber(l.measured.successProbability),
      `${formatNumber(l.measured.rateHz)} ± ${formatNumber(l.measured.rateStdErr, 2)}`,
      formatNumber(l.expected.fidelity),
      formatNumber(l.measured.fidelity),
    ]),
  );
  return [
    head,
    '',
    links,
    ...(result.links.length > 0 ? ['', entanglement] : []),
    ...(result.workloads.length > 0 ? ['', pings] : []),
  ].join('\n');
}
