// Building blocks for the table's matrices, all in the table's index order (first target = most
// significant bit). Writing gates as "controlled U" or "exp(−iθ/2 P)" instead of literal arrays
// keeps transcription slips out of the table.
import {
  type CMatrix,
  cmatCombine,
  cmatDim,
  cmatFromRows,
  cmatIdentity,
  cmatKron,
} from '../util/complex-matrix.js';

export type C = number | readonly [number, number];

/** A 2×2 matrix [[a, b], [c, d]]. */
export const m2 = (a: C, b: C, c: C, d: C): CMatrix =>
  cmatFromRows([
    [a, b],
    [c, d],
  ]);

/** e^{iφ} as an entry. */
export const eI = (phi: number): readonly [number, number] => [Math.cos(phi), Math.sin(phi)];

/** Multiplies every entry by the scalar re + i·im. */
export function scaled(m: CMatrix, re: number, im: number): CMatrix {
  return cmatCombine([[re, im, m]]);
}

const I2 = cmatIdentity(2);
const PAULI: Record<string, CMatrix> = {
  I: I2,
  _: I2,
  X: m2(0, 1, 1, 0),
  Y: m2(0, [0, -1], [0, 1], 0),
  Z: m2(1, 0, 0, -1),
};

/** The tensor product of single-qubit Paulis, 'XZ' = X on target 0, Z on target 1. */
export function pauliOp(text: string): CMatrix {
  let m: CMatrix | undefined;
  for (const ch of text) {
    const f = PAULI[ch];
    if (!f) throw new Error(`bad Pauli letter ${ch}`);
    m = m === undefined ? f : cmatKron(m, f);
  }
  if (!m) throw new Error('empty Pauli string');
  return m;
}

/** exp(−iθ/2 P) = cos(θ/2) I − i sin(θ/2) P for a Pauli product P (P² = I). */
export function pauliRotation(text: string, theta: number): CMatrix {
  const p = pauliOp(text);
  return cmatCombine([
    [Math.cos(theta / 2), 0, cmatIdentity(cmatDim(p))],
    [0, -Math.sin(theta / 2), p],
  ]);
}

/** The gate with `n` control qubits in front of `u`: I on every block except the last, which is u. */
export function controlled(u: CMatrix, n = 1): CMatrix {
  const d = cmatDim(u);
  const size = d << n;
  const out = cmatIdentity(size);
  const base = size - d;
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      out[2 * ((base + r) * size + base + c)] = u[2 * (r * d + c)]!;
      out[2 * ((base + r) * size + base + c) + 1] = u[2 * (r * d + c) + 1]!;
    }
  }
  return out;
}

/**
 * Pauli-controlled Pauli (Stim's XCY and kin): apply `target` when the control is in the −1
 * eigenstate of `control`: (I + P_c)/2 ⊗ I + (I − P_c)/2 ⊗ P_t.
 */
export function pauliControlled(control: string, target: string): CMatrix {
  const pc = pauliOp(control);
  const pt = pauliOp(target);
  return cmatCombine([
    [0.5, 0, cmatKron(I2, I2)],
    [0.5, 0, cmatKron(pc, I2)],
    [0.5, 0, cmatKron(I2, pt)],
    [-0.5, 0, cmatKron(pc, pt)],
  ]);
}

/** A diagonal matrix from its entries. */
export function diagonal(entries: readonly C[]): CMatrix {
  const n = entries.length;
  const m = new Float64Array(2 * n * n);
  entries.forEach((v, i) => {
    const k = 2 * (i * n + i);
    if (typeof v === 'number') m[k] = v;
    else {
      m[k] = v[0];
      m[k + 1] = v[1];
    }
  });
  return m;
}

/** The identity with the rows named in `entries` replaced by those entries [row, column, value]. */
export function identityExcept(n: number, entries: readonly (readonly [number, number, C])[]): CMatrix {
  const m = cmatIdentity(n);
  for (const [r] of entries) m[2 * (r * n + r)] = 0;
  for (const [r, c, v] of entries) {
    const k = 2 * (r * n + c);
    if (typeof v === 'number') m[k] = v;
    else {
      m[k] = v[0];
      m[k + 1] = v[1];
    }
  }
  return m;
}

/** OpenQASM's U(θ, φ, λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]. */
export function u3Matrix(theta: number, phi: number, lambda: number): CMatrix {
  // Qiskit's U3Gate and the OpenQASM 3 spec (language/gates, "U"): this phase convention.
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  const l = eI(lambda);
  const p = eI(phi);
  const pl = eI(phi + lambda);
  return m2(c, [-l[0] * s, -l[1] * s], [p[0] * s, p[1] * s], [pl[0] * c, pl[1] * c]);
}
