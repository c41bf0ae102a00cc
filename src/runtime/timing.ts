// When each instruction of a distributed program runs, on the kernel's event loop. The model is
// dataflow per slot, as a QPU controller that drives every qubit line on its own:
// - an instruction starts once the previous instruction on each of its slots has ended, the bits it
//   reads are present at its QPU (a measurement's bit at its end, a received bit on arrival: the
//   sender's start plus the classical delay) and, for a measurement, the earlier instructions of
//   its stream that read the bit's older value have started and its earlier writer has ended;
//   operations on unrelated slots never wait for each other, whatever their order in the stream;
// - a 'recv' happens when its message arrives, a 'send' as soon as its bits are present;
// - an 'ebit' also waits for its pair. Each link makes pairs one after another (at most `parallel`
//   at a time) with exponential waiting times of mean 1/rate — a renewal process, one seeded stream
//   per link whatever the policy — and may start a pair only once both designated slots are free
//   (the previous instruction on each has ended). Among pairs allowed to start, the link serves the
//   lowest e-bit id (program order) first.
// - A pair is *needed* when the first instruction that uses it (the next instruction on the e-bit's
//   slot, at either end) has all its other inputs ready: its other slots free and its bits present;
//   another e-bit half it also uses counts as ready (it is made on demand too), and the pair is never
//   needed before both its slots are free. With lookahead the runtime reads the program ahead and
//   starts generation as soon as both slots are free; without, on demand, when the pair is needed.
// - Afterwards, local gates at the head of a qubit's life (unconditioned gates whose every slot
//   predecessor is another such gate or none: the qubit is fresh) move as late as their successors
//   allow (ALAP): a qubit need not be prepared at t = 0, and nothing else moves.
import type { DistributedProgram, ProgramInstruction } from '../compiler/program.js';
import { Simulation } from '../kernel/index.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { PS_PER_S } from '../util/units.js';
import { END, NONE, programDependencies, START } from './dependencies.js';
import { durationPs, releasesSlot, slotsOf } from './instruction-facts.js';
import { linkOfEbits, type RuntimeNetwork } from './network.js';

export interface Timeline {
  /** Start and end of every instruction, [qpu][index], ps. An 'ebit' starts and ends when its stream takes the pair. */
  readonly start: readonly Float64Array[];
  readonly end: readonly Float64Array[];
  /** Instructions sorted by start time: a causal order (every dependency comes earlier). */
  readonly order: readonly (readonly [number, number])[];
  /** When each e-bit's pair was ready at both ends. */
  readonly readyPs: Float64Array;
  /** When each e-bit's pair was first needed (see the model above; the same moment in both policies). */
  readonly neededPs: Float64Array;
  /** Whether the pair was ready when first needed. */
  readonly readyWhenNeeded: readonly boolean[];
  readonly makespanPs: number;
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
  const { base, total, qpuOf, insOf, outTarget, outKind, slotPrev, slotNext, sides, userOf, usesOf } =
    programDependencies(program);
  const durs = new Float64Array(total);
  for (let n = 0; n < total; n++) durs[n] = durationPs(insOf[n]!, network.qpus[qpuOf[n]!]!);
  // Per node: inputs not yet known, all of them and those not from an 'ebit'; messages' delays.
  const pendingAll = new Int32Array(total);
  const pendingOther = new Int32Array(total);
  const delayOf = new Float64Array(total);
  for (let n = 0; n < total; n++) {
    const fromEbit = insOf[n]!.op === 'ebit';
    for (const to of outTarget[n]!) {
      pendingAll[to]!++;
      if (!fromEbit) pendingOther[to]!++;
    }
    const ins = insOf[n]!;
    if (ins.op === 'send') {
      const q = qpuOf[n]!;
      delayOf[n] = checkDelay(network.classicalDelayPs(q, ins.to), q, ins.to);
    }
  }

  const start = new Float64Array(total).fill(UNKNOWN);
  const end = new Float64Array(total).fill(UNKNOWN);
  const order: number[] = [];
  const tAll = new Float64Array(total);
  const tOther = new Float64Array(total);
  const nE = program.ebits.length;
  const readyPs = new Float64Array(nE).fill(UNKNOWN);
  // Per e-bit side: when its slot is free, and when its user has every other input.
  const slotFree = new Float64Array(2 * nE).fill(UNKNOWN);
  const need = new Float64Array(2 * nE).fill(UNKNOWN);
  const candidate = new Uint8Array(2 * nE);
  const enqueued = new Uint8Array(nE);

