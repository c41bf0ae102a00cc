// The life of every slot: which instructions touched it, grouped into occupancies (from the first
// operation after the slot was free to the unconditioned reset or measure-and-reset that frees it),
// and which occupancies held a data qubit. Gives the idle time of data qubits.
import type { DistributedProgram } from '../compiler/program.js';
import { releasesSlot, slotsOf } from './instruction-facts.js';
import type { Timeline } from './timing.js';

export interface Occupancy {
  readonly qpu: number;
  readonly slot: number;
  /** Instruction indices in this QPU's stream, in order. */
  readonly ops: number[];
  /** The e-bit whose half opened it, if one did. */
  readonly ebit: number | undefined;
  /** From when it held a data qubit (−Infinity: from the start; undefined: never). */
  dataFromPs: number | undefined;
}

/** When the slot is busy with instruction i: an 'ebit' marks the moment its half exists (pair ready). */
export function busyInterval(
  program: DistributedProgram,
  timeline: Timeline,
  q: number,
  i: number,
): [number, number] {
  const ins = program.qpus[q]!.instructions[i]!;
  if (ins.op === 'ebit') return [timeline.readyPs[ins.id]!, timeline.readyPs[ins.id]!];
  return [timeline.start[q]![i]!, timeline.end[q]![i]!];
}

export function occupancies(program: DistributedProgram): Occupancy[] {
  const all: Occupancy[] = [];
  program.qpus.forEach((qp, q) => {
    const open = new Map<number, Occupancy>();
    qp.instructions.forEach((ins, i) => {
      for (const slot of slotsOf(ins)) {
        let occ = open.get(slot);
        if (!occ) {
          occ = {
            qpu: q,
            slot,
            ops: [],
            ebit: ins.op === 'ebit' ? ins.id : undefined,
            dataFromPs: undefined,
          };
          occ.dataFromPs = occ.ebit === undefined ? Number.NEGATIVE_INFINITY : undefined;
          open.set(slot, occ);
          all.push(occ);
        }
        occ.ops.push(i);
        if (releasesSlot(ins)) open.delete(slot);
      }
    });
  });
  return all;
}

/**
 * Marks teleported data: a data occupancy freed by a measure-and-reset whose last two-qubit partner
 * was an e-bit half hands its data qubit to that e-bit's far half (teleportation sends it there),
 * from the end of that measurement.
 */
export function markTeleportedData(program: DistributedProgram, timeline: Timeline, occs: Occupancy[]): void {
  const byEbitSide = new Map<string, Occupancy>();
  for (const o of occs) if (o.ebit !== undefined) byEbitSide.set(`${o.ebit}/${o.qpu}`, o);
  const at = new Map<string, Occupancy>();
  for (const o of occs) for (const i of o.ops) at.set(`${o.qpu}/${o.slot}/${i}`, o);
  let changed = true;
  while (changed) {
    changed = false;
    for (const o of occs) {
      if (o.dataFromPs === undefined) continue;
      const stream = program.qpus[o.qpu]!.instructions;
      const last = o.ops[o.ops.length - 1]!;
      const lastIns = stream[last]!;
      if (lastIns.op !== 'measure' || !releasesSlot(lastIns)) continue;
      const pairOp = [...o.ops].reverse().find((i) => slotsOf(stream[i]!).length === 2);
      if (pairOp === undefined) continue;
      const other = slotsOf(stream[pairOp]!).find((s) => s !== o.slot);
      const partner = other === undefined ? undefined : at.get(`${o.qpu}/${other}/${pairOp}`);
      if (partner?.ebit === undefined) continue;
      const spec = program.ebits[partner.ebit]!;
      const farQpu = spec.qpus[0] === o.qpu ? spec.qpus[1] : spec.qpus[0];
      const far = byEbitSide.get(`${partner.ebit}/${farQpu}`);
      const from = timeline.end[o.qpu]![last]!;
      if (far && (far.dataFromPs === undefined || far.dataFromPs > from)) {
        far.dataFromPs = from;
        changed = true;
      }
    }
  }
}

/**
 * Idle time of data qubits, ps: over every occupancy holding a data qubit, the gaps between
 * consecutive operations on its slot (from the end of one to the start of the next), counted only
 * from when the occupancy held data. Time before a qubit's first operation and after its last is not
 * idle: a qubit need not be initialised at t = 0, its first operation can be scheduled as late as
 * possible without delaying anything (the timeline already moves the local gates at the head of a
 * qubit's life ALAP, see timing.ts). A teleported qubit is idle in its new slot from the moment it
 * left the old.
 */
export function dataIdlePs(
  program: DistributedProgram,
  timeline: Timeline,
  occs: readonly Occupancy[],
): number {
  let total = 0;
  for (const o of occs) {
    if (o.dataFromPs === undefined) continue;
    for (let k = 1; k < o.ops.length; k++) {
      const [, prevEnd] = busyInterval(program, timeline, o.qpu, o.ops[k - 1]!);
      const [nextStart] = busyInterval(program, timeline, o.qpu, o.ops[k]!);
      total += Math.max(0, nextStart - Math.max(prevEnd, o.dataFromPs));
    }
  }
  return total;
}
