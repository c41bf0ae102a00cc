// What a scenario asks the network to do. Each kind is one strict object in the discriminated union
// on `kind`; add a kind by writing its schema here and appending it to WorkloadSchema.
import { z } from 'zod';

export const PingWorkloadSchema = z
  .strictObject({
    kind: z.literal('ping').describe('Workload kind: classical round trips.'),
    from: z.string().describe('Node id that sends each ping and receives the reply.'),
    to: z.string().describe('Node id that answers; must be reachable from `from` over links.'),
    count: z.int().positive().default(10).describe('Number of round trips.'),
    intervalUs: z
      .number()
      .positive()
      .default(10)
      .describe('Time between successive pings, in microseconds (µs).'),
    label: z.string().optional().describe('Name shown in reports.'),
  })
  .meta({
    title: 'PingWorkload',
    description: 'Round-trip classical messages between two nodes along the shortest path.',
  });

export const DISTRIBUTED_CIRCUITS = ['ghz', 'qft-check', 'clifford-mirror', 'clifford-random'] as const;

export const DistributedWorkloadSchema = z
  .strictObject({
    kind: z.literal('distributed').describe('Workload kind: one circuit compiled across QPUs and run.'),
    circuit: z
      .enum(DISTRIBUTED_CIRCUITS)
      .describe(
        'Built-in circuit: `ghz` (H and a CX chain), `qft-check` (a Fourier-basis state read back by the inverse QFT: one right answer), `clifford-mirror` (random Clifford layers and their inverse: all zeros), `clifford-random` (random Clifford layers).',
      ),
    qubits: z.int().min(2).describe('Qubits of the circuit.'),
    depth: z
      .int()
      .positive()
      .default(4)
      .describe('Layers of the Clifford circuits (each mirrored layer counts once).'),
    local: z
      .boolean()
      .default(true)
      .describe(
        'Clifford circuits: two-qubit gates between neighbouring qubits (true) or random pairs (false).',
      ),
    value: z
      .int()
      .min(0)
      .default(0)
      .describe('qft-check: the integer the inverse QFT must read back (default: a fixed pattern).'),
    qpus: z
      .array(z.string())
      .min(1)
      .optional()
      .describe('QPU node ids to spread the circuit over (default: every qpu node).'),
    qubitsPerQpu: z
      .int()
      .positive()
      .optional()
      .describe(
        'Data qubits each QPU gives the job (default: ceil(qubits / QPUs), so the job spans all of them).',
      ),
    shots: z.int().positive().default(1000).describe('Shots to sample.'),
    lookahead: z
      .boolean()
      .default(true)
      .describe('Announce the e-bits the program will need so links make them ahead of time.'),
    ideal: z.boolean().default(false).describe('Perfect e-bits, gates and memories (a correctness check).'),
    label: z.string().optional().describe('Name shown in reports.'),
  })
  .meta({
    title: 'DistributedWorkload',
    description:
      'A circuit compiled across QPUs (partitioning, cat-entanglement, teleportation) and run on the network: e-bits from the links, gates with their durations, decoherence while qubits wait.',
  });

export const WorkloadSchema = z.discriminatedUnion('kind', [PingWorkloadSchema, DistributedWorkloadSchema]);

export type PingWorkload = z.output<typeof PingWorkloadSchema>;
export type DistributedWorkload = z.output<typeof DistributedWorkloadSchema>;
export type Workload = z.output<typeof WorkloadSchema>;
export type WorkloadKind = Workload['kind'];
