// Bell-diagonal two-qubit states ρ = Σ_l c_l |B_l⟩⟨B_l|, held as the four weights c_l.
//
// LABELS. A Bell state is labelled by Pauli bits (x, z) (REFERENCES.md, Swapping and purification):
// |B_(x,z)⟩ = (I ⊗ X^x Z^z)|Φ+⟩, the Pauli applied to the second qubit of |Φ+⟩, and stored at index
// x | z << 1 (the code of pauli-noise.ts):
//   index 0 = (0,0) = Φ+ = (|00⟩ + |11⟩)/√2      DEJMPS's A
//   index 1 = (1,0) = Ψ+ = (|01⟩ + |10⟩)/√2      DEJMPS's C
//   index 2 = (0,1) = Φ− = (|00⟩ − |11⟩)/√2      DEJMPS's D
//   index 3 = (1,1) = Ψ− = (|01⟩ − |10⟩)/√2      DEJMPS's B
// A Pauli with bits (x, z) on EITHER qubit maps label l to l XOR (x | z << 1): P ⊗ I and I ⊗ P^T
// act alike on |Φ+⟩, and X, Z, Y differ from their transposes by a sign at most.
//
// QUBITS. As in every engine, qubit q is bit q of a basis index: qubit 0 is the first (left) qubit.
import type { CMatrix } from '../util/complex-matrix.js';
import { QnetError } from '../util/errors.js';

/** Weights of Φ+, Ψ+, Φ−, Ψ− (index = x | z << 1, see the header); non-negative, summing to 1. */
export type BellDiagonal = readonly [phiPlus: number, psiPlus: number, phiMinus: number, psiMinus: number];

export const PHI_PLUS = 0;
export const PSI_PLUS = 1;
export const PHI_MINUS = 2;
export const PSI_MINUS = 3;

/** The first four entries as a BellDiagonal, unchecked. */
export const asBellDiagonal = (v: ArrayLike<number>): BellDiagonal => [v[0]!, v[1]!, v[2]!, v[3]!];

/** The Bell state with this label (0..3) as a Bell-diagonal state. */
export function bellState(label: number): BellDiagonal {
  const c = [0, 0, 0, 0];
  c[label & 3] = 1;
  return asBellDiagonal(c);
}

/** Weights below −this, or a total further than this from 1, are refused. */
const TOL = 1e-9;

/** Checks and returns the weights (negatives within rounding become 0; the rest is left as given). */
export function bellDiagonal(weights: readonly number[]): BellDiagonal {
  if (weights.length !== 4) {
    throw new QnetError(
      'E_STATE',
      `a Bell-diagonal state has 4 weights (Φ+, Ψ+, Φ−, Ψ−), got ${weights.length}`,
    );
  }
  let sum = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < -TOL) {
      throw new QnetError(
        'E_STATE',
        `Bell-diagonal weights must be probabilities, got [${weights.join(', ')}]`,
      );
    }
    sum += w;
  }
  if (Math.abs(sum - 1) > TOL) {
    throw new QnetError(
      'E_STATE',
      `Bell-diagonal weights must add up to 1, got ${sum} from [${weights.join(', ')}]`,
    );
  }
  return asBellDiagonal(weights.map((w) => Math.max(0, w)));
}

/** Werner state of fidelity F: F on Φ+ and (1 − F)/3 on each other Bell state. */
export function werner(fidelity: number): BellDiagonal {
  if (!(fidelity >= 0 && fidelity <= 1)) {
    throw new QnetError('E_STATE', `a Werner state's fidelity must be between 0 and 1, got ${fidelity}`);
  }
  const q = (1 - fidelity) / 3;
  return [fidelity, q, q, q];
}

/** Fidelity with Φ+, the weight A. */
export const fidelityOf = (c: BellDiagonal): number => c[PHI_PLUS];

/** The weights in DEJMPS's notation (REFERENCES.md): A = Φ+, B = Ψ−, C = Ψ+, D = Φ−. */
export function dejmpsNotation(c: BellDiagonal): { A: number; B: number; C: number; D: number } {
  return { A: c[PHI_PLUS], B: c[PSI_MINUS], C: c[PSI_PLUS], D: c[PHI_MINUS] };
}

/** Σ_m a_m b_{l⊕m}: the distribution of the XOR of two independent labels. */
export function xorConvolve(a: readonly number[], b: readonly number[]): BellDiagonal {
  const out = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) out[i ^ j]! += a[i]! * b[j]!;
  }
  return asBellDiagonal(out);
}

/**
 * The 4×4 density matrix (CMatrix layout, qubit 0 = bit 0). In the basis |00⟩, |01⟩, |10⟩, |11⟩
 * (index = q0 + 2 q1) Φ± live on indices {0, 3} and Ψ± on {1, 2}.
 */
export function bellDiagonalMatrix(c: BellDiagonal): CMatrix {
  const m = new Float64Array(32);
  const set = (r: number, col: number, v: number) => {
    m[2 * (r * 4 + col)] = v;
  };
  const phiSum = (c[PHI_PLUS] + c[PHI_MINUS]) / 2;
  const phiDiff = (c[PHI_PLUS] - c[PHI_MINUS]) / 2;
  const psiSum = (c[PSI_PLUS] + c[PSI_MINUS]) / 2;
  const psiDiff = (c[PSI_PLUS] - c[PSI_MINUS]) / 2;
  set(0, 0, phiSum);
  set(3, 3, phiSum);
  set(0, 3, phiDiff);
  set(3, 0, phiDiff);
  set(1, 1, psiSum);
  set(2, 2, psiSum);
  set(1, 2, psiDiff);
  set(2, 1, psiDiff);
  return m;
}

/**
 * The Bell-diagonal part ⟨B_l|ρ|B_l⟩ of any two-qubit density matrix: what twirling ρ by the
 * random bilateral Paulis P ⊗ P* leaves (Bennett, DiVincenzo, Smolin, Wootters, PRA 54, 3824, 1996).
 */
export function twirl(rho: CMatrix): BellDiagonal {
  if (rho.length !== 32) throw new QnetError('E_STATE', 'twirling needs a two-qubit (4×4) density matrix');
  const re = (r: number, col: number) => rho[2 * (r * 4 + col)]!;
  const phi = re(0, 0) + re(3, 3);
  const phiCross = re(0, 3) + re(3, 0);
  const psi = re(1, 1) + re(2, 2);
  const psiCross = re(1, 2) + re(2, 1);
  return [(phi + phiCross) / 2, (psi + psiCross) / 2, (phi - phiCross) / 2, (psi - psiCross) / 2];
}
