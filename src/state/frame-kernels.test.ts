import { describe, expect, it } from 'vitest';
import { GATES } from '../gates/index.js';
import { Rng } from '../util/rng.js';
import { compiledClifford } from './clifford-compile.js';
import { applyKind1, applyKind2, generalMasks, Kind2, kind1, kind2 } from './frame-kernels.js';

const B = 3;

function randomFrames(rng: Rng, qubits: number): [Int32Array, Int32Array] {
  const x = Int32Array.from({ length: qubits * B }, () => rng.nextUint32());
  const z = Int32Array.from({ length: qubits * B }, () => rng.nextUint32());
  return [x, z];
}

/** U P U† bit by bit from the compiled masks: the definition the kernels must agree with. */
function reference(frame: readonly number[], x: Int32Array, z: Int32Array, targets: readonly number[]): void {
  for (let w = 0; w < B; w++) {
    for (let bit = 0; bit < 32; bit++) {
      let input = 0;
      targets.forEach((q, j) => {
        input |= ((x[q * B + w]! >>> bit) & 1) << (2 * j);
        input |= ((z[q * B + w]! >>> bit) & 1) << (2 * j + 1);
      });
      targets.forEach((q, j) => {
        const nx = parityOf(input & frame[2 * j]!);
        const nz = parityOf(input & frame[2 * j + 1]!);
        x[q * B + w] = (x[q * B + w]! & ~(1 << bit)) | (nx << bit);
        z[q * B + w] = (z[q * B + w]! & ~(1 << bit)) | (nz << bit);
      });
    }
  }
}

function parityOf(v: number): number {
  let p = 0;
  for (; v !== 0; v &= v - 1) p ^= 1;
  return p;
}

describe('frame kernels', () => {
  it('map frames as the Clifford action says, for every Clifford gate of the table', () => {
    const rng = Rng.fromSeed('frame-kernels');
    for (const g of GATES.filter((e) => e.clifford && e.arity <= 2)) {
      const c = compiledClifford(g.name, []);
      const [x, z] = randomFrames(rng, 3);
      const [ex, ez] = [x.slice(), z.slice()];
      const targets = g.arity === 1 ? [2] : [2, 0];
      reference(c.frame, ex, ez, targets);
      if (g.arity === 1) applyKind1(kind1(c), x, z, B, Int32Array.from(targets));
      else {
        const { kind, swapped } = kind2(c);
        const t = Int32Array.from(swapped ? [...targets].reverse() : targets);
        applyKind2(kind, x, z, B, t, kind === Kind2.General ? generalMasks(c) : undefined);
      }
      expect([Array.from(x), Array.from(z)], g.name).toEqual([Array.from(ex), Array.from(ez)]);
    }
  });

  it('recognises the CX family in both orientations', () => {
    expect(kind2(compiledClifford('cx', []))).toEqual({ kind: Kind2.Cx, swapped: false });
    expect(kind2(compiledClifford('xcz', []))).toEqual({ kind: Kind2.Cx, swapped: true });
    expect(kind2(compiledClifford('cz', [])).kind).toBe(Kind2.Cz);
    expect(kind2(compiledClifford('swap', [])).kind).toBe(Kind2.Swap);
  });
});
