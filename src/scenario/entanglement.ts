// Heralded entanglement links between two QPUs: the photons travel over the scenario's fibres to a
// heralding station at the middle of the fibre path between the two ends.
import { z } from 'zod';
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
    alpha: probability('Single-click bright-state population α (fidelity ≈ 1 − α, rate ≈ 2αη).').default(0.1),
    meanPairs: z
      .number()
      .positive()
      .default(0.01)
      .describe('Midpoint source: mean photon pairs per attempt (thermal statistics).'),
    visibility: probability('Two-photon (HOM) visibility of the photons from the two ends.').default(0.95),
    transducer: z.string().default('transducer-2025').describe('Transducer (QNU) preset at each end.'),
    detector: z.string().default('snspd').describe('Detector preset at the heralding station.'),
    memory: z
      .string()
      .default('heron-r2')
      .describe('QPU class preset whose T1/T2 the stored qubits decay with.'),
    attemptRateHz: z
      .number()
      .positive()
      .optional()
      .describe('Attempts per second. Default: the transducer repetition rate.'),
    multiplexing: z.int().positive().default(1).describe('Communication-qubit pairs attempting in parallel.'),
    cutoffUs: z
      .number()
      .positive()
      .optional()
      .describe('Discard pairs older than this, in microseconds (µs).'),
  })
  .meta({
    title: 'EntanglementLink',
    description:
      'A heralded entanglement link between two QPUs through a station at the middle of their fibre path.',
  })
  .transform((link) => ({ ...link, id: link.id ?? `${link.ends[0]}-${link.ends[1]}-${link.protocol}` }));

export type EntanglementLink = z.output<typeof EntanglementLinkSchema>;
