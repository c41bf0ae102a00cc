import { describe, expect, it } from 'vitest';
import { formatNumber, formatTable } from './table.js';

describe('formatTable', () => {
  it('aligns text left and numbers right under a rule', () => {
    expect(
      formatTable(
        ['case', 'value'],
        [
          ['a', '1'],
          ['long', '22'],
        ],
      ),
    ).toBe(['case  value', '----  -----', 'a         1', 'long     22'].join('\n'));
  });

  it('formats numbers compactly', () => {
    expect(formatNumber(2_345_678)).toBe('2,345,678');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1.5e-6)).toBe('1.500e-6');
  });
});
