// Quantum channels as Kraus operators (matrices in the gate-table order: first target = most
// significant bit), their validation and superoperators, and the IR's Pauli channels as weighted
// Pauli terms, for the density kernels.
import type { NoiseChannel } from '../circuit/ir.js';
import { pauliMatrix } from '../gates/pauli.js';
import { type CMatrix, cmatDim, cmatFromRows, cmatIdentity, cmatKron } from '../util/complex-matrix.js';
import { QnetError } from '../util/errors.js';
import { conjugate, type PauliTerm } from './density-kernels.js';
import { channelArity, channelTable } from './pauli-noise.js';

/** Completeness Σ K†K = I must hold to this tolerance. */
const KRAUS_TOL = 1e-9;

const scale = (m: CMatrix, f: number): CMatrix => m.map((v) => v * f);

export function checkProbability(p: number, what: string): void {
  if (!(Number.isFinite(p) && p >= 0 && p <= 1)) {
    throw new QnetError('E_NOISE', `${what} = ${p} is not a probability between 0 and 1`);
  }
}

/** Depolarising channel with Stim's DEPOLARIZE1 convention: X, Y, Z each with probability p/3. */
export function depolarizingKraus(p: number): CMatrix[] {
  checkProbability(p, 'depolarizing probability');
  return pauliKraus(1, [1 - p, p / 3, p / 3, p / 3]);
}

/** Dephasing: Z with probability p, so coherences shrink by 1 − 2p. */
export function dephasingKraus(p: number): CMatrix[] {
  checkProbability(p, 'dephasing probability');
  return pauliKraus(1, [1 - p, 0, 0, p]);
}

/** Amplitude damping with decay probability γ (Nielsen & Chuang, §8.3.5). */
export function amplitudeDampingKraus(gamma: number): CMatrix[] {
  checkProbability(gamma, 'amplitude damping gamma');
  return [
    cmatFromRows([
      [1, 0],
      [0, Math.sqrt(1 - gamma)],
    ]),
    cmatFromRows([
      [0, Math.sqrt(gamma)],
      [0, 0],
    ]),
  ];
}

/**
 * The Paulis with positive weight as X^x Z^z terms (bit j of x, z on target j), from weights indexed
 * by the letters I, X, Y, Z in Stim's order, the first target's letter most significant
 * (weights[4a + b] for letter a on target 0 and b on target 1).
 */
export function pauliTerms(arity: 1 | 2, weights: readonly number[]): PauliTerm[] {
  const out: PauliTerm[] = [];
  weights.forEach((p, i) => {
    if (p <= 0) return;
    const letters = arity === 1 ? [i] : [i >> 2, i & 3];
    let x = 0;
    let z = 0;
    letters.forEach((l, j) => {
      if (l === 1 || l === 2) x |= 1 << j;
      if (l === 2 || l === 3) z |= 1 << j;
    });
    out.push({ x, z, p });
  });
  return out;
}

/** √p·P for each term of pauliTerms: the Pauli channel as Kraus operators. */
export function pauliKraus(arity: 1 | 2, weights: readonly number[]): CMatrix[] {
  return pauliTerms(arity, weights).map(({ x, z, p }) =>
    scale(pauliMatrix({ sign: 1, xs: x, zs: z }, arity), Math.sqrt(p)),
  );
}

/** The expected number of parameters of each noise channel of the IR. */
function parameterCount(channel: NoiseChannel): number {
  return channel === 'pauli_channel_1' ? 3 : channel === 'pauli_channel_2' ? 15 : 1;
}

/**
 * Probability of each Pauli (I, X, Y, Z letters, Stim order, see pauliTerms) of an IR noise channel,
 * after checking the parameters: each in [0, 1], their total at most 1.
 */
export function pauliWeights(channel: NoiseChannel, probabilities: readonly number[]): number[] {
  const count = parameterCount(channel);
  if (probabilities.length !== count) {
    throw new QnetError(
      'E_NOISE',
      `${channel} takes ${count} probabilit${count === 1 ? 'y' : 'ies'}, got ${probabilities.length}`,
    );
  }
  probabilities.forEach((p, i) => {
    checkProbability(p, `${channel} probability ${i + 1}`);
  });
  const table = channelTable(channel, probabilities);
  const sum = table.probability.reduce((a, b) => a + b, 0);
  if (sum > 1 + 1e-12) {
    throw new QnetError('E_NOISE', `${channel}: the error probabilities add up to ${sum}, more than 1`);
  }
  const arity = channelArity(channel);
  const weights = new Array<number>(arity === 1 ? 4 : 16).fill(0);
  weights[0] = Math.max(0, 1 - sum);
  // pauli-noise codes target j's Pauli as bits (x, z) at 2j, 2j+1; turn them into letters I X Y Z.
  const letter = (bits: number): number => [0, 1, 3, 2][bits & 3]!;
  table.pauli.forEach((code, k) => {
    const index = arity === 1 ? letter(code) : 4 * letter(code) + letter(code >> 2);
    weights[index]! += table.probability[k]!;
  });
  return weights;
}

/** Throws a QnetError unless `kraus` is a non-empty list of 2^k×2^k matrices with Σ K†K = I. */
export function checkKraus(kraus: readonly CMatrix[], arity: number): void {
  const d = 1 << arity;
  if (kraus.length === 0) throw new QnetError('E_KRAUS', 'a channel needs at least one Kraus operator');
  const sum = new Float64Array(2 * d * d);
  kraus.forEach((k, i) => {
    if (k.length !== 2 * d * d || cmatDim(k) !== d) {
      throw new QnetError(
        'E_KRAUS',
        `Kraus operator ${i} is not ${d}×${d} (the channel acts on ${arity} qubit(s))`,
      );
    }
    // (K†K)_rc = Σ_a conj(K_ar) K_ac
    for (let r = 0; r < d; r++) {
      for (let c = 0; c < d; c++) {
        for (let a = 0; a < d; a++) {
          const xr = k[2 * (a * d + r)]!;
          const xi = -k[2 * (a * d + r) + 1]!;
          const yr = k[2 * (a * d + c)]!;
          const yi = k[2 * (a * d + c) + 1]!;
          sum[2 * (r * d + c)]! += xr * yr - xi * yi;
          sum[2 * (r * d + c) + 1]! += xr * yi + xi * yr;
        }
      }
    }
  });
  const id = cmatIdentity(d);
  let worst = 0;
  for (let i = 0; i < sum.length; i++) worst = Math.max(worst, Math.abs(sum[i]! - id[i]!));
  if (worst > KRAUS_TOL) {
    throw new QnetError(
      'E_KRAUS',
      `the Kraus operators do not preserve the trace: Σ K†K differs from I by ${worst.toExponential(2)}`,
      {
        hint: 'the operators must satisfy Σ K†K = I (a trace-preserving channel)',
      },
    );
  }
}

/** Σ K ⊗ conj(K): the channel on vec(ρ), row index bits above column index bits. */
export function superoperator(kraus: readonly CMatrix[]): CMatrix {
  let out: CMatrix | undefined;
  for (const k of kraus) {
    const term = cmatKron(k, conjugate(k));
    if (out === undefined) out = term;
    else for (let i = 0; i < out.length; i++) out[i]! += term[i]!;
  }
  if (out === undefined) throw new Error('superoperator of an empty Kraus list');
  return out;
}
