// Cache blocking, the executing half: runs planned stages on a register. A stage's block is gathered
// into a scratch buffer (or used in place when its qubits are the lowest ones), every op of the stage
// runs on it with qubits renamed to block bits, and the block is scattered back. Two registers
// implement the block loop: this TypeScript one and the WebAssembly one (statevector-wasm.ts).
import { groupDiagonals, pairHadamards } from './statevector-fuse.js';
import { applyOp } from './statevector-kernels.js';
import { remapOp, type SvOp } from './statevector-op.js';
import type { Stage } from './statevector-plan.js';

export interface BlockRunner {
  /** The amplitudes, re/im interleaved. */
  readonly amps: Float64Array;
  /** Runs ops (on register qubits) on the whole register, one pass each. */
  direct(ops: readonly SvOp[]): void;
  /** Runs ops (on block bits: bit j = qubits[j]) on every block over `qubits` (ascending). */
  blocks(qubits: readonly number[], ops: readonly SvOp[]): void;
}

export function runStages(register: BlockRunner, stages: readonly Stage[]): void {
  for (const stage of stages) {
    if (stage.qubits.length === 0) {
      register.direct(stage.ops);
      continue;
    }
    const bit = new Map(stage.qubits.map((q, j) => [q, j]));
    const identity = stage.qubits.every((q, j) => q === j);
    const local = identity ? stage.ops : stage.ops.map((op) => remapOp(op, (q) => bit.get(q)!));
    register.blocks(stage.qubits, pairHadamards(groupDiagonals(local)));
  }
}

/** j with a zero bit inserted at every set bit of `mask` (deposits j into the other bits). */
function spread(j: number, mask: number): number {
  let m = mask;
  while (m !== 0) {
    const low = m & -m;
    const below = low - 1;
    j = ((j & ~below) << 1) | (j & below);
    m ^= low;
  }
  return j;
}

export class TsRegister implements BlockRunner {
  readonly amps: Float64Array;
  private scratch: Float64Array | undefined;

  constructor(amps: Float64Array) {
    this.amps = amps;
  }

  direct(ops: readonly SvOp[]): void {
    for (const op of ops) applyOp(this.amps, this.amps.length >>> 1, op);
  }

  blocks(qubits: readonly number[], ops: readonly SvOp[]): void {
    const k = qubits.length;
    const len = 2 << k;
    if (qubits[k - 1] === k - 1) {
      // The block's qubits are 0..k−1: blocks are consecutive slices, used in place.
      for (let at = 0; at < this.amps.length; at += len) runOps(this.amps.subarray(at, at + len), ops);
      return;
    }
    if (this.scratch?.length !== len) this.scratch = new Float64Array(len);
    runGathered(this.amps, qubits, ops, this.scratch);
  }
}

function runOps(block: Float64Array, ops: readonly SvOp[]): void {
  const n = block.length >>> 1;
  for (let i = 0; i < ops.length; i++) applyOp(block, n, ops[i]!);
}

function runGathered(
  amps: Float64Array,
  qubits: readonly number[],
  ops: readonly SvOp[],
  block: Float64Array,
): void {
  const k = qubits.length;
  let mask = 0;
  for (const q of qubits) mask |= 1 << q;
  // Qubits 0..r−1 of the block are contiguous in memory: copy runs of 2^r amplitudes.
  let r = 0;
  while (r < k && qubits[r] === r) r++;
  const runLen = 2 << r;
  const runs = 1 << (k - r);
  const offsets = new Float64Array(runs);
  for (let h = 1; h < runs; h++) {
    const lowest = h & -h;
    offsets[h] = offsets[h ^ lowest]! + 2 * 2 ** qubits[r + Math.log2(lowest)]!;
  }
  const blocks = amps.length / 2 / 2 ** k;
  for (let b = 0; b < blocks; b++) {
    const base = 2 * spread(b, mask);
    for (let h = 0, dst = 0; h < runs; h++, dst += runLen) {
      const src = base + offsets[h]!;
      for (let t = 0; t < runLen; t++) block[dst + t] = amps[src + t]!;
    }
    runOps(block, ops);
    for (let h = 0, dst = 0; h < runs; h++, dst += runLen) {
      const src = base + offsets[h]!;
      for (let t = 0; t < runLen; t++) amps[src + t] = block[dst + t]!;
    }
  }
}
