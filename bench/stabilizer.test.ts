import { describe, expect, it } from 'vitest';
import { parseStim } from '../src/circuit/stim-parse.js';
import { runStabilizerShot } from '../src/state/stabilizer-run.js';
import { Rng } from '../src/util/index.js';
import { ghzText, randomCliffordText } from './stabilizer.js';

describe('stabilizer benchmark circuits', () => {
  it('builds a GHZ circuit whose measurements all agree', () => {
    const m = runStabilizerShot(parseStim(ghzText(50)), Rng.fromSeed(1)).measurements;
    expect(m.length).toBe(50);
    expect(new Set(m).size).toBe(1);
  });

  it('builds the random Clifford circuit over every qubit', () => {
    const c = parseStim(randomCliffordText(20, 3, 1));
    expect(c.numQubits).toBe(20);
    expect(runStabilizerShot(c, Rng.fromSeed(2)).measurements.length).toBe(20);
  });
});
