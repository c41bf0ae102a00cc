// Eigen-decomposition of small complex Hermitian matrices by the cyclic Jacobi method: slow (O(n³)
// per sweep) but simple, unconditionally stable and accurate to rounding, which is what fidelities
// of density matrices of a few qubits need. Matrices use the CMatrix layout of complex-matrix.ts.
import { type CMatrix, cmatDim } from './complex-matrix.js';

export interface HermitianEigen {
  /** Eigenvalues, ascending. */
  values: Float64Array;
  /** Unitary whose column j is the eigenvector of values[j] (CMatrix layout). */
  vectors: CMatrix;
}

const MAX_SWEEPS = 100;

/** Largest |m_rc − conj(m_cr)|: how far m is from Hermitian. */
export function hermitianDefect(m: CMatrix): number {
  const n = cmatDim(m);
  let worst = 0;
  for (let r = 0; r < n; r++) {
    for (let c = r; c < n; c++) {
      const a = 2 * (r * n + c);
      const b = 2 * (c * n + r);
      worst = Math.max(worst, Math.hypot(m[a]! - m[b]!, m[a + 1]! + m[b + 1]!));
    }
  }
  return worst;
}

/**
 * Eigenvalues and eigenvectors of the Hermitian matrix `m` (not modified). Throws if `m` is not
 * Hermitian to 1e-9 relative to its largest entry: callers pass matrices they built as Hermitian.
 */
export function hermitianEigen(m: CMatrix): HermitianEigen {
  const n = cmatDim(m);
  let scale = 0;
  for (let k = 0; k < m.length; k++) scale = Math.max(scale, Math.abs(m[k]!));
  if (hermitianDefect(m) > 1e-9 * Math.max(1, scale))
    throw new Error('hermitianEigen: matrix is not Hermitian');
  // Work on the Hermitian part, so rounding in the input cannot break the rotations' assumptions.
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      re[r * n + c] = (m[2 * (r * n + c)]! + m[2 * (c * n + r)]!) / 2;
      im[r * n + c] = (m[2 * (r * n + c) + 1]! - m[2 * (c * n + r) + 1]!) / 2;
    }
  }
  const vr = new Float64Array(n * n);
  const vi = new Float64Array(n * n);
  for (let i = 0; i < n; i++) vr[i * n + i] = 1;

  let total = 0;
  for (let k = 0; k < n * n; k++) total += re[k]! * re[k]! + im[k]! * im[k]!;
  // Entries this small (1e−30 of the matrix's norm) count as zero whatever the diagonal.
  const negligible = 1e-60 * total;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotations = 0;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) if (rotate(re, im, vr, vi, n, p, q, negligible)) rotations++;
    }
    if (rotations === 0) break;
  }

  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => re[a * n + a]! - re[b * n + b]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(2 * n * n);
  order.forEach((src, j) => {
    values[j] = re[src * n + src]!;
    for (let r = 0; r < n; r++) {
      vectors[2 * (r * n + j)] = vr[r * n + src]!;
      vectors[2 * (r * n + j) + 1] = vi[r * n + src]!;
    }
  });
  return { values, vectors };
}

/**
 * One Jacobi rotation zeroing entry (p, q): J = D·R, where D = diag(1, e^{−iφ}) on (p, q) makes the
 * pivot real (φ = arg a_pq) and R is the real Jacobi rotation of Numerical Recipes §11.1; A ← J†AJ.
 * Skipped (returns false) once |a_pq| ≤ ε·√|a_pp a_qq|: the relative test of Demmel & Veselić
 * (SIAM J. Matrix Anal. Appl. 13, 1204, 1992) that gets small eigenvalues of positive semidefinite
 * matrices to high relative accuracy, which the square roots in fidelities need.
 */
function rotate(
  re: Float64Array,
  im: Float64Array,
  vr: Float64Array,
  vi: Float64Array,
  n: number,
  p: number,
  q: number,
  negligible: number,
): boolean {
  const ar = re[p * n + q]!;
  const ai = im[p * n + q]!;
  const r2 = ar * ar + ai * ai;
  const eps2 = Number.EPSILON * Number.EPSILON;
  if (r2 <= negligible || r2 <= eps2 * Math.abs(re[p * n + p]! * re[q * n + q]!)) return false;
  const r = Math.sqrt(r2);
  // w = e^{−iφ} = conj(a_pq) / |a_pq|.
  const wr = ar / r;
  const wi = -ai / r;
  const theta = (re[q * n + q]! - re[p * n + p]!) / (2 * r);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  // Columns: A ← A J (and V ← V J): col p ← c·col p − s·w·col q, col q ← s·col p + c·w·col q.
  const columns = (xr: Float64Array, xi: Float64Array): void => {
    for (let k = 0; k < n; k++) {
      const pr = xr[k * n + p]!;
      const pi = xi[k * n + p]!;
      const yr = wr * xr[k * n + q]! - wi * xi[k * n + q]!;
      const yi = wr * xi[k * n + q]! + wi * xr[k * n + q]!;
      xr[k * n + p] = c * pr - s * yr;
      xi[k * n + p] = c * pi - s * yi;
      xr[k * n + q] = s * pr + c * yr;
      xi[k * n + q] = s * pi + c * yi;
    }
  };
  columns(re, im);
  columns(vr, vi);
  // Rows: A ← J† A: row p ← c·row p − s·conj(w)·row q, row q ← s·row p + c·conj(w)·row q.
  for (let k = 0; k < n; k++) {
    const pr = re[p * n + k]!;
    const pi = im[p * n + k]!;
    const yr = wr * re[q * n + k]! + wi * im[q * n + k]!;
    const yi = wr * im[q * n + k]! - wi * re[q * n + k]!;
    re[p * n + k] = c * pr - s * yr;
    im[p * n + k] = c * pi - s * yi;
    re[q * n + k] = s * pr + c * yr;
    im[q * n + k] = s * pi + c * yi;
  }
  re[p * n + q] = 0;
  im[p * n + q] = 0;
  re[q * n + p] = 0;
  im[q * n + p] = 0;
  im[p * n + p] = 0;
  im[q * n + q] = 0;
  return true;
}

/** f(m) = V f(Λ) V† for a Hermitian m, e.g. the square root of a positive semidefinite matrix. */
export function hermitianMap(m: CMatrix, f: (x: number) => number): CMatrix {
  const { values, vectors: v } = hermitianEigen(m);
  const n = values.length;
  const out = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    const fj = f(values[j]!);
    if (fj === 0) continue;
    for (let r = 0; r < n; r++) {
      const ar = fj * v[2 * (r * n + j)]!;
      const ai = fj * v[2 * (r * n + j) + 1]!;
      for (let c = 0; c < n; c++) {
        // (f_j v_rj) · conj(v_cj)
        const br = v[2 * (c * n + j)]!;
        const bi = -v[2 * (c * n + j) + 1]!;
        out[2 * (r * n + c)]! += ar * br - ai * bi;
        out[2 * (r * n + c) + 1]! += ar * bi + ai * br;
      }
    }
  }
  return out;
}
