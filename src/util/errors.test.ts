import { describe, expect, it } from 'vitest';
import { formatPath, QnetError } from './errors.js';

describe('QnetError', () => {
  it('formats file, position, field path and hint', () => {
    const e = new QnetError('E_X', 'must be >= 0 (got -3)', {
      file: 'a.yaml',
      line: 4,
      column: 7,
      path: ['links', 0, 'lengthKm'],
      hint: 'lengths are in kilometres',
    });
    expect(e.format()).toBe(
      'a.yaml:4:7: links[0].lengthKm: must be >= 0 (got -3)\n  hint: lengths are in kilometres',
    );
    expect(e.exitCode).toBe(2);
  });

  it('adds location without overwriting what is known', () => {
    const e = new QnetError('E_X', 'bad', { path: ['seed'] }).withWhere({ file: 'f.json', path: ['other'] });
    expect(e.format()).toBe('f.json: seed: bad');
  });

  it('quotes path parts that are not identifiers', () => {
    expect(formatPath(['presets', 'my fibre', 'kind'])).toBe('presets["my fibre"].kind');
  });
});
