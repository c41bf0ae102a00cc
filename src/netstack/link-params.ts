// The parameters of an entanglement link (the devices along it, the scheme, the memories) and what
// they imply once resolved: each arm's efficiency and delay, the visibility, the per-attempt physics
// of link-physics.ts, the attempt clock and the timing of storage and heralds.
//
// TIMING. Attempts sit on a grid of station ticks, one attempt per period of the slowest device
// (each end's transducer handles one pulse per period; Barrett–Kok needs two pulses per attempt; the
// midpoint source one pump pulse). At a station scheme, end X emits dX before the tick so that both
// photons meet at the station at the tick; the herald reaches X dX after it. With a midpoint source
// the photon reaches X dX after the tick and X learns the other end's absorption from its message,
// which comes back through the station: dX + 2·d(other) after the tick. A memory that attempted
// waits until its end knows the outcome before it attempts again, so one memory pair attempts at most
// once every `cycleTicks` ticks; more communication qubits fill the ticks in between.
import { type ClockParams, validateClock } from '../hardware/clock.js';
import { darkCountProbability as darkProbability } from '../hardware/detector.js';
import {
  type FibreParams,
  spanDelayPs,
  spanTransmissivity,
  validateFibre,
  validateLengthKm,
} from '../hardware/fibre.js';
import {
  DEFAULT_HERALDING_STATION,
  type HeraldingStationParams,
  validateHeraldingStation,
  wavepacketInWindow,
} from '../hardware/heralding-station.js';
import type { Wavepacket } from '../hardware/hom-visibility.js';
import {
  type OpticalSwitchParams,
  switchTransmissivity,
  validateOpticalSwitch,
} from '../hardware/optical-switch.js';
import { DEFAULT_PAIR_SOURCE, type PairSourceParams, validatePairSource } from '../hardware/pair-source.js';
import { checkNumber, type FieldPath, fail, probability } from '../hardware/params.js';
import { type CoherenceTimes, validateCoherenceTimes } from '../hardware/qpu.js';
import { noisePhotonProbability, type TransducerParams, validateTransducer } from '../hardware/transducer.js';
import { dbToTransmissivity, nsToPs, PS_PER_S, usToPs } from '../util/units.js';
import {
  doubleClickOutcome,
  LINK_SCHEMES,
  type LinkAttemptOutcome,
  type LinkScheme,
  midpointSourceOutcome,
  singleClickOutcome,
} from './link-physics.js';
import { linkVisibility } from './link-visibility.js';

/** One end of a link: a node's communication qubits, its QNU and the fibre to the station. */
export interface LinkEndParams {
  /** Node name. */
  readonly node: string;
  /** Communication qubits this end lends to the link; each holds one pair at a time. */
  readonly communicationQubits: number;
  /** T1/T2 of those qubits while they wait for a herald and a consumer, µs. */
  readonly memory: CoherenceTimes;
  readonly transducer: TransducerParams;
  readonly fibre: FibreParams;
  /** Fibre from this end to the heralding station (or the midpoint source), km. */
  readonly lengthKm: number;
  /** Optical switches the photon crosses on the way (default none). */
  readonly switches?: readonly OpticalSwitchParams[] | undefined;
  readonly clock: ClockParams;
  /** Single-click: this end's bright-state population α (default: the link's). */
  readonly brightStatePopulation?: number | undefined;
}

