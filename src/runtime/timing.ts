// When each instruction of a distributed program runs, on the kernel's event loop. The model:
// - each QPU issues its stream in order (an instruction cannot start before its predecessor has
//   started) but overlaps operations on disjoint slots, as a controller playing one stream does;
// - an instruction also waits for the earlier instructions on its slots to end and for the bits it
//   reads to be present at its QPU (a measurement's bit at its end, a received bit on arrival: the
//   sender's start plus the classical delay);
// - an 'ebit' waits for its pair. Each link makes pairs one after another (at most `parallel` at a
//   time) with exponential waiting times of mean 1/rate — a renewal process — and may start a pair
//   only once both designated slots are free. With lookahead the runtime reads ahead: generation
//   starts as soon as both slots are free. Without, it starts when both streams have reached the
//   'ebit' (issued everything before it and freed the slot). Among pairs allowed to start, the link
//   serves the lowest e-bit id (program order) first.
import type { DistributedProgram, ProgramInstruction } from '../compiler/program.js';
import { Simulation } from '../kernel/index.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { PS_PER_S } from '../util/units.js';
import { bitsRead, bitsWritten, durationPs, slotsOf } from './instruction-facts.js';
import { linkOfEbits, type RuntimeNetwork } from './network.js';

export interface Timeline {
  /** Start and end of every instruction, [qpu][index], ps. An 'ebit' starts and ends when its stream takes the pair. */
  readonly start: readonly Float64Array[];
  readonly end: readonly Float64Array[];
  /** Instructions in the order they started: a causal order (every dependency comes earlier). */
  readonly order: readonly (readonly [number, number])[];
  /** When each e-bit's pair was ready at both ends. */
  readonly readyPs: Float64Array;
  /** Whether the pair was ready by the time the later of its two streams reached the 'ebit'. */
  readonly readyOnArrival: readonly boolean[];
  readonly makespanPs: number;
}

interface Side {
  qpu: number;
  index: number;
}

const UNKNOWN = -1;

