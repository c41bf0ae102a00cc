// The unitary of a short sequence of table gates on a few qubits, in the table's index order.
// Used to check definitions against matrices and to recognise user-written gate definitions.
import { type CMatrix, cmatIdentity } from '../util/complex-matrix.js';
import { applyMatrix } from './apply-matrix.js';
import { gateOrThrow } from './lookup.js';

export interface GateStep {
  readonly gate: string;
  readonly targets: readonly number[];
  readonly params: readonly number[];
}

/** U = U_last ⋯ U_first for `steps` acting on `arity` qubits (qubit 0 = most significant bit). */
export function composeSteps(arity: number, steps: readonly GateStep[]): CMatrix {
  const d = 1 << arity;
  const matrices = steps.map((s) => {
    const g = gateOrThrow(s.gate);
    if (s.targets.length !== g.arity) throw new Error(`${s.gate} needs ${g.arity} targets`);
    return { m: g.matrix(s.params), bits: s.targets.map((t) => arity - 1 - t) };
  });
  const out = cmatIdentity(d);
  const column = new Float64Array(2 * d);
  for (let c = 0; c < d; c++) {
    column.fill(0);
    column[2 * c] = 1;
    for (const { m, bits } of matrices) applyMatrix(column, m, bits);
    for (let r = 0; r < d; r++) {
      out[2 * (r * d + c)] = column[2 * r]!;
      out[2 * (r * d + c) + 1] = column[2 * r + 1]!;
    }
  }
  return out;
}
