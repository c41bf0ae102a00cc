// Properties over generated scenarios: a loaded scenario is itself a valid file that loads to the
// same value (defaults are a fixed point), in YAML and in JSON.
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from './load.js';
import type { Scenario, ScenarioLink } from './schema.js';
import type { Workload } from './workloads.js';

const id = fc.stringMatching(/^[A-Za-z][\w.-]{0,6}$/);

/** A chain of nodes joined by links, with a ping between the two ends of the chain. */
const scenarioInput = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 10 }),
    seed: fc.option(fc.nat(), { nil: undefined }),
    ids: fc.uniqueArray(id, { minLength: 2, maxLength: 6 }),
    lengths: fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 5, maxLength: 5 }),
    count: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  })
  .map(({ name, seed, ids, lengths, count }) => ({
    name,
    ...(seed === undefined ? {} : { seed }),
    nodes: ids.map((nodeId) => ({ id: nodeId, kind: 'host' })),
    links: ids.slice(1).map((b, i) => ({ id: `l${i}`, ends: [ids[i], b], lengthKm: lengths[i] ?? 1 })),
    workloads: [
      { kind: 'ping', from: ids[0], to: ids[ids.length - 1], ...(count === undefined ? {} : { count }) },
    ],
  }));

describe('round trip', () => {
  it('loads the same scenario from YAML and JSON, and a loaded scenario reloads to itself', () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const fromYaml = parseScenario(stringify(input), 'gen.yaml');
        const fromJson = parseScenario(JSON.stringify(input), 'gen.json');
        expect(fromJson).toEqual(fromYaml);
        expect(parseScenario(stringify(fromYaml), 'again.yaml')).toEqual(fromYaml);
        expect(fromYaml.nodes.map((n) => n.id)).toEqual(input.nodes.map((n) => n.id));
      }),
      { numRuns: 100 },
    );
  });

  it('exposes defaulted fields as required in the output type', () => {
    const s = parseScenario('name: t\nnodes: [{ id: A, kind: host }]\n', 't.yaml');
    expectTypeOf(s).toEqualTypeOf<Scenario>();
    expectTypeOf(s.seed).toEqualTypeOf<number>();
    expectTypeOf(s.run.untilUs).toEqualTypeOf<number>();
    expectTypeOf<ScenarioLink['id']>().toEqualTypeOf<string>();
    expectTypeOf<ScenarioLink['fibre']>().toEqualTypeOf<string>();
    expectTypeOf<ScenarioLink['ends']>().toEqualTypeOf<[string, string]>();
    expectTypeOf<Extract<Workload, { kind: 'ping' }>['count']>().toEqualTypeOf<number>();
  });
});