  const sim = new Simulation({ rng });
  const links = network.links.map((l, i) => ({
    parallel: l.parallel ?? 1,
    busy: 0,
    pending: [] as number[],
    meanPs: PS_PER_S / l.rateHz,
    rng: rng.child(`link/${i}`),
  }));

  const scheduleStart = (n: number, t: number): void => {
    const at = Math.max(t, sim.nowPs);
    sim.schedule(at, () => startAt(n, at));
  };

  const pairReady = (id: number): void => {
    for (const n of sides[id]!) if (pendingAll[n] === 0) scheduleStart(n, Math.max(tAll[n]!, readyPs[id]!));
  };

  const dispatch = (link: number): void => {
    const L = links[link]!;
    while (L.busy < L.parallel && L.pending.length > 0) {
      L.pending.sort((a, b) => a - b);
      const id = L.pending.shift()!;
      L.busy++;
      const wait = Number.isFinite(L.meanPs) ? Math.round(L.rng.exponential(L.meanPs)) : 0;
      readyPs[id] = sim.nowPs + wait;
      pairReady(id);
      sim.schedule(readyPs[id]!, () => {
        L.busy--;
        dispatch(link);
      });
    }
  };

  const enqueue = (id: number): void => {
    if (enqueued[id]) return;
    enqueued[id] = 1;
    links[linkOf[id]!]!.pending.push(id);
    dispatch(linkOf[id]!);
  };

  /** Schedules the moments generation may start, once they are known (the first to fire wins). */
  const maybeEligible = (id: number): void => {
    if (enqueued[id]) return;
    const a = slotFree[2 * id]!;
    const b = slotFree[2 * id + 1]!;
    if (a === UNKNOWN || b === UNKNOWN) return;
    const free = Math.max(a, b);
    const users = userOf[id]!;
    if (lookahead || (users[0] === NONE && users[1] === NONE)) {
      if (candidate[2 * id]) return;
      candidate[2 * id] = 1;
      sim.schedule(Math.max(free, sim.nowPs), () => enqueue(id));
      return;
    }
    for (let j = 0; j < 2; j++) {
      const t = need[2 * id + j]!;
      if (t === UNKNOWN || candidate[2 * id + j]) continue;
      candidate[2 * id + j] = 1;
      sim.schedule(Math.max(free, t, sim.nowPs), () => enqueue(id));
    }
  };

  /** One of n's inputs is known: its time is t. */
  const relax = (n: number, t: number, fromEbit: boolean): void => {
    if (t > tAll[n]!) tAll[n] = t;
    pendingAll[n]!--;
    if (!fromEbit) {
      if (t > tOther[n]!) tOther[n] = t;
      if (--pendingOther[n]! === 0) otherInputsReady(n);
    }
    if (pendingAll[n] === 0) allInputsReady(n);
  };

  const otherInputsReady = (n: number): void => {
    for (const [id, j] of usesOf.get(n) ?? []) {
      need[2 * id + j] = tOther[n]!;
      maybeEligible(id);
    }
  };

  const allInputsReady = (n: number): void => {
    const ins = insOf[n]!;
    if (ins.op !== 'ebit') {
      scheduleStart(n, tAll[n]!);
      return;
    }
    const j = sides[ins.id]![0] === n ? 0 : 1;
    slotFree[2 * ins.id + j] = tAll[n]!;
    maybeEligible(ins.id);
    if (readyPs[ins.id] !== UNKNOWN) scheduleStart(n, Math.max(tAll[n]!, readyPs[ins.id]!));
  };

  const startAt = (n: number, t: number): void => {
    start[n] = t;
    end[n] = t + durs[n]!;
    order.push(n);
    const fromEbit = insOf[n]!.op === 'ebit';
    const targets = outTarget[n]!;
    const kinds = outKind[n]!;
    for (let e = 0; e < targets.length; e++) {
      const kind = kinds[e]!;
      const at = kind === END ? end[n]! : kind === START ? t : t + delayOf[n]!;
      relax(targets[e]!, at, fromEbit);
    }
  };

