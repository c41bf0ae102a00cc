// In-place kernels on amplitudes a[2i] + i·a[2i+1], i < nAmps (the whole register, or one cache
// block of it). Each walks only the amplitudes its op changes: the index space is enumerated as
// runs of consecutive indices below the lowest fixed bit (controls, targets), so the inner loops
// are plain strided loops the JIT compiles tightly and the control=0 subspace is never visited.
import type { SvOp } from './statevector-op.js';

// The loops visit the indices i with (i & fixed) === value run by run: a run is 2^p consecutive
// indices (p = lowest fixed bit), and the next run starts at ((i + run − 1) | fixed) + 1 with the
// fixed bits cleared, which carries over them.

/** Multiplies a[i] by re + i·im wherever (i & fixed) === value. */
export function kScale(
  a: Float64Array,
  nAmps: number,
  fixed: number,
  value: number,
  re: number,
  im: number,
): void {
  const run = fixed === 0 ? nAmps : fixed & -fixed;
  if (im === 0 && re === -1) {
    for (let i = 0; i < nAmps; i = (((i + run - 1) | fixed) + 1) & ~fixed) {
      const base = (i | value) << 1;
      for (let x = base, end = base + 2 * run; x < end; x++) a[x] = -a[x]!;
    }
    return;
  }
  for (let i = 0; i < nAmps; i = (((i + run - 1) | fixed) + 1) & ~fixed) {
    const base = (i | value) << 1;
    for (let x = base, end = base + 2 * run; x < end; x += 2) {
      const r = a[x]!;
      const s = a[x + 1]!;
      a[x] = r * re - s * im;
      a[x + 1] = r * im + s * re;
    }
  }
}

export function kDiag1(a: Float64Array, nAmps: number, t: number, ctrl: number, d: Float64Array): void {
  const tb = 1 << t;
  const fixed = ctrl | tb;
  const run = fixed & -fixed;
  const off = tb << 1;
  const d0r = d[0]!;
  const d0i = d[1]!;
  const d1r = d[2]!;
  const d1i = d[3]!;
  for (let i = 0; i < nAmps; i = (((i + run - 1) | fixed) + 1) & ~fixed) {
    const base = (i | ctrl) << 1;
    for (let x = base, end = base + 2 * run; x < end; x += 2) {
      const y = x + off;
      const ar = a[x]!;
      const ai = a[x + 1]!;
      const br = a[y]!;
      const bi = a[y + 1]!;
      a[x] = ar * d0r - ai * d0i;
      a[x + 1] = ar * d0i + ai * d0r;
      a[y] = br * d1r - bi * d1i;
      a[y + 1] = br * d1i + bi * d1r;
    }
  }
}

export function kX(a: Float64Array, nAmps: number, t: number, ctrl: number): void {
  const tb = 1 << t;
  const fixed = ctrl | tb;
  const run = fixed & -fixed;
  const off = tb << 1;
  for (let i = 0; i < nAmps; i = (((i + run - 1) | fixed) + 1) & ~fixed) {
    const base = (i | ctrl) << 1;
    for (let x = base, end = base + 2 * run; x < end; x++) {
      const y = x + off;
      const v = a[x]!;
      a[x] = a[y]!;
      a[y] = v;
    }
  }
}

export function kSwap(a: Float64Array, nAmps: number, qa: number, qb: number, ctrl: number): void {
  const A = 1 << qa;
  const B = 1 << qb;
  const fixed = ctrl | A | B;
  const run = fixed & -fixed;
  const off = (B - A) << 1;
  for (let i = 0; i < nAmps; i = (((i + run - 1) | fixed) + 1) & ~fixed) {
    const base = (i | ctrl | A) << 1;
    for (let x = base, end = base + 2 * run; x < end; x++) {
      const y = x + off;
      const v = a[x]!;
      a[x] = a[y]!;
      a[y] = v;
    }
  }
}

