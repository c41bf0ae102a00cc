// Cache blocking, the planning half: cuts a gate sequence into stages. A stage names at most
// `blockQubits` qubits; all its ops act inside them, so the executor can load one block of 2^k
// amplitudes (every index that differs only in those qubits) into cache, run every op of the stage
// on it, and write it back: many gates per pass over memory. Ops may be taken out of order only past
// ops on disjoint qubits, so the result equals the gate-by-gate one.
import { bitsOf, popcount, type SvOp, supportMask } from './statevector-op.js';

export interface Stage {
  /** The block's qubits, ascending; empty when the ops run directly on the whole register. */
  qubits: number[];
  ops: SvOp[];
}

export interface BlockShape {
  /** log2 of the block size in amplitudes. */
  blockQubits: number;
  /**
   * Qubits 0..lowQubits−1 are in every block, so a block is made of runs of 2^lowQubits consecutive
   * amplitudes: whole cache lines, never half of one.
   */
  lowQubits: number;
}

export function planStages(ops: readonly SvOp[], numQubits: number, shape: BlockShape): Stage[] {
  const k = shape.blockQubits;
  if (numQubits <= k) return ops.length === 0 ? [] : [{ qubits: bitsOf(2 ** numQubits - 1), ops: [...ops] }];
  const low = 2 ** Math.min(shape.lowQubits, k) - 1;
  const all = 2 ** numQubits - 1;
  const sup = ops.map(supportMask);
  const done = new Uint8Array(ops.length);
  const stages: Stage[] = [];
  let first = 0;
  while (first < ops.length) {
    if (popcount(low | sup[first]!) > k) {
      // Too wide for any block: run it on the whole register.
      stages.push({ qubits: [], ops: [ops[first]!] });
      done[first] = 1;
    } else {
      let block = low;
      let blocked = 0;
      const taken: SvOp[] = [];
      for (let i = first; i < ops.length && blocked !== all; i++) {
        if (done[i]) continue;
        const s = sup[i]!;
        const grown = block | s;
        if ((s & blocked) === 0 && popcount(grown) <= k) {
          block = grown;
          taken.push(ops[i]!);
          done[i] = 1;
        } else {
          // Later ops on these qubits must wait for this one.
          blocked |= s;
        }
      }
      // A single op gains nothing from a block copy; otherwise fill the block up with low qubits,
      // which makes blocks larger (fewer of them) and runs longer at no cost.
      if (taken.length === 1) {
        stages.push({ qubits: [], ops: taken });
      } else {
        for (let q = 0; popcount(block) < k; q++) block |= 1 << q;
        stages.push({ qubits: bitsOf(block), ops: taken });
      }
    }
    while (first < ops.length && done[first]) first++;
  }
  return stages;
}
