// Builds the heralded entanglement links a scenario names: hardware from presets, arm efficiencies
// and herald delays from the fibre path between the two ends (station at its middle).

import { darkCountProbability } from '../hardware/detector.js';
import { resolveHardwarePreset } from '../hardware/presets.js';
import type { Simulation } from '../kernel/simulation.js';
import { ElementaryLink } from '../netstack/elementary-link.js';
import type { AttemptParams } from '../netstack/heralded-attempt.js';
import { shortestPath } from '../netstack/shortest-path.js';
import { dbToTransmissivity, fibreDelayPs, PS_PER_NS } from '../util/units.js';
import type { EntanglementLink } from './entanglement.js';
import { resolvePreset } from './presets.js';
import type { Scenario } from './schema.js';

export interface BuiltLink {
  spec: EntanglementLink;
  link: ElementaryLink;
  lengthKm: number;
  /** Probability that a photon leaving one end is detected at the station (one arm). */
  etaTotal: number;
  attemptRateHz: number;
}

export function buildEntanglementLink(
  sim: Simulation,
  scenario: Scenario,
  spec: EntanglementLink,
): BuiltLink {
  const fibres = scenario.links.map((l) => {
    const fibre = resolvePreset(scenario, l.fibre, 'fibre');
    return {
      id: l.id,
      a: l.ends[0],
      b: l.ends[1],
      lengthKm: l.lengthKm,
      lossDb: fibre.lossDbPerKm * l.lengthKm,
      delayPs: fibreDelayPs(l.lengthKm, fibre.groupIndex),
    };
  });
  const byId = new Map(fibres.map((f) => [f.id, f]));
  const nodes = scenario.nodes.map((n) => n.id);
  // The checks guarantee a path; the station sits at its middle, so each arm has half of it.
  const path = shortestPath(nodes, fibres, spec.ends[0], spec.ends[1], (e) => byId.get(e.id)!.lengthKm)!;
  const hops = path.edges.map((id) => byId.get(id)!);
  const lengthKm = hops.reduce((s, f) => s + f.lengthKm, 0);
  const armTransmissivity = dbToTransmissivity(hops.reduce((s, f) => s + f.lossDb, 0) / 2);
  const armDelayPs = Math.round(hops.reduce((s, f) => s + f.delayPs, 0) / 2);

  const transducer = resolveHardwarePreset('transducer', spec.transducer);
  const detector = resolveHardwarePreset('detector', spec.detector);
  const memory = resolveHardwarePreset('qpu', spec.memory);
  const etaTotal = transducer.efficiency * armTransmissivity * detector.efficiency;
  const attempt: AttemptParams = {
    etaA: etaTotal,
    etaB: etaTotal,
    visibility: spec.visibility,
    // One detection window per converted pulse.
    pDark: darkCountProbability(detector.darkCountRateHz, transducer.pulseLengthNs * PS_PER_NS),
    alpha: spec.alpha,
    meanPairs: spec.meanPairs,
  };
  const attemptRateHz = spec.attemptRateHz ?? transducer.repetitionRateHz;
  const link = new ElementaryLink(sim, {
    id: spec.id,
    ends: spec.ends,
    protocol: spec.protocol,
    attempt,
    attemptRateHz,
    heraldDelayPs: [armDelayPs, armDelayPs],
    memory: [memory, memory],
    multiplexing: spec.multiplexing,
    ...(spec.cutoffUs === undefined ? {} : { cutoffPs: Math.round(spec.cutoffUs * 1e6) }),
  });
  return { spec, link, lengthKm, etaTotal, attemptRateHz };
}
