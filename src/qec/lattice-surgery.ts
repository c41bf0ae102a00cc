// Lattice surgery between rotated surface-code patches in different modules: a two-patch parity
// measurement (merge, then split; Horsman, Fowler, Devitt, Van Meter, NJP 14, 123011 (2012)) and the
// CNOT built from two of them with an ancilla patch (Litinski, Quantum 3, 128 (2019)):
// ancilla A in |+⟩, measure Z_C Z_A (m1), measure X_A X_T (m2), measure A in Z (m3); the Pauli frame
// is Z_C^{m2} X_T^{m1 ⊕ m3}. The frame is folded into the observables, which are therefore the
// corrected logical outputs. Patches are d × d with d odd, one empty data row or column between
// neighbours (the gap that merging fills), so every rectangle shares one checkerboard.
//
// Orientation: a patch's left/right edges carry Z checks and its top/bottom edges X checks. Merging
// across a top/bottom edge (gap row reset in X) makes new Z checks along the seam whose product is
// Z ⊗ Z; merging across a left/right edge (gap column reset in Z) makes new X checks, product X ⊗ X.
// Splitting measures the gap in the basis it was reset in.
import type { Circuit } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import type { HardwareNoise } from './hardware-noise.js';
import { buildSurgeryCircuit, type ObservableTerm, type SurgeryRect } from './lattice-surgery-schedule.js';
import { checkProbability, type StimNoiseKnobs } from './noise-knobs.js';
import { type CheckType, type Point, pointKey, rotatedPatch } from './surface-code-layout.js';
import { resolveNoiseModel } from './surface-code-memory.js';

export type LogicalBit = 0 | 1;

interface CommonOptions {
  /** Code distance, odd and >= 3. */
  distance: number;
  /** Rounds per epoch (before, during and after each merge); default the distance. */
  rounds?: number;
  noise: StimNoiseKnobs | HardwareNoise;
  /** DEPOLARIZE2 probability of each CX between modules (modular-memory's 'direct' scheme). */
  interfaceP: number;
  /** Basis of the inputs and of the final readout. */
  basis: 'z' | 'x';
  /** Input bits in `basis`: |a b⟩, or |±±⟩ with 1 = |−⟩. Default [0, 0]. */
  inputs?: readonly [LogicalBit, LogicalBit];
}

export type LatticeSurgeryZZOptions = CommonOptions;

export interface LatticeSurgeryCnotOptions extends CommonOptions {
  /**
   * Module of the ancilla patch: 0 (with the control; the X_A X_T merge crosses the cut) or 1 (with
   * the target; the Z_C Z_A merge crosses). Default 0.
   */
  ancillaModule?: 0 | 1;
}

/** A lattice-surgery circuit with what its observables must read at zero noise. */
export interface LatticeSurgeryResult {
  readonly circuit: Circuit;
  /** Names of the observables, in order. */
  readonly labels: readonly string[];
  /** Each observable's value at zero noise (raw parity of its records). */
  readonly expected: readonly LogicalBit[];
  /** Per epoch, the first-round records of its random checks (their parity is the merge outcome). */
  readonly mergeRecords: readonly (readonly number[])[];
}

function validate(options: CommonOptions): {
  d: number;
  rounds: number;
  basis: CheckType;
  a: LogicalBit;
  b: LogicalBit;
} {
  const d = options.distance;
  if (!Number.isInteger(d) || d < 3 || d % 2 === 0)
    throw new QnetError('E_QEC_DISTANCE', `lattice surgery needs an odd distance >= 3, got ${d}`, {
      path: ['distance'],
      hint: "with odd d a one-qubit gap keeps both patches on the merged rectangle's checkerboard",
    });
  const rounds = options.rounds ?? d;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new QnetError('E_QEC_ROUNDS', `rounds must be a whole number >= 1, got ${rounds}`, {
      path: ['rounds'],
      hint: 'each merge needs about d rounds to be fault tolerant against measurement errors',
    });
  checkProbability(options.interfaceP, ['interfaceP']);
  resolveNoiseModel(options.noise);
  if (options.basis !== 'z' && options.basis !== 'x')
    throw new QnetError('E_QEC_BASIS', `basis must be 'x' or 'z', got ${String(options.basis)}`, {
      path: ['basis'],
      hint: "'z' prepares |a b⟩ and reads Z; 'x' prepares |±±⟩ and reads X",
    });
  const inputs = options.inputs ?? [0, 0];
  if (!Array.isArray(inputs) || inputs.length !== 2 || inputs.some((bit) => bit !== 0 && bit !== 1))
    throw new QnetError('E_QEC_INPUTS', `inputs must be two bits, got ${JSON.stringify(inputs)}`, {
      path: ['inputs'],
      hint: 'e.g. [1, 0]',
    });
  return { d, rounds, basis: options.basis === 'z' ? 'Z' : 'X', a: inputs[0]!, b: inputs[1]! };
}

