// The one interface every quantum state engine implements. Callers (the circuit runner, the network
// stack) ask for capabilities, never for a concrete engine: fast paths live inside each engine.
import type { Basis, NoiseChannel } from '../circuit/ir.js';
import type { Rng } from '../util/rng.js';

export type EngineName = 'statevector' | 'density' | 'stabilizer' | 'frame' | 'belldiag';

export interface EngineCapabilities {
  /** Which gates it applies: every gate of the table, Clifford gates only, or Pauli gates only. */
  gates: 'all' | 'clifford' | 'pauli';
  /** Holds mixed states exactly (noise applied as a channel, not sampled per trajectory). */
  mixedStates: boolean;
  /** Can give the exact probability of a measurement outcome without sampling. */
  exactProbabilities: boolean;
  /** Largest register it accepts on this machine. */
  maxQubits: number;
}

/** A quantum state updated one operation at a time. Randomness comes only from the Rng passed in. */
export interface StateEngine {
  readonly name: EngineName;
  readonly numQubits: number;
  readonly capabilities: EngineCapabilities;
  /** Applies the table gate `gate` (canonical name) to `targets` (length = the gate's arity). */
  applyGate(gate: string, targets: readonly number[], params: readonly number[]): void;
  /** Measures `qubit` in `basis`, collapsing the state; returns the outcome (0 for the +1 eigenvalue). */
  measure(qubit: number, basis: Basis, rng: Rng): 0 | 1;
  /** Resets `qubit` to the +1 eigenstate of `basis`. */
  reset(qubit: number, basis: Basis, rng: Rng): void;
  /** Applies a Pauli channel to `targets` (groups of the channel's arity): exactly, or by sampling. */
  applyNoise(
    channel: NoiseChannel,
    targets: readonly number[],
    probabilities: readonly number[],
    rng: Rng,
  ): void;
  /** Probability that measuring `qubit` in Z gives 1, where `exactProbabilities` holds. */
  probabilityOfOne?(qubit: number): number;
  /**
   * Forces the Z-basis outcome of `qubit` to `outcome` and renormalises; returns the probability that
   * outcome had. Engines with `exactProbabilities` implement it, so exact output distributions of
   * circuits with mid-circuit measurements can be had by branching.
   */
  project?(qubit: number, outcome: 0 | 1): number;
  /**
   * Joint distribution of Z measurements of `qubits`, without collapsing: entry i is the probability
   * that qubits[j] reads bit j of i, for every j. Engines with `exactProbabilities` implement it.
   */
  probabilities?(qubits: readonly number[]): Float64Array;
  /** An independent copy (for branching and for reuse across shots). */
  clone(): StateEngine;
}
