// What a run reports of each entanglement link: its physics (arm efficiencies, visibility, the exact
// per-attempt model) beside what the simulation measured, with standard errors, so the two can be
// compared at a glance and in tests.
import { combineStats } from '../netstack/network-sim.js';
import type { SupplyStats } from '../netstack/pair-supply.js';
import { PS_PER_S, psToUs } from '../util/units.js';
import type { BuiltLink } from './build-network.js';

export interface EntanglementLinkResult {
  id: string;
  ends: [string, string];
  protocol: string;
  /** Where it heralds: 'midpoint' (a station in the middle of the fibre), a station, or a switch's pool. */
  via: string;
  /** The stations of a switched pool. */
  stations?: string[];
  /** Fibre from end A to the station plus from the station to end B, km (first station of a pool). */
  lengthKm: number;
  /** Probability that a photon leaving end A is detected at the station (one arm, all devices). */
  etaTotal: number;
  /** Both arms' efficiencies, when they differ. */
  etaArms?: [number, number];
  visibility: number;
  /** Attempts per second while the link runs (all communication-qubit pairs together). */
  attemptRateHz: number;
  multiplexing: number;
  alpha?: number;
  meanPairs?: number;
  cutoffUs?: number;
  /** The link layer's exact model. */
  expected: {
    successProbability: number;
    /** Fidelity of the heralded state, before memory decay. */
    fidelity: number;
    /** After the qubits' wait until both ends know the pair. */
    fidelityAtHerald: number;
    /** Pairs per second with every pair taken at once. */
    rateHz: number;
  };
  measured: {
    attempts: number;
    pairs: number;
    successProbability: number;
    successProbabilityStdErr: number;
    rateHz: number;
    rateStdErr: number;
    /** Mean fidelity of the pairs when both ends know them. */
    fidelity: number;
    /** Standard error of that mean from the spread of the pairs' exact fidelities. */
    fidelityStdErr: number;
    /** The standard error of measuring each pair once in the Bell basis: √(F(1−F)/pairs). */
    fidelityMeasurementStdErr: number;
    discarded: number;
    /** Time the link spent generating, s. */
    activeSeconds: number;
  };
}

export function entanglementLinkResult(built: BuiltLink): EntanglementLinkResult {
  const { spec, placed } = built;
  const model = built.links[0]!.model;
  const [armA, armB] = placed.options[0]!.arms;
  const all: SupplyStats[] = built.links.map((l) => l.stats());
  const m = combineStats(all);
  const [etaA, etaB] = model.etaArms;
  const placement = placed.placement;
  const via =
    placement.kind === 'midpoint' ? 'midpoint' : placement.kind === 'pool' ? placement.switch : spec.via!;
  const fidelity = m.fidelity;
  return {
    id: spec.id,
    ends: spec.ends,
    protocol: spec.protocol,
    via,
    ...(placement.kind === 'pool' ? { stations: placed.options.map((o) => o.station!) } : {}),
    lengthKm: armA.lengthKm + armB.lengthKm,
    etaTotal: etaA,
    ...(Math.abs(etaA - etaB) > 1e-12 * Math.max(etaA, etaB)
      ? { etaArms: [etaA, etaB] as [number, number] }
      : {}),
    visibility: model.visibility,
    attemptRateHz: (model.repetitionRateHz * Math.min(model.slots, model.cycleTicks)) / model.cycleTicks,
    multiplexing: model.slots,
    ...(spec.protocol === 'single-click' ? { alpha: spec.alpha } : {}),
    ...(spec.protocol === 'midpoint-source'
      ? { meanPairs: placed.options[0]!.params.source!.meanPairsPerPulse }
      : {}),
    ...(Number.isFinite(model.cutoffPs) ? { cutoffUs: psToUs(model.cutoffPs) } : {}),
    expected: {
      successProbability: model.outcome.successProbability,
      fidelity: model.outcome.state[0],
      fidelityAtHerald: built.expected.fidelity,
      rateHz: model.maxRateHz,
    },
    measured: {
      attempts: m.attempts,
      pairs: m.pairs,
      successProbability: m.successProbability,
      successProbabilityStdErr: m.successProbabilityStdErr,
      rateHz: m.rateHz,
      rateStdErr: m.rateStdErr,
      fidelity,
      fidelityStdErr: m.fidelityStdErr,
      fidelityMeasurementStdErr: m.pairs > 0 ? Math.sqrt((fidelity * (1 - fidelity)) / m.pairs) : Number.NaN,
      discarded: m.discarded,
      activeSeconds: m.elapsedPs / PS_PER_S,
    },
  };
}
