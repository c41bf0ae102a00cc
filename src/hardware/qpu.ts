// A superconducting processor: a class (noise and timings) kept apart from a size (qubit counts),
// because scenarios mix them (REFERENCES.md, IBM roadmap: Heron-class noise on chips of thousands
// of qubits). Communication qubits are the ones entangled through the network and then stored.
import { PS_PER_US } from '../util/units.js';
import {
  checkNumber,
  type FieldPath,
  fail,
  freezePresets,
  type HardwarePreset,
  nonNegative,
  positive,
  probability,
  withDefaults,
} from './params.js';

/** What a memory qubit needs for idle decoherence. */
export interface CoherenceTimes {
  /** Energy relaxation time T1, µs. */
  readonly t1Us: number;
  /** Coherence time T2 (echo), µs; T2 <= 2·T1. */
  readonly t2Us: number;
}

/** Noise and timing of a processor class, independent of its size. */
export interface QpuClassParams extends CoherenceTimes {
  /** Single-qubit gate duration, ns. */
  readonly gate1qDurationNs: number;
  /** Single-qubit gate error per gate (e.g. randomized-benchmarking error). */
  readonly gate1qError: number;
  /** Two-qubit (CZ) gate duration, ns. */
  readonly gate2qDurationNs: number;
  /** Two-qubit gate error per gate. */
  readonly gate2qError: number;
  /** Readout duration, ns. */
  readonly readoutDurationNs: number;
  /** Readout assignment error per measurement. */
  readonly readoutError: number;
}

/** How many qubits a particular chip has; given by the scenario, not the class preset. */
export interface QpuSize {
  /** Qubits available for computation. */
  readonly dataQubits: number;
  /** Qubits that can be entangled with a transducer (network interface); may be 0. */
  readonly communicationQubits: number;
}

export type QpuParams = QpuClassParams & QpuSize;

export const QPU_CLASS_PRESETS = freezePresets({
  'heron-r2': {
    description: 'IBM Heron r2 class (ibm_fez medians)',
    source: 'REFERENCES.md, Memories: ibm_fez public calibration medians',
    params: {
      t1Us: 145,
      t2Us: 88,
      gate1qDurationNs: 24,
      gate1qError: 2.3e-4,
      gate2qDurationNs: 84,
      gate2qError: 3.8e-3,
      readoutDurationNs: 1560,
      readoutError: 0.0076,
    },
  },
  'heron-r3': {
    description: 'IBM Heron r3 class (ibm_boston medians)',
    // The 1q error and duration are not in REFERENCES.md: we keep Heron r2's (2.3e-4, 24 ns), likely
    // pessimistic since r3 improved on r2 in every figure that was published.
    source: 'REFERENCES.md, Memories: ibm_boston medians; 1q gate assumed equal to heron-r2',
    params: {
      t1Us: 292,
      t2Us: 353,
      gate1qDurationNs: 24,
      gate1qError: 2.3e-4,
      gate2qDurationNs: 68,
      gate2qError: 1.27e-3,
      readoutDurationNs: 2200,
      readoutError: 0.0051,
    },
  },
} as const satisfies Record<string, HardwarePreset<QpuClassParams>>);

export type QpuClassPresetName = keyof typeof QPU_CLASS_PRESETS;

export const DEFAULT_QPU_CLASS: QpuClassParams = QPU_CLASS_PRESETS['heron-r2'].params;
/** A Heron-sized chip (156 qubits) with one network interface; scenarios usually override it. */
export const DEFAULT_QPU_SIZE: QpuSize = Object.freeze({ dataQubits: 156, communicationQubits: 1 });

/** Checks T1 and T2, including T2 <= 2·T1 (relaxation alone already destroys coherence at 1/(2·T1)). */
export function validateCoherenceTimes<P extends CoherenceTimes>(params: P, path: FieldPath): P {
  const t1 = checkNumber(params, 't1Us', path, positive('the energy relaxation time T1 in µs'));
  const t2 = checkNumber(params, 't2Us', path, positive('the coherence time T2 in µs'));
  if (t2 > 2 * t1) {
    fail(
      path,
      't2Us',
      `T2 cannot exceed 2·T1 (t2Us = ${t2} µs, 2·t1Us = ${2 * t1} µs)`,
      'check the units of both; pure amplitude damping already gives T2 = 2·T1',
    );
  }
  return params;
}

export function validateQpuClass(params: QpuClassParams, path: FieldPath): QpuClassParams {
  validateCoherenceTimes(params, path);
  checkNumber(params, 'gate1qDurationNs', path, positive('the single-qubit gate duration in ns'));
  checkNumber(params, 'gate1qError', path, probability('the single-qubit gate error probability'));
  checkNumber(params, 'gate2qDurationNs', path, positive('the two-qubit gate duration in ns'));
  checkNumber(params, 'gate2qError', path, probability('the two-qubit gate error probability'));
  checkNumber(params, 'readoutDurationNs', path, positive('the readout duration in ns'));
  checkNumber(params, 'readoutError', path, probability('the readout assignment error probability'));
  return params;
}

