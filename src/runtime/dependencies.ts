// The dependency graph of a distributed program, shared by the timing model and the lowering. Every
// instruction gets one flat index (node = base[q] + i). An edge from → to says `to` waits for
// `from`: for its end (the previous instruction on a slot, the writer of a bit it reads, the earlier
// writer of a bit it measures into), for its start (an earlier reader of the older value of a bit it
// measures into) or for its message (a send and its recv, the k-th send from a to b with the k-th recv
// at b from a).
import type { DistributedProgram, ProgramInstruction } from '../compiler/program.js';
import { QnetError } from '../util/errors.js';
import { bitsRead, bitsWritten, slotsOf } from './instruction-facts.js';

export const END = 0;
export const START = 1;
export const ARRIVE = 2;
export const NONE = -1;

export interface Dependencies {
  readonly base: readonly number[];
  readonly total: number;
  readonly qpuOf: Int32Array;
  readonly insOf: readonly ProgramInstruction[];
  /** Edges leaving each node: target and kind (END, START, ARRIVE). */
  readonly outTarget: readonly (readonly number[])[];
  readonly outKind: readonly (readonly number[])[];
  /** Previous and next instruction on each of the node's slots. */
  readonly slotPrev: readonly (readonly number[])[];
  readonly slotNext: readonly (readonly number[])[];
  /** The two 'ebit' nodes of each e-bit, and the node using each side's half (next on its slot) or NONE. */
  readonly sides: readonly (readonly number[])[];
  readonly userOf: readonly (readonly number[])[];
  /** For a node using e-bit halves: which ([id, side]). */
  readonly usesOf: ReadonlyMap<number, readonly (readonly [number, number])[]>;
}

export function programDependencies(program: DistributedProgram): Dependencies {
  const streams = program.qpus.map((q) => q.instructions);
  // Instructions get one flat index: node = base[q] + i.
  const base: number[] = [];
  let total = 0;
  for (const s of streams) {
    base.push(total);
    total += s.length;
  }
  const qpuOf = new Int32Array(total);
  const insOf: ProgramInstruction[] = [];
  streams.forEach((s, q) => {
    s.forEach((ins, i) => {
      qpuOf[base[q]! + i] = q;
      insOf.push(ins);
    });
  });
  const outTarget: number[][] = Array.from({ length: total }, () => []);
  const outKind: number[][] = Array.from({ length: total }, () => []);
  const slotPrev: number[][] = Array.from({ length: total }, () => []);
  const slotNext: number[][] = Array.from({ length: total }, () => []);
  const edge = (from: number, to: number, kind: number): void => {
    outTarget[from]!.push(to);
    outKind[from]!.push(kind);
  };

  const sides: number[][] = program.ebits.map(() => []);
  const userOf: number[][] = program.ebits.map(() => []);
  const usesOf = new Map<number, [number, number][]>();
  const recvQueues = new Map<string, number[]>();
  streams.forEach((stream, q) => {
    const lastOnSlot = new Map<number, number>();
    const lastWriter = new Map<number, number>();
    const readersSince = new Map<number, number[]>();
    stream.forEach((ins, i) => {
      const n = base[q]! + i;
      for (const s of slotsOf(ins)) {
        const p = lastOnSlot.get(s);
        if (p !== undefined) {
          edge(p, n, END);
          slotPrev[n]!.push(p);
          slotNext[p]!.push(n);
          const pIns = insOf[p]!;
          if (pIns.op === 'ebit') {
            const j = sides[pIns.id]!.indexOf(p);
            userOf[pIns.id]![j] = n;
            usesOf.set(n, [...(usesOf.get(n) ?? []), [pIns.id, j]]);
          }
        }
        lastOnSlot.set(s, n);
      }
      for (const b of bitsRead(ins)) {
        const w = lastWriter.get(b);
        if (w !== undefined) edge(w, n, END);
        const list = readersSince.get(b) ?? [];
        list.push(n);
        readersSince.set(b, list);
      }
      for (const b of bitsWritten(ins)) {
        if (ins.op === 'measure') {
          // The bit keeps its older value for the earlier readers; the new one lands after the old.
          for (const r of readersSince.get(b) ?? []) if (r !== n) edge(r, n, START);
          const w = lastWriter.get(b);
          if (w !== undefined) edge(w, n, END);
        }
        lastWriter.set(b, n);
        readersSince.set(b, []);
      }
      if (ins.op === 'ebit') {
        const list = sides[ins.id];
        if (!list)
          throw badProgram(
            `QPU ${q} instruction ${i} names e-bit ${ins.id}, which the program does not list`,
          );
        list.push(n);
        userOf[ins.id]!.push(NONE);
      } else if (ins.op === 'recv') {
        const key = `${ins.from}>${q}`;
        const list = recvQueues.get(key) ?? [];
        list.push(n);
        recvQueues.set(key, list);
      }
    });
  });
  streams.forEach((stream, q) => {
    const taken = new Map<number, number>();
    stream.forEach((ins, i) => {
      if (ins.op !== 'send') return;
      const c = taken.get(ins.to) ?? 0;
      taken.set(ins.to, c + 1);
      const r = recvQueues.get(`${q}>${ins.to}`)?.[c];
      const rIns = r === undefined ? undefined : insOf[r];
      if (r === undefined || rIns?.op !== 'recv' || rIns.bits.join() !== ins.bits.join()) {
        throw badProgram(
          `QPU ${q} instruction ${i} sends bits [${ins.bits}] to QPU ${ins.to}, which has no matching recv`,
        );
      }
      edge(base[q]! + i, r, ARRIVE);
    });
  });
  for (const [key, list] of recvQueues) {
    const [from, to] = key.split('>').map(Number) as [number, number];
    const sends = streams[from]?.filter((ins) => ins.op === 'send' && ins.to === to).length ?? 0;
    if (list.length > sends) {
      const r = list[sends]!;
      throw badProgram(
        `QPU ${to} instruction ${r - base[to]!} receives from QPU ${from}, which sends nothing to match it`,
      );
    }
  }
  sides.forEach((s, id) => {
    if (s.length !== 2 || qpuOf[s[0]!] === qpuOf[s[1]!])
      throw badProgram(`e-bit ${id} must appear once at each of two QPUs`);
  });
  return { base, total, qpuOf, insOf, outTarget, outKind, slotPrev, slotNext, sides, userOf, usesOf };
}

function badProgram(message: string): QnetError {
  return new QnetError('E_RUNTIME_PROGRAM', message, {
    hint: 'the program is not well formed; if the compiler produced it, please report it',
  });
}
