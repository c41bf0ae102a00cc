import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCircuit } from '../circuit/parse-circuit.js';
import { simulateCircuit } from '../state/simulate.js';
import { QnetError } from '../util/errors.js';
import { executeProgram } from './execute.js';
import {
  bellTeleportCase,
  ghzCase,
  type Prep,
  ProgramBuilder,
  remoteCnotCase,
} from './programs.test-helper.js';

const monolithic = (qasm: string): Record<string, number> =>
  simulateCircuit(parseCircuit(qasm, 'case.qasm'), { probabilities: true, seed: 1, engine: 'statevector' })
    .probabilities!;

function expectSameDistribution(
  actual: Record<string, number>,
  expected: Record<string, number>,
  tol: number,
) {
  for (const key of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
    expect(Math.abs((actual[key] ?? 0) - (expected[key] ?? 0)), key).toBeLessThan(tol);
  }
}

const ideal = { seed: 7, shots: 0, ideal: true, probabilities: true } as const;

describe('executeProgram, ideal probabilities against the monolithic circuit', () => {
  const basis: Prep[] = [[], [['x', []]]];
  for (const pc of basis)
    for (const pt of basis) {
      it(`remote CNOT on basis input c=${pc.length} t=${pt.length}`, () => {
        const { program, qasm } = remoteCnotCase(pc, pt);
        expectSameDistribution(executeProgram(program, ideal).probabilities!, monolithic(qasm), 1e-12);
      });
    }

  it('remote CNOT on superposition inputs (state vector, several protocol draws)', () => {
    const { program, qasm } = remoteCnotCase(
      [
        ['ry', [0.7]],
        ['rz', [0.3]],
      ],
      [['u3', [1.1, 0.4, -0.9]]],
    );
    const expected = monolithic(qasm);
    for (const seed of [1, 2, 3, 4]) {
      const r = executeProgram(program, { ...ideal, seed });
      expect(r.engine).toBe('statevector');
      expectSameDistribution(r.probabilities!, expected, 1e-12);
    }
    // The CNOT entangles: the distribution has all four outcomes.
    expect(Object.keys(expected)).toHaveLength(4);
  });

  it('remote CNOT with the control in X superposition gives a Bell pair', () => {
    const { program, qasm } = remoteCnotCase([['h', []]], []);
    const r = executeProgram(program, ideal);
    expect(r.engine).toBe('stabilizer');
    expectSameDistribution(r.probabilities!, monolithic(qasm), 1e-12);
    expectSameDistribution(r.probabilities!, { '00': 0.5, '11': 0.5 }, 1e-12);
  });

  it('teleports an arbitrary qubit state', () => {
    const b = new ProgramBuilder(2, 1, 1, [{ qpu: 0, slot: 0 }]);
    b.gate(0, 'u3', [0], [1.3, 0.2, 0.5]).teleport(0, 0, 1, 1, 0);
    // Rotate back at the far end so the outcome depends on the phases too.
    b.gate(1, 'ry', [0], [0.4]).measure(1, 0, 0);
    const program = b.build([{ qpu: 1, slot: 0 }]);
    const qasm =
      'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ncreg c[1];\nu3(1.3,0.2,0.5) q[0];\nry(0.4) q[0];\nmeasure q -> c;\n';
    for (const seed of [1, 2, 3])
      expectSameDistribution(
        executeProgram(program, { ...ideal, seed }).probabilities!,
        monolithic(qasm),
        1e-12,
      );
  });

  it('teleports half of a Bell pair in Z and X', () => {
    for (const x of [false, true]) {
      const { program, qasm } = bellTeleportCase(x);
      expectSameDistribution(executeProgram(program, ideal).probabilities!, monolithic(qasm), 1e-12);
    }
  });

  it('makes a GHZ state across three QPUs', () => {
    const { program, qasm } = ghzCase();
    const r = executeProgram(program, ideal);
    expect(r.ebits).toBe(2);
    expect(r.qpus).toBe(3);
    expectSameDistribution(r.probabilities!, monolithic(qasm), 1e-12);
  });

  it('reuses engine qubits: slots freed by measure-and-reset go back to the pool', () => {
    const b = new ProgramBuilder(2, 2, 2, [
      { qpu: 0, slot: 0 },
      { qpu: 1, slot: 0 },
    ]);
    b.gate(0, 'h', [0]);
    for (let k = 0; k < 5; k++) b.remoteCnot(0, 0, 1, 1, 0, 1);
    b.measure(0, 0, 0).measure(1, 0, 1);
    const r = executeProgram(b.build(), ideal);
    // Two data qubits and one pair at a time, whatever the number of e-bits.
    expect(r.engineQubits).toBe(4);
    expect(r.ebits).toBe(5);
    expectSameDistribution(r.probabilities!, { '00': 0.5, '11': 0.5 }, 1e-12);
  });
});

