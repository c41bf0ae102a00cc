// Microwave-to-optical transducer (the QNU): a thermal-loss channel of efficiency η and added noise N
// (REFERENCES.md, Microwave–optical transducers). Direct transfer needs η > 1/2; heralded links only
// need a photon now and then, so there η costs rate and N costs fidelity.
import {
  checkNumber,
  type FieldPath,
  fail,
  freezePresets,
  type HardwarePreset,
  nonNegative,
  positive,
  withDefaults,
} from './params.js';

export interface TransducerParams {
  /** End-to-end efficiency η: microwave photon in → optical photon in the output fibre. */
  readonly efficiency: number;
  /** Added noise N, input-referred photons per mode (output noise is η·N). */
  readonly addedNoisePhotons: number;
  /** Length of one converted pulse (one temporal mode), ns. */
  readonly pulseLengthNs: number;
  /** Pulses per second (limited in practice by pump heating), Hz. */
  readonly repetitionRateHz: number;
}

// Timing of today's devices (REFERENCES.md: pulses 0.1–1 µs, 10–100 kHz). Device presets below give
// efficiency and noise from their papers and borrow this timing, which those papers do not fix.
const TIMING_2025 = { pulseLengthNs: 300, repetitionRateHz: 30_000 } as const;

export const TRANSDUCER_PRESETS = freezePresets({
  'transducer-2025': {
    description: 'a realistic transducer today: η = 3e-3, N = 0.8, 300 ns pulses at 30 kHz',
    // Geometric midpoints of REFERENCES.md's realistic ranges (η 1e-3..1e-2, N 0.2..3, pulses
    // 0.1–1 µs, 10–100 kHz), rounded: a middle-of-the-road device, not any one experiment.
    source: 'REFERENCES.md, Microwave–optical transducers: realistic defaults today',
    params: { efficiency: 3e-3, addedNoisePhotons: 0.8, ...TIMING_2025 },
  },
  'transducer-2030-target': {
    description: 'a 2030 target: η = 0.8, N = 0.05, 100 ns pulses at 1 MHz',
    // η > 1/2 and N ≪ 1 are what direct quantum transfer needs (positive capacity lower bound:
    // here ≈ 1.2 qubits per use); 100 ns pulses at 1 MHz keep pace with µs-scale qubit operations.
    // A target, not a measured device.
    source: 'target chosen here from the capacity bounds of Wang, Li, Jiang arXiv:2203.00012',
    params: { efficiency: 0.8, addedNoisePhotons: 0.05, pulseLengthNs: 100, repetitionRateHz: 1_000_000 },
  },
  'brubaker-2022': {
    description: 'electro-optomechanical transducer, η = 0.47, N = 3.2 (timing of transducer-2025)',
    source: 'Brubaker et al., PRX 12, 021062 (2022): 47%, N >= 3.2 (REFERENCES.md)',
    params: { efficiency: 0.47, addedNoisePhotons: 3.2, ...TIMING_2025 },
  },
  'sahu-2022': {
    description: 'pulsed electro-optic transducer, η = 0.087, N = 0.16 (timing of transducer-2025)',
    source:
      'Sahu et al., Nat. Commun. 13, 1276 (2022): total efficiency 8.7% at N = 0.16 (microwave to optics)',
    params: { efficiency: 0.087, addedNoisePhotons: 0.16, ...TIMING_2025 },
  },
  'zhao-2024': {
    description: 'silicon electrostatic transducer, η = 0.022, N = 0.94 (timing of transducer-2025)',
    source: 'Zhao et al., arXiv:2406.02704 (2024): 2.2%, N = 0.94 (REFERENCES.md)',
    params: { efficiency: 0.022, addedNoisePhotons: 0.94, ...TIMING_2025 },
  },
} as const satisfies Record<string, HardwarePreset<TransducerParams>>);

export type TransducerPresetName = keyof typeof TRANSDUCER_PRESETS;
export const DEFAULT_TRANSDUCER: TransducerParams = TRANSDUCER_PRESETS['transducer-2025'].params;

export function validateTransducer(params: TransducerParams, path: FieldPath): TransducerParams {
  const eta = checkNumber(params, 'efficiency', path, {
    above: 0,
    max: 1,
    meaning: 'the end-to-end conversion efficiency η',
  });
  const noise = checkNumber(
    params,
    'addedNoisePhotons',
    path,
    nonNegative('the input-referred added noise N'),
  );
  const pulseNs = checkNumber(params, 'pulseLengthNs', path, positive('the pulse length in ns'));
  const rateHz = checkNumber(params, 'repetitionRateHz', path, positive('the repetition rate in Hz'));
  if (eta === 1 && noise > 0) {
    fail(
      path,
      'addedNoisePhotons',
      'a lossless transducer (efficiency 1) cannot add noise',
      'use efficiency < 1',
    );
  }
  if (rateHz * pulseNs * 1e-9 > 1) {
    fail(
      path,
      'repetitionRateHz',
      `pulses of ${pulseNs} ns at ${rateHz} Hz overlap`,
      `the repetition rate must be at most 1/pulse length = ${1e9 / pulseNs} Hz`,
    );
  }
  return params;
}