/** Runs the timing model once; `rng` draws the links' waiting times (one child stream per link). */
export function simulateTiming(
  program: DistributedProgram,
  network: RuntimeNetwork,
  lookahead: boolean,
  rng: Rng,
): Timeline {
  const k = program.qpus.length;
  const streams = program.qpus.map((q) => q.instructions);
  const linkOf = linkOfEbits(program, network);
  const start = streams.map((s) => new Float64Array(s.length).fill(UNKNOWN));
  const end = streams.map((s) => new Float64Array(s.length).fill(UNKNOWN));
  const order: [number, number][] = [];

  // Static structure: previous instruction on each slot, writers of the bits read, send ↔ recv pairs,
  // e-bit sides.
  const prevOnSlot: number[][][] = [];
  const writers: number[][][] = [];
  const sides: Side[][] = program.ebits.map(() => []);
  const recvOf: (Side | undefined)[][] = streams.map((s) => new Array<Side | undefined>(s.length));
  const recvQueues = new Map<string, Side[]>();
  streams.forEach((stream, q) => {
    const lastOnSlot = new Map<number, number>();
    const lastWriter = new Map<number, number>();
    prevOnSlot.push([]);
    writers.push([]);
    stream.forEach((ins, i) => {
      prevOnSlot[q]!.push(slotsOf(ins).map((s) => lastOnSlot.get(s) ?? UNKNOWN));
      writers[q]!.push(bitsRead(ins).map((b) => lastWriter.get(b) ?? UNKNOWN));
      for (const s of slotsOf(ins)) lastOnSlot.set(s, i);
      for (const b of bitsWritten(ins)) lastWriter.set(b, i);
      if (ins.op === 'ebit') {
        const list = sides[ins.id];
        if (!list)
          throw badProgram(
            `QPU ${q} instruction ${i} names e-bit ${ins.id}, which the program does not list`,
          );
        list.push({ qpu: q, index: i });
      } else if (ins.op === 'recv') {
        const key = `${ins.from}>${q}`;
        const list = recvQueues.get(key) ?? [];
        list.push({ qpu: q, index: i });
        recvQueues.set(key, list);
      }
    });
  });
  streams.forEach((stream, q) => {
    const taken = new Map<number, number>();
    stream.forEach((ins, i) => {
      if (ins.op !== 'send') return;
      const n = taken.get(ins.to) ?? 0;
      taken.set(ins.to, n + 1);
      const r = recvQueues.get(`${q}>${ins.to}`)?.[n];
      const rIns = r && streams[r.qpu]![r.index];
      if (!r || rIns?.op !== 'recv' || rIns.bits.join() !== ins.bits.join()) {
        throw badProgram(
          `QPU ${q} instruction ${i} sends bits [${ins.bits}] to QPU ${ins.to}, which has no matching recv`,
        );
      }
      recvOf[q]![i] = r;
    });
  });
  for (const [key, list] of recvQueues) {
    const [from, to] = key.split('>').map(Number) as [number, number];
    const sends = streams[from]?.filter((ins) => ins.op === 'send' && ins.to === to).length ?? 0;
    if (list.length > sends) {
      const r = list[sends]!;
      throw badProgram(
        `QPU ${to} instruction ${r.index} receives from QPU ${from}, which sends nothing to match it`,
      );
    }
  }
  sides.forEach((s, id) => {
    if (s.length !== 2 || s[0]!.qpu === s[1]!.qpu)
      throw badProgram(`e-bit ${id} must appear once at each of two QPUs`);
  });

  const arrival = streams.map((s) => new Float64Array(s.length).fill(UNKNOWN));
  const readyPs = new Float64Array(program.ebits.length).fill(UNKNOWN);
  const slotFree = sides.map((s) => s.map(() => UNKNOWN));
  const reach = sides.map((s) => s.map(() => UNKNOWN));
  const enqueued = new Uint8Array(program.ebits.length);
  // Each e-bit side waits for the instruction before it on its slot; index them by that instruction.
  const freesEbit = new Map<string, [number, number][]>();
  sides.forEach((list, id) => {
    list.forEach((side, j) => {
      const before = prevOnSlot[side.qpu]![side.index]![0]!;
      if (before === UNKNOWN) slotFree[id]![j] = 0;
      else {
        const key = `${side.qpu}/${before}`;
        freesEbit.set(key, [...(freesEbit.get(key) ?? []), [id, j]]);
      }
    });
  });

  const cursor = new Array<number>(k).fill(0);
  const prevStart = new Array<number>(k).fill(0);
  const scheduled = new Array<boolean>(k).fill(false);
  const sim = new Simulation({ rng });
  const links = network.links.map((l, i) => ({
    parallel: l.parallel ?? 1,
    busy: 0,
    pending: [] as number[],
    meanPs: PS_PER_S / l.rateHz,
    rng: rng.child(`link/${i}`),
  }));

  const dispatch = (link: number): void => {
    const L = links[link]!;
    while (L.busy < L.parallel && L.pending.length > 0) {
      L.pending.sort((a, b) => a - b);
      const id = L.pending.shift()!;
      L.busy++;
      const wait = Number.isFinite(L.meanPs) ? Math.round(L.rng.exponential(L.meanPs)) : 0;
      readyPs[id] = sim.nowPs + wait;
      sim.schedule(readyPs[id]!, () => {
        L.busy--;
        dispatch(link);
        advanceAll();
      });
    }
  };

  const maybeEligible = (id: number): void => {
    if (enqueued[id]) return;
    const gate = lookahead ? slotFree[id]! : reach[id]!;
    if (gate[0] === UNKNOWN || gate[1] === UNKNOWN) return;
    enqueued[id] = 1;
    // Slots are free (or streams arrive) no earlier than now: times only become known at their causes.
    sim.schedule(Math.max(gate[0]!, gate[1]!, sim.nowPs), () => {
      links[linkOf[id]!]!.pending.push(id);
      dispatch(linkOf[id]!);
    });
  };

  const startAt = (q: number, i: number, t: number): void => {
    const ins = streams[q]![i]!;
    const d = durationPs(ins, network.qpus[q]!);
    start[q]![i] = t;
    end[q]![i] = t + d;
    order.push([q, i]);
    prevStart[q] = t;
    cursor[q] = i + 1;
    scheduled[q] = false;
    for (const [id, j] of freesEbit.get(`${q}/${i}`) ?? []) {
      slotFree[id]![j] = t + d;
      maybeEligible(id);
    }
    if (ins.op === 'send') {
      const r = recvOf[q]![i]!;
      arrival[r.qpu]![r.index] = t + checkDelay(network.classicalDelayPs(q, ins.to), q, ins.to);
    }
  };

  /** Start time of instruction i of stream q if every dependency is known, else undefined. */
  const readyTime = (q: number, i: number, ins: ProgramInstruction): number | undefined => {
    let t = prevStart[q]!;
    for (const p of prevOnSlot[q]![i]!) if (p !== UNKNOWN) t = Math.max(t, end[q]![p]!);
    for (const w of writers[q]![i]!) {
      if (w === UNKNOWN) continue;
      const at = streams[q]![w]!.op === 'recv' ? arrival[q]![w]! : end[q]![w]!;
      if (at === UNKNOWN) return undefined;
      t = Math.max(t, at);
    }
    if (ins.op === 'ebit') {
      const j = sides[ins.id]![0]!.qpu === q ? 0 : 1;
      if (reach[ins.id]![j] === UNKNOWN) {
        reach[ins.id]![j] = t;
        maybeEligible(ins.id);
      }
      if (readyPs[ins.id] === UNKNOWN) return undefined;
      t = Math.max(t, readyPs[ins.id]!);
    }
    return t;
  };

  const advance = (q: number): void => {
    if (scheduled[q]) return;
    const i = cursor[q]!;
    const ins = streams[q]![i];
    if (!ins) return;
    const t = readyTime(q, i, ins);
    if (t === undefined) return;
    scheduled[q] = true;
    const at = Math.max(t, sim.nowPs);
    sim.schedule(at, () => {
      startAt(q, i, at);
      advanceAll();
    });
  };
  function advanceAll(): void {
    for (let q = 0; q < k; q++) advance(q);
  }

  // Pairs whose slots were never used may start at once.
  for (let id = 0; id < sides.length; id++) maybeEligible(id);
  advanceAll();
  sim.run();
  cursor.forEach((c, q) => {
    if (c < streams[q]!.length) {
      throw new QnetError(
        'E_RUNTIME_DEADLOCK',
        `QPU ${program.qpus[q]!.name} is stuck at instruction ${c} (${streams[q]![c]!.op}): it waits for something no stream will provide`,
        { hint: 'every recv needs an earlier send and every e-bit both ends; check the program' },
      );
    }
  });
  let makespanPs = 0;
  for (const e of end) for (const t of e) makespanPs = Math.max(makespanPs, t);
  const readyOnArrival = sides.map((_, id) => readyPs[id]! <= Math.max(reach[id]![0]!, reach[id]![1]!));
  return { start, end, order, readyPs, readyOnArrival, makespanPs };
}

function checkDelay(d: number, a: number, b: number): number {
  if (!(Number.isSafeInteger(d) && d >= 0)) {
    throw new QnetError('E_RUNTIME_NETWORK', `classical delay from QPU ${a} to QPU ${b} is ${d} ps`, {
      hint: 'classical delays are non-negative integer picoseconds',
    });
  }
  return d;
}

function badProgram(message: string): QnetError {
  return new QnetError('E_RUNTIME_PROGRAM', message, {
    hint: 'the program is not well formed; if the compiler produced it, please report it',
  });
}
