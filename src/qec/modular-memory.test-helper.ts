// Walks a circuit with its REPEAT blocks unfolded in count only: `visit(op, times)` sees each
// instruction once with the number of times it runs.
import type { Instruction } from '../circuit/ir.js';

export function countRepeatedOps(
  ops: readonly Instruction[],
  visit: (op: Instruction, times: number) => void,
  times = 1,
): void {
  for (const op of ops) {
    if (op.kind === 'repeat') countRepeatedOps(op.body, visit, times * op.count);
    else visit(op, times);
  }
}
