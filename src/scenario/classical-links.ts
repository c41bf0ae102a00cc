// The scenario's fibres as classical links: propagation delay plus the processing delay of the
// classical preset, with seeded jitter. Shared by runs and by the distributed-workload setup.
import type { ClassicalLinkSpec } from '../netstack/classical-network.js';
import { fibreDelayPs, fibreTransmissivity, psToUs } from '../util/units.js';
import { resolvePreset } from './presets.js';
import type { LinkResult } from './run-scenario.js';
import type { Scenario } from './schema.js';

export function classicalLinkSpecs(scenario: Scenario): (ClassicalLinkSpec & { result: LinkResult })[] {
  return scenario.links.map((link) => {
    const fibre = resolvePreset(scenario, link.fibre, 'fibre');
    const classical = resolvePreset(scenario, link.classical, 'classical');
    const delayPs = fibreDelayPs(link.lengthKm, fibre.groupIndex) + classical.processingDelayPs;
    return {
      id: link.id,
      a: link.ends[0],
      b: link.ends[1],
      delayPs,
      jitterPs: classical.jitterPs,
      result: {
        id: link.id,
        ends: link.ends,
        lengthKm: link.lengthKm,
        fibre: link.fibre,
        delayUs: psToUs(delayPs),
        lossDb: fibre.lossDbPerKm * link.lengthKm,
        transmissivity: fibreTransmissivity(link.lengthKm, fibre.lossDbPerKm),
      },
    };
  });
}
