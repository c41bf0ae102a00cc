import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from './schema.js';
import { childSchema, fieldsAt, shapeOf } from './schema-walk.js';

describe('schema walk', () => {
  it('lists the fields of objects, through arrays, defaults and transforms', () => {
    expect(fieldsAt(ScenarioSchema, [], {})).toEqual([
      'name',
      'description',
      'seed',
      'run',
      'presets',
      'nodes',
      'links',
      'entanglement',
      'requests',
      'traffic',
      'scheduler',
      'workloads',
    ]);
    expect(fieldsAt(ScenarioSchema, ['links', 0], {})).toEqual([
      'id',
      'ends',
      'lengthKm',
      'fibre',
      'classical',
    ]);
    expect(fieldsAt(ScenarioSchema, ['run'], {})).toEqual(['untilUs', 'maxEvents']);
    expect(fieldsAt(ScenarioSchema, ['name'], {})).toEqual([]);
  });

  it('picks the option of a discriminated union that the data names', () => {
    const data = { presets: { x: { kind: 'classical' } } };
    expect(fieldsAt(ScenarioSchema, ['presets', 'x'], data)).toEqual([
      'kind',
      'jitterPs',
      'processingDelayPs',
    ]);
    // With no usable kind, every option's fields are allowed.
    const all = fieldsAt(ScenarioSchema, ['presets', 'x'], {});
    expect(all.slice(0, 5)).toEqual(['kind', 'lossDbPerKm', 'groupIndex', 'jitterPs', 'processingDelayPs']);
    expect(all).toEqual(expect.arrayContaining(['base', 't1Us', 'efficiency', 'visibility', 'ports']));
  });

  it('knows tuples and scalars', () => {
    const links = childSchema(ScenarioSchema, 'links', {});
    const link = links && childSchema(links, 0, []);
    const ends = link && childSchema(link, 'ends', {});
    expect(ends && shapeOf(ends, []).type).toBe('tuple');
    expect(ends && childSchema(ends, 2, [])).toBeUndefined();
    const seed = childSchema(ScenarioSchema, 'seed', {});
    expect(seed && shapeOf(seed, 1)).toEqual({ type: 'scalar', what: 'a number' });
  });
});
