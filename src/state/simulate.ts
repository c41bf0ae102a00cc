// `qnet simulate`: picks an engine for a circuit, then gives exact outcome probabilities or sampled
// counts. Outcomes are OpenQASM bit strings (highest classical bit first) or, for circuits without
// classical bits (Stim), the measurement record in order.
import type { Circuit, GateOp, Instruction } from '../circuit/ir.js';
import { isClifford } from '../gates/index.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { getBit } from './bit-table.js';
import { DensityEngine, MAX_DENSITY_QUBITS } from './density.js';
import type { StateEngine } from './engine.js';
import { exactDistribution } from './exact-distribution.js';
import { sampleMeasurements } from './frame.js';
import { runShot, type ShotResult } from './run-circuit.js';
import { StabilizerEngine } from './stabilizer.js';
import { MAX_STATEVECTOR_QUBITS, StatevectorEngine } from './statevector.js';

export type SimulatorName = 'statevector' | 'density' | 'stabilizer';
export const SIMULATORS: readonly SimulatorName[] = ['statevector', 'density', 'stabilizer'];

export const DEFAULT_SHOTS = 1024;

/** Clifford circuits above this size go to the tableau: it is exact and far cheaper than 2^n amplitudes. */
export const AUTO_STABILIZER_ABOVE_QUBITS = 20;

export interface SimulateOptions {
  engine?: SimulatorName | undefined;
  shots?: number | undefined;
  probabilities?: boolean | undefined;
  seed: number | string;
}

export interface SimulateResult {
  engine: SimulatorName;
  qubits: number;
  shots?: number;
  counts?: Record<string, number>;
  probabilities?: Record<string, number>;
}

function* gatesOf(ops: readonly Instruction[]): Generator<GateOp> {
  for (const op of ops) {
    if (op.kind === 'gate') yield op;
    else if (op.kind === 'repeat') yield* gatesOf(op.body);
  }
}

/** The first gate that is not Clifford, or undefined for a Clifford circuit. */
export function firstNonClifford(circuit: Circuit): GateOp | undefined {
  for (const g of gatesOf(circuit.instructions)) if (!isClifford(g.gate, g.params)) return g;
  return undefined;
}

export function chooseSimulator(circuit: Circuit, requested?: SimulatorName): SimulatorName {
  const n = circuit.numQubits;
  const nonClifford = firstNonClifford(circuit);
  const where = (g: GateOp) => ({
    ...(circuit.source?.file ? { file: circuit.source.file } : {}),
    ...(g.line ? { line: g.line } : {}),
  });
  if (requested === 'stabilizer' && nonClifford) {
    throw new QnetError(
      'E_ENGINE',
      `the stabilizer engine runs Clifford circuits only; '${nonClifford.gate}' is not Clifford`,
      {
        ...where(nonClifford),
        hint: 'use --engine statevector (up to 30 qubits), or leave --engine out to choose automatically',
      },
    );
  }
  if (requested === 'statevector' && n > MAX_STATEVECTOR_QUBITS) {
    throw new QnetError(
      'E_TOO_LARGE',
      `the circuit has ${n} qubits; the statevector engine holds at most ${MAX_STATEVECTOR_QUBITS}`,
      {
        ...(circuit.source?.file ? { file: circuit.source.file } : {}),
        hint: nonClifford
          ? 'no engine here simulates a non-Clifford circuit this large'
          : 'use --engine stabilizer: the circuit is Clifford',
      },
    );
  }
  if (requested === 'density' && n > MAX_DENSITY_QUBITS) {
    throw new QnetError(
      'E_TOO_LARGE',
      `the circuit has ${n} qubits; the density engine holds at most ${MAX_DENSITY_QUBITS}`,
      {
        ...(circuit.source?.file ? { file: circuit.source.file } : {}),
        hint: 'use --engine statevector: noise is then sampled per shot (or branched with --probabilities)',
      },
    );
  }
  if (requested) return requested;
  if (!nonClifford && n > AUTO_STABILIZER_ABOVE_QUBITS) return 'stabilizer';
  if (n <= MAX_STATEVECTOR_QUBITS) return 'statevector';
  throw new QnetError(
    'E_TOO_LARGE',
    `no engine can run this circuit: ${n} qubits and a non-Clifford gate '${nonClifford!.gate}'`,
    {
      ...where(nonClifford!),
      hint: `the statevector engine holds at most ${MAX_STATEVECTOR_QUBITS} qubits; the stabilizer engine needs Clifford gates only`,
    },
  );
}

