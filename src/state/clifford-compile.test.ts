import { describe, expect, it } from 'vitest';
import { GATES, pauliMatrix } from '../gates/index.js';
import { type CMatrix, cmatAdjoint, cmatEqual, cmatIdentity, cmatMul } from '../util/complex-matrix.js';
import { QnetError } from '../util/errors.js';
import { compiledClifford } from './clifford-compile.js';

const CLIFFORD = GATES.filter((g) => g.clifford !== undefined && g.arity <= 2);

/** i^k · M. */
function timesI(m: CMatrix, k: number): CMatrix {
  const out = new Float64Array(m.length);
  const [c, s] = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
  ][k & 3]!;
  for (let j = 0; j < m.length; j += 2) {
    out[j] = c! * m[j]! - s! * m[j + 1]!;
    out[j + 1] = c! * m[j + 1]! + s! * m[j]!;
  }
  return out;
}

/** The generator in slot 2j (X on target j) or 2j + 1 (Z on target j). */
const generator = (slot: number, arity: number): CMatrix =>
  pauliMatrix({ sign: 1, xs: slot & 1 ? 0 : 1 << (slot >> 1), zs: slot & 1 ? 1 << (slot >> 1) : 0 }, arity);

describe('compiled Clifford actions', () => {
  it('covers every Clifford gate of the table', () => {
    expect(CLIFFORD.map((g) => g.name)).toEqual(
      expect.arrayContaining([
        'h',
        's',
        'sdg',
        'sx',
        'sy',
        'c_xyz',
        'cx',
        'cy',
        'cz',
        'iswap',
        'sqrt_yy',
        'ycx',
      ]),
    );
  });

  it('gives G† P G for every generator, checked against the gate matrices', () => {
    for (const g of CLIFFORD) {
      const u = g.matrix([]);
      const ud = cmatAdjoint(u);
      const c = compiledClifford(g.name, []);
      for (let slot = 0; slot < 2 * g.arity; slot++) {
        const expected = cmatMul(cmatMul(ud, generator(slot, g.arity)), u);
        const update = c.rows.find((r) => r.slot === slot);
        let got: CMatrix;
        if (!update) got = generator(slot, g.arity);
        else {
          got = cmatIdentity(1 << g.arity);
          for (const s of update.sources) got = cmatMul(got, generator(s, g.arity));
          got = timesI(got, update.phase);
        }
        expect(cmatEqual(got, expected, 1e-9), `${g.name} slot ${slot}`).toBe(true);
      }
    }
  });

  it('gives U P U† without signs as the frame map', () => {
    for (const g of CLIFFORD) {
      const c = compiledClifford(g.name, []);
      g.clifford!.x.forEach((img, i) => {
        for (let j = 0; j < g.arity; j++) {
          expect((c.frame[2 * j]! >> (2 * i)) & 1).toBe((img.xs >> j) & 1);
          expect((c.frame[2 * j + 1]! >> (2 * i)) & 1).toBe((img.zs >> j) & 1);
        }
      });
      g.clifford!.z.forEach((img, i) => {
        for (let j = 0; j < g.arity; j++) {
          expect((c.frame[2 * j]! >> (2 * i + 1)) & 1).toBe((img.xs >> j) & 1);
          expect((c.frame[2 * j + 1]! >> (2 * i + 1)) & 1).toBe((img.zs >> j) & 1);
        }
      });
    }
  });

  it('compiles gates that are Clifford at some angles and refuses the others', () => {
    const rz = compiledClifford('rz', [Math.PI / 2]);
    const s = compiledClifford('s', []);
    expect(rz.rows).toEqual(s.rows);
    expect(() => compiledClifford('t', [])).toThrow(QnetError);
    expect(() => compiledClifford('rz', [0.3])).toThrow(/not a Clifford gate/);
  });
});
