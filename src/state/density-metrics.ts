// Figures of merit and reductions of density matrices in the CMatrix layout (D×D, qubit q = bit q
// of the row and column indices): trace, purity, fidelities, partial trace.
import { type CMatrix, cmatDim } from '../util/complex-matrix.js';
import { QnetError } from '../util/errors.js';
import { hermitianEigen } from '../util/hermitian-eigen.js';

/** Re Tr ρ. */
export function traceOf(rho: CMatrix): number {
  const d = cmatDim(rho);
  let t = 0;
  for (let i = 0; i < d; i++) t += rho[2 * (i * d + i)]!;
  return t;
}

/** Tr ρ² = Σ |ρ_rc|² for Hermitian ρ. */
export function purityOf(rho: CMatrix): number {
  let s = 0;
  for (let k = 0; k < rho.length; k++) s += rho[k]! * rho[k]!;
  return s;
}

/** ⟨ψ|ρ|ψ⟩ for amplitudes ψ (re/im interleaved, index = basis state). */
export function fidelityWithPure(rho: CMatrix, psi: Float64Array): number {
  const d = cmatDim(rho);
  if (psi.length !== 2 * d) {
    throw new QnetError(
      'E_STATE',
      `a pure state of ${psi.length / 2} amplitudes cannot be compared with a ${d}×${d} density matrix`,
    );
  }
  let f = 0;
  for (let r = 0; r < d; r++) {
    const ar = psi[2 * r]!;
    const ai = psi[2 * r + 1]!;
    if (ar === 0 && ai === 0) continue;
    // (ρψ)_r, then conj(ψ_r)·(ρψ)_r; the imaginary parts cancel over r for Hermitian ρ.
    let sr = 0;
    let si = 0;
    for (let c = 0; c < d; c++) {
      const mr = rho[2 * (r * d + c)]!;
      const mi = rho[2 * (r * d + c) + 1]!;
      sr += mr * psi[2 * c]! - mi * psi[2 * c + 1]!;
      si += mr * psi[2 * c + 1]! + mi * psi[2 * c]!;
    }
    f += ar * sr + ai * si;
  }
  return f;
}

/** Eigenvalues of a density matrix at or below this are rounding residue of zero. */
function noiseFloor(values: Float64Array): number {
  let top = 0;
  for (const v of values) top = Math.max(top, Math.abs(v));
  return 4 * Number.EPSILON * values.length * top;
}

/**
 * Uhlmann fidelity F(ρ, σ) = (Tr √(√ρ σ √ρ))² (Jozsa, J. Mod. Opt. 41, 2315, 1994: the squared
 * convention, so F(|ψ⟩⟨ψ|, σ) = ⟨ψ|σ|ψ⟩), clamped to [0, 1] against rounding.
 *
 * √ turns a rounding residue of 1e−17 into 3e−9, so the zero eigenvalues must never reach a square
 * root: with ρ = Σ λ_i |v_i⟩⟨v_i|, √ρ σ √ρ has the spectrum of M = W†σW, W = [√λ_i v_i] over the
 * support of ρ only, and ρ is whichever of the two states has the smaller support (F is symmetric).
 * A pure state then gives a 1×1 M, and small eigenvalues of M come out graded, to relative accuracy.
 * The price: a genuine eigenvalue of ρ below the rounding floor (~1e−15) is dropped too, an error of
 * up to its square root (~3e−8); F is that ill-conditioned near the edge of the state space anyway.
 */
