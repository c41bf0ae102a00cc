// Shared by the density and Bell-diagonal tests: random operations for fast-check, a naive dense
// reference (full 2^n×2^n unitaries), and the checks every density matrix must pass.
import fc from 'fast-check';
import { GATES } from '../gates/lookup.js';
import { type CMatrix, cmatDim } from '../util/complex-matrix.js';
import { hermitianDefect, hermitianEigen } from '../util/hermitian-eigen.js';
import type { DensityEngine } from './density.js';

export interface GateStep {
  gate: string;
  targets: number[];
  params: number[];
}

/** A random table gate on distinct qubits of an n-qubit register. */
export function gateArb(n: number, maxArity = 3): fc.Arbitrary<GateStep> {
  const gates = GATES.filter((g) => g.arity <= Math.min(n, maxArity));
  return fc.constantFrom(...gates).chain((g) =>
    fc.record({
      gate: fc.constant(g.name),
      targets: fc.shuffledSubarray(
        Array.from({ length: n }, (_, q) => q),
        { minLength: g.arity, maxLength: g.arity },
      ),
      params: fc.array(fc.double({ min: -4, max: 4, noNaN: true }), {
        minLength: g.paramNames.length,
        maxLength: g.paramNames.length,
      }),
    }),
  );
}

/** The gate on the whole register as a dense matrix (qubit q = bit q; targets[0] = the gate's high bit). */
export function fullUnitary(u: CMatrix, targets: readonly number[], n: number): CMatrix {
  const d = 2 ** n;
  const k = targets.length;
  let mask = 0;
  for (const t of targets) mask |= 1 << t;
  const local = (i: number): number =>
    targets.reduce((acc, t, j) => acc | (((i >> t) & 1) << (k - 1 - j)), 0);
  const out = new Float64Array(2 * d * d);
  const dk = 2 ** k;
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      if ((r & ~mask) !== (c & ~mask)) continue;
      const at = 2 * (local(r) * dk + local(c));
      out[2 * (r * d + c)] = u[at]!;
      out[2 * (r * d + c) + 1] = u[at + 1]!;
    }
  }
  return out;
}

/** m·ψ for a dense matrix and amplitudes (re/im interleaved). */
export function matVec(m: CMatrix, psi: Float64Array): Float64Array {
  const d = cmatDim(m);
  const out = new Float64Array(2 * d);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      const [mr, mi, vr, vi] = [m[2 * (r * d + c)]!, m[2 * (r * d + c) + 1]!, psi[2 * c]!, psi[2 * c + 1]!];
      out[2 * r]! += mr * vr - mi * vi;
      out[2 * r + 1]! += mr * vi + mi * vr;
    }
  }
  return out;
}

/** |ψ⟩⟨ψ|. */
export function outer(psi: Float64Array): CMatrix {
  const d = psi.length / 2;
  const out = new Float64Array(2 * d * d);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      const [ar, ai, br, bi] = [psi[2 * r]!, psi[2 * r + 1]!, psi[2 * c]!, -psi[2 * c + 1]!];
      out[2 * (r * d + c)] = ar * br - ai * bi;
      out[2 * (r * d + c) + 1] = ar * bi + ai * br;
    }
  }
  return out;
}

/** Throws unless ρ is Hermitian, of unit trace and positive semidefinite (to `tol`). */
export function expectValidDensity(rho: DensityEngine, tol = 1e-12): void {
  const m = rho.matrix();
  const defect = hermitianDefect(m);
  if (defect > tol) throw new Error(`not Hermitian: defect ${defect}`);
  if (Math.abs(rho.trace() - 1) > tol) throw new Error(`trace ${rho.trace()}`);
  const smallest = hermitianEigen(m).values[0]!;
  if (smallest < -tol) throw new Error(`negative eigenvalue ${smallest}`);
  if (rho.purity() > 1 + tol) throw new Error(`purity ${rho.purity()}`);
}
