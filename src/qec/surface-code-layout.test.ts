// The patch description on its own and through the generic round builder: rectangles at an offset, and
// two patches on one grid, as lattice surgery will use them.
import { describe, expect, it } from 'vitest';
import type { Circuit } from '../circuit/ir.js';
import { knobsNoiseModel, uniformNoise } from './noise-knobs.js';
import { expectNoiselessDeterministic } from './surface-code.test-helper.js';
import { assembleMemory, type IndexedStabiliser, syndromeRound } from './surface-code-circuit.js';
import {
  numberPatch,
  type Point,
  pointKey,
  QubitNumbering,
  type RotatedPatch,
  rotatedPatch,
  stabiliserData,
  stimQubitIndex,
} from './surface-code-layout.js';

const overlap = (a: readonly Point[], b: readonly Point[]): number => {
  const keys = new Set(a.map(pointKey));
  return b.filter((q) => keys.has(pointKey(q))).length;
};

describe('rotatedPatch', () => {
  it.each([
    [3, 3],
    [4, 3],
    [2, 5],
    [6, 4],
  ])(
    '%i × %i: w·h − 1 checks of weight 2 or 4 that commute; logicals commute with the checks and anticommute',
    (w, h) => {
      const patch = rotatedPatch({ width: w, height: h, originX: 6, originY: 2 });
      expect(patch.data).toHaveLength(w * h);
      expect(patch.stabilisers).toHaveLength(w * h - 1);
      for (const s of patch.stabilisers) expect([2, 4]).toContain(stabiliserData(s).length);
      const xs = patch.stabilisers.filter((s) => s.type === 'X').map(stabiliserData);
      const zs = patch.stabilisers.filter((s) => s.type === 'Z').map(stabiliserData);
      for (const x of xs) for (const z of zs) expect(overlap(x, z) % 2).toBe(0);
      for (const z of zs) expect(overlap(patch.logicalX, z) % 2).toBe(0);
      for (const x of xs) expect(overlap(patch.logicalZ, x) % 2).toBe(0);
      expect(overlap(patch.logicalX, patch.logicalZ)).toBe(1);
      expect(patch.logicalX).toHaveLength(h);
      expect(patch.logicalZ).toHaveLength(w);
    },
  );

  it('left/right edges carry Z checks, top/bottom X checks, as boundaryChecks says', () => {
    const patch = rotatedPatch({ width: 5, height: 5 });
    for (const s of patch.stabilisers) {
      const a = s.ancilla;
      if (a.x === 0 || a.x === 10) expect(s.type).toBe(patch.boundaryChecks.left);
      if (a.y === 0 || a.y === 10) expect(s.type).toBe(patch.boundaryChecks.top);
    }
  });

  it('rejects bad sizes and odd origins with E_QEC_PATCH', () => {
    expect(() => rotatedPatch({ width: 0, height: 3 })).toThrow(
      expect.objectContaining({ code: 'E_QEC_PATCH' }),
    );
    expect(() => rotatedPatch({ width: 3, height: 3, originX: 1 })).toThrow(
      expect.objectContaining({ code: 'E_QEC_PATCH' }),
    );
  });

  it('numbers qubits as Stim does: x + floor(y/2)·(2·columns + 1)', () => {
    expect(stimQubitIndex({ x: 1, y: 1 }, 5)).toBe(1);
    expect(stimQubitIndex({ x: 4, y: 10 }, 5)).toBe(59);
    expect(stimQubitIndex({ x: 9, y: 9 }, 5)).toBe(53);
  });
});

/** A memory experiment on any set of patches sharing one numbering, from the generic pieces. */
function memoryOf(
  patches: RotatedPatch[],
  numbering: QubitNumbering,
  basis: 'x' | 'z',
  observableOf: RotatedPatch,
): Circuit {
  const noise = knobsNoiseModel(uniformNoise(0));
  const stabilisers: IndexedStabiliser[] = patches
    .flatMap((p) => p.stabilisers)
    .sort((a, b) => a.ancilla.x - b.ancilla.x || a.ancilla.y - b.ancilla.y)
    .map((s) => ({
      type: s.type,
      ancilla: numbering.index(s.ancilla),
      coords: s.ancilla,
      layers: s.layers.map((q) => (q === undefined ? undefined : numbering.index(q))),
    }));
  const data = patches.flatMap((p) => p.data.map((q) => numbering.index(q))).sort((a, b) => a - b);
  const entries = numbering.entries();
  const round = syndromeRound({ allQubits: entries.map(([q]) => q), data, stabilisers, noise });
  return assembleMemory({
    numQubits: numbering.numQubits,
    coords: entries.map(([q, c]) => [q, [c.x, c.y]] as const),
    data,
    ancillas: stabilisers.map((s) => s.ancilla).sort((a, b) => a - b),
    round,
    observable: (basis === 'x' ? observableOf.logicalX : observableOf.logicalZ).map((q) =>
      numbering.index(q),
    ),
    basis,
    rounds: 3,
    noise,
  });
}

describe('generic round builder', () => {
  it.each(['x', 'z'] as const)('a 4 × 3 patch at (10, 4), basis %s, is noiseless-deterministic', (basis) => {
    const patch = rotatedPatch({ width: 4, height: 3, originX: 10, originY: 4 });
    expectNoiselessDeterministic(memoryOf([patch], numberPatch(patch), basis, patch), `rect/${basis}`);
  });

  it.each(['x', 'z'] as const)('two 3 × 3 patches side by side on one grid, basis %s', (basis) => {
    const left = rotatedPatch({ width: 3, height: 3 });
    const right = rotatedPatch({ width: 3, height: 3, originX: 8 });
    const numbering = new QubitNumbering();
    for (const p of [left, right]) {
      for (const q of p.data) numbering.add(q, stimQubitIndex(q, 7));
      for (const s of p.stabilisers) numbering.add(s.ancilla, stimQubitIndex(s.ancilla, 7));
    }
    expect(numbering.size).toBe(2 * 17);
    expectNoiselessDeterministic(memoryOf([left, right], numbering, basis, right), `pair/${basis}`);
  });
});
