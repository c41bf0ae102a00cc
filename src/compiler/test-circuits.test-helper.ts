// Small DistCircuits and topologies for the partitioner's tests, built by hand or at random.
import type { DistCircuit, DistOp } from './dist-ir.js';
import type { Topology } from './topology.js';

export function topologyOf(k: number, shape: 'all-to-all' | 'line', capacity: number): Topology {
  const links: [number, number][] = [];
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) if (shape === 'all-to-all' || b === a + 1) links.push([a, b]);
  return {
    names: Array.from({ length: k }, (_, i) => `qpu${i}`),
    capacity: Array(k).fill(capacity),
    commQubits: Array(k).fill(2),
    links,
  };
}

/** Op codes: [a, b] a diagonal gate, [q] a Hadamard (non-diagonal), [q, -1] a T gate (diagonal), [q, -2] a measurement. */
export function circuitOf(numQubits: number, codes: readonly (readonly number[])[]): DistCircuit {
  const ops: DistOp[] = codes.map((c): DistOp => {
    const [a, b] = c as [number, number | undefined];
    if (b === undefined) return { kind: 'one', qubit: a, gate: 'h', params: [], diagonal: false };
    if (b === -1) return { kind: 'one', qubit: a, gate: 't', params: [], diagonal: true };
    if (b === -2) return { kind: 'measure', qubit: a, bit: 0 };
    return { kind: 'diag', qubits: [a, b], steps: [{ gate: 'cz', targets: [0, 1], params: [] }] };
  });
  return { numQubits, numBits: 1, ops, twoQubitGates: ops.filter((o) => o.kind === 'diag').length };
}
