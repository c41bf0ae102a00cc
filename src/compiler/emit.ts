// Turns an allocation into per-QPU instruction streams. Remote diagonal gates use cat-entanglement
// (Eisert, Jacobs, Papadopoulos, Plenio, PRA 62, 052317, 2000): a copy of the qubit's Z value is
// made at the remote QPU with one e-bit and one classical bit, serves every diagonal gate there
// until the qubit next meets a non-diagonal operation, and is then undone by an X measurement and a
// Z correction at home. A qubit whose home changes between slices is teleported (one e-bit, two
// bits). Copies to non-neighbours travel hop by hop, so a copy tree spans a Steiner tree of links.
import type { Condition } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import type { Allocation } from './allocation.js';
import type { DiagonalOp, DistCircuit } from './dist-ir.js';
import type {
  BitCondition,
  DistributedProgram,
  EbitSpec,
  ProgramInstruction,
  QubitPlace,
} from './program.js';
import type { Topology } from './topology.js';
import { shortestPaths } from './topology-paths.js';

/**
 * The qubits of one QPU. Freed qubits queue up and the one free the longest is taken first, so
 * successive e-bits land on different qubits and a runtime with lookahead can make the next pair
 * while the previous one is still in use.
 */
class SlotPool {
  private readonly free: number[] = [];
  private head = 0;
  used = 0;
  constructor(readonly size: number) {
    for (let s = 0; s < size; s++) this.free.push(s);
  }
  take(): number | undefined {
    if (this.head === this.free.length) return undefined;
    const s = this.free[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.free.length) {
      this.free.splice(0, this.head);
      this.head = 0;
    }
    this.used = Math.max(this.used, s + 1);
    return s;
  }
  give(slot: number): void {
    this.free.push(slot);
  }
  get available(): number {
    return this.free.length - this.head;
  }
}

interface Copy {
  qubit: number;
  qpu: number;
  slot: number;
}

export class ProgramEmitter {
  private readonly streams: ProgramInstruction[][];
  private readonly pools: SlotPool[];
  private readonly place: QubitPlace[] = [];
  /** Open cat copies per qubit, in the order they were opened. */
  private readonly copies: Copy[][];
  /** Per QPU, open copies held there, least recently used first. */
  private readonly copiesAt: Copy[][];
  /** Indices of the diagonal ops of each qubit, in order. */
  private readonly diagsOf: number[][];
  /** Copies that must not be closed to free a qubit: the one being copied from, or one a gate waits on. */
  private readonly guard = new Set<Copy>();
  /** QPUs holding the current value of each classical bit. */
  private readonly holders: Set<number>[] = [];
  private readonly ebits: EbitSpec[] = [];
  private readonly next: number[][];
  private readonly hops: number[][];
  private nextBit: number;
  private nextAlias: number;
  private readonly sourceBits: number;
  /** The id holding each source bit's current value. */
  private readonly alias: number[];
  private readonly remainingMeasures: Map<number, number>;
  private remoteGates = 0;
  private catCopies = 0;
  private teleportations = 0;

  constructor(
    private readonly dc: DistCircuit,
    private readonly topology: Topology,
    /** Move a gate to where the copies it needs are already open (see `diag`); 'reuse' also breaks ties by reuse. */
    private readonly reroute: boolean | 'reuse' = false,
  ) {
    const k = topology.names.length;
    this.streams = Array.from({ length: k }, () => []);
    this.pools = topology.capacity.map((c, i) => new SlotPool(c + (topology.commQubits[i] ?? 0)));
    this.copies = Array.from({ length: dc.numQubits }, () => []);
    this.diagsOf = Array.from({ length: dc.numQubits }, () => []);
    dc.ops.forEach((op, i) => {
      if (op.kind === 'diag') for (const q of op.qubits) this.diagsOf[q]!.push(i);
    });
    this.copiesAt = Array.from({ length: k }, () => []);
    // A bit measured more than once keeps its final value under its own id and earlier values
    // under fresh ids, so no id is written twice and a QPU holding an old value never goes stale.
    const measured = new Map<number, number>();
    for (const op of dc.ops) if (op.kind === 'measure') measured.set(op.bit, (measured.get(op.bit) ?? 0) + 1);
    this.remainingMeasures = measured;
    let earlier = 0;
    for (const n of measured.values()) earlier += n - 1;
    this.sourceBits = dc.numBits + earlier;
    this.alias = Array.from({ length: dc.numBits }, (_, b) => b);
    for (let b = 0; b < this.sourceBits; b++) this.holders.push(new Set());
    this.nextAlias = dc.numBits;
    this.nextBit = this.sourceBits;
    const paths = shortestPaths(k, topology.links);
    this.next = paths.next;
    this.hops = paths.hops;
  }