  for (let n = 0; n < total; n++) {
    if (pendingOther[n] === 0) otherInputsReady(n);
    if (pendingAll[n] === 0) allInputsReady(n);
  }
  sim.run();
  for (let q = 0; q < k; q++) {
    for (let i = 0; i < streams[q]!.length; i++) {
      if (start[base[q]! + i] !== UNKNOWN) continue;
      throw new QnetError(
        'E_RUNTIME_DEADLOCK',
        `QPU ${program.qpus[q]!.name} is stuck at instruction ${i} (${streams[q]![i]!.op}): it waits for something no stream will provide`,
        { hint: 'every recv needs an earlier send and every e-bit both ends; check the program' },
      );
    }
  }

  alapLeadingGates(insOf, slotPrev, slotNext, start, end, durs, order);
  const stableOrder = order.map((n, pos) => [n, pos] as const);
  stableOrder.sort((x, y) => start[x[0]]! - start[y[0]]! || x[1] - y[1]);

  let makespanPs = 0;
  for (let n = 0; n < total; n++) makespanPs = Math.max(makespanPs, end[n]!);
  const neededPs = new Float64Array(nE);
  const readyWhenNeeded: boolean[] = [];
  for (let id = 0; id < nE; id++) {
    const free = Math.max(slotFree[2 * id]!, slotFree[2 * id + 1]!);
    let first = Number.POSITIVE_INFINITY;
    for (let j = 0; j < 2; j++) if (userOf[id]![j] !== NONE) first = Math.min(first, need[2 * id + j]!);
    neededPs[id] = Number.isFinite(first) ? Math.max(free, first) : free;
    readyWhenNeeded.push(readyPs[id]! <= neededPs[id]!);
  }
  const split = (all: Float64Array): Float64Array[] =>
    streams.map((s, q) => all.slice(base[q]!, base[q]! + s.length));
  return {
    start: split(start),
    end: split(end),
    order: stableOrder.map(([n]) => [qpuOf[n]!, n - base[qpuOf[n]!]!] as const),
    readyPs,
    neededPs,
    readyWhenNeeded,
    makespanPs,
  };
}

/**
 * Moves every local gate at the head of a qubit's life as late as its successors allow, latest
 * first (`order` is by start time, so walking it backwards sees successors first). A head gate is
 * an unconditioned gate whose slot predecessors are head gates or slot releases (the qubit is fresh).
 * Only slot successors depend on such a gate, and none of them moves earlier, so nothing is delayed.
 */
function alapLeadingGates(
  insOf: readonly ProgramInstruction[],
  slotPrev: readonly (readonly number[])[],
  slotNext: readonly (readonly number[])[],
  start: Float64Array,
  end: Float64Array,
  durs: Float64Array,
  order: readonly number[],
): void {
  const head = new Uint8Array(insOf.length);
  for (const n of order) {
    const ins = insOf[n]!;
    if ((ins.op !== 'gate' && ins.op !== 'diag') || ins.condition) continue;
    if (slotPrev[n]!.every((p) => head[p] === 1 || releasesSlot(insOf[p]!))) head[n] = 1;
  }
  for (let pos = order.length - 1; pos >= 0; pos--) {
    const n = order[pos]!;
    if (!head[n]) continue;
    const next = slotNext[n]!;
    // A slot nobody touches afterwards keeps its gate where it is; an e-bit never lands on a live qubit.
    if (next.length < slotsOf(insOf[n]!).length || next.some((s) => insOf[s]!.op === 'ebit')) continue;
    let latest = Number.POSITIVE_INFINITY;
    for (const s of next) latest = Math.min(latest, start[s]!);
    if (latest > end[n]!) {
      end[n] = latest;
      start[n] = latest - durs[n]!;
    }
  }
}

function checkDelay(d: number, a: number, b: number): number {
  if (!(Number.isSafeInteger(d) && d >= 0)) {
    throw new QnetError('E_RUNTIME_NETWORK', `classical delay from QPU ${a} to QPU ${b} is ${d} ps`, {
      hint: 'classical delays are non-negative integer picoseconds',
    });
  }
  return d;
}