/** A fresh engine of the named kind on `numQubits` qubits in |0…0⟩. */
export function createEngine(name: SimulatorName, numQubits: number): StateEngine {
  if (name === 'stabilizer') return new StabilizerEngine(numQubits);
  if (name === 'density') return new DensityEngine(numQubits);
  return new StatevectorEngine(numQubits);
}

function keyOf(circuit: Circuit, shot: ShotResult): string {
  if (circuit.numBits > 0) {
    let s = '';
    for (let i = shot.bits.length - 1; i >= 0; i--) s += shot.bits[i] ? '1' : '0';
    return s;
  }
  return shot.record.join('');
}

/** The map as a plain record with its keys in sorted order (stable JSON output). */
export function sortedRecord(map: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...map.keys()].sort()) out[key] = map.get(key)!;
  return out;
}

/** True when nothing random happens before the final measurements: one distribution serves every shot. */
function isTerminalOnly(ops: readonly Instruction[]): boolean {
  let measured = false;
  for (const op of ops) {
    switch (op.kind) {
      case 'measure':
        if (op.reset || op.flipProbability > 0 || op.condition || op.basis !== 'Z') return false;
        measured = true;
        break;
      case 'gate':
        if (measured || op.condition || op.recordControl !== undefined) return false;
        break;
      case 'reset':
      case 'noise':
      case 'repeat':
        return false;
      default:
        break;
    }
  }
  return true;
}

/** Draws `shots` outcomes from an exact distribution (inverse transform over the sorted outcomes). */
export function sampleFromDistribution(
  dist: Map<string, number>,
  shots: number,
  rng: Rng,
): Map<string, number> {
  const keys = [...dist.keys()].sort();
  const cumulative = new Float64Array(keys.length);
  let total = 0;
  keys.forEach((k, i) => {
    total += dist.get(k)!;
    cumulative[i] = total;
  });
  const counts = new Map<string, number>();
  for (let s = 0; s < shots; s++) {
    const u = rng.next() * total;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    const key = keys[lo]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function hasClassicalConditions(ops: readonly Instruction[]): boolean {
  return ops.some((op) =>
    op.kind === 'repeat' ? hasClassicalConditions(op.body) : 'condition' in op && op.condition !== undefined,
  );
}

/** Keys of frame-sampled shots: records mapped onto OpenQASM bits (last write wins), or the record itself. */
function framedCounts(circuit: Circuit, shots: number, rng: Rng): Map<string, number> {
  const table = sampleMeasurements(circuit, shots, rng);
  const bitOfRecord: number[] = [];
  const visit = (ops: readonly Instruction[]): void => {
    for (const op of ops) {
      if (op.kind === 'measure')
        for (let i = 0; i < op.targets.length; i++) bitOfRecord.push(op.bits?.[i] ?? -1);
      else if (op.kind === 'repeat') for (let r = 0; r < op.count; r++) visit(op.body);
    }
  };
  visit(circuit.instructions);
  const counts = new Map<string, number>();
  const bits = new Uint8Array(circuit.numBits);
  for (let shot = 0; shot < shots; shot++) {
    let key = '';
    if (circuit.numBits > 0) {
      bits.fill(0);
      bitOfRecord.forEach((b, k) => {
        if (b >= 0) bits[b] = getBit(table, shot, k);
      });
      for (let i = bits.length - 1; i >= 0; i--) key += bits[i] ? '1' : '0';
    } else {
      for (let k = 0; k < table.bitsPerShot; k++) key += getBit(table, shot, k) ? '1' : '0';
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function simulateCircuit(circuit: Circuit, options: SimulateOptions): SimulateResult {
  const engine = chooseSimulator(circuit, options.engine);
  const n = circuit.numQubits;
  const result: SimulateResult = { engine, qubits: n };
  const rng = Rng.fromSeed(options.seed);
  let dist: Map<string, number> | undefined;
  const exact = () => {
    dist ??= exactDistribution(() => createEngine(engine, n), circuit);
    return dist;
  };
  if (options.probabilities) result.probabilities = sortedRecord(exact());
  const shots = options.shots ?? (options.probabilities ? 0 : DEFAULT_SHOTS);
  if (shots > 0) {
    result.shots = shots;
    let counts: Map<string, number>;
    if (engine === 'statevector' && isTerminalOnly(circuit.instructions)) {
      counts = sampleFromDistribution(exact(), shots, rng.child('shots'));
    } else if (engine === 'stabilizer' && !hasClassicalConditions(circuit.instructions)) {
      counts = framedCounts(circuit, shots, rng.child('frames'));
    } else {
      counts = new Map();
      for (let s = 0; s < shots; s++) {
        const key = keyOf(circuit, runShot(createEngine(engine, n), circuit, rng.child(`shot/${s}`)));
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    result.counts = sortedRecord(counts);
  }
  return result;
}
