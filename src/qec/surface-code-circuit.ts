// Generic pieces of a surface-code memory experiment: one round of syndrome extraction for any set of
// stabilisers (four CX layers between two Hadamard layers on the X checks, then MR, as Stim's
// generator lays it out), and the assembly of rounds into a memory experiment with detectors
// (first round: checks of the memory's basis alone; later rounds: each check against the round before;
// end: checks of the basis against the final data measurement) and the logical observable.
import type { Circuit, Instruction } from '../circuit/ir.js';
import type { CheckType, Point } from './surface-code-layout.js';
import type { NoiseModel, ResetBasis } from './surface-code-noise.js';

/** A stabiliser on numbered qubits. */
export interface IndexedStabiliser {
  readonly type: CheckType;
  readonly ancilla: number;
  readonly coords: Point;
  /** Data qubit per CX layer, undefined where absent. */
  readonly layers: readonly (number | undefined)[];
}

/** A check as the detectors see it: which records of a round give its value, which data qubits it covers. */
export interface CheckRecord {
  readonly type: CheckType;
  readonly coords: Point;
  readonly data: readonly number[];
  /** Positions among the round's measurements whose parity is the check's value. */
  readonly records: readonly number[];
  /** The measure qubits read for it (one, or two for a check split across a cut). */
  readonly ancillas: readonly number[];
}

/** One round of syndrome extraction: its instructions (starting with TICK) and where each check lands. */
export interface RoundCircuit {
  readonly instructions: readonly Instruction[];
  readonly measurementsPerRound: number;
  /** In the order of the repeated-round detectors. */
  readonly checks: readonly CheckRecord[];
}

export const tick = (): Instruction => ({ kind: 'tick' });

export function gate(name: string, targets: readonly number[]): Instruction[] {
  return targets.length === 0 ? [] : [{ kind: 'gate', gate: name, targets: [...targets], params: [] }];
}

export function measure(basis: ResetBasis, targets: readonly number[], reset: boolean): Instruction {
  return { kind: 'measure', basis, targets: [...targets], flipProbability: 0, reset };
}

/** Qubits of `all` not in `busy`, in `all`'s order. */
export function idleQubits(all: readonly number[], busy: Iterable<number>): number[] {
  const set = new Set(busy);
  return all.filter((q) => !set.has(q));
}

/** The CX targets of each of the four layers: X checks control data, Z checks are targets. */
export function cxLayers(stabilisers: readonly IndexedStabiliser[]): number[][] {
  const layers: number[][] = [[], [], [], []];
  // Stim lists the X checks' CXs of a layer before the Z checks', each group in coordinate order.
  for (const type of ['X', 'Z'] as const) {
    for (const s of stabilisers) {
      if (s.type !== type) continue;
      s.layers.forEach((q, k) => {
        if (q === undefined) return;
        const layer = layers[k];
        if (layer === undefined)
          throw new Error(`stabiliser at (${s.coords.x}, ${s.coords.y}) has more than 4 layers`);
        if (type === 'X') layer.push(s.ancilla, q);
        else layer.push(q, s.ancilla);
      });
    }
  }
  return layers;
}

export interface RoundSpec {
  /** Every qubit of the circuit (for idle noise), in index order. */
  readonly allQubits: readonly number[];
  readonly data: readonly number[];
  /** Stabilisers in coordinate order (x, then y), which fixes the order of CXs within a layer. */
  readonly stabilisers: readonly IndexedStabiliser[];
  readonly noise: NoiseModel;
  /** Instructions placed after the round's opening TICK and data noise, before the first Hadamards. */
  readonly prelude?: readonly Instruction[];
}

/** One standard round: Stim's layout of H, four CX layers, H, MR, with the noise model's additions. */
export function syndromeRound(spec: RoundSpec): RoundCircuit {
  const { allQubits, data, stabilisers, noise } = spec;
  const xAncillas = stabilisers
    .filter((s) => s.type === 'X')
    .map((s) => s.ancilla)
    .sort((a, b) => a - b);
  const out: Instruction[] = [tick(), ...noise.beforeRound(data), ...(spec.prelude ?? [])];
  const hadamards = (): void => {
    out.push(...gate('h', xAncillas), ...noise.afterGate1(xAncillas));
    out.push(...noise.idle('gate1', idleQubits(allQubits, xAncillas)));
  };
  hadamards();
  for (const layer of cxLayers(stabilisers)) {
    out.push(tick(), ...gate('cx', layer), ...noise.afterGate2(layer));
    out.push(...noise.idle('gate2', idleQubits(allQubits, layer)));
  }
  out.push(tick());
  hadamards();
  return closeRound(out, spec, 0);
}

/**
 * The end of a round: MR of every measure qubit (after `earlierMeasurements` taken earlier in the
 * round), with its noise, and one check record per stabiliser in ancilla order.
 */
