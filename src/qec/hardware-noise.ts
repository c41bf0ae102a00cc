// Circuit noise of a superconducting processor class: depolarising after gates at the benchmarked
// error, readout and reset flips, and decoherence of every qubit that idles while a layer runs on
// others, over the real gate and readout durations. qec sees processors only through
// ProcessorNoiseParams (DESIGN.md layers: qec does not import hardware/); a QPU class preset of
// src/hardware/qpu.ts has exactly these fields, so faces pass presets straight in.
import { QnetError } from '../util/errors.js';
import { nsToPs, PS_PER_US } from '../util/units.js';
import { checkProbability } from './noise-knobs.js';
import {
  flipChannel,
  type LayerKind,
  type NoiseModel,
  noiseOp,
  pauliChannel1,
} from './surface-code-noise.js';

/** What the noise model needs of a processor (the fields of a hardware QPU class preset). */
export interface ProcessorNoiseParams {
  /** Energy relaxation time T1, µs. */
  readonly t1Us: number;
  /** Coherence time T2 (echo), µs; at most 2·T1. */
  readonly t2Us: number;
  readonly gate1qDurationNs: number;
  /** Average error per single-qubit gate (randomized benchmarking). */
  readonly gate1qError: number;
  readonly gate2qDurationNs: number;
  readonly gate2qError: number;
  readonly readoutDurationNs: number;
  /** Readout assignment error per measurement. */
  readonly readoutError: number;
}

export interface HardwareNoiseParts {
  /** Depolarising after 1- and 2-qubit gates. */
  readonly gates: boolean;
  /** Flip before each measurement. */
  readonly readout: boolean;
  /** Flip after each reset. */
  readonly reset: boolean;
  /** Twirled T1/T2 decay of idle qubits. */
  readonly idle: boolean;
}

export interface HardwareNoise {
  readonly kind: 'hardware';
  readonly qpu: ProcessorNoiseParams;
  /** Probability that a reset leaves the wrong state. */
  readonly resetError: number;
  /** Which parts are on (all by default); all off gives a noiseless circuit. */
  readonly parts: HardwareNoiseParts;
}

export interface HardwareNoiseOptions {
  /**
   * Reset error; default the readout error, since IBM-class processors reset by measuring and
   * flipping conditionally, so a misread is a wrong reset.
   */
  resetError?: number;
  parts?: Partial<HardwareNoiseParts>;
}

const ALL_ON: HardwareNoiseParts = { gates: true, readout: true, reset: true, idle: true };

export function hardwareNoise(qpu: ProcessorNoiseParams, options: HardwareNoiseOptions = {}): HardwareNoise {
  const params = validateProcessor(qpu);
  const resetError = checkProbability(options.resetError ?? params.readoutError, ['noise', 'resetError']);
  return Object.freeze({ kind: 'hardware', qpu: params, resetError, parts: { ...ALL_ON, ...options.parts } });
}

function validateProcessor(qpu: ProcessorNoiseParams): ProcessorNoiseParams {
  const path = ['noise', 'qpu'];
  for (const key of ['t1Us', 't2Us', 'gate1qDurationNs', 'gate2qDurationNs', 'readoutDurationNs'] as const) {
    const v = qpu[key];
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))
      throw new QnetError('E_QEC_HARDWARE', `${key} must be a positive number, got ${String(v)}`, {
        path: [...path, key],
        hint: 'times are in µs (T1, T2) and ns (gate and readout durations)',
      });
  }
  for (const key of ['gate1qError', 'gate2qError', 'readoutError'] as const)
    checkProbability(qpu[key], [...path, key]);
  if (qpu.t2Us > 2 * qpu.t1Us)
    throw new QnetError('E_QEC_HARDWARE', `T2 (${qpu.t2Us} µs) exceeds 2·T1 (${2 * qpu.t1Us} µs)`, {
      path: [...path, 't2Us'],
      hint: 'T2 ≤ 2·T1 for any physical qubit',
    });
  return qpu;
}

export function isHardwareNoise(value: unknown): value is HardwareNoise {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'hardware';
}

/**
 * Depolarising probability (Stim's DEPOLARIZE1/2 argument) with average gate infidelity `error` on
 * `qubits` qubits: r = p·d/(d+1), d = 2^n (Nielsen, Phys. Lett. A 303, 249 (2002): F_avg = (d·F_e + 1)/(d+1)).
 */
export function depolarizingFromGateError(error: number, qubits: 1 | 2): number {
  const d = 2 ** qubits;
  return (error * (d + 1)) / d;
}

/**
 * Pauli-twirled amplitude and phase damping over `durationPs`: px = py = (1 − e^{−t/T1})/4,
 * pz = (1 − e^{−t/T2})/2 − (1 − e^{−t/T1})/4 (Ghosh, Fowler, Geller, PRA 86, 062318 (2012), eq. 8).
 */
export function twirledIdleProbabilities(
  times: Pick<ProcessorNoiseParams, 't1Us' | 't2Us'>,
  durationPs: number,
): [number, number, number] {
  // γ = 1 − exp(−t/T1), coherence factor exp(−t/T2) (REFERENCES.md, Memories).
  const gamma = -Math.expm1(-durationPs / (times.t1Us * PS_PER_US));
  const pxy = gamma / 4;
  const pz = (1 - Math.exp(-durationPs / (times.t2Us * PS_PER_US))) / 2 - gamma / 4;
  return [pxy, pxy, Math.max(0, pz)];
}

/** Duration of each kind of layer, from the preset. */
export function layerDurationPs(qpu: ProcessorNoiseParams, kind: LayerKind): number {
  const ns =
    kind === 'gate1' ? qpu.gate1qDurationNs : kind === 'gate2' ? qpu.gate2qDurationNs : qpu.readoutDurationNs;
  return nsToPs(ns);
}

/** The model as instructions. Gate errors act on the gate's qubits; idle noise on everyone else. */
export function hardwareNoiseModel(noise: HardwareNoise): NoiseModel {
  const { qpu, parts } = noise;
  const p1 = parts.gates ? depolarizingFromGateError(qpu.gate1qError, 1) : 0;
  const p2 = parts.gates ? depolarizingFromGateError(qpu.gate2qError, 2) : 0;
  const readout = parts.readout ? qpu.readoutError : 0;
  const reset = parts.reset ? noise.resetError : 0;
  const idle = new Map<LayerKind, [number, number, number]>();
  for (const kind of ['gate1', 'gate2', 'measure'] as const)
    idle.set(kind, parts.idle ? twirledIdleProbabilities(qpu, layerDurationPs(qpu, kind)) : [0, 0, 0]);
  return {
    afterReset: (basis, targets) => noiseOp(flipChannel(basis), reset, targets),
    afterGate1: (targets) => noiseOp('depolarize1', p1, targets),
    afterGate2: (pairs) => noiseOp('depolarize2', p2, pairs),
    beforeMeasure: (basis, targets) => noiseOp(flipChannel(basis), readout, targets),
    beforeRound: () => [],
    idle: (kind, qubits) => {
      const [px, py, pz] = idle.get(kind)!;
      return pauliChannel1(px, py, pz, qubits);
    },
  };
}
