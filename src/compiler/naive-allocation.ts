// The baseline allocation: qubits in contiguous blocks in index order, no moves, every gate at the
// home of its first qubit. Useful as a reference point for the partitioner and in tests.
import type { Allocation } from './allocation.js';
import type { DistCircuit } from './dist-ir.js';
import type { Topology } from './topology.js';

export function naiveAllocation(dc: DistCircuit, topology: Topology): Allocation {
  const home = new Int32Array(dc.numQubits);
  let qpu = 0;
  let used = 0;
  for (let q = 0; q < dc.numQubits; q++) {
    while (used >= topology.capacity[qpu]!) {
      qpu++;
      used = 0;
    }
    home[q] = qpu;
    used++;
  }
  const gateQpu = new Int32Array(dc.ops.length).fill(-1);
  dc.ops.forEach((op, i) => {
    if (op.kind === 'diag') gateQpu[i] = home[op.qubits[0]]!;
  });
  return { numSlices: 1, sliceOfOp: new Int32Array(dc.ops.length), home, gateQpu };
}