export interface EntanglementLinkParams {
  /** Names the link in pairs, traces and its random stream (`link/<id>`). */
  readonly id: string;
  readonly scheme: LinkScheme;
  readonly ends: readonly [LinkEndParams, LinkEndParams];
  /** Heralding station of the station schemes (default: the bsm-snspd preset). */
  readonly station?: HeraldingStationParams | undefined;
  /** Photon-pair source of the midpoint-source scheme (default: the spdc-2025 preset). */
  readonly source?: PairSourceParams | undefined;
  /** Single-click bright-state population α of both ends (default 0.1). */
  readonly brightStatePopulation?: number | undefined;
  /** Photon wavepacket (default: exponential, lifetime the transducers' mean pulse length). */
  readonly wavepacket?: Wavepacket | undefined;
  /** Frequency detuning between the two ends' photons, Hz (default 0). */
  readonly detuningHz?: number | undefined;
  /** Standard deviation of the optical phase between the arms, rad (single-click; default 0). */
  readonly opticalPhaseSdRad?: number | undefined;
  /** Werner fidelity of the source's pairs (midpoint source; default 1). */
  readonly pairFidelity?: number | undefined;
  /** Attempts per second (default, and at most: what the slowest device allows). */
  readonly repetitionRateHz?: number | undefined;
  /** Discard a pair once its older qubit has been stored this long, µs (default: never). */
  readonly cutoffUs?: number | undefined;
}

export const DEFAULT_BRIGHT_STATE_POPULATION = 0.1;

/** One arm's efficiency as the product of its factors. */
export interface LinkArm {
  /** What each device lets through; `total` is their product. */
  readonly factors: Readonly<Record<string, number>>;
  /**
   * η of the arm: a photon leaving the qubit is detected at the station (station schemes), or a
   * photon of a pair is absorbed by the memory (midpoint source).
   */
  readonly efficiency: number;
  /** One-way fibre delay between the end and the station, ps. */
  readonly delayPs: number;
  /** Probability per attempt that transducer noise clicks a detector (or heralds, midpoint). */
  readonly noiseProbability: number;
}

/** Everything the simulation needs, resolved from EntanglementLinkParams. */
export interface LinkModel {
  readonly id: string;
  readonly scheme: LinkScheme;
  readonly nodes: readonly [string, string];
  readonly arms: readonly [LinkArm, LinkArm];
  /** η_A, η_B. */
  readonly etaArms: readonly [number, number];
  /** η_A·η_B: the transmissivity from qubit A to qubit B through both arms (the PLOB channel). */
  readonly etaEndToEnd: number;
  /** HOM visibility and amplitude overlap at the station (link-visibility.ts; unused by the midpoint source). */
  readonly visibility: number;
  readonly amplitudeOverlap: number;
  /** Dark-count probability of each beam-splitter output per window (0 for the midpoint source). */
  readonly darkCountProbability: number;
  /** Success probability and heralded state of one attempt. */
  readonly outcome: LinkAttemptOutcome;
  readonly repetitionRateHz: number;
  /** Ticks of the attempt grid, ps (1/repetitionRateHz, rounded). */
  readonly attemptPeriodPs: number;
  /** Ticks a memory pair waits from one attempt to the next (≥ 1). */
  readonly cycleTicks: number;
  /** Memory pairs (slots): min of the two ends' communication qubits (and the source's channels). */
  readonly slots: number;
  readonly memories: readonly [CoherenceTimes, CoherenceTimes];
  /** Relative to the tick of the successful attempt: when each end's qubit starts waiting, ps. */
  readonly storedOffsetPs: readonly [number, number];
  /** Relative to the tick: when each end learns the outcome (the herald arrives), ps. */
  readonly readyOffsetPs: readonly [number, number];
  /** A freed memory pair can join a tick no earlier than this after it is freed, ps. */
  readonly leadPs: number;
  /** Cutoff in ps (Infinity: none). */
  readonly cutoffPs: number;
  /** Pairs per second with every pair consumed at once: p·rate·min(slots, cycleTicks)/cycleTicks. */
  readonly maxRateHz: number;
}

function validateEnd(end: LinkEndParams, path: FieldPath): void {
  if (typeof end !== 'object' || end === null)
    fail(
      path,
      'node',
      'a link end must be an object',
      'give node, communicationQubits, memory, transducer, fibre, lengthKm and clock',
    );
  if (typeof end.node !== 'string' || end.node === '')
    fail(path, 'node', 'a link end needs a node name', 'name the node at this end');
  checkNumber(end, 'communicationQubits', path, {
    min: 1,
    integer: true,
    meaning: 'the number of communication qubits the link may use',
  });
  validateCoherenceTimes(end.memory, [...path, 'memory']);
  validateTransducer(end.transducer, [...path, 'transducer']);
  validateFibre(end.fibre, [...path, 'fibre']);
  validateLengthKm(end.lengthKm, path);
  (end.switches ?? []).forEach((s, i) => {
    validateOpticalSwitch(s, [...path, 'switches', i]);
  });
  validateClock(end.clock, [...path, 'clock']);
  if (end.brightStatePopulation !== undefined) {
    checkNumber(end, 'brightStatePopulation', path, {
      above: 0,
      max: 1,
      meaning: 'the bright-state population α',
    });
  }
}

