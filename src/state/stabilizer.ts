// The `stabilizer` engine: Clifford gates, measurements in any Pauli basis, resets and sampled Pauli
// noise on a bit-packed tableau (stabilizer-tableau.ts; Aaronson & Gottesman, PRA 70, 052328, 2004).
import type { Basis, NoiseChannel } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { type CompiledClifford, cliffordKey, compiledClifford } from './clifford-compile.js';
import type { EngineCapabilities, StateEngine } from './engine.js';
import { channelTable, pickError } from './pauli-noise.js';
import { InverseTableau } from './stabilizer-tableau.js';

// The tableau takes n²/2 bytes: 32,768 qubits is 512 MiB.
const MAX_QUBITS = 32_768;

const CAPABILITIES: EngineCapabilities = {
  gates: 'clifford',
  mixedStates: false,
  exactProbabilities: true,
  maxQubits: MAX_QUBITS,
};

const H = compiledClifford('h', []);
const H_YZ = compiledClifford('h_yz', []);

export class StabilizerEngine implements StateEngine {
  readonly name = 'stabilizer';
  readonly numQubits: number;
  readonly capabilities = CAPABILITIES;
  private readonly tableau: InverseTableau;
  // Gates that are Clifford only at some angles, compiled once per engine.
  private readonly angled = new Map<string, CompiledClifford>();

  constructor(numQubits: number, tableau?: InverseTableau) {
    if (!Number.isSafeInteger(numQubits) || numQubits < 0 || numQubits > MAX_QUBITS) {
      throw new QnetError(
        'E_QUBITS',
        `the stabilizer engine holds 0 to ${MAX_QUBITS} qubits, not ${numQubits}`,
        {
          hint: 'its tableau takes n²/2 bytes; sample many shots of a large circuit with the frame engine',
        },
      );
    }
    this.numQubits = numQubits;
    this.tableau = tableau ?? new InverseTableau(numQubits);
  }

  applyGate(gate: string, targets: readonly number[], params: readonly number[]): void {
    const compiled = this.compiled(gate, params);
    if (targets.length !== compiled.arity) {
      throw new Error(`gate ${gate} takes ${compiled.arity} targets, got ${targets.length}`);
    }
    for (const t of targets) this.check(t);
    if (targets.length === 2 && targets[0] === targets[1])
      throw new Error(`gate ${gate} on qubit ${targets[0]} twice`);
    this.tableau.applyClifford(compiled, targets[0]!, targets[1] ?? -1);
  }

  /** Applies a compiled gate with no checks: the fast path for circuit runners. */
  applyCompiled(gate: CompiledClifford, t0: number, t1: number): void {
    this.tableau.applyClifford(gate, t0, t1);
  }

  compiled(gate: string, params: readonly number[]): CompiledClifford {
    if (params.length === 0) return compiledClifford(gate, params);
    const key = cliffordKey(gate, params);
    let c = this.angled.get(key);
    if (!c) {
      c = compiledClifford(gate, params);
      this.angled.set(key, c);
    }
    return c;
  }

  measure(qubit: number, basis: Basis, rng: Rng): 0 | 1 {
    this.check(qubit);
    return this.measureWith(qubit, basis, rng.nextUint32() >>> 31);
  }

  /**
   * Measures `qubit` in `basis`, taking `randomOutcome` when the outcome is not determined (a noiseless
   * reference run passes 0 so that it needs no random stream).
   */
  measureWith(qubit: number, basis: Basis, randomOutcome: number): 0 | 1 {
    const t = this.tableau;
    // X and Y measurements rotate the basis onto Z and back; both rotations are self-inverse.
    const turn = basis === 'X' ? H : basis === 'Y' ? H_YZ : undefined;
    if (turn) t.applyClifford(turn, qubit, -1);
    const m = t.measureZ(qubit, randomOutcome);
    if (turn) t.applyClifford(turn, qubit, -1);
    return m as 0 | 1;
  }

