// Test helpers: a naive dense state-vector evaluator of the circuit IR (each gate's table matrix
// applied in turn) and the independent npm simulator `quantum-circuit` run on OpenQASM text, so
// tests can compare amplitudes from our parser + gate table with a program nobody here wrote.
// Not a test file itself (no `.test.ts` ending) and free of Node APIs, so any layer's tests may
// import it.
// @ts-expect-error quantum-circuit ships no type declarations; the shape used is declared below.
import QuantumCircuitModule from 'quantum-circuit';
import { applyMatrix, gateOrThrow } from '../gates/index.js';
import type { Circuit, Instruction } from './ir.js';

interface QuantumCircuitLike {
  numQubits: number;
  state: Record<number, { re: number; im: number }>;
  importQASM(text: string, onErrors: (errors: unknown[]) => void): void;
  run(): void;
}
const QuantumCircuit = QuantumCircuitModule as new () => QuantumCircuitLike;

/** State vector (re/im interleaved, qubit q = bit q of the index) after the circuit's gates. */
export function simulate(circuit: Circuit, numQubits = circuit.numQubits): Float64Array {
  if (numQubits > 20) throw new Error(`refusing to simulate ${numQubits} qubits densely`);
  const state = new Float64Array(2 << numQubits);
  state[0] = 1;
  const run = (list: readonly Instruction[]): void => {
    for (const ins of list) {
      if (ins.kind === 'gate') {
        if (ins.condition) throw new Error('simulate: conditions need measurements');
        const g = gateOrThrow(ins.gate);
        const m = g.matrix(ins.params);
        for (let i = 0; i < ins.targets.length; i += g.arity)
          applyMatrix(state, m, ins.targets.slice(i, i + g.arity));
      } else if (ins.kind === 'repeat') {
        for (let r = 0; r < ins.count; r++) run(ins.body);
      } else if (ins.kind !== 'barrier' && ins.kind !== 'tick') {
        throw new Error(`simulate: ${ins.kind} is not unitary`);
      }
    }
  };
  run(circuit.instructions);
  return state;
}

/**
 * The circuit without its measurements if they are all terminal (no later operation touches a
 * measured qubit) and nothing is conditioned or reset: then the pre-measurement state decides
 * every probability. Undefined otherwise.
 */
export function withoutTerminalMeasurements(circuit: Circuit): Circuit | undefined {
  const measured = new Set<number>();
  const kept: Instruction[] = [];
  for (const ins of circuit.instructions) {
    if (ins.kind === 'measure') {
      if (ins.condition) return undefined;
      for (const q of ins.targets) measured.add(q);
      continue;
    }
    if (ins.kind === 'reset' || ins.kind === 'repeat') return undefined;
    if (ins.kind === 'gate') {
      if (ins.condition || ins.targets.some((q) => measured.has(q))) return undefined;
    }
    if (ins.kind === 'barrier') continue;
    kept.push(ins);
  }
  return { ...circuit, instructions: kept };
}

/**
 * quantum-circuit's state for OpenQASM 2 text (measurements should be removed first: it samples
 * them), in the same layout as `simulate`; undefined if it cannot import the text.
 */
export function quantumCircuitState(qasm: string): Float64Array | undefined {
  const qc = new QuantumCircuit();
  let failed = false;
  try {
    qc.importQASM(qasm, (errors) => {
      if (errors.length > 0) failed = true;
    });
    if (failed) return undefined;
    qc.run();
  } catch {
    return undefined;
  }
  const out = new Float64Array(2 << qc.numQubits);
  for (const [k, v] of Object.entries(qc.state)) {
    out[2 * Number(k)] = v.re;
    out[2 * Number(k) + 1] = v.im;
  }
  return out;
}

/** Largest amplitude difference after removing the best global phase (Infinity on size mismatch). */
export function distanceUpToPhase(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  // ⟨b|a⟩ / |⟨b|a⟩| is the phase that best aligns b with a.
  let re = 0;
  let im = 0;
  for (let k = 0; k < a.length; k += 2) {
    re += b[k]! * a[k]! + b[k + 1]! * a[k + 1]!;
    im += b[k]! * a[k + 1]! - b[k + 1]! * a[k]!;
  }
  const norm = Math.hypot(re, im) || 1;
  const c = re / norm;
  const s = im / norm;
  let worst = 0;
  for (let k = 0; k < a.length; k += 2) {
    const br = c * b[k]! - s * b[k + 1]!;
    const bi = c * b[k + 1]! + s * b[k]!;
    worst = Math.max(worst, Math.hypot(a[k]! - br, a[k + 1]! - bi));
  }
  return worst;
}

/** JSON with object keys sorted, so that key order does not count as a difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** An instruction with `line` numbers dropped, for comparing a parse with a re-parse. */
function withoutLines(ins: Instruction): unknown {
  const { line: _line, ...rest } = ins as Instruction & { line?: number };
  if (rest.kind === 'repeat') return { ...rest, body: rest.body.map(withoutLines) };
  return rest;
}

/**
 * Differences between two circuits' registers and instructions (parameters compared to `tol`),
 * as readable lines; empty when they agree.
 */
export function circuitDifferences(a: Circuit, b: Circuit, tol = 1e-12): string[] {
  const out: string[] = [];
  if (a.numQubits !== b.numQubits) out.push(`numQubits ${a.numQubits} vs ${b.numQubits}`);
  if (a.numBits !== b.numBits) out.push(`numBits ${a.numBits} vs ${b.numBits}`);
  if (canonical(a.qregs) !== canonical(b.qregs)) out.push('qregs differ');
  if (canonical(a.cregs) !== canonical(b.cregs)) out.push('cregs differ');
  if (a.instructions.length !== b.instructions.length) {
    out.push(`${a.instructions.length} vs ${b.instructions.length} instructions`);
  }
  const n = Math.min(a.instructions.length, b.instructions.length);
  for (let i = 0; i < n && out.length < 5; i++) {
    const x = a.instructions[i]!;
    const y = b.instructions[i]!;
    const px = x.kind === 'gate' ? x.params : [];
    const py = y.kind === 'gate' ? y.params : [];
    const sx = canonical(withoutLines(x.kind === 'gate' ? { ...x, params: [] } : x));
    const sy = canonical(withoutLines(y.kind === 'gate' ? { ...y, params: [] } : y));
    const close = px.length === py.length && px.every((v, k) => Math.abs(v - py[k]!) <= tol);
    if (sx !== sy || !close)
      out.push(`#${i}: ${canonical(withoutLines(x))} vs ${canonical(withoutLines(y))}`);
  }
  return out;
}
