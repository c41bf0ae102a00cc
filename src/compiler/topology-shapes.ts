// Standard network shapes for `qnet compile --topology`, and the checks every topology must pass.
import { QnetError } from '../util/errors.js';
import type { Topology, TopologyShape } from './topology.js';
import { shortestPaths } from './topology-paths.js';

export const TOPOLOGY_SHAPES: readonly TopologyShape[] = ['all-to-all', 'line', 'ring', 'grid'];

function shapeLinks(shape: TopologyShape, k: number): [number, number][] {
  const links: [number, number][] = [];
  switch (shape) {
    case 'all-to-all':
      for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) links.push([a, b]);
      break;
    case 'line':
      for (let a = 0; a + 1 < k; a++) links.push([a, a + 1]);
      break;
    case 'ring':
      for (let a = 0; a + 1 < k; a++) links.push([a, a + 1]);
      if (k > 2) links.push([0, k - 1]);
      break;
    case 'grid': {
      // As square as possible: columns = ceil(sqrt(k)), the last row may be short.
      const cols = Math.ceil(Math.sqrt(k));
      for (let a = 0; a < k; a++) {
        if ((a % cols) + 1 < cols && a + 1 < k) links.push([a, a + 1]);
        if (a + cols < k) links.push([a, a + cols]);
      }
      break;
    }
  }
  return links;
}

/** K QPUs named qpu0… in `shape`, each with `capacity` data and `commQubits` communication qubits. */
export function shapedTopology(
  shape: TopologyShape,
  k: number,
  capacity: number,
  commQubits: number,
): Topology {
  if (!Number.isInteger(k) || k < 1)
    throw new QnetError('E_COMPILE_QPUS', `the number of QPUs must be a whole number ≥ 1, got ${k}`, {
      hint: 'pass --qpus 2 (or more) to split a circuit',
    });
  const topology = {
    names: Array.from({ length: k }, (_, i) => `qpu${i}`),
    capacity: new Array<number>(k).fill(capacity),
    commQubits: new Array<number>(k).fill(commQubits),
    links: shapeLinks(shape, k),
  };
  checkTopology(topology);
  return topology;
}

/** Refuses a topology the compiler cannot use, naming what to fix. */
export function checkTopology(t: Topology): void {
  const k = t.names.length;
  if (k < 1)
    throw new QnetError('E_COMPILE_QPUS', 'the topology has no QPUs', { hint: 'give at least one QPU' });
  if (t.capacity.length !== k || t.commQubits.length !== k)
    throw new Error('topology: capacity and commQubits need one entry per QPU');
  t.capacity.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0)
      throw new QnetError('E_COMPILE_CAPACITY', `QPU ${t.names[i]} has capacity ${c}`, {
        hint: 'capacities are whole numbers of data qubits ≥ 0',
      });
  });
  t.commQubits.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || (k > 1 && c < 1))
      throw new QnetError('E_COMPILE_COMM', `QPU ${t.names[i]} has ${c} communication qubits`, {
        hint: 'every QPU of a multi-QPU topology needs at least one communication qubit (--comm 1 or more)',
      });
  });
  for (const [a, b] of t.links)
    if (!(a >= 0 && a < k && b >= 0 && b < k && a !== b)) throw new Error(`topology: bad link [${a}, ${b}]`);
  const { hops } = shortestPaths(k, t.links);
  const unreachable = t.names.filter((_, i) => hops[0]![i] === Number.POSITIVE_INFINITY);
  if (unreachable.length > 0)
    throw new QnetError(
      'E_TOPOLOGY_DISCONNECTED',
      `the topology is not connected: ${unreachable.join(', ')} cannot be reached from ${t.names[0]}`,
      { hint: 'add links (fibres or a switch) so that every QPU can reach every other' },
    );
}

/** Refuses a circuit larger than the network's total capacity. */
export function checkCapacity(t: Topology, numQubits: number, file?: string): void {
  const total = t.capacity.reduce((a, b) => a + b, 0);
  if (total < numQubits)
    throw new QnetError(
      'E_COMPILE_CAPACITY',
      `the circuit has ${numQubits} qubits but the ${t.names.length} QPUs hold only ${total} data qubits`,
      { ...(file ? { file } : {}), hint: 'use more QPUs (--qpus) or a larger --capacity' },
    );
}
