// Heralded entanglement links between two QPUs. The photons travel over the scenario's fibres to a
// heralding station: a station node named by `via` (or any free station behind the switch node named
// by `via`), else a station placed at the middle of the fibre joining the two ends. Hardware comes
// from the nodes (transducers, memories) and the station; the fields here change it for one link.
import { z } from 'zod';
import { DEFAULT_HARDWARE } from './hardware-presets.js';
import { idSchema } from './ids.js';

export const PROTOCOLS = ['single-click', 'double-click', 'midpoint-source'] as const;

const probability = (what: string) => z.number().min(0).max(1).describe(what);

export const EntanglementLinkSchema = z
  .strictObject({
    id: idSchema()
      .optional()
      .describe('Unique name of the entanglement link. Default: `<a>-<b>-<protocol>`.'),
    ends: z.tuple([z.string(), z.string()]).describe('The two QPU nodes that share the pairs.'),
    protocol: z.enum(PROTOCOLS).default('single-click').describe('Heralding scheme.'),
    via: z
      .string()
      .optional()
      .describe(
        'A station node both ends reach over fibres, or a switch node whose stations the link shares with others (switched on demand). Default: a station at the middle of the fibre joining the ends.',
      ),
    station: z
      .string()
      .optional()
      .describe(
        `Heralding-station preset of the default midpoint station (without \`via\`); default \`${DEFAULT_HARDWARE['heralding-station']}\`.`,
      ),
    source: z
      .string()
      .optional()
      .describe(
        `Pair-source preset of the default midpoint station (midpoint-source, without \`via\`); default \`${DEFAULT_HARDWARE['pair-source']}\`.`,
      ),
    alpha: probability('Single-click bright-state population α (fidelity ≈ 1 − α, rate ≈ 2αη).').default(0.1),
    meanPairs: z
      .number()
      .positive()
      .optional()
      .describe('Midpoint source: mean photon pairs per attempt. Default: the source preset’s μ.'),
    visibility: probability(
      'Two-photon (HOM) visibility of the photons from the two ends. Default: the station’s.',
    ).optional(),
    transducer: z
      .string()
      .optional()
      .describe('Transducer (QNU) preset at both ends. Default: each end node’s transducer.'),
    detector: z
      .string()
      .optional()
      .describe('Detector preset at the station. Default: the station’s detectors.'),
    memory: z
      .string()
      .optional()
      .describe('QPU class whose T1/T2 the link’s pairs decay with. Default: each end node’s class.'),
    attemptRateHz: z
      .number()
      .positive()
      .optional()
      .describe(
        'Attempts per second on one communication-qubit pair, Hz. Default: the transducer rate, slowed to one attempt per herald round trip.',
      ),
    multiplexing: z
      .int()
      .positive()
      .default(1)
      .describe('Communication-qubit pairs attempting in parallel (each holds one pair).'),
    cutoffUs: z
      .number()
      .positive()
      .optional()
      .describe('Discard pairs older than this, in microseconds (µs), also while a request holds them.'),
  })
  .meta({
    title: 'EntanglementLink',
    description: 'A heralded entanglement link between two QPUs through a heralding station.',
  })
  .transform((link) => ({ ...link, id: link.id ?? `${link.ends[0]}-${link.ends[1]}-${link.protocol}` }));

export type EntanglementLink = z.output<typeof EntanglementLinkSchema>;