describe('executeProgram, sampling', () => {
  it('samples a Clifford program with the frame sampler within 4 standard errors', () => {
    const { program, qasm } = ghzCase();
    const shots = 20_000;
    const r = executeProgram(program, { seed: 11, shots, ideal: true, probabilities: false });
    expect(r.engine).toBe('stabilizer');
    const expected = monolithic(qasm);
    let total = 0;
    for (const [key, p] of Object.entries(expected)) {
      const count = r.counts![key] ?? 0;
      total += count;
      const se = Math.sqrt((p * (1 - p)) / shots);
      expect(Math.abs(count / shots - p)).toBeLessThan(4 * se);
    }
    expect(total).toBe(shots);
  });

  it('samples a non-Clifford program shot by shot when noisy, within 4 standard errors', () => {
    const { program, qasm } = remoteCnotCase([['ry', [1.1]]], [['ry', [0.5]]]);
    const shots = 3000;
    const r = executeProgram(program, { seed: 3, shots, ideal: false, probabilities: false });
    expect(r.engine).toBe('statevector');
    for (const [key, p] of Object.entries(monolithic(qasm))) {
      const se = Math.sqrt((p * (1 - p)) / shots);
      expect(Math.abs((r.counts![key] ?? 0) / shots - p)).toBeLessThan(4 * se);
    }
  });

  it('is deterministic: same seed, same counts; another seed, other counts', () => {
    const { program } = remoteCnotCase([['h', []]], [['ry', [0.3]]]);
    const run = (seed: number) =>
      executeProgram(program, { seed, shots: 500, ideal: false, probabilities: false });
    expect(run(5)).toEqual(run(5));
    expect(run(5).counts).not.toEqual(run(6).counts);
    const frames = (seed: number) =>
      executeProgram(ghzCase().program, { seed, shots: 500, ideal: true, probabilities: false }).counts;
    expect(frames(5)).toEqual(frames(5));
  });
});

describe('executeProgram, engine choice and refusals', () => {
  it('refuses the stabilizer engine for non-Clifford programs and oversize state vectors', () => {
    const { program } = remoteCnotCase([['t', []]], []);
    expect(() => executeProgram(program, { ...ideal, engine: 'stabilizer' })).toThrow(QnetError);
    try {
      executeProgram(program, { ...ideal, maxEngineQubits: 2 });
      expect.unreachable();
    } catch (e) {
      expect((e as QnetError).code).toBe('E_TOO_LARGE');
      expect((e as QnetError).hint).toBeDefined();
    }
  });

  it('refuses an e-bit over a pair of QPUs the network does not link', () => {
    const { program } = remoteCnotCase([], []);
    expect(() => executeProgram({ ...program, links: [] }, ideal)).toThrow(/share no link/);
  });
});

describe('executeProgram, properties', () => {
  it('probabilities sum to 1 for random inputs and link fidelities', () => {
    const angle = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
    fc.assert(
      fc.property(angle, angle, angle, fc.double({ min: 0.5, max: 1, noNaN: true }), (a, b, c, f) => {
        const { program } = remoteCnotCase(
          [
            ['ry', [a]],
            ['rz', [b]],
          ],
          [['rx', [c]]],
        );
        const network = {
          links: [{ qpus: [0, 1] as const, rateHz: 1e6, fidelity: f }],
          classicalDelayPs: () => 1000,
          qpus: [0, 1].map(() => ({
            gate1qPs: 20_000,
            gate2qPs: 80_000,
            measurePs: 1_000_000,
            resetPs: 1_000_000,
            t1Us: 100,
            t2Us: 80,
            gate1qError: 1e-3,
            gate2qError: 1e-2,
            readoutError: 1e-2,
          })),
        };
        const r = executeProgram(program, { seed: 1, shots: 0, ideal: false, probabilities: true, network });
        const sum = Object.values(r.probabilities!).reduce((s, p) => s + p, 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
      }),
      { numRuns: 25, seed: 42 },
    );
  });
});
