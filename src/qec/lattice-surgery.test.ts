// Lattice surgery at zero noise: on the tableau with random measurement outcomes every detector reads 0
// and every observable (with the Pauli-frame corrections folded in) reads the value the logical
// operation predicts, for all computational- and X-basis inputs; the frame sampler agrees. The module
// cut carries the interface noise on exactly the CXs that cross it.
import { describe, expect, it } from 'vitest';
import type { Circuit, Instruction } from '../circuit/ir.js';
import { FrameSampler } from '../state/frame.js';
import { runStabilizerShot } from '../state/stabilizer-run.js';
import { Rng } from '../util/rng.js';
import {
  type LatticeSurgeryResult,
  type LogicalBit,
  latticeSurgeryCnot,
  latticeSurgeryCnotExperiment,
  latticeSurgeryZZExperiment,
} from './lattice-surgery.js';
import { uniformNoise } from './noise-knobs.js';
import { countOnes } from './surface-code.test-helper.js';

const INPUTS: [LogicalBit, LogicalBit][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** Tableau shots with random outcomes: no detector fires, observables read `expected` every time. */
function expectLogicalAction(result: LatticeSurgeryResult, seed: string, tableauShots: number): Set<string> {
  const rng = Rng.fromSeed(seed);
  const mergeOutcomes = new Set<string>();
  for (let s = 0; s < tableauShots; s++) {
    const shot = runStabilizerShot(result.circuit, rng.child(`tableau/${s}`), { noise: false });
    expect(shot.detectors.length).toBeGreaterThan(0);
    expect([...shot.detectors].filter((b) => b !== 0).length).toBe(0);
    expect([...shot.observables]).toEqual([...result.expected]);
    const parity = (records: readonly number[]): number =>
      records.reduce((acc, r) => acc ^ shot.measurements[r]!, 0);
    mergeOutcomes.add(result.mergeRecords.slice(1).map(parity).join(''));
  }
  const sampler = new FrameSampler(result.circuit);
  const { detectors, observables } = sampler.sampleDetectors(256, rng.child('frame'));
  expect(countOnes(detectors)).toBe(0);
  expect(countOnes(observables)).toBe(0);
  return mergeOutcomes;
}

const zero = { noise: uniformNoise(0), interfaceP: 0 };

describe('logical CNOT by lattice surgery at zero noise', () => {
  it.each(INPUTS)('|%i%i⟩ → |a, a⊕b⟩ in Z (d = 3, both ancilla modules)', (a, b) => {
    for (const ancillaModule of [0, 1] as const) {
      const r = latticeSurgeryCnotExperiment({
        distance: 3,
        basis: 'z',
        inputs: [a, b],
        ancillaModule,
        ...zero,
      });
      expect(r.labels).toEqual(['Z_C', 'Z_T']);
      expect(r.expected).toEqual([a, a ^ b]);
      expectLogicalAction(r, `cnot/z/${a}${b}/${ancillaModule}`, 6);
    }
  });
  it.each(INPUTS)('|%i%i⟩ in the ± basis → X readouts (a⊕b, b) (d = 3)', (a, b) => {
    const r = latticeSurgeryCnotExperiment({ distance: 3, basis: 'x', inputs: [a, b], ...zero });
    expect(r.labels).toEqual(['X_C', 'X_T']);
    expect(r.expected).toEqual([a ^ b, b]);
    expectLogicalAction(r, `cnot/x/${a}${b}`, 6);
  });
  it.each(INPUTS)('d = 5, rounds = 2: |%i%i⟩ in Z and in X', (a, b) => {
    for (const basis of ['z', 'x'] as const) {
      const r = latticeSurgeryCnotExperiment({ distance: 5, rounds: 2, basis, inputs: [a, b], ...zero });
      expectLogicalAction(r, `cnot5/${basis}/${a}${b}`, 1);
    }
  });
  it('the merge outcomes are random, so the frame corrections are what makes the readout right', () => {
    // In the Z basis m₁ = Z_C Z_A is random (A starts in |+⟩) and m₂ = X_A X_T is random (T is a Z
    // eigenstate): both must take both values over 24 shots (fails with probability 2^-23 each).
    const r = latticeSurgeryCnotExperiment({ distance: 3, rounds: 1, basis: 'z', inputs: [1, 0], ...zero });
    const seen = expectLogicalAction(r, 'cnot/random', 24);
    const m1 = new Set([...seen].map((s) => s[0]));
    const m2 = new Set([...seen].map((s) => s[1]));
    expect(m1).toEqual(new Set(['0', '1']));
    expect(m2).toEqual(new Set(['0', '1']));
  });
});

describe('logical ZZ measurement by merge and split', () => {
  it.each(INPUTS)('|%i%i⟩: the merge outcome is a⊕b and the patches keep a, b (d = 3 and 5)', (a, b) => {
    for (const d of [3, 5]) {
      const r = latticeSurgeryZZExperiment({
        distance: d,
        rounds: d === 3 ? 3 : 2,
        basis: 'z',
        inputs: [a, b],
        ...zero,
      });
      expect(r.expected).toEqual([a ^ b, a, b]);
      // Transition 1 is the merge: its random checks are the new Z checks, (d + 1)/2 on each side of the gap.
      expect(r.mergeRecords[1]!.length).toBe(d + 1);
      expectLogicalAction(r, `zz/${d}/${a}${b}`, 3);
    }
  });
  it.each(INPUTS)('|%i%i⟩ in the ± basis: X₁X₂ survives the Z⊗Z measurement', (a, b) => {
    const r = latticeSurgeryZZExperiment({ distance: 3, basis: 'x', inputs: [a, b], ...zero });
    expect(r.expected).toEqual([a ^ b]);
    const seen = expectLogicalAction(r, `zzx/${a}${b}`, 12);
    // On ± inputs the Z⊗Z outcome itself is a coin.
    expect(new Set([...seen].map((s) => s[0]))).toEqual(new Set(['0', '1']));
  });
});

/** Pairs under DEPOLARIZE2 with probability `p`, and all DEPOLARIZE2 pairs. */
function depolarize2Pairs(circuit: Circuit, p: number): { at: number; all: number } {
  let at = 0;
  let all = 0;
  const walk = (ops: readonly Instruction[], times: number): void => {
    for (const op of ops) {
      if (op.kind === 'repeat') walk(op.body, times * op.count);
      if (op.kind !== 'noise' || op.channel !== 'depolarize2') continue;
      all += (times * op.targets.length) / 2;
      if (op.probabilities[0] === p) at += (times * op.targets.length) / 2;
    }
  };
  walk(circuit.instructions, 1);
  return { at, all };
}

describe('interface noise on the module cut', () => {
  it.each([3, 5])('d = %i: 2d − 1 crossing CXs per merged round, only while merged', (d) => {
    const rounds = 2;
    // Bulk noise 0: every DEPOLARIZE2 left is a crossing CX. The seam row of checks on the lower side
    // touches each of the d gap qubits twice except the first (its left neighbour is no check).
    const zz = latticeSurgeryZZExperiment({
      distance: d,
      rounds,
      basis: 'z',
      inputs: [0, 0],
      noise: uniformNoise(0),
      interfaceP: 0.01,
    });
    expect(depolarize2Pairs(zz.circuit, 0.01)).toEqual({
      at: (2 * d - 1) * rounds,
      all: (2 * d - 1) * rounds,
    });
    // CNOT with the ancilla in module 0 crosses in the X⊗X merge only, in module 1 in the Z⊗Z merge.
    for (const ancillaModule of [0, 1] as const) {
      const c = latticeSurgeryCnot({
        distance: d,
        rounds,
        basis: 'z',
        inputs: [0, 0],
        noise: uniformNoise(0),
        interfaceP: 0.01,
        ancillaModule,
      });
      expect(depolarize2Pairs(c, 0.01).at).toBe((2 * d - 1) * rounds);
    }
    // With bulk noise too, the crossing CXs carry interfaceP and not the bulk value.
    const noisy = latticeSurgeryZZExperiment({
      distance: d,
      rounds,
      basis: 'z',
      inputs: [0, 0],
      noise: uniformNoise(0.001),
      interfaceP: 0.01,
    });
    expect(depolarize2Pairs(noisy.circuit, 0.01).at).toBe((2 * d - 1) * rounds);
  });
});

describe('validation', () => {
  const base = { distance: 3, basis: 'z' as const, inputs: [0, 0] as [LogicalBit, LogicalBit], ...zero };
  it.each([
    [{ distance: 4 }, 'E_QEC_DISTANCE'],
    [{ distance: 1 }, 'E_QEC_DISTANCE'],
    [{ rounds: 0 }, 'E_QEC_ROUNDS'],
    [{ interfaceP: 1.5 }, 'E_QEC_PROBABILITY'],
    [{ inputs: [0, 2] }, 'E_QEC_INPUTS'],
    [{ basis: 'y' }, 'E_QEC_BASIS'],
  ])('%o is %s', (patch, code) => {
    const options = { ...base, ...patch } as unknown as Parameters<typeof latticeSurgeryCnot>[0];
    expect(() => latticeSurgeryCnot(options)).toThrow(expect.objectContaining({ code }));
    expect(() => latticeSurgeryZZExperiment(options)).toThrow(expect.objectContaining({ code }));
  });
});
