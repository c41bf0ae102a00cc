import { describe, expect, it } from 'vitest';
import { storedPairFidelity } from '../hardware/qpu.js';
import { executeProgram } from './execute.js';
import { idleChannel } from './memory-noise.js';
import type { RuntimeLink, RuntimeNetwork } from './network.js';
import { bellTeleportCase, ghzCase } from './programs.test-helper.js';

const perfectQpu = {
  gate1qPs: 24_000,
  gate2qPs: 84_000,
  measurePs: 1_560_000,
  resetPs: 1_584_000,
  t1Us: Number.POSITIVE_INFINITY,
  t2Us: Number.POSITIVE_INFINITY,
  gate1qError: 0,
  gate2qError: 0,
  readoutError: 0,
};

function networkWith(link: Partial<RuntimeLink>): RuntimeNetwork {
  return {
    links: [{ qpus: [0, 1], rateHz: Number.POSITIVE_INFINITY, fidelity: 1, ...link }],
    classicalDelayPs: () => 500_000,
    qpus: [perfectQpu, perfectQpu],
  };
}

const oddParity = (p: Record<string, number>): number => (p['01'] ?? 0) + (p['10'] ?? 0);

describe('noise', () => {
  it('teleporting half a Bell pair through a Werner e-bit of fidelity F leaves a Werner pair of fidelity F', () => {
    // A Werner state F|Φ+⟩⟨Φ+| + (1−F)/3·(rest): ZZ and XX each read odd with probability 2(1−F)/3.
    const F = 0.85;
    for (const x of [false, true]) {
      const { program } = bellTeleportCase(x);
      const r = executeProgram(program, {
        seed: 2,
        shots: 0,
        ideal: false,
        probabilities: true,
        network: networkWith({ fidelity: F }),
      });
      expect(r.engine).toContain('density');
      expect(oddParity(r.probabilities!)).toBeCloseTo((2 * (1 - F)) / 3, 12);
    }
  });

  it('sampled shots on the state vector agree with the Werner formula within 4 standard errors', () => {
    const F = 0.8;
    const shots = 4000;
    const { program } = bellTeleportCase(false);
    const r = executeProgram(program, {
      seed: 4,
      shots,
      ideal: false,
      probabilities: false,
      engine: 'statevector',
      network: networkWith({ fidelity: F }),
    });
    const p = (2 * (1 - F)) / 3;
    const se = Math.sqrt((p * (1 - p)) / shots);
    const odd = ((r.counts!['01'] ?? 0) + (r.counts!['10'] ?? 0)) / shots;
    expect(Math.abs(odd - p)).toBeLessThan(4 * se);
  });

  it('noisy state-vector shots (grouped by noise events) follow the density-matrix distribution', () => {
    // GHZ over three QPUs with every noise source on: decay, gate and readout errors, Werner e-bits.
    const { program } = ghzCase();
    const qpu = {
      ...perfectQpu,
      t1Us: 300,
      t2Us: 200,
      gate1qError: 0.002,
      gate2qError: 0.01,
      readoutError: 0.1,
    };
    const network: RuntimeNetwork = {
      links: program.links.map(([a, b]) => ({ qpus: [a, b] as const, rateHz: 2e5, fidelity: 0.95 })),
      classicalDelayPs: () => 500_000,
      qpus: program.qpus.map(() => qpu),
    };
    const base = { seed: 6, ideal: false, network } as const;
    const exact = executeProgram(program, { ...base, shots: 0, probabilities: true }).probabilities!;
    const shots = 3000;
    const r = executeProgram(program, { ...base, shots, probabilities: false, engine: 'statevector' });
    expect(r.engine).toBe('statevector');
    for (const key of new Set([...Object.keys(exact), ...Object.keys(r.counts!)])) {
      const p = exact[key] ?? 0;
      const se = Math.sqrt(Math.max(p * (1 - p), 1 / shots) / shots);
      expect(Math.abs((r.counts![key] ?? 0) / shots - p), key).toBeLessThan(4 * se);
    }
  });

  it('a Bell-diagonal e-bit [A, B, C, D] flips ZZ with B + C and XX with B + D', () => {
    const w = [0.7, 0.05, 0.15, 0.1] as const;
    const run = (x: boolean) =>
      executeProgram(bellTeleportCase(x).program, {
        seed: 2,
        shots: 0,
        ideal: false,
        probabilities: true,
        network: networkWith({ bellDiagonal: w }),
      }).probabilities!;
    expect(oddParity(run(false))).toBeCloseTo(w[1] + w[2], 12);
    expect(oddParity(run(true))).toBeCloseTo(w[1] + w[3], 12);
  });

  it('ideal: true ignores every noise source', () => {
    const { program } = bellTeleportCase(false);
    const r = executeProgram(program, {
      seed: 2,
      shots: 0,
      ideal: true,
      probabilities: true,
      network: networkWith({ fidelity: 0.5 }),
    });
    expect(oddParity(r.probabilities!)).toBe(0);
  });

  it('the twirled memory channel keeps the stored-pair fidelity (1 + e^{−t/T1} + 2 e^{−t/T2})/4', () => {
    const memory = { t1Us: 145, t2Us: 88 };
    for (const ps of [1e5, 3e7, 2e8]) {
      const [px, py, pz] = idleChannel(memory.t1Us, memory.t2Us, ps)!;
      expect(1 - px - py - pz).toBeCloseTo(storedPairFidelity(memory, ps), 14);
    }
    expect(idleChannel(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 1e9)).toBeUndefined();
  });
});
