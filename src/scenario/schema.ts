// The scenario file format, version 1. Every object is strict so a typo is an error, not a silently
// ignored field. Descriptions carry units: they feed the JSON Schema and the generated reference.
import { z } from 'zod';
import { MAX_TIME_PS, PS_PER_US } from '../util/units.js';
import { EntanglementLinkSchema } from './entanglement.js';
import { DEFAULT_HARDWARE } from './hardware-presets.js';
import { idSchema } from './ids.js';
import { PresetSchema } from './presets.js';
import { RequestSchema, SchedulerSchema } from './requests.js';
import { TrafficSchema } from './traffic.js';
import { WorkloadSchema } from './workloads.js';

export const NODE_KINDS = ['qpu', 'switch', 'router', 'station', 'host'] as const;
export const DEFAULT_FIBRE_PRESET = 'smf28';
export const DEFAULT_CLASSICAL_PRESET = 'white-rabbit';
export const DEFAULT_UNTIL_US = 1_000_000;
export const DEFAULT_COMMUNICATION_QUBITS = 2;
/** Simulation time is integer picoseconds below 2^53, so a run cannot last longer than this. */
export const MAX_UNTIL_US = Math.floor(MAX_TIME_PS / PS_PER_US);

export const RunSchema = z
  .strictObject({
    untilUs: z
      .number()
      .positive()
      .max(MAX_UNTIL_US)
      .default(DEFAULT_UNTIL_US)
      .describe('Simulated time at which the run stops, in microseconds (µs); at most 2^53 ps ≈ 2.5 h.'),
    maxEvents: z
      .int()
      .positive()
      .optional()
      .describe('Stop after this many events even if `untilUs` is not reached (a safety net).'),
  })
  .meta({ title: 'Run', description: 'When the simulation stops.' });

export const NodeSchema = z
  .strictObject({
    id: idSchema().describe('Unique node name; links and workloads refer to it.'),
    kind: z.enum(NODE_KINDS).describe('What the node is: a quantum processor or a piece of network gear.'),
    qubits: z.int().positive().optional().describe('Number of data qubits (qpu nodes only).'),
    label: z.string().optional().describe('Name shown in reports instead of the id.'),
    qpu: z
      .string()
      .optional()
      .describe(
        `QPU class preset: noise, timings and the memory its qubits idle in (qpu nodes; default \`${DEFAULT_HARDWARE.qpu}\`).`,
      ),
    communicationQubits: z
      .int()
      .min(0)
      .optional()
      .describe(
        `Qubits that can be entangled through the network; shared by the node's dedicated links (qpu nodes; default ${DEFAULT_COMMUNICATION_QUBITS}).`,
      ),
    transducer: z
      .string()
      .optional()
      .describe(
        `Transducer (QNU) preset of the node's network interface (qpu nodes; default \`${DEFAULT_HARDWARE.transducer}\`).`,
      ),
    station: z
      .string()
      .optional()
      .describe(
        `Heralding-station preset (station nodes; default \`${DEFAULT_HARDWARE['heralding-station']}\`).`,
      ),
    source: z
      .string()
      .optional()
      .describe(
        `Photon-pair source preset for midpoint-source links (station nodes; default \`${DEFAULT_HARDWARE['pair-source']}\`).`,
      ),
    switch: z
      .string()
      .optional()
      .describe(`Optical-switch preset (switch nodes; default \`${DEFAULT_HARDWARE['optical-switch']}\`).`),
  })
  .meta({ title: 'Node', description: 'A place in the network.' });

export const LinkSchema = z
  .strictObject({
    id: idSchema().optional().describe('Unique link name. Default: `<a>-<b>` from `ends`.'),
    ends: z.tuple([z.string(), z.string()]).describe('The ids of the two distinct nodes the link joins.'),
    lengthKm: z.number().min(0).describe('Fibre length in kilometres (km).'),
    fibre: z
      .string()
      .default(DEFAULT_FIBRE_PRESET)
      .describe('Name of the fibre preset (built-in or from `presets`) for the optical channel.'),
    classical: z
      .string()
      .default(DEFAULT_CLASSICAL_PRESET)
      .describe('Name of the classical preset (built-in or from `presets`) for control messages.'),
  })
  .meta({ title: 'Link', description: 'A fibre between two nodes, carrying photons and classical messages.' })
  // The default id depends on another field, which zod's `.default` cannot express.
  .transform((link) => ({ ...link, id: link.id ?? `${link.ends[0]}-${link.ends[1]}` }));

export const ScenarioSchema = z
  .strictObject({
    name: z.string().min(1).describe('Short name of the scenario, used in reports and file names.'),
    description: z.string().optional().describe('Free text: what the scenario is for.'),
    seed: z
      .int()
      .min(0)
      .default(1)
      .describe('Root seed of all random streams; same seed and version give the same result.'),
    run: RunSchema.prefault({}).describe('When the simulation stops.'),
    presets: z
      .record(idSchema(), PresetSchema)
      .default(() => ({}))
      .describe('Hardware parameter sets defined by this file, by name; built-in names cannot be redefined.'),
    nodes: z.array(NodeSchema).min(1).describe('The nodes of the network (at least one).'),
    links: z
      .array(LinkSchema)
      // prefault, not default: the JSON Schema drops defaults of lists holding transforms.
      .prefault(() => [])
      .describe('Fibres joining pairs of nodes.'),
    entanglement: z
      .array(EntanglementLinkSchema)
      // prefault, not default: the JSON Schema drops defaults of lists holding transforms.
      .prefault(() => [])
      .describe('Heralded entanglement links between pairs of QPUs.'),
    requests: z
      .array(RequestSchema)
      .default(() => [])
      .describe('Requests for end-to-end entangled pairs between QPUs.'),
    traffic: z
      .array(TrafficSchema)
      .default(() => [])
      .describe('Generators of many random requests.'),
    scheduler: SchedulerSchema.prefault({}).describe(
      'How links are shared among requests and requests routed.',
    ),
    workloads: z
      .array(WorkloadSchema)
      .default(() => [])
      .describe('What to run on the network.'),
  })
  .meta({
    title: 'Scenario',
    description:
      'A qnet scenario: the network (nodes, links, hardware presets) and the workloads to run on it.',
  });

/** A scenario as loaded: defaults applied, so defaulted fields are never optional. */
export type Scenario = z.output<typeof ScenarioSchema>;
/** A scenario as written in a file (defaulted fields optional). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type RunSettings = z.output<typeof RunSchema>;
export type ScenarioNode = z.output<typeof NodeSchema>;
export type NodeKind = ScenarioNode['kind'];
export type ScenarioLink = z.output<typeof LinkSchema>;
export type { EntanglementLink } from './entanglement.js';
export type { ScenarioRequest, SchedulerSettings } from './requests.js';
export type { Traffic } from './traffic.js';
