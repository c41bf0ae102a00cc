// Shared by the Bell-diagonal tests: random Bell-diagonal states and the density-matrix references
// (real Bell measurements, real bilateral CNOTs on four qubits) the closed forms are checked against.
import fc from 'fast-check';
import { type CMatrix, cmatDistance, cmatKron } from '../util/complex-matrix.js';
import { type BellDiagonal, bellDiagonalMatrix, twirl } from './belldiag-state.js';
import type { SwapNoise } from './belldiag-swap.js';
import { DensityEngine } from './density.js';

/** Random Bell weights (some may be zero), normalised. */
export const bellDiagonalArb: fc.Arbitrary<BellDiagonal> = fc
  .tuple(...[0, 1, 2, 3].map(() => fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }))))
  .filter((w) => w.reduce((a, b) => a + b, 0) > 1e-3)
  .map((w) => {
    const s = w.reduce((a, b) => a + b, 0);
    return [w[0]! / s, w[1]! / s, w[2]! / s, w[3]! / s] as const;
  });

/** Two pairs side by side: `first` on qubits 0 and 1, `second` on qubits 2 and 3. */
export function twoPairs(first: BellDiagonal, second: BellDiagonal): DensityEngine {
  // cmatKron puts its first factor on the high index bits: qubits 2, 3 are the high bits here.
  return DensityEngine.fromMatrix(cmatKron(bellDiagonalMatrix(second), bellDiagonalMatrix(first)));
}

/** Throws unless the weights agree entry by entry to `tol`. */
export function expectWeights(actual: readonly number[], expected: readonly number[], tol = 1e-12): void {
  for (let i = 0; i < 4; i++) {
    if (!(Math.abs(actual[i]! - expected[i]!) < tol)) {
      throw new Error(`weights differ at ${i}: [${actual.join(', ')}] vs [${expected.join(', ')}]`);
    }
  }
}

/** Adds w·m into acc. */
function addScaled(acc: Float64Array, m: CMatrix, w: number): void {
  for (let i = 0; i < acc.length; i++) acc[i]! += w * m[i]!;
}

/** Throws unless a 2-qubit matrix is Bell-diagonal (to `tol`); returns its weights. */
export function expectBellDiagonal(m: CMatrix, tol = 1e-12): BellDiagonal {
  const c = twirl(m);
  const off = cmatDistance(m, bellDiagonalMatrix(c));
  if (!(off < tol)) throw new Error(`not Bell-diagonal: off by ${off}`);
  return c;
}

/**
 * Swapping on the density engine: pairs A–B1 (qubits 0, 1) and B2–C (2, 3); CNOT 1→2, optional
 * DEPOLARIZE2 on (1, 2), H on 1, both measured; each outcome (possibly misread) corrected on C by
 * X^{m2} Z^{m1}. Returns the A–C state averaged over outcomes, as a 4×4 matrix.
 */
export function swapByDensity(left: BellDiagonal, right: BellDiagonal, noise: SwapNoise = {}): CMatrix {
  const rho = twoPairs(left, right);
  rho.applyGate('cx', [1, 2], []);
  if (noise.gateDepolarizing) rho.applyNoise('depolarize2', [1, 2], [noise.gateDepolarizing]);
  rho.applyGate('h', [1], []);
  const q = noise.measurementFlip ?? 0;
  const acc = new Float64Array(32);
  for (const m1 of [0, 1] as const) {
    for (const m2 of [0, 1] as const) {
      const branch = rho.clone();
      const w = branch.project(1, m1) * branch.project(2, m2);
      if (w === 0) continue;
      for (const f1 of [0, 1]) {
        for (const f2 of [0, 1]) {
          const wf = (f1 ? q : 1 - q) * (f2 ? q : 1 - q);
          if (wf === 0) continue;
          const b = branch.clone();
          if (m2 ^ f2) b.applyGate('x', [3], []);
          if (m1 ^ f1) b.applyGate('z', [3], []);
          addScaled(acc, b.partialTrace([0, 3]).matrix(), w * wf);
        }
      }
    }
  }
  return acc;
}

/**
 * Recurrence purification on the density engine: pair `kept` on qubits 0 (Alice) and 1 (Bob),
 * pair `measured` on 2 (Alice) and 3 (Bob). With `rotate`, DEJMPS's Rx(π/2) on Alice's qubits and
 * Rx(−π/2) on Bob's; then CNOT 0→2 and 1→3, qubits 2 and 3 measured, kept when they agree.
 */
export function purifyByDensity(
  kept: BellDiagonal,
  measured: BellDiagonal,
  rotate: boolean,
): { state: CMatrix; successProbability: number } {
  const rho = twoPairs(kept, measured);
  if (rotate) {
    for (const q of [0, 2]) rho.applyGate('rx', [q], [Math.PI / 2]);
    for (const q of [1, 3]) rho.applyGate('rx', [q], [-Math.PI / 2]);
  }
  rho.applyGate('cx', [0, 2], []);
  rho.applyGate('cx', [1, 3], []);
  const acc = new Float64Array(32);
  let success = 0;
  for (const m of [0, 1] as const) {
    const branch = rho.clone();
    const w = branch.project(2, m) * branch.project(3, m);
    if (w === 0) continue;
    success += w;
    addScaled(acc, branch.partialTrace([0, 1]).matrix(), w);
  }
  return { state: acc.map((v) => v / success), successProbability: success };
}
