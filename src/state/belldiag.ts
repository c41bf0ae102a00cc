// The Bell-diagonal engine: one two-qubit pair (qubits 0 and 1) held as four Bell weights while it
// stays Bell-diagonal, which is the life of a pair in a repeater: generated, stored, swapped,
// purified, under Pauli noise. Every operation of that life is closed-form here.
//
// WHAT IT ACCEPTS. Gates: the Paulis x, y, z (and the identities id, u0) on either qubit, which
// permute the weights; any other gate throws E_GATE and points to the density engine. Noise: the
// IR's Pauli channels, exactly. Decoherence (`idle`): twirled, see belldiag-channels.ts.
//
// MEASUREMENT. Measuring or resetting ONE qubit leaves the Bell-diagonal family (the other qubit is
// left in a definite state). Rather than refuse, the engine then converts itself, exactly, to a
// two-qubit density matrix and carries on there: later noise, Pauli gates and measurements stay
// exact (and `idle` is no longer twirled), so a circuit runner's qubit-by-qubit measurements give
// the right correlated outcomes. `bellMeasure` (a Bell-basis measurement of the pair) needs no
// conversion and returns the engine to the Bell-diagonal form.
import type { Basis, NoiseChannel } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { applyPauliNoise, checkNoiseTargets, dephase, depolarize, idle } from './belldiag-channels.js';
import {
  type BellDiagonal,
  bellDiagonal,
  bellDiagonalMatrix,
  bellState,
  fidelityOf,
  twirl,
  werner,
} from './belldiag-state.js';
import { DensityEngine } from './density.js';
import type { EngineCapabilities, StateEngine } from './engine.js';

/** Label shift of each accepted gate (x | z << 1); 0 for the identities. */
const PAULI_SHIFT: ReadonlyMap<string, number> = new Map([
  ['id', 0],
  ['u0', 0],
  ['x', 1],
  ['z', 2],
  ['y', 3],
]);

/** The weights after a Pauli that shifts every label by `shift`. */
function permuted(c: BellDiagonal, shift: number): BellDiagonal {
  return [c[shift]!, c[1 ^ shift]!, c[2 ^ shift]!, c[3 ^ shift]!];
}

export class BellDiagonalEngine implements StateEngine {
  readonly name = 'belldiag' as const;
  readonly numQubits = 2;
  readonly capabilities: EngineCapabilities = {
    gates: 'pauli',
    mixedStates: true,
    exactProbabilities: true,
    maxQubits: 2,
  };
  /** The weights while Bell-diagonal; undefined once converted to `density`. */
  private weights: BellDiagonal | undefined;
  private density: DensityEngine | undefined;

  /** The pair in the Bell-diagonal state `state` (default Φ+). */
  constructor(state: BellDiagonal = bellState(0)) {
    this.weights = bellDiagonal(state);
  }

  static werner(fidelity: number): BellDiagonalEngine {
    return new BellDiagonalEngine(werner(fidelity));
  }

  /** True while the state is held as Bell weights (no single-qubit measurement or reset since). */
  get isBellDiagonal(): boolean {
    return this.weights !== undefined;
  }

  /** The Bell weights: exact while Bell-diagonal, else the Bell-basis diagonal of the density matrix. */
  coefficients(): BellDiagonal {
    return this.weights ?? twirl(this.density!.matrix());
  }

  /** ⟨Φ+|ρ|Φ+⟩, exact in either form. */
  fidelity(): number {
    return fidelityOf(this.coefficients());
  }

  /** The pair as a two-qubit density engine (a copy). */
  toDensity(): DensityEngine {
    return this.density ? this.density.clone() : DensityEngine.fromMatrix(bellDiagonalMatrix(this.weights!));
  }

  applyGate(gate: string, targets: readonly number[], params: readonly number[]): void {
    const shift = PAULI_SHIFT.get(gate);
    if (shift === undefined) {
      throw new QnetError(
        'E_GATE',
        `the belldiag engine applies only the Pauli gates x, y, z (and id), not ${gate}`,
        {
          hint: `${gate} does not keep a pair Bell-diagonal: run this circuit on the density engine (or continue from toDensity())`,
        },
      );
    }
    if (targets.length !== 1 || (targets[0] !== 0 && targets[0] !== 1)) {
      throw new QnetError(
        'E_QUBIT',
        `gate ${gate} needs one target, qubit 0 or 1 of the pair, got [${targets.join(', ')}]`,
      );
    }
    if (params.length !== (gate === 'u0' ? 1 : 0)) {
      throw new QnetError(
        'E_PARAMS',
        `gate ${gate} takes ${gate === 'u0' ? 1 : 0} parameter(s), got ${params.length}`,
      );
    }
    if (this.density) this.density.applyGate(gate, targets, params);
    else if (shift !== 0) this.weights = permuted(this.weights!, shift);
  }

