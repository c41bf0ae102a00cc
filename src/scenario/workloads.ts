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

export const WorkloadSchema = z.discriminatedUnion('kind', [PingWorkloadSchema]);

export type PingWorkload = z.output<typeof PingWorkloadSchema>;
export type Workload = z.output<typeof WorkloadSchema>;
export type WorkloadKind = Workload['kind'];
