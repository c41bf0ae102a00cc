// How a noise model meets a syndrome-extraction circuit: the circuit builder reports each layer of
// operations, the model answers with the noise instructions that go before or after it. Keeping the
// model behind this interface lets one builder serve Stim's uniform knobs, hardware presets and the
// modular variants that change only the operations crossing a cut.
import type { Instruction, NoiseChannel } from '../circuit/ir.js';

export type ResetBasis = 'X' | 'Z';

/** The kinds of layer in a syndrome round, for models that charge idle qubits by duration. */
export type LayerKind = 'gate1' | 'gate2' | 'measure';

export interface NoiseModel {
  /** After resetting `targets` (also after the reset half of MR). */
  afterReset(basis: ResetBasis, targets: readonly number[]): Instruction[];
  /** After a layer of single-qubit Cliffords. */
  afterGate1(targets: readonly number[]): Instruction[];
  /** After a layer of two-qubit gates, `pairs` flattened as in the gate's targets. */
  afterGate2(pairs: readonly number[]): Instruction[];
  /** Before measuring `targets` (the flip the readout suffers). */
  beforeMeasure(basis: ResetBasis, targets: readonly number[]): Instruction[];
  /** At the start of every round, on the data qubits. */
  beforeRound(data: readonly number[]): Instruction[];
  /** On the qubits that wait while a layer of `kind` runs on others. */
  idle(kind: LayerKind, qubits: readonly number[]): Instruction[];
}

/** One noise instruction, or none when the probability is 0 or nothing is targeted (as Stim's generator). */
export function noiseOp(
  channel: NoiseChannel,
  probability: number,
  targets: readonly number[],
): Instruction[] {
  if (!(probability > 0) || targets.length === 0) return [];
  return [{ kind: 'noise', channel, targets: [...targets], probabilities: [probability] }];
}

/** A PAULI_CHANNEL_1 instruction, or none when every probability is 0. */
export function pauliChannel1(px: number, py: number, pz: number, targets: readonly number[]): Instruction[] {
  if (!(px > 0 || py > 0 || pz > 0) || targets.length === 0) return [];
  return [{ kind: 'noise', channel: 'pauli_channel_1', targets: [...targets], probabilities: [px, py, pz] }];
}

/** The flip that spoils a reset or a measurement in `basis`: X for Z-basis, Z for X-basis. */
export const flipChannel = (basis: ResetBasis): NoiseChannel => (basis === 'Z' ? 'x_error' : 'z_error');
