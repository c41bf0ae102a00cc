// Kernels of the density engine. ρ (D×D, D = 2^n) is stored row-major with re/im interleaved, which
// is also vec(ρ) on 2n index bits: bits 0..n−1 are the column index, bits n..2n−1 the row index.
// U ρ U† is then U on the row bits and conj(U) on the column bits, and a channel with Kraus operators
// K is Σ K ⊗ conj(K) on the row and column bits of its qubits: every operation is a small matrix on
// a few bits of one long vector, with no D²×D² matrix ever built.
import { applyMatrix } from '../gates/apply-matrix.js';
import type { CMatrix } from '../util/complex-matrix.js';

/** Index `k` with a zero bit inserted at position `pos`. */
const insertZero = (k: number, pos: number): number => ((k >>> pos) << (pos + 1)) | (k & ((1 << pos) - 1));

/** In place: the 2×2 matrix m (8 numbers) on index bit `bit` of the interleaved vector v. */
export function apply1(v: Float64Array, m: Float64Array, bit: number): void {
  const m00r = m[0]!;
  const m00i = m[1]!;
  const m01r = m[2]!;
  const m01i = m[3]!;
  const m10r = m[4]!;
  const m10i = m[5]!;
  const m11r = m[6]!;
  const m11i = m[7]!;
  const n = v.length >>> 1;
  const half = 1 << bit;
  for (let hi = 0; hi < n; hi += 2 * half) {
    for (let i = hi; i < hi + half; i++) {
      const a = 2 * i;
      const b = 2 * (i + half);
      const ar = v[a]!;
      const ai = v[a + 1]!;
      const br = v[b]!;
      const bi = v[b + 1]!;
      v[a] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
      v[a + 1] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
      v[b] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
      v[b + 1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
    }
  }
}

/**
 * Calls f(base) for every index with bits `a` and `b` clear, in increasing order: three nested
 * ranges instead of inserting zero bits into a counter.
 */
function forEachBase2(n: number, a: number, b: number, f: (base: number) => void): void {
  const lo = 1 << Math.min(a, b);
  const hi = 1 << Math.max(a, b);
  for (let i2 = 0; i2 < n; i2 += 2 * hi) {
    for (let i1 = i2; i1 < i2 + hi; i1 += 2 * lo) {
      for (let i0 = i1; i0 < i1 + lo; i0++) f(i0);
    }
  }
}

/** In place: the 4×4 matrix m (32 numbers) on index bits (hi, lo); `hi` is the matrix's high bit. */
export function apply2(v: Float64Array, m: Float64Array, hi: number, lo: number): void {
  const o1 = 2 * (1 << lo);
  const o2 = 2 * (1 << hi);
  const o3 = o1 + o2;
  forEachBase2(v.length >>> 1, hi, lo, (base) => {
    const i0 = 2 * base;
    const x0r = v[i0]!;
    const x0i = v[i0 + 1]!;
    const x1r = v[i0 + o1]!;
    const x1i = v[i0 + o1 + 1]!;
    const x2r = v[i0 + o2]!;
    const x2i = v[i0 + o2 + 1]!;
    const x3r = v[i0 + o3]!;
    const x3i = v[i0 + o3 + 1]!;
    for (let r = 0; r < 4; r++) {
      const k = 8 * r;
      const out = i0 + (r === 0 ? 0 : r === 1 ? o1 : r === 2 ? o2 : o3);
      v[out] =
        m[k]! * x0r -
        m[k + 1]! * x0i +
        m[k + 2]! * x1r -
        m[k + 3]! * x1i +
        m[k + 4]! * x2r -
        m[k + 5]! * x2i +
        m[k + 6]! * x3r -
        m[k + 7]! * x3i;
      v[out + 1] =
        m[k]! * x0i +
        m[k + 1]! * x0r +
        m[k + 2]! * x1i +
        m[k + 3]! * x1r +
        m[k + 4]! * x2i +
        m[k + 5]! * x2r +
        m[k + 6]! * x3i +
        m[k + 7]! * x3r;
    }
  });
}

/**
 * The column of the single non-zero entry of each row, if m has one per row (a permutation times
 * phases: Paulis, phase gates, cx, cz, swap, ccx...), else undefined.
 */
function monomialColumns(m: CMatrix, d: number): Int32Array | undefined {
  const cols = new Int32Array(d);
  for (let r = 0; r < d; r++) {
    let found = -1;
    for (let c = 0; c < d; c++) {
      if (m[2 * (r * d + c)] === 0 && m[2 * (r * d + c) + 1] === 0) continue;
      if (found >= 0) return undefined;
      found = c;
    }
    if (found < 0) return undefined;
    cols[r] = found;
  }
  return cols;
}

/** applyK for a monomial matrix: one complex multiply per entry instead of a row of them. */
function applyMonomial(v: Float64Array, m: CMatrix, cols: Int32Array, bits: readonly number[]): void {
  const k = bits.length;
  const d = 1 << k;
  const offsets = new Int32Array(d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < k; j++) if ((i >> (k - 1 - j)) & 1) offsets[i]! |= 1 << bits[j]!;
  }
  const xr = new Float64Array(d);
  const xi = new Float64Array(d);
  const block = (base: number): void => {
    for (let i = 0; i < d; i++) {
      xr[i] = v[2 * (base + offsets[i]!)]!;
      xi[i] = v[2 * (base + offsets[i]!) + 1]!;
    }
    for (let r = 0; r < d; r++) {
      const c = cols[r]!;
      const mr = m[2 * (r * d + c)]!;
      const mi = m[2 * (r * d + c) + 1]!;
      v[2 * (base + offsets[r]!)] = mr * xr[c]! - mi * xi[c]!;
      v[2 * (base + offsets[r]!) + 1] = mr * xi[c]! + mi * xr[c]!;
    }
  };
  const sorted = [...bits].sort((a, b) => a - b);
  const blocks = (v.length >>> 1) >>> k;
  for (let b = 0; b < blocks; b++) {
    let base = b;
    for (const bit of sorted) base = insertZero(base, bit);
    block(base);
  }
}