/** Checks `params`, reporting errors at `path` (a scenario field path). */
export function validateLinkParams(
  params: EntanglementLinkParams,
  path: FieldPath = [],
): EntanglementLinkParams {
  if (typeof params.id !== 'string' || params.id === '')
    fail(path, 'id', 'a link needs an id', 'give the link a name');
  if (!LINK_SCHEMES.includes(params.scheme)) {
    fail(
      path,
      'scheme',
      `unknown link scheme ${JSON.stringify(params.scheme)}`,
      `use one of ${LINK_SCHEMES.join(', ')}`,
    );
  }
  if (!Array.isArray(params.ends) || params.ends.length !== 2) {
    fail(path, 'ends', 'a link has exactly two ends', 'give ends: [A, B]');
  }
  params.ends.forEach((end, i) => {
    validateEnd(end, [...path, 'ends', i]);
  });
  if (params.ends[0].node === params.ends[1].node) {
    fail(
      [...path, 'ends', 1],
      'node',
      `both ends of link ${params.id} are ${params.ends[0].node}`,
      'a link joins two different nodes',
    );
  }
  if (params.station !== undefined) validateHeraldingStation(params.station, [...path, 'station']);
  if (params.source !== undefined) validatePairSource(params.source, [...path, 'source']);
  if (params.brightStatePopulation !== undefined) {
    checkNumber(params, 'brightStatePopulation', path, {
      above: 0,
      max: 1,
      meaning: 'the bright-state population α',
    });
  }
  if (params.wavepacket !== undefined) {
    const w = params.wavepacket;
    if (w.shape === 'exponential')
      checkNumber(w, 'lifetimePs', [...path, 'wavepacket'], {
        above: 0,
        meaning: 'the photon lifetime in ps',
      });
    else if (w.shape === 'gaussian')
      checkNumber(w, 'sigmaPs', [...path, 'wavepacket'], {
        above: 0,
        meaning: 'the photon length (s.d.) in ps',
      });
    else fail([...path, 'wavepacket'], 'shape', 'unknown wavepacket shape', 'use exponential or gaussian');
  }
  if (params.detuningHz !== undefined)
    checkNumber(params, 'detuningHz', path, { meaning: 'the frequency detuning in Hz' });
  if (params.opticalPhaseSdRad !== undefined)
    checkNumber(params, 'opticalPhaseSdRad', path, {
      min: 0,
      meaning: 'the optical phase noise (s.d.) in radians',
    });
  if (params.pairFidelity !== undefined)
    checkNumber(params, 'pairFidelity', path, probability('the Werner fidelity of the source pairs'));
  if (params.source !== undefined && params.source.meanPairsPerPulse > 100) {
    fail(
      [...path, 'source'],
      'meanPairsPerPulse',
      'more than 100 pairs per pulse is outside the model',
      'use meanPairsPerPulse <= 100',
    );
  }
  if (params.repetitionRateHz !== undefined)
    checkNumber(params, 'repetitionRateHz', path, { above: 0, meaning: 'the attempt rate in Hz' });
  if (params.cutoffUs !== undefined)
    checkNumber(params, 'cutoffUs', path, { above: 0, meaning: 'the cutoff in µs' });
  return params;
}

const stationOf = (p: EntanglementLinkParams) => p.station ?? DEFAULT_HERALDING_STATION;
const sourceOf = (p: EntanglementLinkParams) => p.source ?? DEFAULT_PAIR_SOURCE;

