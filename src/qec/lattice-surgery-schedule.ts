// Lattice surgery as a schedule of epochs: in each epoch a set of rectangles of rotated surface code is
// measured for some rounds; between epochs data qubits appear (reset in X or Z) or leave (measured in
// X or Z). Merging two patches is an epoch whose rectangle covers both and the gap between them;
// splitting is the next epoch with the patches apart again (Horsman, Fowler, Devitt, Van Meter, NJP 14,
// 123011 (2012)). Detectors follow from one rule per check at the first round of an epoch: a check
// whose measure qubit and type were there before is compared with its last value, corrected by the
// removed data it lost (measured in its own basis); data it gained must have been reset in its basis.
// A check without such a predecessor is deterministic only when all its data were just reset in its
// basis; otherwise it is random (the new seam checks of a merge, whose product is the measured
// logical parity). A check that ends at a transition (or at the final readout) is compared with its
// data when they were all read in its basis.
import type { Circuit, Instruction } from '../circuit/ir.js';
import { withInterfaceNoise } from './modular-memory.js';
import { gate, type IndexedStabiliser, measure, syndromeRound } from './surface-code-circuit.js';
import {
  type CheckType,
  type Point,
  pointKey,
  rotatedPatch,
  type Stabiliser,
  stabiliserData,
} from './surface-code-layout.js';
import type { NoiseModel } from './surface-code-noise.js';

/** A rectangle of rotated surface code on the doubled grid (see rotatedPatch). */
export interface SurgeryRect {
  readonly width: number;
  readonly height: number;
  readonly originX: number;
  readonly originY: number;
}

export interface SurgeryEpoch {
  readonly rects: readonly SurgeryRect[];
  readonly rounds: number;
}

/** A term of an observable: a data qubit's result at a transition, or a merge outcome. */
export type ObservableTerm =
  | { readonly kind: 'data'; readonly transition: number; readonly point: Point }
  | { readonly kind: 'merge'; readonly transition: number };

export interface SurgerySchedule {
  readonly epochs: readonly SurgeryEpoch[];
  /**
   * Reset basis of a data qubit appearing at transition k (0 = start; k is the index of the epoch it
   * appears in).
   */
  readonly resetBasis: (transition: number, p: Point) => CheckType;
  /** Measurement basis of a data qubit leaving at transition k (epochs.length = the final readout). */
  readonly measureBasis: (transition: number, p: Point) => CheckType;
  /** Pauli gates applied to data right after the first reset (logical input states). */
  readonly inputs?: readonly { readonly gate: 'x' | 'z'; readonly points: readonly Point[] }[];
  readonly observables: readonly (readonly ObservableTerm[])[];
  readonly noise: NoiseModel;
  /**
   * Module of each qubit and the interface noise; a CX between qubits of different modules is a nonlocal gate whose noise is
   * DEPOLARIZE2(interfaceP) (the 'direct' scheme of modular-memory.ts). Without it all is one module.
   */
  readonly cut?: { readonly moduleAt: (p: Point) => number; readonly interfaceP: number };
}

interface LiveCheck {
  readonly type: CheckType;
  readonly data: ReadonlySet<string>;
  /** Absolute record index of its last measurement. */
  readonly record: number;
}

/** What a schedule produced besides the circuit: the merge outcomes' records, for tests and reports. */
export interface SurgeryCircuit {
  readonly circuit: Circuit;
  /** Per transition, the first-round records of its random checks (their parity is the merge outcome). */
  readonly mergeRecords: readonly (readonly number[])[];
  readonly numMeasurements: number;
}

const byYThenXPoint = (a: Point, b: Point): number => a.y - b.y || a.x - b.x;

function rectStabilisers(epoch: SurgeryEpoch): Stabiliser[] {
  return epoch.rects.flatMap((r) => rotatedPatch(r).stabilisers);
}

function rectData(epoch: SurgeryEpoch): Point[] {
  return epoch.rects.flatMap((r) => rotatedPatch(r).data);
}

