// The modular memory: deterministic without noise for every scheme, identical to the plain memory when
// the interface is as good as the bulk, and interface noise exactly on the operations that cross a cut.
import { describe, expect, it } from 'vitest';
import type { Instruction, NoiseOp } from '../circuit/ir.js';
import { printStim } from '../circuit/stim-print.js';
import {
  bellFidelityFromInterfaceP,
  cutColumns,
  type InterfaceScheme,
  interfacePFromBellFidelity,
  modularSurfaceCodeMemory,
  moduleOf,
} from './modular-memory.js';
import { countRepeatedOps } from './modular-memory.test-helper.js';
import { uniformNoise } from './noise-knobs.js';
import { expectNoiselessDeterministic } from './surface-code.test-helper.js';
import { surfaceCodeMemory } from './surface-code-memory.js';

const SCHEMES: InterfaceScheme[] = ['direct', 'cat', 'teleported'];

describe('cutColumns', () => {
  it('splits d columns into slabs as even as rounding allows', () => {
    expect(cutColumns(5, 2)).toEqual([3]);
    expect(cutColumns(6, 3)).toEqual([2, 4]);
    expect(cutColumns(3, 3)).toEqual([1, 2]);
    expect(moduleOf(5, [3])).toBe(0);
    expect(moduleOf(6, [3])).toBe(1);
  });
  it.each([1, 6, 2.5])('modules = %s for d = 5 is E_QEC_MODULES', (m) => {
    expect(() => cutColumns(5, m)).toThrow(expect.objectContaining({ code: 'E_QEC_MODULES' }));
  });
});

describe('modular memory without noise', () => {
  const cases: [InterfaceScheme, number, number, 'x' | 'z'][] = [];
  for (const scheme of SCHEMES)
    for (const [d, m] of [
      [3, 2],
      [3, 3],
      [4, 2],
      [5, 3],
      [7, 2],
      [7, 3],
    ] as const)
      cases.push([scheme, d, m, d % 2 === 0 ? 'x' : 'z'], [scheme, d, m, 'x']);
  it.each(cases)('%s d=%i modules=%i basis %s is deterministic', (scheme, d, modules, basis) => {
    const circuit = modularSurfaceCodeMemory({
      distance: d,
      rounds: 3,
      basis,
      noise: uniformNoise(0),
      modules,
      interfaceP: 0,
      scheme,
    });
    expectNoiselessDeterministic(circuit, `modular/${scheme}/${d}/${modules}/${basis}`, 2, 256);
  });
});

describe('direct scheme', () => {
  it.each([
    [5, 2, 'z'],
    [7, 3, 'x'],
  ] as const)(
    'd=%i modules=%i basis %s with interfaceP = p prints as the plain memory',
    (d, modules, basis) => {
      const base = { distance: d, rounds: d, basis, noise: uniformNoise(0.003) };
      const plain = printStim(surfaceCodeMemory(base));
      expect(printStim(modularSurfaceCodeMemory({ ...base, modules, interfaceP: 0.003 }))).toBe(plain);
      expect(printStim(modularSurfaceCodeMemory({ ...base, modules, interfaceP: 0.05 }))).not.toBe(plain);
    },
  );
});

// Per cut and round: the measure-qubit column of the cut holds d − 1 weight-4 checks, each with two CXs
// to the data column on the far side, and one weight-2 boundary check with one, so 2d − 1 crossing CXs;
// the cat scheme needs one Bell pair per straddling check (d per cut), the teleported one per crossing CX.
describe('interface noise touches only what crosses a cut', () => {
  const interfaceP = 0.0421;
  const perCutPerRound = (scheme: InterfaceScheme, d: number): number => (scheme === 'cat' ? d : 2 * d - 1);
  it.each(
    SCHEMES.flatMap((s) =>
      [
        [3, 2],
        [5, 2],
        [5, 3],
        [7, 4],
      ].map(([d, m]) => [s, d!, m!] as const),
    ),
  )('%s d=%i modules=%i', (scheme, d, modules) => {
    const rounds = 3;
    const circuit = modularSurfaceCodeMemory({
      distance: d,
      rounds,
      basis: 'z',
      noise: uniformNoise(0.001),
      modules,
      interfaceP,
      scheme,
    });
    const cuts = cutColumns(d, modules);
    const x = new Map<number, number>();
    for (const op of circuit.instructions)
      if (op.kind === 'qubit_coords') x.set(op.targets[0]!, op.coords[0]!);
    const module = (q: number): number => moduleOf(x.get(q)!, cuts);
    const interfacePairs: [number, number][] = [];
    let bulkCrossing = 0;
    let bulkCx = 0;
    const visit = (op: Instruction, times: number): void => {
      if (op.kind === 'noise' && op.channel === 'depolarize2') {
        for (let i = 0; i < op.targets.length; i += 2) {
          const pair: [number, number] = [op.targets[i]!, op.targets[i + 1]!];
          if ((op as NoiseOp).probabilities[0] === interfaceP)
            for (let k = 0; k < times; k++) interfacePairs.push(pair);
          else if (module(pair[0]) !== module(pair[1])) bulkCrossing += times;
        }
      }
      if (op.kind === 'gate' && op.gate === 'cx') bulkCx += (op.targets.length / 2) * times;
    };
    countRepeatedOps(circuit.instructions, visit);
    expect(interfacePairs.length).toBe(perCutPerRound(scheme, d) * (modules - 1) * rounds);
    // Every interface error sits on a pair whose halves are in different modules; no bulk error does.
    for (const [a, b] of interfacePairs) expect(module(a)).not.toBe(module(b));
    expect(bulkCrossing).toBe(0);
    expect(bulkCx).toBeGreaterThan(0);
  });
});

describe('interfacePFromBellFidelity', () => {
  it('is the DEPOLARIZE2 probability of a Werner pair: p = 5(1 − F)/4', () => {
    expect(interfacePFromBellFidelity(1)).toBe(0);
    expect(interfacePFromBellFidelity(0.25)).toBeCloseTo(15 / 16, 15);
    expect(interfacePFromBellFidelity(0.9)).toBeCloseTo(0.125, 15);
    expect(bellFidelityFromInterfaceP(interfacePFromBellFidelity(0.97))).toBeCloseTo(0.97, 15);
    expect(() => interfacePFromBellFidelity(0.2)).toThrow(
      expect.objectContaining({ code: 'E_QEC_FIDELITY' }),
    );
  });
});

describe('modular errors', () => {
  const base = {
    distance: 5,
    rounds: 5,
    basis: 'z' as const,
    noise: uniformNoise(0.001),
    modules: 2,
    interfaceP: 0.01,
  };
  it.each([
    [{ ...base, interfaceP: 1.2 }, 'E_QEC_PROBABILITY'],
    [{ ...base, modules: 9 }, 'E_QEC_MODULES'],
    [{ ...base, scheme: 'magic' as InterfaceScheme }, 'E_QEC_SCHEME'],
    [{ ...base, distance: 1 }, 'E_QEC_DISTANCE'],
  ])('%o → %s', (options, code) => {
    expect(() => modularSurfaceCodeMemory(options)).toThrow(expect.objectContaining({ code }));
  });
});
