import fc from 'fast-check';
import { expect, it } from 'vitest';
import { Fifo } from './fifo.js';

it('behaves like an array used as a queue', () => {
  fc.assert(
    fc.property(fc.array(fc.option(fc.integer(), { nil: undefined })), (ops) => {
      const fifo = new Fifo<number>();
      const model: number[] = [];
      for (const op of ops) {
        if (op === undefined) expect(fifo.shift()).toBe(model.shift());
        else {
          fifo.push(op);
          model.push(op);
        }
        expect(fifo.size).toBe(model.length);
        expect(fifo.peek()).toBe(model[0]);
      }
    }),
  );
});
