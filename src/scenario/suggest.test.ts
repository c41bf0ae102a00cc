import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance, listNames } from './suggest.js';

describe('editDistance', () => {
  it('counts single edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('lengthKm', 'lengthKm')).toBe(0);
  });

  it('is a metric on short strings', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        fc.string({ maxLength: 8 }),
        fc.string({ maxLength: 8 }),
        (a, b, c) => {
          expect(editDistance(a, b)).toBe(editDistance(b, a));
          expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
          expect(editDistance(a, b) === 0).toBe(a === b);
        },
      ),
    );
  });
});

describe('closest', () => {
  const fields = ['id', 'ends', 'lengthKm', 'fibre', 'classical'];

  it('finds typos and ignores case', () => {
    expect(closest('lenghtKm', fields)).toBe('lengthKm');
    expect(closest('lengthkm', fields)).toBe('lengthKm');
    expect(closest('fiber', fields)).toBe('fibre');
  });

  it('stays quiet when nothing is close', () => {
    expect(closest('colour', fields)).toBeUndefined();
    expect(didYouMean('colour', fields)).toBe('');
    expect(didYouMean('edns', fields)).toBe("did you mean 'ends'? ");
  });
});

describe('listNames', () => {
  it('shortens long lists', () => {
    expect(listNames([])).toBe('(none)');
    expect(listNames(['A', 'B'])).toBe('A, B');
    expect(listNames(['a', 'b', 'c', 'd'], 2)).toBe('a, b, … (2 more)');
  });
});
