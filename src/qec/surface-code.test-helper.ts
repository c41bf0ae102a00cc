// Checks shared by the surface-code tests: a circuit is noiseless-deterministic when every detector and
// the observable read 0 on the tableau for random measurement outcomes (raw parities, no reference),
// and the frame sampler (whose gauge randomisation turns any undetermined detector into a coin) sees no
// event either.
import { expect } from 'vitest';
import type { Circuit } from '../circuit/ir.js';
import type { BitTable } from '../state/bit-table.js';
import { FrameSampler } from '../state/frame.js';
import { runStabilizerShot } from '../state/stabilizer-run.js';
import { Rng } from '../util/rng.js';

/** Number of 1 bits in a table. */
export function countOnes(table: BitTable): number {
  let n = 0;
  for (const byte of table.data) for (let b = byte; b; b &= b - 1) n++;
  return n;
}

/** Number of shots with bit `bit` set. */
export function countColumn(table: BitTable, bit: number): number {
  let n = 0;
  for (let s = 0; s < table.shots; s++)
    n += (table.data[s * table.bytesPerShot + (bit >> 3)]! >> (bit & 7)) & 1;
  return n;
}

export function expectNoiselessDeterministic(
  circuit: Circuit,
  seed: string,
  tableauShots = 4,
  frameShots = 512,
): void {
  const rng = Rng.fromSeed(seed);
  for (let s = 0; s < tableauShots; s++) {
    const shot = runStabilizerShot(circuit, rng.child(`tableau/${s}`), { noise: false });
    expect(shot.detectors.length).toBeGreaterThan(0);
    expect([...shot.detectors].filter((b) => b !== 0).length).toBe(0);
    expect([...shot.observables]).toEqual([0]);
  }
  const sampler = new FrameSampler(circuit);
  const { detectors, observables } = sampler.sampleDetectors(frameShots, rng.child('frame'));
  expect(countOnes(detectors)).toBe(0);
  expect(countOnes(observables)).toBe(0);
}