  private emit(qpu: number, ins: ProgramInstruction): void {
    this.streams[qpu]!.push(ins);
  }

  private newBit(): number {
    this.holders.push(new Set());
    return this.nextBit++;
  }

  /** A free slot at `qpu`, closing its least recently used unguarded copy if need be. */
  private slotAt(qpu: number): number {
    const pool = this.pools[qpu]!;
    let s = pool.take();
    while (s === undefined) {
      const victim = this.copiesAt[qpu]!.find((c) => !this.guard.has(c));
      if (!victim) {
        throw new QnetError(
          'E_COMPILE_COMM',
          `QPU ${this.topology.names[qpu]} has no free qubit for an e-bit: its ${pool.size} qubits all hold data or needed copies`,
          { hint: 'give each QPU more communication qubits (--comm) or more capacity' },
        );
      }
      this.closeCopy(victim);
      s = pool.take();
    }
    return s;
  }

  private newEbit(a: number, b: number, purpose: EbitSpec['purpose']): [number, number] {
    const id = this.ebits.length;
    this.ebits.push({ id, qpus: a < b ? [a, b] : [b, a], purpose });
    const sa = this.slotAt(a);
    const sb = this.slotAt(b);
    this.emit(a, { op: 'ebit', id, slot: sa, partner: b });
    this.emit(b, { op: 'ebit', id, slot: sb, partner: a });
    return [sa, sb];
  }

  private sendBits(from: number, to: number, bits: readonly number[]): void {
    this.emit(from, { op: 'send', to, bits });
    this.emit(to, { op: 'recv', from, bits });
    for (const b of bits) this.holders[b]!.add(to);
  }

  /** Makes the condition's bits present at `qpu`, fetching each from a QPU that has it. */
  private condition(qpu: number, cond: Condition | undefined): { condition?: BitCondition } {
    if (!cond) return {};
    const ids = cond.bits.map((b) => this.alias[b]!);
    const byHolder = new Map<number, number[]>();
    for (const b of ids) {
      const h = this.holders[b]!;
      if (h.size === 0 || h.has(qpu)) {
        // Never measured: every QPU knows it reads 0.
        if (h.size === 0) h.add(qpu);
        continue;
      }
      const from = [...h].sort((x, y) => this.hops[qpu]![x]! - this.hops[qpu]![y]! || x - y)[0]!;
      const list = byHolder.get(from) ?? [];
      list.push(b);
      byHolder.set(from, list);
    }
    for (const [from, bits] of byHolder) this.sendBits(from, qpu, bits);
    return { condition: { bits: ids, value: cond.value } };
  }

  private holderOf(q: number, qpu: number): number | undefined {
    const p = this.place[q]!;
    if (p.qpu === qpu) return p.slot;
    return this.copies[q]!.find((c) => c.qpu === qpu)?.slot;
  }

  /** A copy of qubit q's Z value at `qpu` (its own slot at home), made hop by hop from the nearest holder. */
  private copyAt(q: number, qpu: number): number {
    const have = this.holderOf(q, qpu);
    if (have !== undefined) {
      this.touch(q, qpu);
      return have;
    }
    const sources = [this.place[q]!.qpu, ...this.copies[q]!.map((c) => c.qpu)];
    let from = sources[0]!;
    for (const s of sources) if (this.hops[s]![qpu]! < this.hops[from]![qpu]!) from = s;
    let slot = this.holderOf(q, from)!;
    while (from !== qpu) {
      const to = this.next[from]![qpu]!;
      const source = this.copies[q]!.find((c) => c.qpu === from);
      const guarded = source !== undefined && !this.guard.has(source);
      if (guarded) this.guard.add(source);
      const [sFrom, sTo] = this.newEbit(from, to, 'cat');
      if (guarded) this.guard.delete(source);
      const m = this.newBit();
      this.emit(from, { op: 'gate', gate: 'cx', slots: [slot, sFrom], params: [] });
      this.emit(from, { op: 'measure', slot: sFrom, basis: 'Z', bit: m, reset: true });
      this.pools[from]!.give(sFrom);
      this.sendBits(from, to, [m]);
      this.emit(to, { op: 'pauli', pauli: 'x', slot: sTo, bits: [m] });
      const copy = { qubit: q, qpu: to, slot: sTo };
      this.copies[q]!.push(copy);
      this.copiesAt[to]!.push(copy);
      this.catCopies++;
      from = to;
      slot = sTo;
    }
    return slot;
  }

