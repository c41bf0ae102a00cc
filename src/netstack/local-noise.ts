// What a node's local operations (the gates and readouts of swapping and purification) do to a pair,
// in the Pauli-channel terms the Bell-diagonal fast path applies exactly. Devices publish average gate
// infidelities (randomized benchmarking), not depolarising probabilities: the two differ by (d+1)/d.
import type { QpuClassParams } from '../hardware/qpu.js';
import { QnetError } from '../util/errors.js';
import { nsToPs } from '../util/units.js';

/** Noise and durations of the local operations at one node. Probabilities follow Stim's conventions. */
export interface LocalNoise {
  /** DEPOLARIZE2 probability of a two-qubit gate: each of the 15 non-identity Paulis with p/15. */
  gate2qDepolarizing: number;
  /** DEPOLARIZE1 probability of a single-qubit gate: X, Y, Z each with p/3. */
  gate1qDepolarizing: number;
  /** Probability that a measured bit is read wrong. */
  measurementFlip: number;
  gate1qPs: number;
  gate2qPs: number;
  readoutPs: number;
}

/** Noiseless, instantaneous local operations. */
export const PERFECT_LOCAL_NOISE: Readonly<LocalNoise> = Object.freeze({
  gate2qDepolarizing: 0,
  gate1qDepolarizing: 0,
  measurementFlip: 0,
  gate1qPs: 0,
  gate2qPs: 0,
  readoutPs: 0,
});

/**
 * The depolarising probability (Stim's convention) of an n-qubit gate whose average gate infidelity
 * (the "error per gate" of randomized benchmarking) is `error`.
 */
export function depolarizingFromGateError(error: number, qubits: 1 | 2, field = 'gate error'): number {
  const d = 2 ** qubits;
  // Nielsen, Phys. Lett. A 303, 249 (2002), F_avg = (d·F_pro + 1)/(d + 1); depolarising p has F_pro = 1 − p.
  const p = (error * (d + 1)) / d;
  if (!(error >= 0 && p <= 1)) {
    throw new QnetError('E_NOISE', `${field} = ${error} is not a gate error of a ${qubits}-qubit gate`, {
      path: [field],
      hint: `an average gate infidelity lies between 0 and ${d / (d + 1)} (fully depolarising)`,
    });
  }
  return p;
}

/** A QPU class's local-operation noise, taking its gate errors as RB average gate infidelities. */
export function localNoiseFromQpu(qpu: QpuClassParams): LocalNoise {
  return {
    gate2qDepolarizing: depolarizingFromGateError(qpu.gate2qError, 2, 'gate2qError'),
    gate1qDepolarizing: depolarizingFromGateError(qpu.gate1qError, 1, 'gate1qError'),
    measurementFlip: qpu.readoutError,
    gate1qPs: nsToPs(qpu.gate1qDurationNs),
    gate2qPs: nsToPs(qpu.gate2qDurationNs),
    readoutPs: nsToPs(qpu.readoutDurationNs),
  };
}