  reset(qubit: number, basis: Basis, rng: Rng): void {
    this.check(qubit);
    this.resetWith(qubit, basis, rng.nextUint32() >>> 31);
  }

  /** Resets `qubit`; which way an undetermined intermediate measurement goes does not matter. */
  resetWith(qubit: number, basis: Basis, randomOutcome: number): void {
    if (this.measureWith(qubit, basis, randomOutcome) === 0) return;
    // Flip the −1 eigenstate of the basis onto the +1 one with a Pauli that anticommutes with it.
    if (basis === 'Z') this.tableau.applyPauli(qubit, 1, 0);
    else this.tableau.applyPauli(qubit, 0, 1);
  }

  /** Applies X^x Z^z to `qubit` (Y for x = z = 1; the global phase is irrelevant). */
  applyPauli(qubit: number, x: number, z: number): void {
    this.tableau.applyPauli(qubit, x, z);
  }

  applyNoise(
    channel: NoiseChannel,
    targets: readonly number[],
    probabilities: readonly number[],
    rng: Rng,
  ): void {
    const table = channelTable(channel, probabilities);
    const arity = table.arity;
    if (targets.length % arity !== 0) throw new Error(`${channel} takes targets in groups of ${arity}`);
    for (const t of targets) this.check(t);
    if (table.total <= 0) return;
    for (let i = 0; i < targets.length; i += arity) {
      if (rng.next() >= table.total) continue;
      const pauli = pickError(table, rng);
      this.tableau.applyPauli(targets[i]!, pauli & 1, (pauli >> 1) & 1);
      if (arity === 2) this.tableau.applyPauli(targets[i + 1]!, (pauli >> 2) & 1, (pauli >> 3) & 1);
    }
  }

  probabilityOfOne(qubit: number): number {
    this.check(qubit);
    const known = this.tableau.peekZ(qubit);
    return known < 0 ? 0.5 : known;
  }

  project(qubit: number, outcome: 0 | 1): number {
    this.check(qubit);
    const known = this.tableau.peekZ(qubit);
    if (known >= 0) return known === outcome ? 1 : 0;
    this.tableau.measureZ(qubit, outcome);
    return 0.5;
  }

  /**
   * The joint Z distribution of `qubits` without collapsing. A stabilizer state's outcomes are uniform
   * over an affine space: the outcomes of the measurements that are random (given the earlier ones)
   * are free coordinates, and every other outcome is an affine function of them. So one run with every
   * free outcome 0 and one run per free outcome set to 1 give the whole table.
   */
  probabilities(qubits: readonly number[]): Float64Array {
    for (const q of qubits) this.check(q);
    if (qubits.length > 30) throw new Error(`probabilities: ${qubits.length} qubits is too many to tabulate`);
    const free: number[] = [];
    const run = (flip: number): number => {
      const t = this.tableau.clone();
      let bits = 0;
      qubits.forEach((q, j) => {
        if (flip < 0 && t.peekZ(q) < 0) free.push(j);
        bits |= t.measureZ(q, j === flip ? 1 : 0) << j;
      });
      return bits;
    };
    const base = run(-1);
    const directions = free.map((j) => run(j) ^ base);
    const out = new Float64Array(2 ** qubits.length);
    const weight = 2 ** -free.length;
    for (let c = 0; c < 2 ** free.length; c++) {
      let bits = base;
      directions.forEach((d, i) => {
        if ((c >> i) & 1) bits ^= d;
      });
      out[bits] = weight;
    }
    return out;
  }

  clone(): StabilizerEngine {
    return new StabilizerEngine(this.numQubits, this.tableau.clone());
  }

  private check(q: number): void {
    if (!(q >= 0 && q < this.numQubits && Number.isInteger(q))) {
      throw new Error(`qubit ${q} is outside the register of ${this.numQubits} qubits`);
    }
  }
}

export function createStabilizerEngine(numQubits: number): StabilizerEngine {
  return new StabilizerEngine(numQubits);
}