const square = (d: number, originX: number, originY: number): SurgeryRect => ({
  width: d,
  height: d,
  originX,
  originY,
});

const keys = (points: readonly Point[]): Set<string> => new Set(points.map(pointKey));

/** Right column of a patch: another support of its logical X (differs by the patch's X checks). */
function rightColumn(r: SurgeryRect): Point[] {
  const x = r.originX + 2 * r.width - 1;
  return rotatedPatch(r).data.filter((p) => p.x === x);
}

/** The d data points of a gap row at doubled height y, or of a gap column at doubled x. */
function gapRow(y: number, originX: number, d: number): Point[] {
  return Array.from({ length: d }, (_, i) => ({ x: originX + 2 * i + 1, y }));
}
function gapColumn(x: number, originY: number, d: number): Point[] {
  return Array.from({ length: d }, (_, j) => ({ x, y: originY + 2 * j + 1 }));
}

const dataTerms = (transition: number, points: readonly Point[]): ObservableTerm[] =>
  points.map((point) => ({ kind: 'data', transition, point }));

/** Pauli gates that prepare input bit 1 on a patch reset in `basis`: the logical of the other type. */
function inputGates(basis: CheckType, bits: readonly [LogicalBit, SurgeryRect][]) {
  return bits
    .filter(([bit]) => bit === 1)
    .map(([, r]) => {
      const p = rotatedPatch(r);
      return basis === 'Z'
        ? { gate: 'x' as const, points: p.logicalX }
        : { gate: 'z' as const, points: p.logicalZ };
    });
}

/**
 * Z_0 Z_1 by merge and split: patch 0 below (module 0), patch 1 above (module 1), the gap row between
 * them on module 1's side, so the seam checks on patch 0's top edge are the ones that straddle the
 * cut. Epochs: apart, merged, apart (each `rounds` rounds), then every data qubit read in `basis`.
 * Observables: in Z, (Z_0 Z_1 from the merge, Z_0, Z_1) reading (a ⊕ b, a, b); in X, X_0 X_1, which
 * commutes with the measurement and so reads a ⊕ b after the split (with the gap qubit the merged
 * patch's logical X runs through).
 */
export function latticeSurgeryZZExperiment(options: LatticeSurgeryZZOptions): LatticeSurgeryResult {
  const { d, rounds, basis, a, b } = validate(options);
  const step = 2 * (d + 1);
  const p0 = square(d, 0, 0);
  const p1 = square(d, 0, step);
  const merged: SurgeryRect = { width: d, height: 2 * d + 1, originX: 0, originY: 0 };
  const row = gapRow(2 * d + 1, 0, d);
  const gap = keys(row);
  const z = basis === 'Z';
  const observables: ObservableTerm[][] = z
    ? [
        // The new seam checks multiply to Z on p0's top row and p1's bottom row; p0's Z checks (all 0
        // after a Z reset) turn its top row into its bottom row, the logical Z.
        [{ kind: 'merge', transition: 1 }],
        dataTerms(3, rotatedPatch(p0).logicalZ),
        dataTerms(3, rotatedPatch(p1).logicalZ),
      ]
    : [
        [
          ...dataTerms(3, rotatedPatch(p0).logicalX),
          ...dataTerms(3, rotatedPatch(p1).logicalX),
          ...dataTerms(2, [row[0]!]),
        ],
      ];
  const built = buildSurgeryCircuit({
    epochs: [
      { rects: [p0, p1], rounds },
      { rects: [merged], rounds },
      { rects: [p0, p1], rounds },
    ],
    // The gap is reset and measured in X, so the X checks it joins stay deterministic.
    resetBasis: (k) => (k === 0 ? basis : 'X'),
    measureBasis: (k, p) => (k === 2 && gap.has(pointKey(p)) ? 'X' : basis),
    inputs: inputGates(basis, [
      [a, p0],
      [b, p1],
    ]),
    observables,
    noise: resolveNoiseModel(options.noise),
    cut: { moduleAt: (p) => (p.y >= 2 * d + 1 ? 1 : 0), interfaceP: options.interfaceP },
  });
  return {
    circuit: built.circuit,
    labels: z ? ['Z_0 Z_1', 'Z_0', 'Z_1'] : ['X_0 X_1'],
    expected: z ? [(a ^ b) as LogicalBit, a, b] : [(a ^ b) as LogicalBit],
    mergeRecords: built.mergeRecords,
  };
}

