import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hellingerFidelity } from './output-fidelity.js';

describe('hellingerFidelity', () => {
  it('is the share of right answers for a deterministic ideal', () => {
    expect(hellingerFidelity({ '01': 90, '11': 10 }, { '01': 1 })).toBeCloseTo(0.9, 12);
  });
  it('is 1 for counts in the ideal proportions and 0 for disjoint supports', () => {
    expect(hellingerFidelity({ '00': 50, '11': 50 }, { '00': 0.5, '11': 0.5 })).toBeCloseTo(1, 12);
    expect(hellingerFidelity({ '01': 5 }, { '00': 1 })).toBe(0);
  });
  it('stays in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(50), { minLength: 4, maxLength: 4 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (c, w) => {
          const total = w.reduce((a, b) => a + b, 0);
          if (c.every((x) => x === 0) || total === 0) return;
          const keys = ['00', '01', '10', '11'];
          const counts = Object.fromEntries(keys.map((k, i) => [k, c[i]!]));
          const ideal = Object.fromEntries(keys.map((k, i) => [k, w[i]! / total]));
          const f = hellingerFidelity(counts, ideal);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
