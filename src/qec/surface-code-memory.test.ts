// The memory experiment against Stim's own generator output (data/stim/sc_*.stim, see HOW-MADE.txt):
// the printed text must be byte for byte the file, comment header included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { printStim } from '../circuit/stim-print.js';
import { FrameSampler } from '../state/frame.js';
import { formatPath, QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { uniformNoise } from './noise-knobs.js';
import { countOnes, expectNoiselessDeterministic } from './surface-code.test-helper.js';
import { stimGenHeader, surfaceCodeMemory } from './surface-code-memory.js';

const REFERENCES = [
  ['sc_d5.stim', 5, 0.001],
  ['sc_d11.stim', 11, 0.001],
  ['sc_d17.stim', 17, 0.001],
  ['sc_d25.stim', 25, 0.001],
  ['sc_p005_d5.stim', 5, 0.005],
  ['sc_p005_d11.stim', 11, 0.005],
  ['sc_p005_d17.stim', 17, 0.005],
] as const;

describe('surfaceCodeMemory against stim gen', () => {
  it.each(REFERENCES)('%s is the header plus printStim of the circuit', (file, d, p) => {
    const options = { distance: d, rounds: d, basis: 'z' as const, noise: uniformNoise(p) };
    const text = stimGenHeader(options) + printStim(surfaceCodeMemory(options));
    const reference = readFileSync(join(dataPath('stim'), file), 'utf8');
    expect(text).toBe(reference);
  });
});

const quiet = uniformNoise(0);

describe('surfaceCodeMemory without noise', () => {
  it.each([
    [2, 1, 'z'],
    [2, 2, 'x'],
    [3, 3, 'z'],
    [3, 3, 'x'],
    [5, 4, 'x'],
    [5, 1, 'x'],
    [4, 3, 'z'],
  ] as const)(
    'd=%i rounds=%i basis %s: every detector and the observable are deterministic zeros',
    (d, r, b) => {
      const circuit = surfaceCodeMemory({ distance: d, rounds: r, basis: b, noise: quiet });
      expectNoiselessDeterministic(circuit, `memory/${d}/${r}/${b}`);
      expect(circuit.instructions.some((op) => op.kind === 'noise')).toBe(false);
    },
  );

  it('a wrong detector would be caught: dropping a data record from a final detector makes it random', () => {
    const circuit = surfaceCodeMemory({ distance: 3, rounds: 2, basis: 'x', noise: quiet });
    const ops = [...circuit.instructions];
    let last = ops.length - 1;
    while (ops[last]?.kind !== 'detector') last--;
    const det = ops[last]!;
    if (det.kind !== 'detector') throw new Error('unreachable');
    ops[last] = { ...det, lookbacks: det.lookbacks.slice(1) };
    expect(() => expectNoiselessDeterministic({ ...circuit, instructions: ops }, 'broken')).toThrow();
  });

  it('basis x has X-basis data reset and readout, X-check first-round detectors and a left-column X observable', () => {
    const text = printStim(
      surfaceCodeMemory({ distance: 3, rounds: 2, basis: 'x', noise: uniformNoise(0.01) }),
    );
    expect(text).toContain('RX 1 3 5 8 10 12 15 17 19\nZ_ERROR(0.01) 1 3 5 8 10 12 15 17 19\n');
    expect(text).toContain('Z_ERROR(0.01) 1 3 5 8 10 12 15 17 19\nMX 1 3 5 8 10 12 15 17 19\n');
    // Left column x = 1: qubits 1, 8, 15, the 9th, 6th and 3rd data results from the end.
    expect(text.trimEnd().split('\n').at(-1)).toBe('OBSERVABLE_INCLUDE(0) rec[-3] rec[-6] rec[-9]');
    // rounds = 2: Stim writes the second round out rather than a REPEAT 1 block.
    expect(text).not.toContain('REPEAT');
  });
});

describe('surfaceCodeMemory errors', () => {
  const base = { distance: 3, rounds: 3, basis: 'z' as const, noise: uniformNoise(0.001) };
  it.each([
    [{ ...base, distance: 1 }, 'E_QEC_DISTANCE', 'distance'],
    [{ ...base, distance: 3.5 }, 'E_QEC_DISTANCE', 'distance'],
    [{ ...base, rounds: 0 }, 'E_QEC_ROUNDS', 'rounds'],
    [
      { ...base, noise: { ...uniformNoise(0.001), afterResetFlipProbability: 1.5 } },
      'E_QEC_PROBABILITY',
      'noise.afterResetFlipProbability',
    ],
    [
      { ...base, noise: { ...uniformNoise(0.001), afterCliffordDepolarization: -0.1 } },
      'E_QEC_PROBABILITY',
      'noise.afterCliffordDepolarization',
    ],
    [{ ...base, noise: uniformNoise(Number.NaN) }, 'E_QEC_PROBABILITY', 'noise.afterCliffordDepolarization'],
  ])('%o → %s at %s', (options, code, path) => {
    try {
      surfaceCodeMemory(options);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QnetError);
      const err = e as QnetError;
      expect(err.code).toBe(code);
      expect(formatPath(err.where.path ?? [])).toBe(path);
      expect(err.hint).toBeTruthy();
    }
  });
});

// Not an exact mirror: both bases put the Hadamards (and their noise) on the X checks only, so the
// checks of the memory's own basis see two more noisy gates in basis x. The rates must still agree in
// order of magnitude, and each must sit well away from both 0 and the other's.
describe('basis x against basis z', () => {
  it('detection-event and raw observable-flip rates within a factor 1.5 (d=3, 3 rounds, p=0.01)', () => {
    const shots = 20_000;
    const rates = (['x', 'z'] as const).map((b) => {
      const circuit = surfaceCodeMemory({ distance: 3, rounds: 3, basis: b, noise: uniformNoise(0.01) });
      const sampler = new FrameSampler(circuit);
      const { detectors, observables } = sampler.sampleDetectors(shots, Rng.fromSeed(`mirror/${b}`));
      return {
        events: countOnes(detectors) / (shots * sampler.numDetectors),
        flips: countOnes(observables) / shots,
      };
    });
    const [x, z] = rates as [(typeof rates)[0], (typeof rates)[0]];
    expect(x.events / z.events).toBeGreaterThan(1 / 1.5);
    expect(x.events / z.events).toBeLessThan(1.5);
    expect(x.flips / z.flips).toBeGreaterThan(1 / 1.5);
    expect(x.flips / z.flips).toBeLessThan(1.5);
    expect(z.flips).toBeGreaterThan(0.02);
  });
});
