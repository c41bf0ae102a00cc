// The density-matrix engine: ρ of n qubits as one D×D complex matrix (D = 2^n, CMatrix layout,
// qubit q = bit q of the row and column indices, as in the state-vector engine). Exact for mixed
// states: noise is applied as a channel, never sampled. Memory is 16·4^n bytes, hence the limit.
import type { Basis, NoiseChannel } from '../circuit/ir.js';
import { gate as tableGate } from '../gates/lookup.js';
import type { CMatrix } from '../util/complex-matrix.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { checkQubitIndex, rotateFromZ, rotateToZ } from './basis-change.js';
import {
  amplitudeDampingKraus,
  checkKraus,
  checkProbability,
  pauliTerms,
  pauliWeights,
  superoperator,
} from './density-channels.js';
import { idleChannel } from './density-decoherence.js';
import { applyK, applyPauliChannel, conjugate } from './density-kernels.js';
import { fidelityWithPure, partialTrace, purityOf, traceOf, uhlmannFidelity } from './density-metrics.js';
import type { EngineCapabilities, StateEngine } from './engine.js';
import { channelArity } from './pauli-noise.js';

/** 13 qubits take 1 GiB; 14 would take 4 GiB, past what a typed array may hold in most runtimes. */
export const MAX_DENSITY_QUBITS = 13;

function sizeText(bytes: number): string {
  return bytes >= 2 ** 30 ? `${bytes / 2 ** 30} GiB` : `${bytes / 2 ** 20} MiB`;
}

