// The time-extended hypergraph of a sliced DistCircuit (after Andres-Martinez & Heunen,
// arXiv:1811.10972, and Burt, Chen & Leung, arXiv:2503.19082): a vertex per (slice, qubit) of
// weight 1 in that slice, a vertex per diagonal gate of weight 0, one hyperedge per run of a qubit
// (its slice vertex and the gates the run's single cat copy per QPU can serve), and a 2-pin edge
// between consecutive slice vertices of a qubit (a teleport when their homes differ). The Steiner
// cost of the parts an edge touches is then exactly the e-bits the emitter spends on it.
import { type DistCircuit, runEndingQubit } from './dist-ir.js';
import { type Hypergraph, IntBuffer, makeHypergraph } from './hypergraph.js';
import type { Slicing } from './time-slices.js';

export interface CircuitHypergraph {
  readonly graph: Hypergraph;
  readonly numQubits: number;
  readonly numSlices: number;
  /** Op index of gate vertex numSlices * numQubits + i. */
  readonly gateOps: Int32Array;
}

export function buildCircuitHypergraph(dc: DistCircuit, slicing: Slicing): CircuitHypergraph {
  const n = dc.numQubits;
  const slices = slicing.numSlices;
  const base = slices * n;
  const gateOps = new IntBuffer(dc.ops.length);
  for (let i = 0; i < dc.ops.length; i++) if (dc.ops[i]!.kind === 'diag') gateOps.push(i);
  const numGates = gateOps.length;

  const edgePtr = new IntBuffer(numGates * 2 + n * slices + 2);
  const pins = new IntBuffer(numGates * 4 + n * slices * 2 + 2);
  const weights = new IntBuffer(numGates * 2 + n * slices + 2);
  edgePtr.push(0);

  // Open run of each qubit: the gate vertices collected so far.
  const open: number[][] = Array.from({ length: n }, () => []);
  const openSlice = new Int32Array(n);
  const close = (q: number): void => {
    const run = open[q]!;
    if (run.length === 0) return;
    pins.push(openSlice[q]! * n + q);
    for (const g of run) pins.push(g);
    edgePtr.push(pins.length);
    weights.push(1);
    run.length = 0;
  };

  let gate = 0;
  for (let i = 0; i < dc.ops.length; i++) {
    const op = dc.ops[i]!;
    const s = slicing.sliceOfOp[i]!;
    switch (op.kind) {
      case 'diag': {
        const v = base + gate++;
        for (const q of op.qubits) {
          if (open[q]!.length > 0 && openSlice[q] !== s) close(q);
          openSlice[q] = s;
          open[q]!.push(v);
        }
        break;
      }
      default: {
        const q = runEndingQubit(op);
        if (q >= 0) close(q);
      }
    }
  }
  for (let q = 0; q < n; q++) close(q);
  for (let s = 0; s + 1 < slices; s++) {
    for (let q = 0; q < n; q++) {
      pins.push(s * n + q);
      pins.push((s + 1) * n + q);
      edgePtr.push(pins.length);
      weights.push(1);
    }
  }

  const numVertices = base + numGates;
  const weightPtr = new Int32Array(numVertices + 1);
  for (let v = 0; v < numVertices; v++) weightPtr[v + 1] = Math.min(v + 1, base);
  const weightRes = new Int32Array(base);
  for (let v = 0; v < base; v++) weightRes[v] = Math.floor(v / n);
  const weightAmt = new Int32Array(base).fill(1);
  const graph = makeHypergraph(
    numVertices,
    slices,
    edgePtr.toArray(),
    pins.toArray(),
    weights.toArray(),
    weightPtr,
    weightRes,
    weightAmt,
  );
  return { graph, numQubits: n, numSlices: slices, gateOps: gateOps.toArray() };
}
