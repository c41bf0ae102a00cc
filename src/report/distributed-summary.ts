// Distributed workloads of a run: what the compiler spent (e-bits, remote gates, teleportations),
// how long the job took on the network, and how good its output was — with lookahead and without.
import type { DistributedResult } from '../scenario/run-distributed.js';
import { formatNumber, formatTable } from './table.js';

const pct = (x: number) => (Number.isFinite(x) ? `${+(100 * x).toPrecision(2)}%` : '–');

export function formatDistributed(results: readonly DistributedResult[]): string {
  const cost = formatTable(
    [
      'distributed job',
      'qubits',
      'QPUs',
      '2q gates',
      'e-bits',
      'remote gates',
      'teleports',
      'engine',
      'shots',
      'output fidelity',
    ],
    results.map((r) => [
      r.label,
      formatNumber(r.qubits),
      String(r.qpus.length),
      formatNumber(r.twoQubitGates),
      formatNumber(r.ebits),
      formatNumber(r.remoteGates),
      formatNumber(r.teleportations),
      `${r.engine} (${r.engineQubits} q)`,
      formatNumber(r.shots),
      Number.isFinite(r.fidelityToIdeal) ? formatNumber(r.fidelityToIdeal, 3) : '–',
      r.bitErrorRate === undefined ? '–' : pct(r.bitErrorRate),
    ]),
  );
  const timing = formatTable(
    [
      'distributed job',
      'time to solution µs',
      'e-bits ready',
      'data idle µs',
      'without lookahead: time µs',
      'e-bits ready',
      'data idle µs',
    ],
    results.map((r) => [
      r.label,
      formatNumber(r.timeToSolutionUs),
      pct(r.ebitsReadyShare),
      formatNumber(r.dataIdleUs),
      formatNumber(r.withoutLookahead.timeToSolutionUs),
      pct(r.withoutLookahead.ebitsReadyShare),
      formatNumber(r.withoutLookahead.dataIdleUs),
    ]),
  );
  return `${cost}\n\n${timing}`;
}
