// The `.dem` reader and writer against a model written by Stim itself (see HOW-MADE.txt).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { QnetError } from '../util/errors.js';
import { parseDem, printDem } from './dem-format.js';

const stimDem = (name: string) => readFileSync(join(dataPath('stim'), name), 'utf8');

function caught(fn: () => unknown): QnetError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QnetError) return e;
    throw e;
  }
  throw new Error('expected a QnetError');
}

describe('parseDem / printDem', () => {
  it('reads sc_d5.dem with its counts and round-trips exactly', () => {
    const dem = parseDem(stimDem('sc_d5.dem'), 'sc_d5.dem');
    expect(dem.errors.length).toBe(1953);
    expect(dem.numDetectors).toBe(120);
    expect(dem.numObservables).toBe(1);
    expect(dem.detectorCoords.size).toBe(120);
    // Stim writes `D3 D4 ^ D20`: two components.
    const e = dem.errors.find(
      (x) =>
        x.components.length === 2 &&
        x.components[0]?.detectors.join() === '3,4' &&
        x.components[1]?.detectors.join() === '20',
    );
    expect(e?.probability).toBe(Number('0.0005333333333331478519'));
    const again = parseDem(printDem(dem), 'printed.dem');
    expect(again).toEqual(dem);
  });

  it('unrolls repeat blocks and applies shift_detectors to ids and coordinates', () => {
    const text = [
      'error(0.125) D0 L1 # boundary',
      'detector(1, 2, 0) D0',
      'repeat 3 {',
      '  error(0.25) D0 D1 ^ D2',
      '  shift_detectors(0, 0, 1) 2',
      '  detector(1, 2, 0) D0',
      '}',
      'logical_observable L3',
    ].join('\n');
    const dem = parseDem(text);
    expect(dem.numObservables).toBe(4);
    expect(dem.numDetectors).toBe(7);
    expect(dem.errors.map((e) => e.components)).toEqual([
      [{ detectors: [0], observables: [1] }],
      [
        { detectors: [0, 1], observables: [] },
        { detectors: [2], observables: [] },
      ],
      [
        { detectors: [2, 3], observables: [] },
        { detectors: [4], observables: [] },
      ],
      [
        { detectors: [4, 5], observables: [] },
        { detectors: [6], observables: [] },
      ],
    ]);
    expect(dem.detectorCoords.get(6)).toEqual([1, 2, 3]);
    expect(parseDem(printDem(dem))).toEqual(dem);
  });

  it('keeps tiny probabilities exact through print', () => {
    const dem = parseDem('error(1.2345678901234567e-17) D0\n');
    expect(parseDem(printDem(dem)).errors[0]?.probability).toBe(1.2345678901234567e-17);
  });

  it('reports syntax errors with file, line, column and a hint', () => {
    const e = caught(() => parseDem('error(0.1) D0\n  bogus(1) D2\n', 'm.dem'));
    expect(e.code).toBe('E_DEM_SYNTAX');
    expect(e.where).toEqual({ file: 'm.dem', line: 2, column: 3 });
    expect(e.hint).toMatch(/error, detector/);

    const bad = caught(() => parseDem('error(0.1) D0 Dx', 'm.dem'));
    expect(bad.where.column).toBe(15);

    expect(caught(() => parseDem('error(1.5) D0')).code).toBe('E_DEM_PROBABILITY');
    expect(caught(() => parseDem('error(0.1) D0 ^ ^ D1')).code).toBe('E_DEM_SYNTAX');
    expect(caught(() => parseDem('repeat 2 {\nerror(0.1) D0\n')).where.line).toBe(1);
    expect(caught(() => parseDem('}\n')).code).toBe('E_DEM_SYNTAX');
    expect(caught(() => parseDem('shift_detectors D1')).code).toBe('E_DEM_SYNTAX');
  });
});