  /** The IR's Pauli channels, exactly (the Rng is not used). */
  applyNoise(
    channel: NoiseChannel,
    targets: readonly number[],
    probabilities: readonly number[],
    _rng?: Rng,
  ): void {
    checkNoiseTargets(channel, targets);
    if (this.density) {
      this.density.applyNoise(channel, targets, probabilities);
      return;
    }
    const groups =
      channel === 'depolarize2' || channel === 'pauli_channel_2' ? targets.length / 2 : targets.length;
    for (let g = 0; g < groups; g++) this.weights = applyPauliNoise(this.weights!, channel, probabilities);
  }

  /** Depolarising on `qubit` (Stim's convention: X, Y, Z each with probability p/3). */
  depolarize(qubit: number, p: number): void {
    this.checkQubit(qubit);
    if (this.density) this.density.applyDepolarizing(qubit, p);
    else this.weights = depolarize(this.weights!, p);
  }

  /** Z on `qubit` with probability p. */
  dephase(qubit: number, p: number): void {
    this.checkQubit(qubit);
    if (this.density) this.density.applyDephasing(qubit, p);
    else this.weights = dephase(this.weights!, p);
  }

  /** `qubit` stored for `durationPs` under T1/T2 (picoseconds): twirled while Bell-diagonal, exact after. */
  idle(qubit: number, durationPs: number, t1Ps: number, t2Ps: number): void {
    this.checkQubit(qubit);
    if (this.density) this.density.applyIdle(qubit, durationPs, t1Ps, t2Ps);
    else this.weights = idle(this.weights!, durationPs, t1Ps, t2Ps);
  }

  /**
   * Bell-basis measurement of the pair: returns the label x | z << 1 (0 = Φ+, 1 = Ψ+, 2 = Φ−,
   * 3 = Ψ−) with probability equal to its weight, and leaves the pair in that Bell state.
   */
  bellMeasure(rng: Rng): number {
    const c = this.coefficients();
    const total = c[0] + c[1] + c[2] + c[3];
    let u = rng.next() * total;
    let label = 3;
    for (let l = 0; l < 3; l++) {
      u -= c[l]!;
      if (u < 0) {
        label = l;
        break;
      }
    }
    while (c[label]! <= 0 && label > 0) label--;
    this.weights = bellState(label);
    this.density = undefined;
    return label;
  }

  /** Converts to a density matrix (see the header), then measures `qubit`. */
  measure(qubit: number, basis: Basis, rng: Rng): 0 | 1 {
    this.checkQubit(qubit);
    return this.converted().measure(qubit, basis, rng);
  }

  /** Converts to a density matrix (see the header), then resets `qubit` (no randomness drawn). */
  reset(qubit: number, basis: Basis, rng: Rng): void {
    this.checkQubit(qubit);
    this.converted().reset(qubit, basis, rng);
  }

  /** 1/2 while Bell-diagonal: every Bell-diagonal state has maximally mixed marginals. */
  probabilityOfOne(qubit: number): number {
    this.checkQubit(qubit);
    return this.density ? this.density.probabilityOfOne(qubit) : 0.5;
  }

  /** Converts to a density matrix (see the header), then projects. */
  project(qubit: number, outcome: 0 | 1): number {
    this.checkQubit(qubit);
    return this.converted().project(qubit, outcome);
  }

  probabilities(qubits: readonly number[] = [0, 1]): Float64Array {
    return (this.density ?? this.toDensity()).probabilities(qubits);
  }

  clone(): BellDiagonalEngine {
    const copy = new BellDiagonalEngine();
    copy.weights = this.weights;
    copy.density = this.density?.clone();
    return copy;
  }

  private converted(): DensityEngine {
    if (!this.density) {
      this.density = this.toDensity();
      this.weights = undefined;
    }
    return this.density;
  }

  private checkQubit(q: number): void {
    if (q !== 0 && q !== 1)
      throw new QnetError('E_QUBIT', `qubit ${q} is not 0 or 1: a Bell pair has two qubits`);
  }
}