/** The default wavepacket: exponential, lifetime the mean of the two transducers' pulse lengths. */
export function defaultWavepacket(params: EntanglementLinkParams): Wavepacket {
  const [a, b] = params.ends;
  return {
    shape: 'exponential',
    lifetimePs: nsToPs((a.transducer.pulseLengthNs + b.transducer.pulseLengthNs) / 2),
  };
}

function fibreAndSwitches(end: LinkEndParams) {
  return {
    fibre: spanTransmissivity(end.fibre, end.lengthKm),
    switches: (end.switches ?? []).reduce((eta, s) => eta * switchTransmissivity(s), 1),
  };
}

/** Arm of a station scheme: etaTotal = transducer × fibre × switches × detector (× window fraction). */
function stationArm(end: LinkEndParams, station: HeraldingStationParams, wavepacket: Wavepacket): LinkArm {
  const { fibre, switches } = fibreAndSwitches(end);
  // The station's inside loss counts with its detector (hardware/heralding-station.ts, armEfficiencyFactors).
  const detector = station.detector.efficiency * dbToTransmissivity(station.insertionLossDb);
  const window = wavepacketInWindow(wavepacket, station.windowPs);
  const factors = { transducer: end.transducer.efficiency, fibre, switches, detector, window };
  return {
    factors,
    efficiency: end.transducer.efficiency * fibre * switches * detector * window,
    delayPs: spanDelayPs(end.fibre, end.lengthKm),
    // Noise leaves the transducer with probability 1 − (1 + ηN)^−1 (at least one thermal photon, taken
    // as one) and travels like a signal photon.
    noiseProbability: noisePhotonProbability(end.transducer) * fibre * switches * detector * window,
  };
}

/** Arm of the midpoint source: source heralding efficiency × fibre × switches × transducer. */
function sourceArm(end: LinkEndParams, source: PairSourceParams): LinkArm {
  const { fibre, switches } = fibreAndSwitches(end);
  const factors = {
    source: source.heraldingEfficiency,
    fibre,
    switches,
    transducer: end.transducer.efficiency,
  };
  return {
    factors,
    efficiency: source.heraldingEfficiency * fibre * switches * end.transducer.efficiency,
    delayPs: spanDelayPs(end.fibre, end.lengthKm),
    // At least one noise photon in the absorption window heralds falsely (the memory is scrambled).
    noiseProbability: noisePhotonProbability(end.transducer),
  };
}

