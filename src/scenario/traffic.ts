// Random request traffic: many requests drawn from ranges instead of written out one by one. Each
// generator draws from its own random stream (`traffic/<id>`, below the scenario seed or its own
// `seed`), so adding a generator or a request leaves the others' draws unchanged.
import { z } from 'zod';
import { Rng } from '../util/rng.js';
import { idSchema } from './ids.js';

const range = <T extends z.ZodType<number>>(item: T) => z.tuple([item, item]);

export const TrafficSchema = z
  .strictObject({
    id: idSchema()
      .optional()
      .describe('Name of the generator; its requests are `<id>-<k>`. Default: `traffic-<index>`.'),
    count: z.int().positive().describe('Number of requests (per source node with `perNode`).'),
    arrivalRateHz: z
      .number()
      .positive()
      .describe('Mean arrivals per second, Hz, as a Poisson process (per source node with `perNode`).'),
    startUs: z.number().min(0).default(0).describe('When arrivals begin, in microseconds (µs).'),
    nodes: z
      .array(z.string())
      .min(2)
      .optional()
      .describe('QPU nodes requests join, both ends drawn uniformly. Default: every QPU.'),
    perNode: z
      .boolean()
      .default(false)
      .describe('Every node of `nodes` issues its own requests to random others.'),
    pairs: range(z.int().positive()).default([1, 1]).describe('Pairs per request, uniform in [min, max].'),
    minFidelity: range(z.number().min(0).max(1)).describe('Least fidelity, uniform in [min, max].'),
    deadlineUs: range(z.number().positive())
      .optional()
      .describe('Deadline from submission, in microseconds (µs), uniform in [min, max]. Default: none.'),
    priority: range(z.int().positive())
      .optional()
      .describe('Weight for weighted-fair scheduling, a whole number uniform in [min, max]. Default: 1.'),
    seed: z
      .int()
      .min(0)
      .optional()
      .describe('Seed of this generator’s own stream, to keep its requests when the scenario seed changes.'),
  })
  .meta({ title: 'Traffic', description: 'A generator of random requests between QPUs.' });

export type Traffic = z.output<typeof TrafficSchema>;

/** A generated request, in the scenario's request form. */
export interface GeneratedRequest {
  id: string;
  src: string;
  dst: string;
  minFidelity: number;
  pairs: number;
  deadlineUs?: number;
  priority?: number;
  startUs: number;
}

/** The requests of one generator, in arrival order. */
export function generateTraffic(
  traffic: Traffic,
  id: string,
  nodes: readonly string[],
  root: Rng,
): GeneratedRequest[] {
  const base = (traffic.seed === undefined ? root : Rng.fromSeed(traffic.seed)).child(`traffic/${id}`);
  const out: GeneratedRequest[] = [];
  const draw = (rng: Rng, src: string | undefined, at: number, k: number): GeneratedRequest => {
    const from = src ?? rng.pick(nodes);
    const others = nodes.filter((n) => n !== from);
    const dst = rng.pick(others);
    const pairs = uniformInt(rng, traffic.pairs);
    const minFidelity = rng.uniform(traffic.minFidelity[0], traffic.minFidelity[1]);
    const deadline = traffic.deadlineUs
      ? rng.uniform(traffic.deadlineUs[0], traffic.deadlineUs[1])
      : undefined;
    const priority = traffic.priority ? uniformInt(rng, traffic.priority) : undefined;
    return {
      id: `${id}-${k}`,
      src: from,
      dst,
      minFidelity,
      pairs,
      ...(deadline === undefined ? {} : { deadlineUs: deadline }),
      ...(priority === undefined ? {} : { priority }),
      startUs: at,
    };
  };
  const meanGapUs = 1e6 / traffic.arrivalRateHz;
  if (traffic.perNode) {
    for (const src of nodes) {
      const rng = base.child(src);
      let at = traffic.startUs;
      for (let k = 0; k < traffic.count; k++) {
        at += rng.exponential(meanGapUs);
        out.push(draw(rng, src, at, out.length));
      }
    }
    out.sort((a, b) => a.startUs - b.startUs);
    out.forEach((r, k) => {
      r.id = `${id}-${k}`;
    });
    return out;
  }
  let at = traffic.startUs;
  for (let k = 0; k < traffic.count; k++) {
    at += base.exponential(meanGapUs);
    out.push(draw(base, undefined, at, k));
  }
  return out;
}

function uniformInt(rng: Rng, [lo, hi]: readonly [number, number]): number {
  return lo + rng.int(hi - lo + 1);
}