export function uhlmannFidelity(rho: CMatrix, sigma: CMatrix): number {
  if (rho.length !== sigma.length) {
    throw new QnetError(
      'E_STATE',
      `cannot compare density matrices of dimensions ${cmatDim(rho)} and ${cmatDim(sigma)}`,
    );
  }
  const d = cmatDim(rho);
  const support = (m: CMatrix) => {
    const { values, vectors } = hermitianEigen(m);
    const floor = noiseFloor(values);
    return { vectors, values, kept: [...values.keys()].filter((i) => values[i]! > floor) };
  };
  const a = support(rho);
  const b = support(sigma);
  const [small, other] = a.kept.length <= b.kept.length ? [a, sigma] : [b, rho];
  const k = small.kept.length;
  if (k === 0) return 0;
  // W (d×k) and σW, then M = W†(σW) (k×k).
  const w = new Float64Array(2 * d * k);
  small.kept.forEach((i, j) => {
    const f = Math.sqrt(small.values[i]!);
    for (let r = 0; r < d; r++) {
      w[2 * (r * k + j)] = f * small.vectors[2 * (r * d + i)]!;
      w[2 * (r * k + j) + 1] = f * small.vectors[2 * (r * d + i) + 1]!;
    }
  });
  const sw = new Float64Array(2 * d * k);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      const mr = other[2 * (r * d + c)]!;
      const mi = other[2 * (r * d + c) + 1]!;
      if (mr === 0 && mi === 0) continue;
      for (let j = 0; j < k; j++) {
        sw[2 * (r * k + j)]! += mr * w[2 * (c * k + j)]! - mi * w[2 * (c * k + j) + 1]!;
        sw[2 * (r * k + j) + 1]! += mr * w[2 * (c * k + j) + 1]! + mi * w[2 * (c * k + j)]!;
      }
    }
  }
  const m = new Float64Array(2 * k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let re = 0;
      let im = 0;
      for (let r = 0; r < d; r++) {
        // conj(W_ri)·(σW)_rj
        const xr = w[2 * (r * k + i)]!;
        const xi = -w[2 * (r * k + i) + 1]!;
        const yr = sw[2 * (r * k + j)]!;
        const yi = sw[2 * (r * k + j) + 1]!;
        re += xr * yr - xi * yi;
        im += xr * yi + xi * yr;
      }
      // Filled as exactly Hermitian: the upper triangle is computed, the lower mirrored.
      m[2 * (i * k + j)] = re;
      m[2 * (i * k + j) + 1] = i === j ? 0 : im;
      m[2 * (j * k + i)] = re;
      m[2 * (j * k + i) + 1] = i === j ? 0 : -im;
    }
  }
  let s = 0;
  for (const v of hermitianEigen(m).values) s += Math.sqrt(Math.max(0, v));
  return Math.min(1, Math.max(0, s * s));
}

/**
 * Tr over every qubit not in `keep`, for a matrix on `numQubits` qubits. Qubit j of the result is
 * keep[j].
 */
export function partialTrace(rho: CMatrix, numQubits: number, keep: readonly number[]): CMatrix {
  const d = cmatDim(rho);
  if (d !== 2 ** numQubits) throw new Error(`partialTrace: a ${d}×${d} matrix is not on ${numQubits} qubits`);
  const seen = new Set<number>();
  for (const q of keep) {
    if (!Number.isInteger(q) || q < 0 || q >= numQubits || seen.has(q)) {
      throw new QnetError(
        'E_QUBIT',
        `partial trace: cannot keep qubit ${q} of a ${numQubits}-qubit register (out of range or repeated)`,
      );
    }
    seen.add(q);
  }
  const traced = Array.from({ length: numQubits }, (_, q) => q).filter((q) => !seen.has(q));
  // scatter tables: local index → full index bits.
  const spread = (qubits: readonly number[]): Int32Array =>
    Int32Array.from({ length: 2 ** qubits.length }, (_, i) =>
      qubits.reduce((acc, q, j) => acc | (((i >> j) & 1) << q), 0),
    );
  const keptAt = spread(keep);
  const tracedAt = spread(traced);
  const k = keptAt.length;
  const out = new Float64Array(2 * k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let sr = 0;
      let si = 0;
      for (const e of tracedAt) {
        const at = 2 * ((keptAt[a]! | e) * d + (keptAt[b]! | e));
        sr += rho[at]!;
        si += rho[at + 1]!;
      }
      out[2 * (a * k + b)] = sr;
      out[2 * (a * k + b) + 1] = si;
    }
  }
  return out;
}