/** In place: a 2^k×2^k matrix on index bits `bits` (bits[0] is the matrix's most significant bit). */
export function applyK(v: Float64Array, m: CMatrix, bits: readonly number[]): void {
  // From three qubits up (ccx, cswap, c3x...) the generic kernel's dense rows dominate; below, the
  // written-out dense kernels beat a permutation's indirection.
  const cols = bits.length > 2 ? monomialColumns(m, 1 << bits.length) : undefined;
  if (cols) applyMonomial(v, m, cols, bits);
  else if (bits.length === 1) apply1(v, m, bits[0]!);
  else if (bits.length === 2) apply2(v, m, bits[0]!, bits[1]!);
  else applyMatrix(v, m, bits);
}

/** Entry-wise complex conjugate. */
export function conjugate(m: CMatrix): CMatrix {
  const out = m.slice();
  for (let k = 1; k < out.length; k += 2) out[k] = -out[k]!;
  return out;
}

/** One term of a Pauli channel: X^x Z^z with probability p, bit j of x and z on target j. */
export interface PauliTerm {
  x: number;
  z: number;
  p: number;
}

/**
 * In place: ρ → Σ p · P ρ P† on `targets` of the dim×dim matrix ρ. P = X^x Z^z sends entry (r, c)
 * to (r⊕x, c⊕x) with sign (−1)^{z·(r⊕c)}, so within each block of entries that differ only on the
 * target bits, out(a, b) = Σ_x f_x(a⊕b) ρ(a⊕x, b⊕x) with f_x(d) = Σ_z p_{x,z} (−1)^{z·d}: a few
 * real multiplies per entry instead of a dense superoperator.
 */
