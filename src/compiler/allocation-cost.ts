// The e-bits an allocation costs, recomputed from the allocation itself: a teleport per link
// crossed when a qubit's home changes between slices, and for each run of diagonal gates on a
// qubit (ended by a non-diagonal gate, a measurement, a reset or a change of home) the links of
// a Steiner tree spanning its home and the QPUs where the run's gates execute.
import type { Allocation } from './allocation.js';
import { type DistCircuit, runEndingQubit } from './dist-ir.js';
import type { Topology } from './topology.js';
import { SteinerCost } from './topology-distance.js';

export function allocationCost(dc: DistCircuit, topology: Topology, allocation: Allocation): number {
  return allocationCostWith(dc, new SteinerCost(topology), allocation);
}

export function allocationCostWith(dc: DistCircuit, steiner: SteinerCost, allocation: Allocation): number {
  const n = dc.numQubits;
  const k = steiner.k;
  const { home, sliceOfOp, gateQpu, numSlices } = allocation;
  if (home.length !== numSlices * n) throw new Error('allocation: home has the wrong length');
  if (sliceOfOp.length !== dc.ops.length) throw new Error('allocation: sliceOfOp has the wrong length');
  // QPUs the open run of each qubit reaches (home excluded until it is closed).
  const runMask = new Int32Array(n);
  let cost = 0;
  let slice = 0;
  const closeRun = (q: number): void => {
    const m = runMask[q]!;
    if (m !== 0) cost += steiner.cost(m | (1 << home[slice * n + q]!));
    runMask[q] = 0;
  };
  for (let i = 0; i < dc.ops.length; i++) {
    const s = sliceOfOp[i]!;
    if (s < slice || s >= numSlices) throw new Error(`allocation: op ${i} has slice ${s} out of order`);
    while (slice < s) {
      for (let q = 0; q < n; q++) {
        const from = home[slice * n + q]!;
        const to = home[(slice + 1) * n + q]!;
        if (from !== to) {
          closeRun(q);
          cost += steiner.dist[from * k + to]!;
        }
      }
      slice++;
    }
    const op = dc.ops[i]!;
    switch (op.kind) {
      case 'diag': {
        const g = gateQpu[i]!;
        if (g < 0 || g >= k) throw new Error(`allocation: diagonal op ${i} has no QPU`);
        runMask[op.qubits[0]] = runMask[op.qubits[0]]! | (1 << g);
        runMask[op.qubits[1]] = runMask[op.qubits[1]]! | (1 << g);
        break;
      }
      default: {
        const q = runEndingQubit(op);
        if (q >= 0) closeRun(q);
      }
    }
  }
  for (let q = 0; q < n; q++) closeRun(q);
  // Slices after the last op still move qubits.
  while (slice + 1 < numSlices) {
    for (let q = 0; q < n; q++) {
      const from = home[slice * n + q]!;
      const to = home[(slice + 1) * n + q]!;
      if (from !== to) cost += steiner.dist[from * k + to]!;
    }
    slice++;
  }
  return cost;
}
