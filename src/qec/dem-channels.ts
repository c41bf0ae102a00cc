// A Pauli channel as independent error mechanisms, the way Stim's analyze_errors models noise: a
// channel that applies one of several Pauli errors (disjoint cases) becomes one independent
// mechanism per Pauli, with probabilities chosen so the composed channel is the same channel.

import type { NoiseChannel } from '../circuit/ir.js';
import { channelTable } from '../state/pauli-noise.js';

/** One independent mechanism: Pauli `pauli` (bits x0 z0 x1 z1, as in pauli-noise.ts) with `probability`. */
export interface IndependentPauli {
  pauli: number;
  probability: number;
}

/** Why a channel cannot be written as independent mechanisms (too noisy), or undefined if it can. */
export type ConversionFailure = string;

const popcount4 = (v: number): number => (v & 1) + ((v >> 1) & 1) + ((v >> 2) & 1) + ((v >> 3) & 1);

/** 1 when the Paulis (bits x0 z0 x1 z1 ...) anticommute: odd symplectic product. */
function anticommute(a: number, b: number): number {
  // x_i of a meets z_i of b and z_i of a meets x_i of b: swap each (x, z) pair of b and AND.
  const swapped = ((b & 0b0101) << 1) | ((b & 0b1010) >> 1);
  return popcount4(a & swapped) & 1;
}

/**
 * The independent mechanisms of a channel. Single-Pauli channels (X_ERROR, ...) are already
 * independent. Otherwise the channel's Pauli eigenvalues λ_σ = Σ_τ p_τ (−1)^⟨σ,τ⟩ must equal
 * Π_τ (1 − 2q_τ)^⟨σ,τ⟩ for the independent q_τ; taking logs and inverting the Walsh–Hadamard
 * transform gives log(1 − 2q_ρ) = −(2/4^n) Σ_σ (−1)^⟨σ,ρ⟩ log λ_σ.
 */
// Pauli eigenvalues and their Walsh–Hadamard inversion: Flammia & Wallman, "Efficient estimation of
// Pauli channels", ACM Trans. Quantum Comput. 1, 4 (2020), eqs. 2–4. For DEPOLARIZE1(p) this is
// (1 − 2q)^2 = 1 − 4p/3 and for DEPOLARIZE2(p) (1 − 2q)^8 = 1 − 16p/15, as in Stim.
export function independentMechanisms(
  channel: NoiseChannel,
  probabilities: readonly number[],
  approximate = false,
): IndependentPauli[] | ConversionFailure {
  const table = channelTable(channel, probabilities);
  const nonzero: IndependentPauli[] = [];
  for (let k = 0; k < table.pauli.length; k++) {
    const p = table.probability[k]!;
    if (p > 0) nonzero.push({ pauli: table.pauli[k]!, probability: p });
  }
  if (nonzero.length <= 1 || approximate) return nonzero;
  const size = table.arity === 1 ? 4 : 16;
  // log λ_σ with λ_σ = 1 − 2 Σ_{τ anticommuting with σ} p_τ.
  const logLambda = new Float64Array(size);
  for (let s = 1; s < size; s++) {
    let flip = 0;
    for (const e of nonzero) if (anticommute(s, e.pauli)) flip += e.probability;
    const lambda = 1 - 2 * flip;
    if (!(lambda > 0)) {
      return `its Pauli eigenvalue ${lambda.toPrecision(3)} is not positive (the channel is too noisy)`;
    }
    logLambda[s] = Math.log1p(-2 * flip);
  }
  const out: IndependentPauli[] = [];
  const total = nonzero.reduce((a, e) => a + e.probability, 0);
  for (let r = 1; r < size; r++) {
    let acc = 0;
    for (let s = 1; s < size; s++) acc += anticommute(s, r) ? -logLambda[s]! : logLambda[s]!;
    const log1m2q = (-2 / size) * acc;
    const q = -Math.expm1(log1m2q) / 2;
    // Paulis the channel never applies come out as rounding noise around zero.
    if (Math.abs(q) <= 1e-13 * total) continue;
    if (q < 0) return 'it has no decomposition into independent Pauli errors with non-negative probabilities';
    out.push({ pauli: r, probability: q });
  }
  return out;
}
