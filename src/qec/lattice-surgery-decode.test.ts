// The second acceptance test: below threshold the logical error rate of lattice surgery
// across two modules falls with distance. Bulk circuit noise p = 0.001 (Stim's uniform knobs),
// interface p = 0.01 on the CXs that cross the cut, rounds = d per epoch, decoded on the circuit's
// detector error model (which must decompose into graph-like parts for the matching graph to build).
// Any wrong observable (frame corrections folded in) is a logical error. The margin asked for is 3
// combined binomial standard errors (d = 5's floored at one error in the shots, so zero errors is no
// free pass). Measured at 20k shots (10k at d = 7), MWPM: CNOT z 1.19e-2, 2.15e-3, 5.0e-4 for
// d = 3, 5, 7; ZZ z 6.3e-3, 1.3e-3, 1e-4 (UF within 10 %).
import { describe, expect, it } from 'vitest';
import type { Circuit } from '../circuit/ir.js';
import { Rng } from '../util/rng.js';
import { type DecoderName, runMemoryExperiment } from './decode-experiment.js';
import { latticeSurgeryCnot, latticeSurgeryZZ } from './lattice-surgery.js';
import { uniformNoise } from './noise-knobs.js';

const SHOTS = 8000;

function expectFallsWithDistance(
  build: (distance: number) => Circuit,
  decoder: DecoderName,
  seed: string,
): void {
  const rate = (distance: number) =>
    runMemoryExperiment(build(distance), { shots: SHOTS, decoder, rng: Rng.fromSeed(`${seed}/${distance}`) });
  const d3 = rate(3);
  const d5 = rate(5);
  expect(d3.logicalErrors).toBeGreaterThan(20);
  const se = Math.hypot(d3.standardError, Math.max(d5.standardError, 1 / SHOTS));
  expect(
    d3.logicalErrorRate - d5.logicalErrorRate,
    `d3 ${d3.logicalErrorRate}, d5 ${d5.logicalErrorRate}`,
  ).toBeGreaterThan(3 * se);
}

const noise = { noise: uniformNoise(0.001), interfaceP: 0.01 };

describe('lattice surgery below threshold', () => {
  it.each([
    ['z', 'mwpm'],
    ['x', 'mwpm'],
    ['z', 'uf'],
    ['x', 'uf'],
  ] as const)(
    'CNOT, basis %s, %s: the logical error rate falls from d = 3 to d = 5',
    (basis, decoder) => {
      expectFallsWithDistance(
        (distance) => latticeSurgeryCnot({ distance, basis, inputs: [1, 0], ...noise }),
        decoder,
        `surgery-decode/cnot/${basis}/${decoder}`,
      );
    },
    30_000,
  );

  it.each(['z', 'x'] as const)(
    'Z⊗Z measurement, basis %s, mwpm: falls from d = 3 to d = 5',
    (basis) => {
      expectFallsWithDistance(
        (distance) => latticeSurgeryZZ({ distance, basis, inputs: [0, 1], ...noise }),
        'mwpm',
        `surgery-decode/zz/${basis}`,
      );
    },
    30_000,
  );
});