export function applyPauliChannel(
  rho: Float64Array,
  dim: number,
  targets: readonly number[],
  terms: readonly PauliTerm[],
): void {
  if (targets.length === 1) {
    pauliChannel1(rho, dim, targets[0]!, terms);
    return;
  }
  const m = 1 << targets.length;
  const spread = new Int32Array(m);
  for (let a = 0; a < m; a++) {
    for (let j = 0; j < targets.length; j++) spread[a]! |= ((a >> j) & 1) << targets[j]!;
  }
  const mask = spread[m - 1]!;
  const f = new Float64Array(m * m);
  for (const { x, z, p } of terms) {
    for (let d = 0; d < m; d++) {
      let parity = 0;
      for (let b = z & d; b; b &= b - 1) parity ^= 1;
      f[x * m + d]! += parity ? -p : p;
    }
  }
  const xs = [...Array(m).keys()].filter((x) => f.subarray(x * m, x * m + m).some((v) => v !== 0));
  const tr = new Float64Array(m * m);
  const ti = new Float64Array(m * m);
  for (let r0 = 0; r0 < dim; r0++) {
    if (r0 & mask) continue;
    for (let c0 = 0; c0 < dim; c0++) {
      if (c0 & mask) continue;
      for (let a = 0; a < m; a++) {
        for (let b = 0; b < m; b++) {
          const at = 2 * ((r0 | spread[a]!) * dim + (c0 | spread[b]!));
          tr[a * m + b] = rho[at]!;
          ti[a * m + b] = rho[at + 1]!;
        }
      }
      for (let a = 0; a < m; a++) {
        for (let b = 0; b < m; b++) {
          let sr = 0;
          let si = 0;
          for (const x of xs) {
            const coef = f[x * m + (a ^ b)]!;
            const from = (a ^ x) * m + (b ^ x);
            sr += coef * tr[from]!;
            si += coef * ti[from]!;
          }
          const at = 2 * ((r0 | spread[a]!) * dim + (c0 | spread[b]!));
          rho[at] = sr;
          rho[at + 1] = si;
        }
      }
    }
  }
}

/** applyPauliChannel on one qubit, written out: the hot case (depolarising after every gate). */
function pauliChannel1(rho: Float64Array, dim: number, target: number, terms: readonly PauliTerm[]): void {
  const w = [0, 0, 0, 0];
  for (const { x, z, p } of terms) w[x | (z << 1)]! += p;
  const [pi, px, pz, py] = w as [number, number, number, number];
  // Populations mix through X and Y; coherences shrink through Z and Y and swap through X and Y.
  const keepDiag = pi + pz;
  const swapDiag = px + py;
  const keepOff = pi - pz;
  const swapOff = px - py;
  const bit = 1 << target;
  for (let rh = 0; rh < dim; rh += 2 * bit) {
    for (let r = rh; r < rh + bit; r++) {
      const row0 = 2 * r * dim;
      const row1 = 2 * (r + bit) * dim;
      for (let ch = 0; ch < dim; ch += 2 * bit) {
        for (let c = ch; c < ch + bit; c++) {
          const i00 = row0 + 2 * c;
          const i01 = i00 + 2 * bit;
          const i10 = row1 + 2 * c;
          const i11 = i10 + 2 * bit;
          for (let part = 0; part < 2; part++) {
            const a00 = rho[i00 + part]!;
            const a01 = rho[i01 + part]!;
            const a10 = rho[i10 + part]!;
            const a11 = rho[i11 + part]!;
            rho[i00 + part] = keepDiag * a00 + swapDiag * a11;
            rho[i11 + part] = keepDiag * a11 + swapDiag * a00;
            rho[i01 + part] = keepOff * a01 + swapOff * a10;
            rho[i10 + part] = keepOff * a10 + swapOff * a01;
          }
        }
      }
    }
  }
}