export function validateQpuSize(params: QpuSize, path: FieldPath): QpuSize {
  checkNumber(params, 'dataQubits', path, { min: 1, integer: true, meaning: 'the number of data qubits' });
  checkNumber(params, 'communicationQubits', path, {
    ...nonNegative('the number of communication qubits'),
    integer: true,
  });
  return params;
}

export function validateQpu(params: QpuParams, path: FieldPath): QpuParams {
  validateQpuClass(params, path);
  validateQpuSize(params, path);
  return params;
}

/** A validated, frozen QPU: a class (e.g. a preset's params) plus a size (defaults to DEFAULT_QPU_SIZE). */
export function makeQpu(cls: QpuClassParams, size: Partial<QpuSize> = {}, path: FieldPath = []): QpuParams {
  return validateQpu(withDefaults<QpuParams>({ ...DEFAULT_QPU_SIZE, ...cls }, size), path);
}

const ratio = (durationPs: number, timeUs: number): number => durationPs / (timeUs * PS_PER_US);

/** Amplitude-damping probability after idling: γ = 1 − exp(−t/T1) (REFERENCES.md, Memories). */
export function amplitudeDampingProbability(t1Us: number, durationPs: number): number {
  return -Math.expm1(-ratio(durationPs, t1Us));
}

/** Factor by which off-diagonal elements shrink after idling: exp(−t/T2) (REFERENCES.md, Memories). */
export function coherenceFactor(t2Us: number, durationPs: number): number {
  return Math.exp(-ratio(durationPs, t2Us));
}

/** Idle noise as a channel a state engine can apply: amplitude damping γ, then a phase flip. */
export interface IdleNoise {
  /** Amplitude-damping probability γ. */
  readonly gamma: number;
  /** Total coherence factor exp(−t/T2). */
  readonly coherence: number;
  /** Phase-flip probability that, after amplitude damping, brings coherences to exp(−t/T2). */
  readonly phaseFlipProbability: number;
}

export function idleNoise(memory: CoherenceTimes, durationPs: number): IdleNoise {
  // AD alone leaves coherence sqrt(1−γ) = exp(−t/2T1); a phase flip p scales it by 1−2p, so
  // 1−2p = exp(−t/Tφ) with 1/Tφ = 1/T2 − 1/(2·T1) (Nielsen & Chuang §8.3.5–8.3.6).
  const pureDephasing = ratio(durationPs, memory.t2Us) - ratio(durationPs, memory.t1Us) / 2;
  return {
    gamma: amplitudeDampingProbability(memory.t1Us, durationPs),
    coherence: coherenceFactor(memory.t2Us, durationPs),
    phaseFlipProbability: -Math.expm1(-pureDephasing) / 2,
  };
}

/** Fidelity with |Φ+⟩ of a pair one of whose qubits idled `storedPs`: (1 + e^{−t/T1} + 2 e^{−t/T2})/4. */
export function storedPairFidelity(memory: CoherenceTimes, storedPs: number): number {
  // REFERENCES.md, Memories: |Phi+> with one qubit stored.
  const decay = Math.exp(-ratio(storedPs, memory.t1Us));
  return (1 + decay + 2 * coherenceFactor(memory.t2Us, storedPs)) / 4;
}

/**
 * Fidelity with |Φ+⟩ when both qubits idle (for their own times, in their own memories).
 * Not monotone in time when T2 ≪ T1: the pair relaxes to |00⟩, whose fidelity is 1/2.
 */
export function storedPairFidelityBothStored(
  memoryA: CoherenceTimes,
  storedAPs: number,
  memoryB: CoherenceTimes,
  storedBPs: number,
): number {
  // Derived here: apply AD(γ_i) with coherence c_i to each half of |Φ+⟩ (Nielsen & Chuang §8.3.5
  // Kraus operators); then ρ00,00 = (1+γAγB)/2, ρ11,11 = (1−γA)(1−γB)/2, ρ00,11 = cA·cB/2 and
  // F = (ρ00,00 + ρ11,11)/2 + ρ00,11 = (2 − γA − γB + 2γAγB)/4 + cA·cB/2. Reduces to the one-stored
  // formula for storedBPs = 0; checked against a density-matrix calculation in the tests.
  const gA = amplitudeDampingProbability(memoryA.t1Us, storedAPs);
  const gB = amplitudeDampingProbability(memoryB.t1Us, storedBPs);
  const c = coherenceFactor(memoryA.t2Us, storedAPs) * coherenceFactor(memoryB.t2Us, storedBPs);
  return (2 - gA - gB + 2 * gA * gB) / 4 + c / 2;
}
