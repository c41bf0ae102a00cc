// One conformance suite for every engine: random circuits must give the same outcome distributions
// on each engine that can run them.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Circuit, Instruction } from '../circuit/ir.js';
import { Rng } from '../util/rng.js';
import { getBit } from './bit-table.js';
import { DensityEngine } from './density.js';
import type { EngineName, StateEngine } from './engine.js';
import { exactDistribution } from './exact-distribution.js';
import { sampleMeasurements } from './frame.js';
import { runShot } from './run-circuit.js';
import { StabilizerEngine } from './stabilizer.js';
import { StatevectorEngine } from './statevector.js';

const ENGINES: Partial<Record<EngineName, (n: number) => StateEngine>> = {
  statevector: (n) => new StatevectorEngine(n),
  stabilizer: (n) => new StabilizerEngine(n),
  density: (n) => new DensityEngine(n),
};

const CLIFFORD_1Q = ['h', 's', 'sdg', 'x', 'y', 'z', 'sx', 'sxdg', 'sy', 'h_yz'];
const CLIFFORD_2Q = ['cx', 'cz', 'cy', 'swap', 'iswap', 'xcz'];

/** Random Clifford circuits with mid-circuit measurements, resets and conditions on earlier bits. */
function cliffordCircuit(maxQubits: number, withClassical: boolean): fc.Arbitrary<Circuit> {
  return fc.integer({ min: 1, max: maxQubits }).chain((n) => {
    const q = fc.integer({ min: 0, max: n - 1 });
    const pair = n < 2 ? fc.constant(null) : fc.tuple(q, q).filter(([a, b]) => a !== b);
    const gate1 = fc
      .tuple(fc.constantFrom(...CLIFFORD_1Q), q)
      .map(([g, t]): Instruction => ({ kind: 'gate', gate: g, targets: [t], params: [] }));
    const gate2 = fc
      .tuple(fc.constantFrom(...CLIFFORD_2Q), pair)
      .map(([g, p]): Instruction | null => (p ? { kind: 'gate', gate: g, targets: p, params: [] } : null));
    const midMeasure = fc.tuple(q, fc.constantFrom('X', 'Y', 'Z') as fc.Arbitrary<'X' | 'Y' | 'Z'>).map(
      ([t, basis]): Instruction => ({
        kind: 'measure',
        basis,
        targets: [t],
        bits: [n + t],
        flipProbability: 0,
        reset: false,
      }),
    );
    const reset = q.map((t): Instruction => ({ kind: 'reset', basis: 'Z', targets: [t] }));
    const conditioned = fc.tuple(q, q).map(
      ([t, b]): Instruction => ({
        kind: 'gate',
        gate: 'x',
        targets: [t],
        params: [],
        condition: { bits: [n + b], value: 1 },
      }),
    );
    const op = withClassical
      ? fc.oneof(gate1, gate2, gate2, midMeasure, reset, conditioned)
      : fc.oneof(gate1, gate2, gate2);
    return fc.array(op, { maxLength: 24 }).map((ops): Circuit => {
      const body = ops.filter((o): o is Instruction => o !== null);
      const finals = Array.from(
        { length: n },
        (_, t): Instruction => ({
          kind: 'measure',
          basis: 'Z',
          targets: [t],
          bits: [t],
          flipProbability: 0,
          reset: false,
        }),
      );
      return {
        numQubits: n,
        numBits: withClassical ? 2 * n : n,
        qregs: [],
        cregs: [],
        instructions: [...body, ...finals],
      };
    });
  });
}

function close(a: Map<string, number>, b: Map<string, number>, tol: number): boolean {
  for (const k of new Set([...a.keys(), ...b.keys()]))
    if (Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0)) > tol) return false;
  return true;
}