/** Validates `params` and resolves the link's physics and timing. */
export function resolveLinkModel(params: EntanglementLinkParams, path: FieldPath = []): LinkModel {
  validateLinkParams(params, path);
  const [endA, endB] = params.ends;
  const scheme = params.scheme;
  const wavepacket = params.wavepacket ?? defaultWavepacket(params);
  const midpoint = scheme === 'midpoint-source';
  const station = stationOf(params);
  const source = sourceOf(params);
  const arms: [LinkArm, LinkArm] = midpoint
    ? [sourceArm(endA, source), sourceArm(endB, source)]
    : [stationArm(endA, station, wavepacket), stationArm(endB, station, wavepacket)];
  const vis = linkVisibility({
    wavepacket,
    clocks: [endA.clock, endB.clock],
    intrinsicVisibility: midpoint ? 1 : station.visibility,
    detuningHz: params.detuningHz,
    opticalPhaseSdRad: params.opticalPhaseSdRad,
  });
  // Dark counts of one beam-splitter output: its share of the station's detectors, over one window.
  const dark = midpoint
    ? 0
    : darkProbability((station.detector.darkCountRateHz * station.detectors) / 2, station.windowPs);
  const [armA, armB] = arms;
  const stationInputs = {
    etaA: armA.efficiency,
    etaB: armB.efficiency,
    visibility: vis.visibility,
    amplitudeOverlap: vis.amplitudeOverlap,
    darkCountProbability: dark,
    noiseA: armA.noiseProbability,
    noiseB: armB.noiseProbability,
  };
  const alpha = params.brightStatePopulation ?? DEFAULT_BRIGHT_STATE_POPULATION;
  const outcome =
    scheme === 'single-click'
      ? singleClickOutcome({
          ...stationInputs,
          alphaA: endA.brightStatePopulation ?? alpha,
          alphaB: endB.brightStatePopulation ?? alpha,
        })
      : scheme === 'double-click'
        ? doubleClickOutcome(stationInputs)
        : midpointSourceOutcome({
            meanPairs: source.meanPairsPerPulse,
            statistics: source.statistics,
            etaA: armA.efficiency,
            etaB: armB.efficiency,
            noiseA: armA.noiseProbability,
            noiseB: armB.noiseProbability,
            pairFidelity: params.pairFidelity ?? 1,
          });

  // Attempt clock: one transducer pulse per round at each end (two rounds for Barrett–Kok), and one
  // pump pulse per attempt for the midpoint source.
  const rounds = scheme === 'double-click' ? 2 : 1;
  const deviceRate = Math.min(
    endA.transducer.repetitionRateHz / rounds,
    endB.transducer.repetitionRateHz / rounds,
    midpoint ? source.repetitionRateHz : Number.POSITIVE_INFINITY,
  );
  if (params.repetitionRateHz !== undefined && params.repetitionRateHz > deviceRate * (1 + 1e-12)) {
    fail(
      path,
      'repetitionRateHz',
      `${params.repetitionRateHz} Hz is faster than the devices allow (${deviceRate} Hz)`,
      "leave it out to use the devices' rate, or lower it",
    );
  }
  const repetitionRateHz = params.repetitionRateHz ?? deviceRate;
  const attemptPeriodPs = Math.max(1, Math.round(PS_PER_S / repetitionRateHz));
  const [dA, dB] = [armA.delayPs, armB.delayPs];
  // Barrett–Kok heralds after its second round, one pulse period after the first.
  const secondRound = scheme === 'double-click' ? Math.round(attemptPeriodPs / 2) : 0;
  const storedOffsetPs: [number, number] = midpoint ? [dA, dB] : [-dA, -dB];
  const readyOffsetPs: [number, number] = midpoint
    ? [dA + 2 * dB, dB + 2 * dA]
    : [dA + secondRound, dB + secondRound];
  const busy = Math.max(readyOffsetPs[0] - storedOffsetPs[0], readyOffsetPs[1] - storedOffsetPs[1]);
  const cycleTicks = Math.max(1, Math.ceil(busy / attemptPeriodPs));
  const slots = Math.min(
    endA.communicationQubits,
    endB.communicationQubits,
    midpoint ? source.channels : Number.POSITIVE_INFINITY,
  );
  const cutoffPs = params.cutoffUs === undefined ? Number.POSITIVE_INFINITY : usToPs(params.cutoffUs);
  const heraldAgePs = Math.max(...readyOffsetPs) - Math.min(...storedOffsetPs);
  if (cutoffPs <= heraldAgePs) {
    fail(
      path,
      'cutoffUs',
      `a cutoff of ${params.cutoffUs} µs discards every pair before both heralds arrive`,
      `pairs are ${heraldAgePs / 1e6} µs old when both ends know them; use a longer cutoff`,
    );
  }
  const p = outcome.successProbability;
  return {
    id: params.id,
    scheme,
    nodes: [endA.node, endB.node],
    arms,
    etaArms: [armA.efficiency, armB.efficiency],
    etaEndToEnd: armA.efficiency * armB.efficiency,
    visibility: vis.visibility,
    amplitudeOverlap: vis.amplitudeOverlap,
    darkCountProbability: dark,
    outcome,
    repetitionRateHz,
    attemptPeriodPs,
    cycleTicks,
    slots,
    memories: [endA.memory, endB.memory],
    storedOffsetPs,
    readyOffsetPs,
    leadPs: Math.max(0, -Math.min(...storedOffsetPs)),
    cutoffPs,
    maxRateHz: ((p * PS_PER_S) / attemptPeriodPs) * (Math.min(slots, cycleTicks) / cycleTicks),
  };
}
