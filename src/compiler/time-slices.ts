// Cutting a DistCircuit into time slices of W layers of two-qubit depth. Between slices qubits may
// be teleported to new homes; within a slice they stay put.
import type { DistCircuit } from './dist-ir.js';

/** Two-qubit depth (number of layers of 'diag' ops, scheduled as soon as possible). */
export function twoQubitDepth(dc: DistCircuit): number {
  const last = new Int32Array(dc.numQubits);
  let depth = 0;
  for (const op of dc.ops) {
    if (op.kind !== 'diag') continue;
    const [a, b] = op.qubits;
    const layer = Math.max(last[a]!, last[b]!) + 1;
    last[a] = layer;
    last[b] = layer;
    if (layer > depth) depth = layer;
  }
  return depth;
}

export interface Slicing {
  readonly numSlices: number;
  readonly sliceOfOp: Int32Array;
}

/**
 * Slice of each op: its two-qubit layer divided by `width`, made non-decreasing in op order (a
 * later op never goes to an earlier slice, so the ops of one slice are a contiguous stretch).
 * `width` ≤ 0 means one slice for the whole circuit.
 */
export function sliceByLayers(dc: DistCircuit, width: number): Slicing {
  const sliceOfOp = new Int32Array(dc.ops.length);
  if (width <= 0) return { numSlices: 1, sliceOfOp };
  const last = new Int32Array(dc.numQubits);
  let current = 0;
  for (let i = 0; i < dc.ops.length; i++) {
    const op = dc.ops[i]!;
    if (op.kind === 'diag') {
      const [a, b] = op.qubits;
      const layer = Math.max(last[a]!, last[b]!) + 1;
      last[a] = layer;
      last[b] = layer;
      const s = Math.floor((layer - 1) / width);
      if (s > current) current = s;
    }
    sliceOfOp[i] = current;
  }
  return { numSlices: current + 1, sliceOfOp };
}