export function kDense1(a: Float64Array, nAmps: number, t: number, ctrl: number, m: Float64Array): void {
  const tb = 1 << t;
  const fixed = ctrl | tb;
  const run = fixed & -fixed;
  const off = tb << 1;
  const m00r = m[0]!;
  const m00i = m[1]!;
  const m01r = m[2]!;
  const m01i = m[3]!;
  const m10r = m[4]!;
  const m10i = m[5]!;
  const m11r = m[6]!;
  const m11i = m[7]!;
  if (m00i === 0 && m01i === 0 && m10i === 0 && m11i === 0) {
    // Real matrices (h, ry and their products) need half the multiplications.
    for (let i = 0; i < nAmps; i = (((i + run - 1) | fixed) + 1) & ~fixed) {
      const base = (i | ctrl) << 1;
      for (let x = base, end = base + 2 * run; x < end; x++) {
        const y = x + off;
        const u = a[x]!;
        const v = a[y]!;
        a[x] = m00r * u + m01r * v;
        a[y] = m10r * u + m11r * v;
      }
    }
    return;
  }
  for (let i = 0; i < nAmps; i = (((i + run - 1) | fixed) + 1) & ~fixed) {
    const base = (i | ctrl) << 1;
    for (let x = base, end = base + 2 * run; x < end; x += 2) {
      const y = x + off;
      const ar = a[x]!;
      const ai = a[x + 1]!;
      const br = a[y]!;
      const bi = a[y + 1]!;
      a[x] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
      a[x + 1] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
      a[y] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
      a[y + 1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
    }
  }
}

export function kDense2(
  a: Float64Array,
  nAmps: number,
  hi: number,
  lo: number,
  ctrl: number,
  m: Float64Array,
): void {
  const H = 1 << hi;
  const L = 1 << lo;
  const fixed = ctrl | H | L;
  const run = fixed & -fixed;
  const o1 = L << 1;
  const o2 = H << 1;
  const o3 = (H | L) << 1;
  // The matrix in locals: the loop then reads no array but the state.
  const a0r = m[0]!;
  const a0i = m[1]!;
  const a1r = m[2]!;
  const a1i = m[3]!;
  const a2r = m[4]!;
  const a2i = m[5]!;
  const a3r = m[6]!;
  const a3i = m[7]!;
  const b0r = m[8]!;
  const b0i = m[9]!;
  const b1r = m[10]!;
  const b1i = m[11]!;
  const b2r = m[12]!;
  const b2i = m[13]!;
  const b3r = m[14]!;
  const b3i = m[15]!;
  const c0r = m[16]!;
  const c0i = m[17]!;
  const c1r = m[18]!;
  const c1i = m[19]!;
  const c2r = m[20]!;
  const c2i = m[21]!;
  const c3r = m[22]!;
  const c3i = m[23]!;
  const d0r = m[24]!;
  const d0i = m[25]!;
  const d1r = m[26]!;
  const d1i = m[27]!;
  const d2r = m[28]!;
  const d2i = m[29]!;
  const d3r = m[30]!;
  const d3i = m[31]!;
  for (let i = 0; i < nAmps; i = (((i + run - 1) | fixed) + 1) & ~fixed) {
    const base = (i | ctrl) << 1;
    for (let x = base, end = base + 2 * run; x < end; x += 2) {
      const x1 = x + o1;
      const x2 = x + o2;
      const x3 = x + o3;
      const v0r = a[x]!;
      const v0i = a[x + 1]!;
      const v1r = a[x1]!;
      const v1i = a[x1 + 1]!;
      const v2r = a[x2]!;
      const v2i = a[x2 + 1]!;
      const v3r = a[x3]!;
      const v3i = a[x3 + 1]!;
      a[x] = a0r * v0r - a0i * v0i + a1r * v1r - a1i * v1i + a2r * v2r - a2i * v2i + a3r * v3r - a3i * v3i;
      a[x + 1] =
        a0r * v0i + a0i * v0r + a1r * v1i + a1i * v1r + a2r * v2i + a2i * v2r + a3r * v3i + a3i * v3r;
      a[x1] = b0r * v0r - b0i * v0i + b1r * v1r - b1i * v1i + b2r * v2r - b2i * v2i + b3r * v3r - b3i * v3i;
      a[x1 + 1] =
        b0r * v0i + b0i * v0r + b1r * v1i + b1i * v1r + b2r * v2i + b2i * v2r + b3r * v3i + b3i * v3r;
      a[x2] = c0r * v0r - c0i * v0i + c1r * v1r - c1i * v1i + c2r * v2r - c2i * v2i + c3r * v3r - c3i * v3i;
      a[x2 + 1] =
        c0r * v0i + c0i * v0r + c1r * v1i + c1i * v1r + c2r * v2i + c2i * v2r + c3r * v3i + c3i * v3r;
      a[x3] = d0r * v0r - d0i * v0i + d1r * v1r - d1i * v1i + d2r * v2r - d2i * v2i + d3r * v3r - d3i * v3i;
      a[x3 + 1] =
        d0r * v0i + d0i * v0r + d1r * v1i + d1i * v1r + d2r * v2i + d2i * v2r + d3r * v3i + d3i * v3r;
    }
  }
}

export function kDenseK(
  a: Float64Array,
  nAmps: number,
  targets: readonly number[],
  ctrl: number,
  m: Float64Array,
): void {
  const k = targets.length;
  const d = 1 << k;
  let fixed = ctrl;
  for (const t of targets) fixed |= 1 << t;
  const offsets = new Int32Array(d);
  for (let r = 0; r < d; r++) {
    let off = 0;
    for (let t = 0; t < k; t++) if ((r >>> (k - 1 - t)) & 1) off |= 1 << targets[t]!;
    offsets[r] = off << 1;
  }
  const vr = new Float64Array(d);
  const vi = new Float64Array(d);
  for (let i = 0; i < nAmps; i = ((i | fixed) + 1) & ~fixed) {
    const base = (i | ctrl) << 1;
    for (let c = 0; c < d; c++) {
      vr[c] = a[base + offsets[c]!]!;
      vi[c] = a[base + offsets[c]! + 1]!;
    }
    for (let r = 0; r < d; r++) {
      let sr = 0;
      let si = 0;
      for (let c = 0, e = 2 * r * d; c < d; c++, e += 2) {
        const mr = m[e]!;
        const mi = m[e + 1]!;
        sr += mr * vr[c]! - mi * vi[c]!;
        si += mr * vi[c]! + mi * vr[c]!;
      }
      a[base + offsets[r]!] = sr;
      a[base + offsets[r]! + 1] = si;
    }
  }
}

/** Chunk of consecutive indices sharing the high part of a diagonal table's index. */
const DIAG_CHUNK_BITS = 6;

export function kDiagTable(
  a: Float64Array,
  nAmps: number,
  qubits: readonly number[],
  table: Float64Array,
): void {
  const chunkBits = Math.min(DIAG_CHUNK_BITS, Math.log2(nAmps));
  const chunk = 1 << chunkBits;
  // Table index = (bits of the high qubits) · 2^nLow + lowMap[i mod chunk].
  const low = qubits.filter((q) => q < chunkBits);
  const high = qubits.filter((q) => q >= chunkBits);
  const lowMap = new Int32Array(chunk);
  for (let t = 0; t < chunk; t++) {
    let v = 0;
    low.forEach((q, b) => {
      v |= ((t >>> q) & 1) << b;
    });
    lowMap[t] = v << 1;
  }
  const nLow = low.length;
  for (let c = 0; c < nAmps; c += chunk) {
    let h = 0;
    for (let b = 0; b < high.length; b++) h |= ((c >>> high[b]!) & 1) << b;
    const row = (h << nLow) << 1;
    for (let t = 0, x = c << 1; t < chunk; t++, x += 2) {
      const e = row + lowMap[t]!;
      const re = table[e]!;
      const im = table[e + 1]!;
      const r = a[x]!;
      const s = a[x + 1]!;
      a[x] = r * re - s * im;
      a[x + 1] = r * im + s * re;
    }
  }
}

const r = Math.SQRT1_2;
const H = Float64Array.of(r, 0, r, 0, r, 0, -r, 0);

export function applyOp(a: Float64Array, nAmps: number, op: SvOp): void {
  switch (op.kind) {
    case 'scale':
      kScale(a, nAmps, op.fixed, op.value, op.re, op.im);
      return;
    case 'diag1':
      kDiag1(a, nAmps, op.target, op.ctrl, op.d);
      return;
    case 'x':
      kX(a, nAmps, op.target, op.ctrl);
      return;
    case 'swap':
      kSwap(a, nAmps, op.a, op.b, op.ctrl);
      return;
    case 'dense1':
      kDense1(a, nAmps, op.target, op.ctrl, op.m);
      return;
    case 'hh':
      kDense1(a, nAmps, op.a, 0, H);
      kDense1(a, nAmps, op.b, 0, H);
      return;
    case 'dense2':
      kDense2(a, nAmps, op.hi, op.lo, op.ctrl, op.m);
      return;
    case 'denseK':
      kDenseK(a, nAmps, op.targets, op.ctrl, op.m);
      return;
    case 'diag':
      kDiagTable(a, nAmps, op.qubits, op.table);
      return;
  }
}
