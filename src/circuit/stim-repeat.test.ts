import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import type { Instruction } from './ir.js';
import { parseStim } from './stim-parse.js';
import {
  countDetectors,
  countFlattened,
  countMeasurements,
  countObservables,
  flattenRepeats,
} from './stim-repeat.js';

const NESTED =
  'M 0\nREPEAT 3 {\n  M 1 2\n  REPEAT 2 {\n    MR 3\n    DETECTOR rec[-1]\n  }\n}\nOBSERVABLE_INCLUDE(2) rec[-1]\n';

describe('counting through REPEAT', () => {
  it('multiplies each body by its count, nested', () => {
    const c = parseStim(NESTED);
    expect(countMeasurements(c)).toBe(1 + 3 * (2 + 2 * 1));
    expect(countDetectors(c)).toBe(3 * 2);
    expect(countObservables(c)).toBe(3);
    expect(countFlattened(c.instructions)).toBe(1 + 3 * (1 + 2 * 2) + 1);
    expect(countMeasurements(c.instructions)).toBe(countMeasurements(c));
  });

  it('counts nothing in an empty circuit', () => {
    const c = parseStim('');
    expect([countMeasurements(c), countDetectors(c), countObservables(c), c.numQubits]).toEqual([0, 0, 0, 0]);
  });
});

describe('flattenRepeats', () => {
  it('unrolls blocks in order, equal to writing the passes out', () => {
    const flat = flattenRepeats(
      parseStim('H 0\nREPEAT 2 {\n  X 1\n  REPEAT 2 {\n    Z 2\n  }\n}\nY 3').instructions,
    );
    const written = parseStim('H 0\nX 1\nZ 2\nZ 2\nX 1\nZ 2\nZ 2\nY 3').instructions;
    const shape = (ops: readonly Instruction[]) =>
      ops.map((op) => (op.kind === 'gate' ? [op.gate, ...op.targets] : op.kind));
    expect(shape(flat)).toEqual(shape(written));
  });

  it('refuses to unroll past its limit instead of exhausting memory', () => {
    const c = parseStim('REPEAT 1000000 {\n  REPEAT 1000000 {\n    H 0\n  }\n}\n');
    expect(countFlattened(c.instructions)).toBe(1e12);
    expect(() => flattenRepeats(c.instructions)).toThrow(QnetError);
    expect(() => flattenRepeats(c.instructions, 10)).toThrow(/10$/);
  });
});
