// Applying a gate matrix to some qubits of a dense vector: the one kernel behind composing
// definitions into unitaries and the reference evaluators of the tests. Meant for small vectors;
// the state-vector engine has its own fast paths.
import { type CMatrix, cmatDim } from '../util/complex-matrix.js';

/**
 * In place: amplitudes `state` (re/im interleaved) ← matrix acting on the index bits `bits`, where
 * bits[j] is the bit of the state index that carries gate target j (target 0 is the matrix's most
 * significant bit, see types.ts).
 */
export function applyMatrix(state: Float64Array, matrix: CMatrix, bits: readonly number[]): void {
  const k = bits.length;
  const d = 1 << k;
  if (cmatDim(matrix) !== d) throw new Error(`matrix of size ${cmatDim(matrix)} for ${k} targets`);
  const n = state.length / 2;
  let mask = 0;
  for (const b of bits) mask |= 1 << b;
  // offsets[m]: where matrix index m sits relative to a base index with all target bits clear.
  const offsets = new Int32Array(d);
  for (let m = 0; m < d; m++) {
    let off = 0;
    for (let j = 0; j < k; j++) if ((m >> (k - 1 - j)) & 1) off |= 1 << bits[j]!;
    offsets[m] = off;
  }
  const re = new Float64Array(d);
  const im = new Float64Array(d);
  for (let base = 0; base < n; base++) {
    if (base & mask) continue;
    for (let m = 0; m < d; m++) {
      re[m] = state[2 * (base + offsets[m]!)]!;
      im[m] = state[2 * (base + offsets[m]!) + 1]!;
    }
    for (let r = 0; r < d; r++) {
      let sr = 0;
      let si = 0;
      for (let c = 0; c < d; c++) {
        const mr = matrix[2 * (r * d + c)]!;
        const mi = matrix[2 * (r * d + c) + 1]!;
        sr += mr * re[c]! - mi * im[c]!;
        si += mr * im[c]! + mi * re[c]!;
      }
      state[2 * (base + offsets[r]!)] = sr;
      state[2 * (base + offsets[r]!) + 1] = si;
    }
  }
}
