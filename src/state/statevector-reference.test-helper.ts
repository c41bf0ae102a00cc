// Test helpers for the state-vector engine: random states, random gate sequences over the whole gate
// table, and the naive reference (each gate's full table matrix applied with the gate table's own
// `applyMatrix`), which shares no code with the engine's kernels, fusion or blocking.
import { applyMatrix, GATES, type GateEntry } from '../gates/index.js';
import type { Rng } from '../util/rng.js';

export interface TestGate {
  gate: string;
  targets: number[];
  params: number[];
}

/** A normalised state with random complex amplitudes. */
export function randomState(numQubits: number, rng: Rng): Float64Array {
  const a = new Float64Array(2 << numQubits);
  let norm = 0;
  for (let i = 0; i < a.length; i++) {
    a[i] = rng.normal();
    norm += a[i]! * a[i]!;
  }
  for (let i = 0; i < a.length; i++) a[i]! /= Math.sqrt(norm);
  return a;
}

/** `count` distinct qubits below numQubits, in random order. */
export function randomQubits(count: number, numQubits: number, rng: Rng): number[] {
  const pool = Array.from({ length: numQubits }, (_, q) => q);
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(numQubits - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

export function randomCall(g: GateEntry, numQubits: number, rng: Rng): TestGate {
  return {
    gate: g.name,
    targets: randomQubits(g.arity, numQubits, rng),
    params: g.paramNames.map(() => rng.uniform(-2 * Math.PI, 2 * Math.PI)),
  };
}

/** Random gates drawn from `pool` (default: every table gate that fits in the register). */
export function randomGates(
  numQubits: number,
  count: number,
  rng: Rng,
  pool: readonly GateEntry[] = GATES,
): TestGate[] {
  const fits = pool.filter((g) => g.arity <= numQubits);
  return Array.from({ length: count }, () => randomCall(fits[rng.int(fits.length)]!, numQubits, rng));
}

/** The reference: full matrices applied one by one to a copy of `initial`. */
export function referenceRun(
  initial: Float64Array,
  gates: readonly TestGate[],
  table: (name: string) => GateEntry,
): Float64Array {
  const state = initial.slice();
  for (const g of gates) applyMatrix(state, table(g.gate).matrix(g.params), g.targets);
  return state;
}

export function maxDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}
