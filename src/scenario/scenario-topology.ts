// The compiler's view of a scenario: its QPU nodes (capacity = data qubits, communication qubits)
// and the entanglement links between them. Nothing else of the scenario reaches the compiler.
import type { Topology } from '../compiler/topology.js';
import { QnetError } from '../util/errors.js';
import { DEFAULT_COMMUNICATION_QUBITS, type Scenario } from './schema.js';

export interface ScenarioTopologyOptions {
  /** Data qubits per QPU instead of each node's `qubits`. */
  capacity?: number;
  /** Communication qubits per QPU instead of each node's `communicationQubits`. */
  commQubits?: number;
  file?: string;
}

export function scenarioTopology(scenario: Scenario, options: ScenarioTopologyOptions = {}): Topology {
  const qpus = scenario.nodes.filter((n) => n.kind === 'qpu');
  if (qpus.length === 0)
    throw new QnetError('E_COMPILE_QPUS', 'the scenario has no qpu nodes to compile for', {
      ...(options.file ? { file: options.file } : {}),
      path: ['nodes'],
      hint: 'add nodes of kind qpu and entanglement links between them',
    });
  const index = new Map(qpus.map((n, i) => [n.id, i]));
  const links: [number, number][] = [];
  for (const link of scenario.entanglement ?? []) {
    const a = index.get(link.ends[0]);
    const b = index.get(link.ends[1]);
    if (a === undefined || b === undefined || a === b) continue;
    const pair: [number, number] = a < b ? [a, b] : [b, a];
    if (!links.some(([x, y]) => x === pair[0] && y === pair[1])) links.push(pair);
  }
  return {
    names: qpus.map((n) => n.id),
    capacity: qpus.map((n) => options.capacity ?? n.qubits ?? 0),
    commQubits: qpus.map((n) => options.commQubits ?? n.communicationQubits ?? DEFAULT_COMMUNICATION_QUBITS),
    links,
  };
}