export function makeTransducer(
  overrides: Partial<TransducerParams> = {},
  path: FieldPath = [],
): TransducerParams {
  return validateTransducer(withDefaults(DEFAULT_TRANSDUCER, overrides), path);
}

/** Bandwidth of one pulse's mode, Hz, taken as 1/(pulse length) (transform-limited, time-bandwidth ~ 1). */
export function transducerBandwidthHz(t: TransducerParams): number {
  return 1e9 / t.pulseLengthNs;
}

/** Bath occupancy of the equivalent thermal-loss channel, n̄ = ηN/(1−η) (REFERENCES.md, transducers). */
export function bathOccupancy(efficiency: number, addedNoisePhotons: number): number {
  if (addedNoisePhotons === 0) return 0;
  return (efficiency * addedNoisePhotons) / (1 - efficiency);
}

/** g(x) = (x+1) log2(x+1) − x log2 x, the entropy of a thermal state of mean occupancy x. */
export function thermalEntropy(x: number): number {
  if (x <= 0) return 0;
  // Rewritten as log2(x+1) + x·log2(1 + 1/x): the textbook form cancels catastrophically for large
  // x; below 1, x·(ln(1+x) − ln x) keeps 1/x from overflowing for subnormal x.
  const tail = x < 1 ? x * (Math.log1p(x) - Math.log(x)) : x * Math.log1p(1 / x);
  return (Math.log1p(x) + tail) / Math.LN2;
}

export interface CapacityBounds {
  /** Achievable rate, qubits per channel use. */
  readonly lower: number;
  /** No protocol does better, qubits per channel use. */
  readonly upper: number;
}

/** Quantum capacity bounds of a thermal-loss channel, qubits per use (mode). */
export function quantumCapacityBounds(efficiency: number, addedNoisePhotons: number): CapacityBounds {
  // For η <= 1/2 the channel is antidegradable: no quantum capacity at all.
  if (efficiency <= 0.5) return { lower: 0, upper: 0 };
  if (efficiency === 1)
    return addedNoisePhotons === 0 ? { lower: Infinity, upper: Infinity } : { lower: 0, upper: 0 };
  const nbar = bathOccupancy(efficiency, addedNoisePhotons);
  const g = thermalEntropy(nbar);
  const ratio = efficiency / (1 - efficiency);
  // Wang, Li, Jiang arXiv:2203.00012; Zeuthen et al. QST 2020 (REFERENCES.md): lower
  // max(0, log2(η/(1−η)) − g(n̄)), upper −log2((1−η) η^n̄) − g(n̄), 0 when n̄ >= η/(1−η).
  const lower = Math.max(0, Math.log2(ratio) - g);
  const upper =
    nbar >= ratio ? 0 : Math.max(0, -Math.log2(1 - efficiency) - nbar * Math.log2(efficiency) - g);
  return { lower, upper };
}

/** Capacity bounds of this transducer, qubits per pulse. */
export function transducerCapacityBounds(t: TransducerParams): CapacityBounds {
  return quantumCapacityBounds(t.efficiency, t.addedNoisePhotons);
}

/** Capacity bounds as rates, qubits per second: one channel use per pulse. */
export function transducerCapacityRates(t: TransducerParams): CapacityBounds {
  const { lower, upper } = transducerCapacityBounds(t);
  return { lower: lower * t.repetitionRateHz, upper: upper * t.repetitionRateHz };
}

// Heralded (photon-emission) links. Model: per attempt the communication qubit puts a microwave
// photon into the transducer with probability `microwavePhotonProbability` (1 for Barrett–Kok, the
// bright-state population α for single-click); each is converted into the output fibre with
// probability η. Independently, the output mode carries thermal noise of mean η·N photons (the
// thermal-loss channel's output noise (1−η)·n̄), one mode per pulse unless `modes` says otherwise.

/** Probability that one attempt puts a signal photon into the output fibre: η·p_mw. */
export function usablePhotonProbability(t: TransducerParams, microwavePhotonProbability = 1): number {
  return t.efficiency * microwavePhotonProbability;
}

/** Mean noise photons per output mode, η·N. */
export function outputNoisePhotons(t: TransducerParams): number {
  return t.efficiency * t.addedNoisePhotons;
}

/** Probability of at least one noise photon in `modes` thermal modes of mean η·N: 1 − (1+ηN)^−modes. */
export function noisePhotonProbability(t: TransducerParams, modes = 1): number {
  // Thermal (Bose–Einstein) photon statistics of each mode: P(0) = 1/(1+n̄).
  return -Math.expm1(-modes * Math.log1p(outputNoisePhotons(t)));
}
