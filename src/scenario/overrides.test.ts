import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { applyOverrides } from './overrides.js';
import { ScenarioSchema } from './schema.js';

const data = () => ({
  name: 'n',
  nodes: [
    { id: 'A', kind: 'host' },
    { id: 'B', kind: 'host' },
  ],
  links: [{ ends: ['A', 'B'], lengthKm: 1 }],
  workloads: [{ kind: 'ping', from: 'A', to: 'B' }],
});

describe('applyOverrides', () => {
  it('returns a changed copy and leaves the input alone', () => {
    const input = data();
    const before = structuredClone(input);
    const { data: out, applied } = applyOverrides(
      input,
      ['links[0].lengthKm=5', 'run.untilUs=3'],
      ScenarioSchema,
    );
    expect(input).toEqual(before);
    expect(out.links).toEqual([{ ends: ['A', 'B'], lengthKm: 5 }]);
    expect(out.run).toEqual({ untilUs: 3 });
    expect(applied).toEqual([
      { raw: 'links[0].lengthKm=5', path: ['links', 0, 'lengthKm'], created: [] },
      { raw: 'run.untilUs=3', path: ['run', 'untilUs'], created: [['run']] },
    ]);
  });

  it('follows the discriminator of a union element', () => {
    const { data: out } = applyOverrides(data(), ['workloads.0.count=3'], ScenarioSchema);
    expect(out.workloads).toEqual([{ kind: 'ping', from: 'A', to: 'B', count: 3 }]);
    expect(() => applyOverrides(data(), ['workloads[0].lossDbPerKm=1'], ScenarioSchema)).toThrow(/no field/);
  });

  it('accepts any name inside a map of presets', () => {
    const { data: out } = applyOverrides(
      data(),
      ['presets.lab={kind: fibre, lossDbPerKm: 0.3}'],
      ScenarioSchema,
    );
    expect(out.presets).toEqual({ lab: { kind: 'fibre', lossDbPerKm: 0.3 } });
  });

  it('refuses to go into a list element that does not exist, or through a tuple past its end', () => {
    expect(() => applyOverrides(data(), ['nodes[2].kind=qpu'], ScenarioSchema)).toThrow(/no nodes\[2\]/);
    expect(() => applyOverrides(data(), ['links[0].ends[2]=C'], ScenarioSchema)).toThrow(QnetError);
    expect(() => applyOverrides(data(), ['nodes.first.kind=qpu'], ScenarioSchema)).toThrow(
      /must be an index/,
    );
    expect(() => applyOverrides(data(), ['run[0]=1'], ScenarioSchema)).toThrow(
      /the scenario has no field 'run'|no field/,
    );
  });

  it('sets a number field to any finite number written in YAML', () => {
    // -0 prints as "0", so it cannot survive the trip through text.
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0));
    fc.assert(
      fc.property(finite, (x) => {
        const { data: out } = applyOverrides(data(), [`links[0].lengthKm=${x}`], ScenarioSchema);
        expect((out.links as { lengthKm: number }[])[0]?.lengthKm).toBe(x);
      }),
    );
  });

  it('reads the value after the first = only', () => {
    const { data: out } = applyOverrides(data(), ['description=a=b'], ScenarioSchema);
    expect(out.description).toBe('a=b');
  });
});

describe('applyOverrides and prototype keys', () => {
  it('treats __proto__ and constructor as plain names', () => {
    const { data: out } = applyOverrides(data(), ['presets.__proto__={kind: fibre}'], ScenarioSchema);
    expect(Object.getPrototypeOf(out.presets)).toBe(Object.prototype);
    expect(Object.keys(out.presets as object)).toEqual(['__proto__']);
    const { data: again } = applyOverrides(data(), ['presets.constructor.kind=fibre'], ScenarioSchema);
    expect(again.presets).toEqual({ constructor: { kind: 'fibre' } });
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });
});