  private touch(q: number, qpu: number): void {
    const list = this.copiesAt[qpu]!;
    const i = list.findIndex((c) => c.qubit === q);
    if (i >= 0) list.push(...list.splice(i, 1));
  }

  /** Measures copy `c` out in X, frees its qubit and sends the outcome home; returns the bit. */
  private measureOut(c: Copy): number {
    const home = this.place[c.qubit]!;
    const m = this.newBit();
    this.emit(c.qpu, { op: 'gate', gate: 'h', slots: [c.slot], params: [] });
    this.emit(c.qpu, { op: 'measure', slot: c.slot, basis: 'Z', bit: m, reset: true });
    this.pools[c.qpu]!.give(c.slot);
    this.sendBits(c.qpu, home.qpu, [m]);
    const at = this.copiesAt[c.qpu]!;
    at.splice(at.indexOf(c), 1);
    return m;
  }

  private closeCopy(c: Copy): void {
    const home = this.place[c.qubit]!;
    this.emit(home.qpu, { op: 'pauli', pauli: 'z', slot: home.slot, bits: [this.measureOut(c)] });
    const own = this.copies[c.qubit]!;
    own.splice(own.indexOf(c), 1);
  }

  /** Ends q's run: every copy measured in X, one Z correction at home from the parity of all. */
  closeCopies(q: number): void {
    const own = this.copies[q]!;
    if (own.length === 0) return;
    const home = this.place[q]!;
    const bits = own.map((c) => this.measureOut(c));
    this.emit(home.qpu, { op: 'pauli', pauli: 'z', slot: home.slot, bits });
    own.length = 0;
  }

  placeInitially(q: number, qpu: number): void {
    const slot = this.pools[qpu]!.take();
    if (slot === undefined) throw new Error(`no slot for qubit ${q} on QPU ${qpu}`);
    this.place[q] = { qpu, slot };
  }

  /** Teleports q one hop at a time to `to`. */
  moveQubit(q: number, to: number): void {
    this.closeCopies(q);
    while (this.place[q]!.qpu !== to) {
      const { qpu: from, slot } = this.place[q]!;
      const hop = this.next[from]![to]!;
      const [sFrom, sTo] = this.newEbit(from, hop, 'teleport');
      const m1 = this.newBit();
      const m2 = this.newBit();
      this.emit(from, { op: 'gate', gate: 'cx', slots: [slot, sFrom], params: [] });
      this.emit(from, { op: 'gate', gate: 'h', slots: [slot], params: [] });
      this.emit(from, { op: 'measure', slot, basis: 'Z', bit: m1, reset: true });
      this.emit(from, { op: 'measure', slot: sFrom, basis: 'Z', bit: m2, reset: true });
      this.pools[from]!.give(slot);
      this.pools[from]!.give(sFrom);
      this.sendBits(from, hop, [m1, m2]);
      this.emit(hop, { op: 'pauli', pauli: 'x', slot: sTo, bits: [m2] });
      this.emit(hop, { op: 'pauli', pauli: 'z', slot: sTo, bits: [m1] });
      this.place[q] = { qpu: hop, slot: sTo };
      this.teleportations++;
    }
  }

  /** Closes every copy held at `qpu`; true if there was one. */
  closeCopiesAt(qpu: number): boolean {
    const held = this.copiesAt[qpu]!.slice();
    for (const c of held) this.closeCopy(c);
    return held.length > 0;
  }

  nextHop(from: number, to: number): number {
    return this.next[from]![to]!;
  }

  freeSlots(qpu: number): number {
    return this.pools[qpu]!.available;
  }

  where(q: number): QubitPlace {
    return this.place[q]!;
  }

  one(
    q: number,
    gate: string,
    params: readonly number[],
    diagonal: boolean,
    cond: Condition | undefined,
  ): void {
    if (!diagonal) this.closeCopies(q);
    const { qpu, slot } = this.place[q]!;
    this.emit(qpu, { op: 'gate', gate, slots: [slot], params, ...this.condition(qpu, cond) });
  }

