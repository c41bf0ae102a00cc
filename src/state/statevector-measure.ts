// Reading a state vector: outcome probabilities, collapse after a Z measurement, and sampling many
// shots from one distribution. Outcome indices follow OpenQASM: bit j of an outcome is the result of
// qubits[j] (the first qubit listed is the least significant bit).
import type { Rng } from '../util/rng.js';

/** Σ|a_i|² over indices with bit q clear and with bit q set. */
export function zWeights(amps: Float64Array, q: number): [number, number] {
  const nAmps = amps.length >>> 1;
  const step = 2 ** q;
  let p0 = 0;
  let p1 = 0;
  for (let base = 0; base < nAmps; base += 2 * step) {
    for (let x = 2 * base, end = 2 * (base + step); x < end; x++) p0 += amps[x]! * amps[x]!;
    for (let x = 2 * (base + step), end = 2 * (base + 2 * step); x < end; x++) p1 += amps[x]! * amps[x]!;
  }
  return [p0, p1];
}

/** Projects qubit q onto `outcome`, whose weight Σ|a_i|² is `weight`, and normalises the result. */
export function collapse(amps: Float64Array, q: number, outcome: 0 | 1, weight: number): void {
  const nAmps = amps.length >>> 1;
  const step = 2 ** q;
  const scale = 1 / Math.sqrt(weight);
  for (let base = 0; base < nAmps; base += 2 * step) {
    const keep = 2 * (base + outcome * step);
    const drop = 2 * (base + (1 - outcome) * step);
    for (let t = 0; t < 2 * step; t++) {
      amps[keep + t]! *= scale;
      amps[drop + t] = 0;
    }
  }
}

/** Exact distribution over `qubits` (OpenQASM order), length 2^qubits.length. */
export function probabilitiesOf(amps: Float64Array, qubits: readonly number[]): Float64Array {
  const nAmps = amps.length >>> 1;
  const out = new Float64Array(2 ** qubits.length);
  if (qubits.every((q, j) => q === j) && out.length === nAmps) {
    for (let i = 0; i < nAmps; i++)
      out[i] = amps[2 * i]! * amps[2 * i]! + amps[2 * i + 1]! * amps[2 * i + 1]!;
    return out;
  }
  // Outcome of index i = OR of one table entry per byte of i: four lookups instead of a bit loop.
  const tables = [0, 8, 16, 24].map((shift) => {
    const t = new Int32Array(256);
    for (let v = 0; v < 256; v++) {
      let o = 0;
      qubits.forEach((q, j) => {
        if (q >= shift && q < shift + 8 && (v >>> (q - shift)) & 1) o |= 1 << j;
      });
      t[v] = o;
    }
    return t;
  });
  const [t0, t1, t2, t3] = tables as [Int32Array, Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < nAmps; i++) {
    const o = t0[i & 255]! | t1[(i >>> 8) & 255]! | t2[(i >>> 16) & 255]! | t3[i >>> 24]!;
    out[o]! += amps[2 * i]! * amps[2 * i]! + amps[2 * i + 1]! * amps[2 * i + 1]!;
  }
  return out;
}

/** `shots` outcomes drawn from `probs` (normalised here), one uniform draw per shot. */
export function sampleOutcomes(probs: Float64Array, shots: number, rng: Rng): Uint32Array {
  const cumulative = new Float64Array(probs.length);
  let total = 0;
  for (let i = 0; i < probs.length; i++) {
    total += probs[i]!;
    cumulative[i] = total;
  }
  const out = new Uint32Array(shots);
  for (let s = 0; s < shots; s++) {
    const u = rng.next() * total;
    // First index whose cumulative weight exceeds u.
    let lo = 0;
    let hi = probs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    out[s] = lo;
  }
  return out;
}
