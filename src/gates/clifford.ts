// Clifford actions: the declared one for gates that are always Clifford, or one read off the
// matrix for parametric gates at Clifford angles (rz(π/2), rzz(π), u3(π/2, 0, π), ...).
import { type CMatrix, cmatAdjoint, cmatEqual, cmatMul } from '../util/complex-matrix.js';
import { gateOrThrow } from './lookup.js';
import { pauliMatrix } from './pauli.js';
import type { CliffordAction, PauliImage } from './types.js';

const TOL = 1e-9;

/** The Pauli image ±Q equal to m, or undefined if m is not a signed Pauli string. */
function asPauli(m: CMatrix, arity: number): PauliImage | undefined {
  const d = 1 << arity;
  // A Pauli string has exactly one nonzero per row; in row 0 it sits at column x (big-endian X bits).
  let col = -1;
  for (let c = 0; c < d; c++) if (Math.hypot(m[2 * c]!, m[2 * c + 1]!) > 0.5) col = c;
  if (col < 0) return undefined;
  let xs = 0;
  for (let j = 0; j < arity; j++) if ((col >> (arity - 1 - j)) & 1) xs |= 1 << j;
  for (let zs = 0; zs < d; zs++) {
    for (const sign of [1, -1] as const) {
      const p = { sign, xs, zs };
      if (cmatEqual(m, pauliMatrix(p, arity), TOL)) return p;
    }
  }
  return undefined;
}

/** U P U† for every generator, or undefined if some image is not a Pauli string. */
export function cliffordFromMatrix(u: CMatrix, arity: number): CliffordAction | undefined {
  const ud = cmatAdjoint(u);
  const x: PauliImage[] = [];
  const z: PauliImage[] = [];
  for (let j = 0; j < arity; j++) {
    const ix = asPauli(cmatMul(cmatMul(u, pauliMatrix({ sign: 1, xs: 1 << j, zs: 0 }, arity)), ud), arity);
    const iz = asPauli(cmatMul(cmatMul(u, pauliMatrix({ sign: 1, xs: 0, zs: 1 << j }, arity)), ud), arity);
    if (!ix || !iz) return undefined;
    x.push(ix);
    z.push(iz);
  }
  return { x, z };
}

/**
 * The Clifford action of a gate at these parameters: the table's declared action for gates that
 * are Clifford at any parameters, otherwise computed from the matrix (undefined if not Clifford).
 */
export function cliffordAction(name: string, params: readonly number[] = []): CliffordAction | undefined {
  const g = gateOrThrow(name);
  if (g.clifford) return g.clifford;
  if (g.paramNames.length === 0) return undefined;
  return cliffordFromMatrix(g.matrix(params), g.arity);
}

export function isClifford(name: string, params: readonly number[] = []): boolean {
  return cliffordAction(name, params) !== undefined;
}
