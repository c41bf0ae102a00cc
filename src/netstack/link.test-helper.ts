// Link parameters for the tests: two nodes, a station in the middle, devices from the presets.
import { CLOCK_PRESETS } from '../hardware/clock.js';
import { FIBRE_PRESETS } from '../hardware/fibre.js';
import { QPU_CLASS_PRESETS } from '../hardware/qpu.js';
import { TRANSDUCER_PRESETS, type TransducerParams } from '../hardware/transducer.js';
import type { EntanglementLinkParams, LinkEndParams } from './link-params.js';
import type { LinkScheme } from './link-physics.js';

export function testEnd(node: string, overrides: Partial<LinkEndParams> = {}): LinkEndParams {
  const heron = QPU_CLASS_PRESETS['heron-r2'].params;
  return {
    node,
    communicationQubits: 1,
    memory: { t1Us: heron.t1Us, t2Us: heron.t2Us },
    transducer: TRANSDUCER_PRESETS['transducer-2030-target'].params,
    fibre: FIBRE_PRESETS.smf28.params,
    lengthKm: 5,
    clock: CLOCK_PRESETS['white-rabbit'].params,
    ...overrides,
  };
}

/** A link A–B with the 2030 transducer target (η = 0.8, 1 MHz) and 5 km to the station on each side. */
export function testLink(
  scheme: LinkScheme,
  overrides: Partial<EntanglementLinkParams> = {},
  ends: readonly [Partial<LinkEndParams>, Partial<LinkEndParams>] = [{}, {}],
): EntanglementLinkParams {
  return { id: 'ab', scheme, ends: [testEnd('A', ends[0]), testEnd('B', ends[1])], ...overrides };
}

/** A transducer with the given efficiency and no added noise, at `rateHz`. */
export function quietTransducer(efficiency: number, rateHz = 1_000_000): TransducerParams {
  return { efficiency, addedNoisePhotons: 0, pulseLengthNs: 100, repetitionRateHz: rateHz };
}
