// Hardware noise from processor figures (Heron r3's, as in src/hardware's preset; the presets
// themselves are checked against hardware's own idle model in test/qec-hardware-presets.test.ts):
// channel probabilities against closed forms, the Pauli-twirled idle channel against the Bloch-vector
// decay it must reproduce, the layout of noise
// in a memory circuit against counts of qubits per layer, and a noiseless circuit with the noise off.
import { describe, expect, it } from 'vitest';
import type { Instruction, NoiseOp } from '../circuit/ir.js';
import {
  depolarizingFromGateError,
  hardwareNoise,
  layerDurationPs,
  type ProcessorNoiseParams,
  twirledIdleProbabilities,
} from './hardware-noise.js';
import { modularSurfaceCodeMemory } from './modular-memory.js';
import { countRepeatedOps } from './modular-memory.test-helper.js';
import { expectNoiselessDeterministic } from './surface-code.test-helper.js';
import { surfaceCodeMemory } from './surface-code-memory.js';

const r3: ProcessorNoiseParams = {
  t1Us: 292,
  t2Us: 353,
  gate1qDurationNs: 24,
  gate1qError: 2.3e-4,
  gate2qDurationNs: 68,
  gate2qError: 1.27e-3,
  readoutDurationNs: 2200,
  readoutError: 0.0051,
};
const r2: ProcessorNoiseParams = { ...r3, t1Us: 145, t2Us: 88, gate2qDurationNs: 84, gate2qError: 3.8e-3 };

describe('channel probabilities from the preset', () => {
  it('gate errors: DEPOLARIZE1 p = 3r/2, DEPOLARIZE2 p = 5r/4 (average infidelity of a depolarising channel)', () => {
    expect(depolarizingFromGateError(r3.gate1qError, 1)).toBeCloseTo(1.5 * 2.3e-4, 15);
    expect(depolarizingFromGateError(r3.gate2qError, 2)).toBeCloseTo(1.25 * 1.27e-3, 15);
  });

  it.each(['gate1', 'gate2', 'measure'] as const)(
    'idle during a %s layer: the twirled channel keeps T1 and T2 decay of the Bloch vector',
    (kind) => {
      const t = layerDurationPs(r3, kind);
      const [px, py, pz] = twirledIdleProbabilities(r3, t);
      const gamma = 1 - Math.exp(-t / (r3.t1Us * 1e6));
      const coherence = Math.exp(-t / (r3.t2Us * 1e6));
      // A Pauli channel scales <X>, <Y> by 1 − 2(py + pz) (resp. px + pz) and <Z> by 1 − 2(px + py).
      expect(1 - 2 * (py + pz)).toBeCloseTo(coherence, 14);
      expect(1 - 2 * (px + pz)).toBeCloseTo(coherence, 14);
      expect(1 - 2 * (px + py)).toBeCloseTo(1 - gamma, 14);
    },
  );

  it('layer durations are the preset gate and readout times', () => {
    expect(layerDurationPs(r3, 'gate1')).toBe(24_000);
    expect(layerDurationPs(r3, 'gate2')).toBe(68_000);
    expect(layerDurationPs(r3, 'measure')).toBe(2_200_000);
  });

  it('reset error defaults to the readout error; bad figures are QnetErrors naming the field', () => {
    expect(hardwareNoise(r3).resetError).toBe(r3.readoutError);
    expect(hardwareNoise(r3, { resetError: 0.002 }).resetError).toBe(0.002);
    expect(() => hardwareNoise(r3, { resetError: 2 })).toThrow(
      expect.objectContaining({ code: 'E_QEC_PROBABILITY' }),
    );
    expect(() => hardwareNoise({ ...r3, t2Us: 700 })).toThrow(
      expect.objectContaining({ code: 'E_QEC_HARDWARE', where: { path: ['noise', 'qpu', 't2Us'] } }),
    );
    expect(() => hardwareNoise({ ...r3, gate2qDurationNs: 0 })).toThrow(
      expect.objectContaining({ code: 'E_QEC_HARDWARE' }),
    );
    expect(() => hardwareNoise({ ...r3, readoutError: -0.1 })).toThrow(
      expect.objectContaining({ code: 'E_QEC_PROBABILITY' }),
    );
  });
});

/** Targets per channel and probability list, REPEAT counts applied. */
function noiseTally(ops: readonly Instruction[]): Map<string, number> {
  const tally = new Map<string, number>();
  countRepeatedOps(ops, (op, times) => {
    if (op.kind !== 'noise') return;
    const n = op as NoiseOp;
    const arity = n.channel === 'depolarize2' ? 2 : 1;
    const key = `${n.channel}(${n.probabilities.join(',')})`;
    tally.set(key, (tally.get(key) ?? 0) + (n.targets.length / arity) * times);
  });
  return tally;
}

describe('hardware noise in a memory circuit', () => {
  it.each([3, 5])('d=%i: every channel on the expected number of qubits and pairs', (d) => {
    const rounds = 4;
    const circuit = surfaceCodeMemory({ distance: d, rounds, basis: 'z', noise: hardwareNoise(r3) });
    const tally = noiseTally(circuit.instructions);
    const p1 = depolarizingFromGateError(r3.gate1qError, 1);
    const p2 = depolarizingFromGateError(r3.gate2qError, 2);
    const N = 2 * d * d - 1; // qubits
    const xChecks = (d * d - 1) / 2;
    const cxPerRound = 4 * (d - 1) ** 2 + 4 * (d - 1); // weight-4 checks and weight-2 boundary checks
    const idle = (kind: 'gate1' | 'gate2' | 'measure') =>
      `pauli_channel_1(${twirledIdleProbabilities(r3, layerDurationPs(r3, kind)).join(',')})`;
    expect(tally.get(`depolarize1(${p1})`)).toBe(2 * xChecks * rounds);
    expect(tally.get(`depolarize2(${p2})`)).toBe(cxPerRound * rounds);
    // Readout flips before every MR and the final M; reset flips after the initial R and every MR.
    const readout = `x_error(${r3.readoutError})`;
    expect(tally.get(readout)).toBe((N - d * d) * rounds * 2 + d * d + N);
    expect(tally.get(idle('gate1'))).toBe(2 * (N - xChecks) * rounds);
    expect(tally.get(idle('gate2'))).toBe((4 * N - 2 * cxPerRound) * rounds);
    expect(tally.get(idle('measure'))).toBe(d * d * rounds);
    expect(tally.size).toBe(6);
  });

  it('noiseless and deterministic with every part switched off', () => {
    const off = hardwareNoise(r2, {
      parts: { gates: false, readout: false, reset: false, idle: false },
    });
    for (const basis of ['x', 'z'] as const) {
      const circuit = surfaceCodeMemory({ distance: 3, rounds: 3, basis, noise: off });
      expect(noiseTally(circuit.instructions).size).toBe(0);
      expectNoiselessDeterministic(circuit, `hardware-off/${basis}`);
      for (const scheme of ['direct', 'cat', 'teleported'] as const) {
        const modular = modularSurfaceCodeMemory({
          distance: 4,
          rounds: 2,
          basis,
          noise: off,
          modules: 2,
          interfaceP: 0,
          scheme,
        });
        expectNoiselessDeterministic(modular, `hardware-off/${basis}/${scheme}`, 2, 128);
      }
    }
  });
});
