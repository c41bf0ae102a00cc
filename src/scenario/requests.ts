// What a scenario asks of the quantum network: requests for end-to-end pairs, and the scheduler that
// routes them and shares each link's pairs among them.
import { z } from 'zod';
import { idSchema } from './ids.js';

export const POLICIES = ['fifo', 'edf', 'weighted-fair'] as const;
export const ROUTINGS = ['latency', 'fidelity'] as const;

export const RequestSchema = z
  .strictObject({
    id: idSchema().optional().describe('Unique request name. Default: `req-<index>`.'),
    src: z.string().describe('QPU node at one end of the pairs.'),
    dst: z.string().describe('QPU node at the other end.'),
    minFidelity: z
      .number()
      .min(0)
      .max(1)
      .describe('Least fidelity the route must offer; refused at admission otherwise.'),
    pairs: z.int().positive().optional().describe('Number of pairs to deliver (give this or `rateHz`).'),
    rateHz: z
      .number()
      .positive()
      .optional()
      .describe('A stream of pairs per second, Hz (give this or `pairs`).'),
    deadlineUs: z
      .number()
      .positive()
      .optional()
      .describe(
        'Time from submission, in microseconds (µs): all `pairs` by then, or how long a stream lasts.',
      ),
    priority: z.number().positive().optional().describe('Weight under weighted-fair scheduling (default 1).'),
    startUs: z.number().min(0).default(0).describe('Submission time, in microseconds (µs).'),
  })
  .meta({
    title: 'Request',
    description:
      'A request for entangled pairs between two QPUs, admitted, routed and scheduled at run time.',
  });

export const SchedulerSchema = z
  .strictObject({
    policy: z
      .enum(POLICIES)
      .default('fifo')
      .describe(
        'Which waiting request gets a link’s next pair (and, on switched links, the next station): first come, earliest deadline, or deficit round robin by priority.',
      ),
    routing: z
      .enum(ROUTINGS)
      .default('latency')
      .describe('Route cost: expected generation time, or the fidelity of the swapped pair.'),
  })
  .meta({ title: 'Scheduler', description: 'Routing and link scheduling of requests.' });

export type ScenarioRequest = z.output<typeof RequestSchema>;
export type SchedulerSettings = z.output<typeof SchedulerSchema>;