export function closeRound(
  out: Instruction[],
  spec: Pick<RoundSpec, 'allQubits' | 'stabilisers' | 'noise'>,
  earlierMeasurements: number,
): RoundCircuit {
  const { allQubits, stabilisers, noise } = spec;
  const ancillas = stabilisers.map((s) => s.ancilla).sort((a, b) => a - b);
  out.push(tick(), ...noise.beforeMeasure('Z', ancillas), measure('Z', ancillas, true));
  out.push(...noise.afterReset('Z', ancillas), ...noise.idle('measure', idleQubits(allQubits, ancillas)));
  const position = new Map(ancillas.map((q, i) => [q, earlierMeasurements + i]));
  const checks: CheckRecord[] = [...stabilisers]
    .sort((a, b) => a.ancilla - b.ancilla)
    .map((s) => ({
      type: s.type,
      coords: s.coords,
      data: s.layers.filter((q): q is number => q !== undefined),
      records: [position.get(s.ancilla)!],
      ancillas: [s.ancilla],
    }));
  return { instructions: out, measurementsPerRound: earlierMeasurements + ancillas.length, checks };
}

export interface MemorySpec {
  readonly numQubits: number;
  /** QUBIT_COORDS annotations, one per qubit, in index order. */
  readonly coords: readonly (readonly [number, readonly number[]])[];
  /** Data qubits in index order: the order of the final measurement. */
  readonly data: readonly number[];
  /** Qubits reset in Z at the start besides the data (measure qubits, link qubits), in index order. */
  readonly ancillas: readonly number[];
  readonly round: RoundCircuit;
  /** Data qubits whose final results make the logical observable. */
  readonly observable: readonly number[];
  readonly basis: 'x' | 'z';
  readonly rounds: number;
  readonly noise: NoiseModel;
}

/** A memory experiment: reset, `rounds` rounds (the later ones folded into REPEAT), final data readout. */
export function assembleMemory(spec: MemorySpec): Circuit {
  const { round, rounds, noise } = spec;
  const basis: ResetBasis = spec.basis === 'x' ? 'X' : 'Z';
  const type: CheckType = basis;
  const M = round.measurementsPerRound;
  const chosen = round.checks
    .filter((c) => c.type === type)
    .sort((a, b) => a.coords.x - b.coords.x || a.coords.y - b.coords.y);
  const head: Instruction[] = spec.coords.map(([q, c]) => ({
    kind: 'qubit_coords',
    targets: [q],
    coords: [...c],
  }));
  head.push({ kind: 'reset', basis, targets: [...spec.data] }, ...noise.afterReset(basis, spec.data));
  head.push(
    { kind: 'reset', basis: 'Z', targets: [...spec.ancillas] },
    ...noise.afterReset('Z', spec.ancillas),
  );
  head.push(...round.instructions);
  for (const c of chosen)
    head.push({
      kind: 'detector',
      lookbacks: c.records.map((r) => M - r),
      coords: [c.coords.x, c.coords.y, 0],
    });

  const body: Instruction[] = [...round.instructions, { kind: 'shift_coords', coords: [0, 0, 1] }];
  for (const c of round.checks)
    body.push({
      kind: 'detector',
      lookbacks: [...c.records.map((r) => M - r), ...c.records.map((r) => 2 * M - r)],
      coords: [c.coords.x, c.coords.y, 0],
    });

  const D = spec.data.length;
  const dataPosition = new Map(spec.data.map((q, i) => [q, i]));
  const dataLookback = (q: number): number => {
    const i = dataPosition.get(q);
    if (i === undefined) throw new Error(`qubit ${q} is not a data qubit`);
    return D - i;
  };
  const tail: Instruction[] = [...noise.beforeMeasure(basis, spec.data), measure(basis, spec.data, false)];
  for (const c of chosen) {
    const lookbacks = [...c.data.map(dataLookback), ...c.records.map((r) => D + M - r)].sort((a, b) => a - b);
    tail.push({ kind: 'detector', lookbacks, coords: [c.coords.x, c.coords.y, 1] });
  }
  tail.push({
    kind: 'observable',
    index: 0,
    lookbacks: spec.observable.map(dataLookback).sort((a, b) => a - b),
  });

  // Stim's circuit * n: nothing for 0, the body itself for 1, a REPEAT block beyond.
  const repeated: Instruction[] =
    rounds - 1 === 0 ? [] : rounds - 1 === 1 ? body : [{ kind: 'repeat', count: rounds - 1, body }];
  return {
    numQubits: spec.numQubits,
    numBits: 0,
    qregs: [],
    cregs: [],
    instructions: [...head, ...repeated, ...tail],
    source: { format: 'ir' },
  };
}
