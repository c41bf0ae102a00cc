// Small dense complex matrices for gate tables and tests: row-major, real and imaginary parts
// interleaved (entry (r, c) at [2(r·n + c)], [2(r·n + c) + 1]). Meant for sizes up to a few dozen
// rows; a state-vector engine must not build full matrices.

/** A square complex matrix, row-major, re/im interleaved; its dimension is sqrt(length / 2). */
export type CMatrix = Float64Array;

export function cmatDim(m: CMatrix): number {
  const n = Math.round(Math.sqrt(m.length / 2));
  if (2 * n * n !== m.length) throw new Error(`not a square complex matrix (length ${m.length})`);
  return n;
}

/** A matrix from rows of complex entries written as [re, im] pairs or plain reals. */
export function cmatFromRows(rows: readonly (readonly (number | readonly [number, number])[])[]): CMatrix {
  const n = rows.length;
  const m = new Float64Array(2 * n * n);
  rows.forEach((row, r) => {
    if (row.length !== n) throw new Error(`row ${r} has ${row.length} entries, expected ${n}`);
    row.forEach((v, c) => {
      const k = 2 * (r * n + c);
      if (typeof v === 'number') m[k] = v;
      else {
        m[k] = v[0];
        m[k + 1] = v[1];
      }
    });
  });
  return m;
}

export function cmatIdentity(n: number): CMatrix {
  const m = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) m[2 * (i * n + i)] = 1;
  return m;
}

export function cmatMul(a: CMatrix, b: CMatrix): CMatrix {
  const n = cmatDim(a);
  if (cmatDim(b) !== n) throw new Error('dimension mismatch in cmatMul');
  const out = new Float64Array(2 * n * n);
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < n; k++) {
      const ar = a[2 * (r * n + k)]!;
      const ai = a[2 * (r * n + k) + 1]!;
      if (ar === 0 && ai === 0) continue;
      for (let c = 0; c < n; c++) {
        const br = b[2 * (k * n + c)]!;
        const bi = b[2 * (k * n + c) + 1]!;
        out[2 * (r * n + c)]! += ar * br - ai * bi;
        out[2 * (r * n + c) + 1]! += ar * bi + ai * br;
      }
    }
  }
  return out;
}

/** Kronecker product a ⊗ b: a acts on the more significant index bits. */
export function cmatKron(a: CMatrix, b: CMatrix): CMatrix {
  const na = cmatDim(a);
  const nb = cmatDim(b);
  const n = na * nb;
  const out = new Float64Array(2 * n * n);
  for (let ra = 0; ra < na; ra++) {
    for (let ca = 0; ca < na; ca++) {
      const xr = a[2 * (ra * na + ca)]!;
      const xi = a[2 * (ra * na + ca) + 1]!;
      for (let rb = 0; rb < nb; rb++) {
        for (let cb = 0; cb < nb; cb++) {
          const yr = b[2 * (rb * nb + cb)]!;
          const yi = b[2 * (rb * nb + cb) + 1]!;
          const k = 2 * ((ra * nb + rb) * n + ca * nb + cb);
          out[k] = xr * yr - xi * yi;
          out[k + 1] = xr * yi + xi * yr;
        }
      }
    }
  }
  return out;
}

/** Conjugate transpose. */
export function cmatAdjoint(a: CMatrix): CMatrix {
  const n = cmatDim(a);
  const out = new Float64Array(2 * n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      out[2 * (c * n + r)] = a[2 * (r * n + c)]!;
      out[2 * (c * n + r) + 1] = -a[2 * (r * n + c) + 1]!;
    }
  }
  return out;
}

/** Σ (re_k + i·im_k)·M_k over terms [re, im, M]. */
export function cmatCombine(terms: readonly (readonly [number, number, CMatrix])[]): CMatrix {
  const first = terms[0];
  if (!first) throw new Error('cmatCombine needs at least one term');
  const out = new Float64Array(first[2].length);
  for (const [re, im, m] of terms) {
    if (m.length !== out.length) throw new Error('dimension mismatch in cmatCombine');
    for (let k = 0; k < out.length; k += 2) {
      out[k]! += re * m[k]! - im * m[k + 1]!;
      out[k + 1]! += re * m[k + 1]! + im * m[k]!;
    }
  }
  return out;
}

/** Largest entry-wise modulus of a − b. */
export function cmatDistance(a: CMatrix, b: CMatrix): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let k = 0; k < a.length; k += 2) {
    worst = Math.max(worst, Math.hypot(a[k]! - b[k]!, a[k + 1]! - b[k + 1]!));
  }
  return worst;
}

export function cmatEqual(a: CMatrix, b: CMatrix, tol = 1e-12): boolean {
  return cmatDistance(a, b) <= tol;
}

/**
 * The phase e^{iφ} that best maps b onto a (a ≈ e^{iφ} b), read from the largest entry of b, or
 * undefined if the matrices differ by more than a global phase.
 */
export function cmatRelativePhase(a: CMatrix, b: CMatrix, tol = 1e-12): number | undefined {
  if (a.length !== b.length) return undefined;
  let best = -1;
  let bestNorm = 0;
  for (let k = 0; k < b.length; k += 2) {
    const norm = Math.hypot(b[k]!, b[k + 1]!);
    if (norm > bestNorm) {
      bestNorm = norm;
      best = k;
    }
  }
  if (best < 0) return cmatDistance(a, b) <= tol ? 0 : undefined;
  // phase = a_k / b_k, normalised to modulus one.
  const ar = a[best]!;
  const ai = a[best + 1]!;
  const br = b[best]!;
  const bi = b[best + 1]!;
  const pr = (ar * br + ai * bi) / (bestNorm * bestNorm);
  const pi = (ai * br - ar * bi) / (bestNorm * bestNorm);
  const phase = Math.atan2(pi, pr);
  const c = Math.cos(phase);
  const s = Math.sin(phase);
  for (let k = 0; k < b.length; k += 2) {
    const rr = c * b[k]! - s * b[k + 1]!;
    const ri = c * b[k + 1]! + s * b[k]!;
    if (Math.hypot(a[k]! - rr, a[k + 1]! - ri) > tol) return undefined;
  }
  return phase;
}

export function cmatEqualUpToPhase(a: CMatrix, b: CMatrix, tol = 1e-12): boolean {
  return cmatRelativePhase(a, b, tol) !== undefined;
}

export function cmatIsUnitary(a: CMatrix, tol = 1e-12): boolean {
  return cmatEqual(cmatMul(a, cmatAdjoint(a)), cmatIdentity(cmatDim(a)), tol);
}