  diag(op: DiagonalOp, at: number, index = -1): void {
    const [a, b] = op.qubits;
    const ha = this.place[a]!.qpu;
    const hb = this.place[b]!.qpu;
    let qpu = at;
    // Two copies at a third QPU need two free qubits there; otherwise run it at a's home.
    if (qpu !== ha && qpu !== hb && (qpu < 0 || this.pools[qpu]!.size - this.dataAt(qpu) < 2)) qpu = ha;
    if (qpu < 0) qpu = ha;
    if (this.reroute) {
      // A copy already open elsewhere may make another place free now, and a place with no free
      // qubit would have to close a copy that later gates may want: prefer the cheaper place.
      // Ties go to the place whose new copy is wanted again soonest (a copy that serves the next
      // few gates, as a QFT target's does, rather than one that must wait through them).
      const costAt = (p: number) =>
        this.copyCost(a, p) +
        this.copyCost(b, p) +
        (this.reroute === 'reuse' ? 1e-3 * (this.reuseGap(a, p, index) + this.reuseGap(b, p, index)) : 0);
      let cost = costAt(qpu);
      for (const alt of [ha, hb]) {
        const c = costAt(alt);
        if (c < cost) {
          cost = c;
          qpu = alt;
        }
      }
    }
    const sa = this.copyAt(a, qpu);
    // a's copy must survive while b's is made (b's may need a free qubit at the same QPU).
    const copyA = this.copies[a]!.find((c) => c.qpu === qpu);
    if (copyA) this.guard.add(copyA);
    const sb = this.copyAt(b, qpu);
    this.guard.clear();
    if (ha !== qpu || hb !== qpu) this.remoteGates++;
    this.emit(qpu, { op: 'diag', slots: [sa, sb], steps: op.steps, ...this.condition(qpu, op.condition) });
  }

  /**
   * How many of q's next diagonal gates pass before one whose partner lives at `qpu` (0 if q is
   * there or already copied there; capped), so that a new copy's usefulness can break ties.
   */
  private reuseGap(q: number, qpu: number, index: number): number {
    if (index < 0 || this.holderOf(q, qpu) !== undefined) return 0;
    const list = this.diagsOf[q]!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! <= index) lo = mid + 1;
      else hi = mid;
    }
    const cap = 64;
    for (let k = lo; k < list.length && k < lo + cap; k++) {
      const op = this.dc.ops[list[k]!] as DiagonalOp;
      const partner = op.qubits[0] === q ? op.qubits[1] : op.qubits[0];
      if (this.place[partner]!.qpu === qpu) return k - lo;
    }
    return cap;
  }

  /**
   * Links a copy of q to `qpu` would cross now (0 when q is there or already copied there), plus
   * half a link when `qpu` has no free qubit and would have to close another copy for it.
   */
  private copyCost(q: number, qpu: number): number {
    if (this.holderOf(q, qpu) !== undefined) return 0;
    let best = this.hops[this.place[q]!.qpu]![qpu]!;
    for (const c of this.copies[q]!) best = Math.min(best, this.hops[c.qpu]![qpu]!);
    return best + (this.pools[qpu]!.available === 0 ? 0.5 : 0);
  }

  private dataAt(qpu: number): number {
    let n = 0;
    for (const p of this.place) if (p.qpu === qpu) n++;
    return n;
  }

  measure(q: number, sourceBit: number, cond: Condition | undefined): void {
    this.closeCopies(q);
    const { qpu, slot } = this.place[q]!;
    const left = this.remainingMeasures.get(sourceBit)! - 1;
    this.remainingMeasures.set(sourceBit, left);
    // The last measurement writes the bit itself; earlier ones a fresh id. A conditioned one may
    // leave the old value, so it writes where that value is.
    const bit = cond ? this.alias[sourceBit]! : left === 0 ? sourceBit : this.nextAlias++;
    const condition = this.condition(qpu, cond);
    this.alias[sourceBit] = bit;
    this.emit(qpu, { op: 'measure', slot, basis: 'Z', bit, reset: false, ...condition });
    // A conditioned measurement may leave the old value in place; either way only this QPU knows.
    const h = this.holders[bit]!;
    if (cond) h.add(qpu);
    else {
      h.clear();
      h.add(qpu);
    }
  }

  reset(q: number, cond: Condition | undefined): void {
    this.closeCopies(q);
    const { qpu, slot } = this.place[q]!;
    this.emit(qpu, { op: 'reset', slot, ...this.condition(qpu, cond) });
  }

  finish(): DistributedProgram {
    for (let q = 0; q < this.dc.numQubits; q++) this.closeCopies(q);
    const t = this.topology;
    return {
      format: 'qnet-distributed-program',
      version: 1,
      numQubits: this.dc.numQubits,
      numBits: this.dc.numBits,
      sourceBits: this.sourceBits,
      totalBits: this.nextBit,
      qpus: t.names.map((name, i) => ({
        name,
        capacity: t.capacity[i]!,
        commQubits: t.commQubits[i] ?? 0,
        slots: this.pools[i]!.used,
        instructions: this.streams[i]!,
      })),
      links: t.links,
      ebits: this.ebits,
      initialPlaces: [],
      finalPlaces: this.place.slice(),
      stats: {
        ebits: this.ebits.length,
        remoteGates: this.remoteGates,
        catCopies: this.catCopies,
        teleportations: this.teleportations,
        twoQubitGates: this.dc.twoQubitGates,
      },
    };
  }
}