/** Builds the circuit of a schedule (no REPEAT folding: every round is written out). */
export function buildSurgeryCircuit(schedule: SurgerySchedule): SurgeryCircuit {
  const { epochs } = schedule;
  // Dense numbering of every point used by any epoch, row-major.
  const points = new Map<string, Point>();
  for (const e of epochs) {
    for (const p of rectData(e)) points.set(pointKey(p), p);
    for (const s of rectStabilisers(e)) points.set(pointKey(s.ancilla), s.ancilla);
  }
  const ordered = [...points.values()].sort(byYThenXPoint);
  const indexOf = new Map(ordered.map((p, i) => [pointKey(p), i]));
  const idx = (p: Point): number => {
    const i = indexOf.get(pointKey(p));
    if (i === undefined) throw new Error(`no qubit at (${p.x}, ${p.y})`);
    return i;
  };

  const cut = schedule.cut;
  const noise = cut
    ? withInterfaceNoise(
        schedule.noise,
        (a, b) => cut.moduleAt(ordered[a]!) !== cut.moduleAt(ordered[b]!),
        cut.interfaceP,
      )
    : schedule.noise;
  const out: Instruction[] = ordered.map((p, i) => ({
    kind: 'qubit_coords',
    targets: [i],
    coords: [p.x, p.y],
  }));
  let records = 0;
  const detector = (abs: readonly number[], coords: number[]): void => {
    out.push({ kind: 'detector', lookbacks: abs.map((a) => records - a).sort((a, b) => a - b), coords });
  };
  // Record index of each data qubit's measurement, per transition.
  const dataRecord = new Map<string, number>();
  const mergeRecords: number[][] = [];
  let live = new Map<string, LiveCheck>();
  let prevData = new Set<string>();
  let prevAncillas = new Set<string>();
  let roundIndex = 0;

  const measureData = (k: number, leaving: Point[]): Map<string, CheckType> => {
    const basisOf = new Map<string, CheckType>();
    for (const basis of ['Z', 'X'] as const) {
      const group = leaving.filter((p) => schedule.measureBasis(k, p) === basis);
      if (group.length === 0) continue;
      const targets = group.map(idx);
      out.push(...noise.beforeMeasure(basis, targets), measure(basis, targets, false));
      group.forEach((p, i) => {
        dataRecord.set(`${k}/${pointKey(p)}`, records + i);
        basisOf.set(pointKey(p), basis);
      });
      records += group.length;
    }
    return basisOf;
  };

  for (let k = 0; k <= epochs.length; k++) {
    const epoch = epochs[k];
    const data = epoch ? rectData(epoch).sort(byYThenXPoint) : [];
    const dataKeys = new Set(data.map(pointKey));
    const leaving = [...prevData].filter((key) => !dataKeys.has(key)).map((key) => points.get(key)!);
    leaving.sort(byYThenXPoint);
    out.push({ kind: 'tick' });
    const measuredBasis = measureData(k, leaving);
    const stabilisers = epoch
      ? rectStabilisers(epoch).sort((a, b) => a.ancilla.x - b.ancilla.x || a.ancilla.y - b.ancilla.y)
      : [];
    const continuing = new Set(stabilisers.map((s) => `${s.type}@${pointKey(s.ancilla)}`));
    // A check that ends here is compared with the data it covered when they were all read in its basis.
    for (const [key, c] of live) {
      if (continuing.has(`${c.type}@${key}`)) continue;
      if (![...c.data].every((q) => measuredBasis.get(q) === c.type)) continue;
      const p = points.get(key)!;
      detector([c.record, ...[...c.data].map((q) => dataRecord.get(`${k}/${q}`)!)], [p.x, p.y, roundIndex]);
    }
    if (!epoch) break;
    const arriving = data.filter((p) => !prevData.has(pointKey(p)));
    const resetBasis = new Map<string, CheckType>();
    for (const basis of ['Z', 'X'] as const) {
      const group = arriving.filter((p) => schedule.resetBasis(k, p) === basis);
      for (const p of group) resetBasis.set(pointKey(p), basis);
      const targets = group.map(idx);
      if (targets.length > 0)
        out.push({ kind: 'reset', basis, targets }, ...noise.afterReset(basis, targets));
    }
    if (k === 0)
      for (const input of schedule.inputs ?? []) out.push(...gate(input.gate, input.points.map(idx)));
    const newAncillas = stabilisers
      .map((s) => s.ancilla)
      .filter((p) => !prevAncillas.has(pointKey(p)))
      .map(idx)
      .sort((a, b) => a - b);
    if (newAncillas.length > 0)
      out.push({ kind: 'reset', basis: 'Z', targets: newAncillas }, ...noise.afterReset('Z', newAncillas));

    const indexed: IndexedStabiliser[] = stabilisers.map((s) => ({
      type: s.type,
      ancilla: idx(s.ancilla),
      coords: s.ancilla,
      layers: s.layers.map((q) => (q === undefined ? undefined : idx(q))),
    }));
    const byAncilla = new Map(stabilisers.map((s) => [idx(s.ancilla), s]));
    const active = [...data.map(idx), ...indexed.map((s) => s.ancilla)].sort((a, b) => a - b);
    const round = syndromeRound({ allQubits: active, data: data.map(idx), stabilisers: indexed, noise });
    const random: number[] = [];
    for (let r = 0; r < epoch.rounds; r++) {
      out.push(...round.instructions);
      const base = records;
      records += round.measurementsPerRound;
      const next = new Map<string, LiveCheck>();
      for (const c of round.checks) {
        const s = byAncilla.get(c.ancillas[0]!)!;
        const key = pointKey(s.ancilla);
        const abs = base + c.records[0]!;
        const dataSet = new Set(stabiliserData(s).map(pointKey));
        next.set(key, { type: s.type, data: dataSet, record: abs });
        const coords = [s.ancilla.x, s.ancilla.y, roundIndex];
        if (r > 0) {
          detector([abs, live.get(key)!.record], coords);
          continue;
        }
        const before = live.get(key);
        const terms = firstRoundTerms(s.type, dataSet, before, resetBasis, measuredBasis);
        if (terms === undefined) random.push(abs);
        else
          detector(
            [
              abs,
              ...terms.flatMap((t) => (t === 'prev' ? [before!.record] : [dataRecord.get(`${k}/${t}`)!])),
            ],
            coords,
          );
      }
      live = next;
      roundIndex++;
    }
    mergeRecords.push(random);
    prevData = dataKeys;
    prevAncillas = new Set(stabilisers.map((s) => pointKey(s.ancilla)));
  }

  schedule.observables.forEach((terms, index) => {
    const abs: number[] = [];
    for (const t of terms) {
      if (t.kind === 'merge') {
        const m = mergeRecords[t.transition];
        if (m === undefined || m.length === 0)
          throw new Error(`transition ${t.transition} has no merge outcome`);
        abs.push(...m);
      } else {
        const a = dataRecord.get(`${t.transition}/${pointKey(t.point)}`);
        if (a === undefined)
          throw new Error(`data (${t.point.x}, ${t.point.y}) is not measured at transition ${t.transition}`);
        abs.push(a);
      }
    }
    out.push({ kind: 'observable', index, lookbacks: abs.map((a) => records - a).sort((a, b) => a - b) });
  });

  return {
    circuit: {
      numQubits: ordered.length,
      numBits: 0,
      qregs: [],
      cregs: [],
      instructions: out,
      source: { format: 'ir' },
    },
    mergeRecords,
    numMeasurements: records,
  };
}

/**
 * The records (besides the check's own) whose parity the first-round value of a check must equal, or
 * undefined when that value is random. 'prev' stands for the check's last value before the transition,
 * a point key for a data qubit measured at the transition.
 */
function firstRoundTerms(
  type: CheckType,
  data: ReadonlySet<string>,
  before: LiveCheck | undefined,
  resetBasis: ReadonlyMap<string, CheckType>,
  measuredBasis: ReadonlyMap<string, CheckType>,
): ('prev' | string)[] | undefined {
  if (before === undefined || before.type !== type)
    return [...data].every((q) => resetBasis.get(q) === type) ? [] : undefined;
  const terms: ('prev' | string)[] = ['prev'];
  for (const q of data) if (!before.data.has(q) && resetBasis.get(q) !== type) return undefined;
  for (const q of before.data) {
    if (data.has(q)) continue;
    if (measuredBasis.get(q) !== type) return undefined;
    terms.push(q);
  }
  return terms;
}