function tooLarge(numQubits: number, cause?: unknown): QnetError {
  const why = cause === undefined ? `the limit is ${MAX_DENSITY_QUBITS} qubits` : 'the allocation failed';
  return new QnetError(
    'E_TOO_LARGE',
    `a density matrix of ${numQubits} qubits needs ${sizeText(16 * 4 ** numQubits)} (4^${numQubits} entries × 16 bytes); ${why}`,
    {
      hint: 'use the statevector engine with sampled noise, or the stabilizer or frame engine for Clifford circuits',
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

function allocate(numQubits: number): Float64Array {
  if (!Number.isInteger(numQubits) || numQubits < 0) {
    throw new QnetError('E_QUBIT', `the number of qubits must be a whole number >= 0 (got ${numQubits})`);
  }
  if (numQubits > MAX_DENSITY_QUBITS) throw tooLarge(numQubits);
  try {
    return new Float64Array(2 * 4 ** numQubits);
  } catch (e) {
    throw tooLarge(numQubits, e);
  }
}

export class DensityEngine implements StateEngine {
  readonly name = 'density' as const;
  readonly numQubits: number;
  readonly capabilities: EngineCapabilities = {
    gates: 'all',
    mixedStates: true,
    exactProbabilities: true,
    maxQubits: MAX_DENSITY_QUBITS,
  };
  private readonly rho: Float64Array;
  private readonly dim: number;

  /** |0…0⟩⟨0…0| on `numQubits` qubits. */
  constructor(numQubits: number) {
    this.rho = allocate(numQubits);
    this.numQubits = numQubits;
    this.dim = 2 ** numQubits;
    this.rho[0] = 1;
  }

  /** A copy of the matrix `m` (CMatrix layout, D = 2^n), taken as given: not checked for positivity. */
  static fromMatrix(m: CMatrix): DensityEngine {
    const d = Math.round(Math.sqrt(m.length / 2));
    const n = Math.log2(d);
    if (2 * d * d !== m.length || !Number.isInteger(n)) {
      throw new QnetError('E_STATE', `an array of ${m.length} numbers is not a 2^n × 2^n complex matrix`);
    }
    const e = new DensityEngine(n);
    e.rho.set(m);
    return e;
  }

  /** |ψ⟩⟨ψ| for amplitudes ψ (re/im interleaved, length 2·2^n), taken as given (not normalised). */
  static fromPure(psi: Float64Array): DensityEngine {
    const d = psi.length / 2;
    const n = Math.log2(d);
    if (!Number.isInteger(n))
      throw new QnetError('E_STATE', `amplitude array of length ${psi.length} is not 2·2^n`);
    const e = new DensityEngine(n);
    for (let r = 0; r < d; r++) {
      for (let c = 0; c < d; c++) {
        const [ar, ai, br, bi] = [psi[2 * r]!, psi[2 * r + 1]!, psi[2 * c]!, -psi[2 * c + 1]!];
        e.rho[2 * (r * d + c)] = ar * br - ai * bi;
        e.rho[2 * (r * d + c) + 1] = ar * bi + ai * br;
      }
    }
    return e;
  }

  applyGate(gate: string, targets: readonly number[], params: readonly number[]): void {
    const entry = tableGate(gate);
    if (!entry) {
      throw new QnetError('E_GATE', `the density engine has no gate named ${JSON.stringify(gate)}`, {
        hint: 'gates are named as in the gate table (lower case, e.g. h, cx, u3)',
      });
    }
    if (params.length !== entry.paramNames.length) {
      throw new QnetError(
        'E_PARAMS',
        `gate ${gate} takes ${entry.paramNames.length} parameter(s), got ${params.length}`,
      );
    }
    if (targets.length !== entry.arity) {
      throw new QnetError(
        'E_ARITY',
        `gate ${gate} acts on ${entry.arity} qubit(s), got ${targets.length} target(s)`,
      );
    }
    this.applyUnitary(entry.matrix(params), targets);
  }

  /** U ρ U† for a 2^k×2^k unitary on `targets` (targets[0] = the matrix's most significant bit). */
  applyUnitary(u: CMatrix, targets: readonly number[]): void {
    this.checkTargets(targets, 'gate');
    if (u.length !== 2 * 4 ** targets.length) {
      throw new QnetError(
        'E_ARITY',
        `a ${Math.sqrt(u.length / 2)}×${Math.sqrt(u.length / 2)} matrix cannot act on ${targets.length} qubit(s)`,
      );
    }
    const n = this.numQubits;
    applyK(
      this.rho,
      u,
      targets.map((t) => t + n),
    );
    applyK(this.rho, conjugate(u), targets);
  }

  /** ρ → Σ K ρ K† on one or two `targets` (K in the gate-table order); checks Σ K†K = I. */
  applyKraus(kraus: readonly CMatrix[], targets: readonly number[]): void {
    this.checkTargets(targets, 'channel');
    if (targets.length < 1 || targets.length > 2) {
      throw new QnetError(
        'E_KRAUS',
        `Kraus channels act on 1 or 2 qubits here, got ${targets.length} target(s)`,
      );
    }
    checkKraus(kraus, targets.length);
    this.applySuperoperator(superoperator(kraus), targets);
  }

  /** The IR's Pauli channels, exactly (the Rng is not used). */
  applyNoise(
    channel: NoiseChannel,
    targets: readonly number[],
    probabilities: readonly number[],
    _rng?: Rng,
  ): void {
    const arity = channelArity(channel);
    if (targets.length % arity !== 0) {
      throw new QnetError('E_NOISE', `${channel} acts on pairs of qubits, got ${targets.length} target(s)`);
    }
    const weights = pauliWeights(channel, probabilities);
    if (weights[0] === 1) return;
    const terms = pauliTerms(arity, weights);
    for (let at = 0; at < targets.length; at += arity) {
      const group = targets.slice(at, at + arity);
      this.checkTargets(group, channel);
      applyPauliChannel(this.rho, this.dim, group, terms);
    }
  }

  /** Depolarising with Stim's convention (X, Y, Z each with probability p/3). */
  applyDepolarizing(qubit: number, p: number): void {
    checkProbability(p, 'depolarizing probability');
    this.checkQubit(qubit);
    applyPauliChannel(this.rho, this.dim, [qubit], pauliTerms(1, [1 - p, p / 3, p / 3, p / 3]));
  }

  /** Z with probability p. */
  applyDephasing(qubit: number, p: number): void {
    checkProbability(p, 'dephasing probability');
    this.checkQubit(qubit);
    applyPauliChannel(this.rho, this.dim, [qubit], pauliTerms(1, [1 - p, 0, 0, p]));
  }

  applyAmplitudeDamping(qubit: number, gamma: number): void {
    this.applyKraus(amplitudeDampingKraus(gamma), [qubit]);
  }

  /**
   * Decoherence of `qubit` idling for `durationPs`: amplitude damping γ = 1 − exp(−t/T1), then pure
   * dephasing so that coherences decay as exp(−t/T2) in all (T1, T2 in picoseconds; Infinity: none).
   */
  applyIdle(qubit: number, durationPs: number, t1Ps: number, t2Ps: number): void {
    const { gamma, dephasing } = idleChannel(durationPs, t1Ps, t2Ps);
    if (gamma > 0) this.applyAmplitudeDamping(qubit, gamma);
    if (dephasing > 0) this.applyDephasing(qubit, dephasing);
  }

  measure(qubit: number, basis: Basis, rng: Rng): 0 | 1 {
    this.checkQubit(qubit);
    this.toZ(qubit, basis);
    const p1 = this.probabilityOfOne(qubit);
    const outcome = rng.next() < p1 ? 1 : 0;
    this.project(qubit, outcome);
    this.fromZ(qubit, basis);
    return outcome;
  }

  /** Resets `qubit` without drawing: ρ → |0⟩⟨0| ⊗ Tr_qubit ρ, then rotated to `basis`'s +1 eigenstate. */
  reset(qubit: number, basis: Basis, _rng?: Rng): void {
    this.checkQubit(qubit);
    const { rho, dim } = this;
    const bit = 1 << qubit;
    for (let r = 0; r < dim; r++) {
      for (let c = 0; c < dim; c++) {
        const at = 2 * (r * dim + c);
        if ((r & bit) === 0 && (c & bit) === 0) {
          const from = 2 * ((r | bit) * dim + (c | bit));
          rho[at]! += rho[from]!;
          rho[at + 1]! += rho[from + 1]!;
        } else {
          rho[at] = 0;
          rho[at + 1] = 0;
        }
      }
    }
    this.fromZ(qubit, basis);
  }

  probabilityOfOne(qubit: number): number {
    this.checkQubit(qubit);
    const bit = 1 << qubit;
    let p0 = 0;
    let p1 = 0;
    for (let i = 0; i < this.dim; i++) {
      const v = this.rho[2 * (i * this.dim + i)]!;
      if (i & bit) p1 += v;
      else p0 += v;
    }
    return Math.min(1, Math.max(0, p1 / (p0 + p1)));
  }

  project(qubit: number, outcome: 0 | 1): number {
    const p1 = this.probabilityOfOne(qubit);
    const p = outcome ? p1 : 1 - p1;
    if (p <= 0) return 0;
    const { rho, dim } = this;
    const bit = 1 << qubit;
    const want = outcome ? bit : 0;
    const total = traceOf(rho);
    const f = 1 / (p * total);
    for (let r = 0; r < dim; r++) {
      for (let c = 0; c < dim; c++) {
        const at = 2 * (r * dim + c);
        const keep = (r & bit) === want && (c & bit) === want;
        rho[at] = keep ? rho[at]! * f : 0;
        rho[at + 1] = keep ? rho[at + 1]! * f : 0;
      }
    }
    return p;
  }

  /** Joint Z distribution of `qubits` (default: all): entry i has qubits[j] reading bit j of i. */
  probabilities(qubits?: readonly number[]): Float64Array {
    const qs = qubits ?? Array.from({ length: this.numQubits }, (_, q) => q);
    for (const q of qs) this.checkQubit(q);
    const out = new Float64Array(2 ** qs.length);
    for (let i = 0; i < this.dim; i++) {
      let o = 0;
      for (let j = 0; j < qs.length; j++) o |= ((i >> qs[j]!) & 1) << j;
      out[o]! += this.rho[2 * (i * this.dim + i)]!;
    }
    return out;
  }

  /** Re Tr ρ (1 unless the state was built unnormalised). */
  trace(): number {
    return traceOf(this.rho);
  }

  /** Tr ρ². */
  purity(): number {
    return purityOf(this.rho);
  }

  /** ⟨ψ|ρ|ψ⟩ for amplitudes ψ of the same register (re/im interleaved, qubit q = bit q). */
  fidelityWithPure(psi: Float64Array): number {
    return fidelityWithPure(this.rho, psi);
  }

  /** Uhlmann fidelity (squared convention) with another state of the same size. */
  fidelity(other: DensityEngine | CMatrix): number {
    return uhlmannFidelity(this.rho, other instanceof DensityEngine ? other.rho : other);
  }

  /** The reduced state of `keep` (qubit j of the result is keep[j]). */
  partialTrace(keep: readonly number[]): DensityEngine {
    return DensityEngine.fromMatrix(partialTrace(this.rho, this.numQubits, keep));
  }

  /** A copy of ρ in the CMatrix layout. */
  matrix(): CMatrix {
    return this.rho.slice();
  }

  clone(): DensityEngine {
    return DensityEngine.fromMatrix(this.rho);
  }

  private applySuperoperator(s: CMatrix, targets: readonly number[]): void {
    const n = this.numQubits;
    applyK(this.rho, s, [...targets.map((t) => t + n), ...targets]);
  }

  private toZ(qubit: number, basis: Basis): void {
    rotateToZ(this, qubit, basis);
  }

  private fromZ(qubit: number, basis: Basis): void {
    rotateFromZ(this, qubit, basis);
  }

  private checkQubit(q: number): void {
    checkQubitIndex(q, this.numQubits);
  }

  private checkTargets(targets: readonly number[], what: string): void {
    targets.forEach((q, i) => {
      this.checkQubit(q);
      if (targets.indexOf(q) !== i) throw new QnetError('E_QUBIT', `${what}: qubit ${q} is used twice`);
    });
  }
}
