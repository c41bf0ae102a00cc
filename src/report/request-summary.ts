// Requests in a run summary: one line of totals, then a table of the first requests (a datacenter
// run has a thousand; `--json` has them all).
import type { ScenarioResult } from '../scenario/run-scenario.js';
import { formatNumber, formatTable } from './table.js';

const MAX_ROWS = 20;

export function formatRequests(result: ScenarioResult): string {
  const t = result.requestTotals;
  const totals = [
    `requests: ${t.submitted} submitted, ${t.admitted} admitted, ${t.refused} refused`,
    `${t.completed} completed, ${t.expired} expired, ${t.active} still active`,
    `deadlines ${t.deadlinesMet} met / ${t.deadlinesMissed} missed`,
    `${formatNumber(t.pairsDelivered)} pairs, mean F ${formatNumber(t.meanFidelity)}`,
    `latency p50 ${formatNumber(t.latencyP50Us)} µs, p99 ${formatNumber(t.latencyP99Us)} µs`,
  ].join(' · ');
  const shown = result.requests.slice(0, MAX_ROWS);
  const table = formatTable(
    ['request', 'src–dst', 'min F', 'pairs', 'status', 'deadline', 'pairs/s', 'p50 µs', 'p99 µs', 'mean F'],
    shown.map((r) => [
      r.id,
      `${r.src}–${r.dst}`,
      formatNumber(r.minFidelity, 3),
      r.pairsRequested === undefined
        ? `${r.pairsDelivered} @${formatNumber(r.requestedRateHz ?? Number.NaN)}/s`
        : `${r.pairsDelivered}/${r.pairsRequested}`,
      r.status === 'refused' ? `refused (${r.refusal?.kind})` : r.status,
      r.deadline,
      formatNumber(r.rateHz),
      r.pairsDelivered > 0 ? formatNumber(r.latencyP50Us) : '–',
      r.pairsDelivered > 0 ? formatNumber(r.latencyP99Us) : '–',
      r.pairsDelivered > 0 ? formatNumber(r.meanFidelity) : '–',
    ]),
  );
  const more = result.requests.length - shown.length;
  const notSubmitted = result.requestsNotSubmitted;
  return [
    totals,
    table,
    ...(more > 0 ? [`… and ${more} more requests (all of them with --json)`] : []),
    ...(notSubmitted > 0
      ? [`${notSubmitted} requests were due after the run's end and never submitted`]
      : []),
  ].join('\n');
}
