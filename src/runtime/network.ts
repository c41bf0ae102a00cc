// What the runtime needs to know of the network a program runs on: per-link e-bit supply (rate,
// fidelity, how many pairs at once), classical latency between QPUs, and per-QPU durations and
// errors. Built by the caller (scenario, CLI) or by the two helpers below.
import type { DistributedProgram } from '../compiler/program.js';
import { QPU_CLASS_PRESETS, type QpuClassParams, type QpuClassPresetName } from '../hardware/qpu.js';
import { QnetError } from '../util/errors.js';
import { nsToPs } from '../util/units.js';

export interface RuntimeLink {
  readonly qpus: readonly [number, number];
  /** Mean e-bit generation rate; Infinity makes pairs appear the moment generation may start. */
  readonly rateHz: number;
  /** Fidelity with |Φ+⟩ at generation; the pair is a Werner state unless `bellDiagonal` is given. */
  readonly fidelity: number;
  /**
   * Optional Bell-diagonal weights [Φ+, Ψ−, Ψ+, Φ−] (the A, B, C, D of REFERENCES.md, DEJMPS),
   * overriding `fidelity`.
   */
  readonly bellDiagonal?: readonly [number, number, number, number];
  /** Pairs the link may generate at once (default 1). */
  readonly parallel?: number;
}

export interface RuntimeQpu {
  readonly gate1qPs: number;
  readonly gate2qPs: number;
  readonly measurePs: number;
  readonly resetPs: number;
  readonly t1Us: number;
  readonly t2Us: number;
  readonly gate1qError: number;
  readonly gate2qError: number;
  readonly readoutError: number;
}

export interface RuntimeNetwork {
  readonly links: readonly RuntimeLink[];
  /** One-way classical message latency from QPU a to QPU b, in integer picoseconds. */
  readonly classicalDelayPs: (a: number, b: number) => number;
  readonly qpus: readonly RuntimeQpu[];
}

const heron = QPU_CLASS_PRESETS['heron-r2'].params;

/** Heron r2 durations with no errors and no decoherence. */
const NOMINAL_QPU: RuntimeQpu = {
  gate1qPs: nsToPs(heron.gate1qDurationNs),
  gate2qPs: nsToPs(heron.gate2qDurationNs),
  measurePs: nsToPs(heron.readoutDurationNs),
  // Heron resets by measuring and flipping: one readout plus a 1q gate.
  resetPs: nsToPs(heron.readoutDurationNs + heron.gate1qDurationNs),
  t1Us: Number.POSITIVE_INFINITY,
  t2Us: Number.POSITIVE_INFINITY,
  gate1qError: 0,
  gate2qError: 0,
  readoutError: 0,
};

/** Perfect links (pairs ready at once, F = 1), noiseless QPUs with nominal (Heron r2) durations. */
export function idealNetwork(program: DistributedProgram, classicalDelayPs = 0): RuntimeNetwork {
  return {
    links: program.links.map(([a, b]) => ({
      qpus: [a, b] as const,
      rateHz: Number.POSITIVE_INFINITY,
      fidelity: 1,
    })),
    classicalDelayPs: () => classicalDelayPs,
    qpus: program.qpus.map(() => NOMINAL_QPU),
  };
}

export interface PresetNetworkOptions {
  /** QPU class for every QPU (default 'heron-r2'). */
  readonly qpuClass?: QpuClassPresetName;
  readonly rateHz: number;
  readonly fidelity: number;
  readonly parallel?: number;
  /** One-way classical latency between any two QPUs (default 1 µs, a few hundred metres of fibre and electronics). */
  readonly classicalDelayPs?: number;
}

/** What the runtime needs of a QPU class: durations in ps, coherence and error rates. */
export function runtimeQpu(p: QpuClassParams): RuntimeQpu {
  return {
    gate1qPs: nsToPs(p.gate1qDurationNs),
    gate2qPs: nsToPs(p.gate2qDurationNs),
    measurePs: nsToPs(p.readoutDurationNs),
    // Active reset is a measurement and a conditional flip.
    resetPs: nsToPs(p.readoutDurationNs + p.gate1qDurationNs),
    t1Us: p.t1Us,
    t2Us: p.t2Us,
    gate1qError: p.gate1qError,
    gate2qError: p.gate2qError,
    readoutError: p.readoutError,
  };
}

/** Every link of the program at the same rate and fidelity, every QPU of one hardware class. */
export function presetNetwork(program: DistributedProgram, options: PresetNetworkOptions): RuntimeNetwork {
  const qpu = runtimeQpu(QPU_CLASS_PRESETS[options.qpuClass ?? 'heron-r2'].params);
  const delay = options.classicalDelayPs ?? 1_000_000;
  return {
    links: program.links.map(([a, b]) => ({
      qpus: [a, b] as const,
      rateHz: options.rateHz,
      fidelity: options.fidelity,
      ...(options.parallel === undefined ? {} : { parallel: options.parallel }),
    })),
    classicalDelayPs: (a, b) => (a === b ? 0 : delay),
    qpus: program.qpus.map(() => qpu),
  };
}

const linkKey = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);

/** Index of the network link joining every e-bit's two QPUs; refuses an e-bit with no link. */
export function linkOfEbits(program: DistributedProgram, network: RuntimeNetwork): number[] {
  if (network.qpus.length < program.qpus.length) {
    throw new QnetError(
      'E_RUNTIME_NETWORK',
      `the program runs on ${program.qpus.length} QPUs but the network describes ${network.qpus.length}`,
      { hint: 'give one entry of network.qpus per QPU of the program' },
    );
  }
  const byPair = new Map<string, number>();
  network.links.forEach((l, i) => {
    if (!(l.rateHz > 0)) {
      throw new QnetError('E_RUNTIME_NETWORK', `link ${l.qpus[0]}–${l.qpus[1]} has rate ${l.rateHz} Hz`, {
        path: ['links', i, 'rateHz'],
        hint: 'e-bit rates must be positive (Infinity for pairs on demand)',
      });
    }
    if (!(l.fidelity >= 0 && l.fidelity <= 1)) {
      throw new QnetError('E_RUNTIME_NETWORK', `link fidelity ${l.fidelity} is not in [0, 1]`, {
        path: ['links', i, 'fidelity'],
      });
    }
    byPair.set(linkKey(l.qpus[0], l.qpus[1]), i);
  });
  return program.ebits.map((e) => {
    const i = byPair.get(linkKey(e.qpus[0], e.qpus[1]));
    if (i === undefined) {
      throw new QnetError(
        'E_RUNTIME_NETWORK',
        `e-bit ${e.id} joins QPUs ${e.qpus[0]} and ${e.qpus[1]}, which share no link`,
        {
          hint: 'add the link to the network, or compile the program for this network',
        },
      );
    }
    return i;
  });
}