/** The distributed program for `dc` under `allocation` (see the header for the protocols). */
export function emitProgram(
  dc: DistCircuit,
  topology: Topology,
  allocation: Allocation,
  options: {
    reroute?: boolean | 'reuse';
    /**
     * Emit in the source's order rather than layer by layer (static allocations only): fewer runs
     * are open at once, which matters when communication qubits are few.
     */
    sourceOrder?: boolean;
  } = {},
): DistributedProgram {
  const n = dc.numQubits;
  const em = new ProgramEmitter(dc, topology, options.reroute ?? false);
  const homeAt = (s: number, q: number) => allocation.home[s * n + q]!;
  for (let q = 0; q < n; q++) em.placeInitially(q, homeAt(0, q));
  const initialPlaces = Array.from({ length: n }, (_, q) => em.where(q));
  let slice = 0;
  const indices = Array.from({ length: dc.ops.length }, (_, i) => i);
  if (options.sourceOrder && dc.sourceIndex) {
    if (allocation.numSlices !== 1) throw new Error('source order needs a static allocation');
    const src = dc.sourceIndex;
    indices.sort((x, y) => src[x]! - src[y]!);
  }
  for (const i of indices) {
    const op = dc.ops[i]!;
    const s = allocation.sliceOfOp[i]!;
    while (slice < s) {
      slice++;
      moveAll(em, n, (q) => homeAt(slice, q), topology);
    }
    switch (op.kind) {
      case 'one':
        em.one(op.qubit, op.gate, op.params, op.diagonal, op.condition);
        break;
      case 'diag':
        em.diag(op, allocation.gateQpu[i]!, i);
        break;
      case 'measure':
        em.measure(op.qubit, op.bit, op.condition);
        break;
      case 'reset':
        em.reset(op.qubit, op.condition);
        break;
    }
  }
  return { ...em.finish(), initialPlaces };
}

/**
 * The moves between two slices, in an order that always has a free qubit at the sender and the
 * receiver: qubits leaving a QPU first make room for those arriving.
 */
function moveAll(em: ProgramEmitter, n: number, target: (q: number) => number, topology: Topology): void {
  const pending: number[] = [];
  for (let q = 0; q < n; q++) if (em.where(q).qpu !== target(q)) pending.push(q);
  // A QPU that still has qubits to send keeps one free qubit for their e-bit halves.
  const sending = (qpu: number) => pending.some((q) => em.where(q).qpu === qpu);
  // level 0: keep spare room everywhere; 1: the target may fill up; 2: so may a QPU in the middle.
  const tryMoves = (level: 0 | 1 | 2): boolean => {
    let progressed = false;
    for (let i = 0; i < pending.length; ) {
      const q = pending[i]!;
      const from = em.where(q).qpu;
      const to = target(q);
      // One hop at a time: a QPU in the middle needs room for the qubit and its onward e-bit half.
      const hop = em.nextHop(from, to);
      const need = hop !== to ? (level < 2 ? 2 : 1) : level === 0 && sending(to) ? 2 : 1;
      const room = em.freeSlots(hop) >= need;
      if (em.freeSlots(from) >= 1 && room) {
        em.closeCopies(q);
        em.moveQubit(q, hop);
        progressed = true;
        if (hop === to) pending.splice(i, 1);
        else i++;
      } else i++;
    }
    return progressed;
  };
  while (pending.length > 0) {
    if (tryMoves(0) || tryMoves(1) || tryMoves(2)) continue;
    // Open copies hold qubits: close those at the QPUs that have none free, then try again.
    let closed = false;
    for (const q of pending)
      for (const qpu of [em.where(q).qpu, target(q)])
        if (em.freeSlots(qpu) === 0) closed = em.closeCopiesAt(qpu) || closed;
    if (!closed) {
      // Nothing left to close: the QPUs are simply too full for this exchange.
      const q = pending[0]!;
      throw new QnetError(
        'E_COMPILE_COMM',
        `cannot teleport qubit ${q} from ${topology.names[em.where(q).qpu]} to ${topology.names[target(q)]}: no free qubit for the e-bit`,
        {
          hint: 'give each QPU at least two communication qubits (--comm 2), or compile without teleportation',
        },
      );
    }
  }
}
