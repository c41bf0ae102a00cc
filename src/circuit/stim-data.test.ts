// Stim's own files: circuits written by `stim gen` (see HOW-MADE.txt beside them) must parse, keep their
// counts, and print back as the very text Stim wrote.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import type { Instruction } from './ir.js';
import { parseStim } from './stim-parse.js';
import { printStim } from './stim-print.js';
import { countDetectors, countMeasurements, countObservables, flattenRepeats } from './stim-repeat.js';

/** The IR without source line numbers, which printing cannot keep. */
function withoutLines(ops: readonly Instruction[]): unknown[] {
  return ops.map((op) => {
    const { line: _line, ...rest } = op;
    return op.kind === 'repeat' ? { ...rest, body: withoutLines(op.body) } : rest;
  });
}

const DIR = dataPath('stim');
const files = readdirSync(DIR).filter((f) => f.endsWith('.stim'));
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

describe('Stim files in data/stim', () => {
  it.each(files)('%s parses and round-trips through printStim', (name) => {
    const circuit = parseStim(read(name), name);
    const again = parseStim(printStim(circuit), name);
    expect(withoutLines(again.instructions)).toEqual(withoutLines(circuit.instructions));
    expect(again.numQubits).toBe(circuit.numQubits);
  });

  const generated = files.filter((f) => /^sc_(p\d+_)?d\d+\.stim$/.test(f));

  it.each(generated)('%s prints back as the text stim gen wrote, comments aside', (name) => {
    const text = read(name);
    const uncommented = text
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    expect(printStim(parseStim(text))).toBe(uncommented.endsWith('\n') ? uncommented : `${uncommented}\n`);
  });

  // A distance-d rotated memory experiment over d rounds has d*d data qubits and d*d - 1 ancillas, each
  // measured once per round. Detectors: half the ancillas (one stabilizer type) in the first round,
  // all of them in each later round, and that half again from the final data measurements.
  it.each(generated)('%s has the measurement, detector and observable counts of its code', (name) => {
    const text = read(name);
    const d = Number(/^# distance: (\d+)$/m.exec(text)?.[1]);
    const rounds = Number(/^# rounds: (\d+)$/m.exec(text)?.[1]);
    expect(Number.isInteger(d) && Number.isInteger(rounds)).toBe(true);
    const ancillas = d * d - 1;
    const circuit = parseStim(text);
    expect(countMeasurements(circuit)).toBe(ancillas * rounds + d * d);
    expect(countDetectors(circuit)).toBe(ancillas / 2 + ancillas * (rounds - 1) + ancillas / 2);
    expect(countObservables(circuit)).toBe(1);
    const flat = flattenRepeats(circuit.instructions);
    expect(flat.some((op) => op.kind === 'repeat')).toBe(false);
    expect([countMeasurements(flat), countDetectors(flat)]).toEqual([
      countMeasurements(circuit),
      countDetectors(circuit),
    ]);
  });

  it.skipIf(!files.includes('sc_d5.stim'))(
    'sc_d5.stim: 145 measurements, 120 detectors, 1 observable',
    () => {
      const circuit = parseStim(read('sc_d5.stim'), 'sc_d5.stim');
      expect(countMeasurements(circuit)).toBe(24 * 5 + 25);
      expect(countDetectors(circuit)).toBe(12 + 24 * 4 + 12);
      expect(countObservables(circuit)).toBe(1);
      expect(circuit.numQubits).toBe(64); // largest index is 63 (see the layout comment); 0 is unused
      const repeat = circuit.instructions.find((op) => op.kind === 'repeat');
      expect(repeat).toMatchObject({ kind: 'repeat', count: 4, line: 114 });
    },
  );

  // sc_d5.dem is Stim's own error model of sc_d5.stim: its detector and observable ids must match ours.
  it.skipIf(!existsSync(join(DIR, 'sc_d5.dem')))('sc_d5.dem names as many detectors and observables', () => {
    const dem = readFileSync(join(DIR, 'sc_d5.dem'), 'utf8');
    const ids = (letter: string) => new Set(dem.match(new RegExp(`\\b${letter}\\d+\\b`, 'g'))).size;
    const circuit = parseStim(read('sc_d5.stim'));
    expect(ids('D')).toBe(countDetectors(circuit));
    expect(ids('L')).toBe(countObservables(circuit));
  });
});

describe('a long circuit', () => {
  it('parses 200 000 lines and prints them back', () => {
    const lines: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const q = i % 1000;
      lines.push(`H ${q}`, `CX ${q} ${q + 1}`, `M(0.001) ${q + 1}`, `DETECTOR(${i}, 0.5) rec[-1]`);
    }
    const text = `${lines.join('\n')}\n`;
    const circuit = parseStim(text);
    expect(circuit.instructions).toHaveLength(200_000);
    expect(circuit.numQubits).toBe(1001);
    expect(countMeasurements(circuit)).toBe(50_000);
    expect(circuit.instructions[199_999]).toEqual({
      kind: 'detector',
      lookbacks: [1],
      coords: [49_999, 0.5],
      line: 200_000,
    });
    expect(printStim(circuit)).toBe(text);
  });
});