/** The circuit of latticeSurgeryZZExperiment. */
export function latticeSurgeryZZ(options: LatticeSurgeryZZOptions): Circuit {
  return latticeSurgeryZZExperiment(options).circuit;
}

/**
 * Logical CNOT from control C (module 0) to target T (module 1) through an ancilla patch A placed
 * above C and left of T:
 *
 *   A | T        epochs: 0 all apart; 1 C+A merged (Z_C Z_A); 2 A+T merged (X_A X_T), C apart;
 *   -            3 C and T, A read out in Z as it begins; then C and T read in `basis`.
 *   C
 *
 * Observables: the control and the target in `basis`, the frame folded in. At zero noise they read
 * (a, a ⊕ b) for Z inputs |a b⟩ and (a ⊕ b, b) for X inputs.
 */
export function latticeSurgeryCnotExperiment(options: LatticeSurgeryCnotOptions): LatticeSurgeryResult {
  const { d, rounds, basis, a, b } = validate(options);
  const ancillaModule = options.ancillaModule ?? 0;
  if (ancillaModule !== 0 && ancillaModule !== 1)
    throw new QnetError('E_QEC_MODULES', `ancillaModule must be 0 or 1, got ${String(ancillaModule)}`, {
      path: ['ancillaModule'],
      hint: '0 puts the ancilla with the control, 1 with the target',
    });
  const step = 2 * (d + 1);
  const C = square(d, 0, 0);
  const A = square(d, 0, step);
  const T = square(d, step, step);
  const cA: SurgeryRect = { width: d, height: 2 * d + 1, originX: 0, originY: 0 };
  const aT: SurgeryRect = { width: 2 * d + 1, height: d, originX: 0, originY: step };
  const row = gapRow(2 * d + 1, 0, d);
  const column = gapColumn(2 * d + 1, step, d);
  const aKeys = keys(rotatedPatch(A).data);
  const z = basis === 'Z';
  // The frame (file comment), plus the gap outcomes that carry a logical across a split: the merged
  // patch's logical runs through one gap qubit, whose result the split adds to the pair's parity.
  const observables: ObservableTerm[][] = z
    ? [
        dataTerms(4, rotatedPatch(C).logicalZ),
        [
          ...dataTerms(4, rotatedPatch(T).logicalZ),
          { kind: 'merge', transition: 1 },
          ...dataTerms(3, rotatedPatch(A).logicalZ),
          // The bottom row of the A+T rectangle crosses the gap column at its lowest qubit.
          ...dataTerms(3, [column[0]!]),
        ],
      ]
    : [
        [
          // X_C on C's right column, which meets the gap row at its last qubit; m2 is X on A's right
          // column and T's left column.
          ...dataTerms(4, rightColumn(C)),
          ...dataTerms(2, [row[d - 1]!]),
          { kind: 'merge', transition: 2 },
        ],
        dataTerms(4, rotatedPatch(T).logicalX),
      ];
  const cut = 2 * d + 1;
  const built = buildSurgeryCircuit({
    epochs: [
      { rects: [C, A, T], rounds },
      { rects: [cA, T], rounds },
      { rects: [C, aT], rounds },
      { rects: [C, T], rounds },
    ],
    // Ancilla in |+⟩; the gap row (Z⊗Z merge) in X, the gap column (X⊗X merge) in Z.
    resetBasis: (k, p) => (k === 0 ? (aKeys.has(pointKey(p)) ? 'X' : basis) : k === 1 ? 'X' : 'Z'),
    // Transition 2 reads the gap row in X, 3 the gap column and A in Z, 4 the outputs.
    measureBasis: (k) => (k === 2 ? 'X' : k === 3 ? 'Z' : basis),
    inputs: inputGates(basis, [
      [a, C],
      [b, T],
    ]),
    observables,
    noise: resolveNoiseModel(options.noise),
    // Ancilla with the control: the cut is the gap column; with the target: the gap row.
    cut: {
      moduleAt: ancillaModule === 0 ? (p) => (p.x >= cut ? 1 : 0) : (p) => (p.y >= cut ? 1 : 0),
      interfaceP: options.interfaceP,
    },
  });
  return {
    circuit: built.circuit,
    labels: z ? ['Z_C', 'Z_T'] : ['X_C', 'X_T'],
    expected: z ? [a, (a ^ b) as LogicalBit] : [(a ^ b) as LogicalBit, b],
    mergeRecords: built.mergeRecords,
  };
}

/** The circuit of latticeSurgeryCnotExperiment. */
export function latticeSurgeryCnot(options: LatticeSurgeryCnotOptions): Circuit {
  return latticeSurgeryCnotExperiment(options).circuit;
}