describe('engine conformance', () => {
  it('random Clifford circuits give the same exact distribution on every engine', () => {
    fc.assert(
      fc.property(cliffordCircuit(5, true), (circuit) => {
        const reference = exactDistribution(() => ENGINES.statevector!(circuit.numQubits), circuit);
        for (const [name, create] of Object.entries(ENGINES)) {
          const dist = exactDistribution(() => create(circuit.numQubits), circuit);
          if (!close(reference, dist, 1e-9)) throw new Error(`${name} differs`);
        }
        return true;
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('probabilities sum to one and shots follow them (statevector and stabilizer, 4 standard errors)', () => {
    fc.assert(
      fc.property(cliffordCircuit(4, true), fc.nat(), (circuit, seed) => {
        const exact = exactDistribution(() => ENGINES.statevector!(circuit.numQubits), circuit);
        const total = [...exact.values()].reduce((s, p) => s + p, 0);
        if (Math.abs(total - 1) > 1e-9) return false;
        const shots = 400;
        for (const create of Object.values(ENGINES)) {
          const rng = Rng.fromSeed(seed);
          const counts = new Map<string, number>();
          for (let s = 0; s < shots; s++) {
            const shot = runShot(create(circuit.numQubits), circuit, rng);
            let key = '';
            for (let i = shot.bits.length - 1; i >= 0; i--) key += shot.bits[i];
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
          for (const [k, p] of exact) {
            const se = Math.sqrt((p * (1 - p)) / shots);
            if (Math.abs((counts.get(k) ?? 0) / shots - p) > 4 * se + 1e-9) return false;
          }
        }
        return true;
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('frame-sampler statistics match the tableau on noisy circuits (4 standard errors)', () => {
    fc.assert(
      fc.property(cliffordCircuit(4, false), fc.double({ min: 0, max: 0.3, noNaN: true }), (base, p) => {
        // Noise after every gate, so the frame sampler's Pauli propagation is exercised.
        const instructions = base.instructions.flatMap((op): Instruction[] =>
          op.kind === 'gate'
            ? [op, { kind: 'noise', channel: 'depolarize1', targets: op.targets, probabilities: [p] }]
            : [op],
        );
        const circuit: Circuit = { ...base, instructions };
        const shots = 2000;
        const frames = sampleMeasurements(circuit, shots, Rng.fromSeed(3));
        const rng = Rng.fromSeed(4);
        const tableauOnes = new Float64Array(circuit.numQubits);
        const frameOnes = new Float64Array(circuit.numQubits);
        for (let s = 0; s < shots; s++) {
          const shot = runShot(new StabilizerEngine(circuit.numQubits), circuit, rng);
          for (let q = 0; q < circuit.numQubits; q++) {
            tableauOnes[q]! += shot.record[q]!;
            frameOnes[q]! += getBit(frames, s, q);
          }
        }
        for (let q = 0; q < circuit.numQubits; q++) {
          const a = tableauOnes[q]! / shots;
          const b = frameOnes[q]! / shots;
          const se = Math.sqrt((a * (1 - a) + b * (1 - b)) / shots);
          if (Math.abs(a - b) > 4 * se + 1e-9) return false;
        }
        return true;
      }),
      { numRuns: 20, seed: 11 },
    );
  });

  it('noisy non-Clifford circuits: density (exact channels) equals statevector (branching over Paulis)', () => {
    const channels = ['x_error', 'z_error', 'depolarize1', 'pauli_channel_1'] as const;
    fc.assert(
      fc.property(
        cliffordCircuit(3, true),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom(...channels),
            fc.double({ min: 0, max: 0.2, noNaN: true }),
            fc.double({ min: -3, max: 3, noNaN: true }),
          ),
        ),
        (base, extras) => {
          const n = base.numQubits;
          const instructions = [...base.instructions];
          for (const [at, channel, p, angle] of extras.slice(0, 6)) {
            const q = at % n;
            const probabilities = channel === 'pauli_channel_1' ? [p / 2, p / 3, p / 4] : [p];
            const extra: Instruction[] = [
              { kind: 'gate', gate: 'rx', targets: [q], params: [angle] },
              { kind: 'noise', channel, targets: [q], probabilities },
            ];
            instructions.splice(at % (instructions.length - n + 1), 0, ...extra);
          }
          const circuit: Circuit = { ...base, instructions };
          const pure = exactDistribution(() => new StatevectorEngine(n), circuit);
          const mixed = exactDistribution(() => new DensityEngine(n), circuit);
          return close(pure, mixed, 1e-9);
        },
      ),
      { numRuns: 60, seed: 5 },
    );
  });
});
