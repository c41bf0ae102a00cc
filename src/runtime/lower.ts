// Lowers a timed distributed program into one monolithic circuit over engine qubits, so the state
// engines, the shot runner, the frame sampler and the exact distribution all run it unchanged.
// - Slot virtualisation: a (QPU, slot) gets an engine qubit (in |0⟩) when first touched and gives it
//   back when an unconditioned reset or measure-and-reset frees the slot, so the engine holds the data
//   qubits plus the e-bit halves alive at once, not every slot of every QPU.
// - Instructions appear in a causal order chosen to keep few engine qubits live (compactOrder); the
//   times, hence the noise, are the timeline's. A Bell pair is prepared (H, CX on two fresh qubits)
//   just before the first instruction that uses either half.
// - Protocol measurements (bits ≥ numBits) only feed the record; corrections are record-controlled
//   Paulis (a Pauli per bit: X^a X^b = X^(a⊕b)). Source measurements write the classical bits.
// - A source measurement whose qubit and bit nothing touches afterwards moves to the end, so exact
//   simulation reads all final outcomes off one state instead of branching.
// - Noise (unless ideal) comes from this one timing realisation: memory decay over every gap between
//   operations on a slot (and on e-bit halves from the moment the pair is ready), depolarising after
//   gates, readout flips, and the link's pair state.
import type { Circuit, Condition, Instruction, MeasureOp } from '../circuit/ir.js';
import type { BitCondition, DistributedProgram, ProgramInstruction } from '../compiler/program.js';
import { gateOrThrow } from '../gates/index.js';
import { QnetError } from '../util/errors.js';
import { bitVersions } from './bit-versions.js';
import { programDependencies } from './dependencies.js';
import { bitsRead, bitsWritten, releasesSlot, slotsOf } from './instruction-facts.js';
import { idleChannel, pairNoise } from './memory-noise.js';
import { linkOfEbits, type RuntimeNetwork } from './network.js';
import type { Timeline } from './timing.js';

export interface LoweredProgram {
  readonly circuit: Circuit;
  /** Engine qubits the circuit needs: the peak number of live slots. */
  readonly engineQubits: number;
  /** Protocol measurements: their outcomes may be sampled rather than branched. */
  readonly protocolMeasurements: ReadonlySet<Instruction>;
  /** Source bit written by each entry of the measurement record, −1 for protocol bits. */
  readonly bitOfRecord: readonly number[];
}

class EnginePool {
  private readonly free: number[] = [];
  private next = 0;
  take(): number {
    if (this.free.length > 0) {
      // Lowest free index first keeps the circuit deterministic and compact.
      this.free.sort((a, b) => a - b);
      return this.free.shift()!;
    }
    return this.next++;
  }
  give(q: number): void {
    this.free.push(q);
  }
  get size(): number {
    return this.next;
  }
}

/**
 * A causal order of the instructions that keeps few engine qubits live (the state's size is
 * exponential in them): among the instructions whose dependencies are done, first those that take no
 * new engine qubit, then those that take one (a first touch), then those that bring a pair in (two),
 * earliest start first within each. Noise does not depend on the order (it comes from the timeline's
 * times, per slot), so any causal order gives the same circuit up to commuting operations.
 */
function compactOrder(program: DistributedProgram, timeline: Timeline): [number, number][] {
  const { total, insOf, outTarget, slotPrev, sides, qpuOf, base } = programDependencies(program);
  const indeg = new Int32Array(total);
  for (const targets of outTarget) for (const to of targets) indeg[to]!++;
  // A pair comes in at its first use with both slots free: each 'ebit' also waits for the far slot.
  const extra: number[][] = Array.from({ length: total }, () => []);
  for (const [a, b] of sides) {
    for (const [near, far] of [
      [a!, b!],
      [b!, a!],
    ] as const) {
      for (const p of slotPrev[far]!) {
        extra[p]!.push(near);
        indeg[near]!++;
      }
    }
  }
  const startOf = (n: number): number => timeline.start[qpuOf[n]!]![n - base[qpuOf[n]!]!]!;
  const slotKey = (n: number, slot: number): string => `${qpuOf[n]}/${slot}`;
  const live = new Set<string>();
  const awaiting = new Map<string, number>();
  const created = new Uint8Array(program.ebits.length);
  const cost = (n: number): number => {
    const ins = insOf[n]!;
    if (ins.op === 'ebit') return 0;
    let c = 0;
    for (const s of slotsOf(ins)) {
      const key = slotKey(n, s);
      if (awaiting.has(key)) c += 2;
      else if (!live.has(key)) c += 1;
    }
    return c;
  };
  const heap = new MinHeap();
  const push = (n: number): void => heap.push(cost(n), startOf(n), n);
  for (let n = 0; n < total; n++) if (indeg[n] === 0) push(n);
  const done = new Uint8Array(total);
  const order: [number, number][] = [];
  const release = (targets: readonly number[]): void => {
    for (const to of targets) if (--indeg[to]! === 0) push(to);
  };
  while (heap.size > 0) {
    const n = heap.pop();
    if (done[n]) continue;
    done[n] = 1;
    const ins = insOf[n]!;
    const q = qpuOf[n]!;
    order.push([q, n - base[q]!]);
    if (ins.op === 'ebit') {
      if (!created[ins.id]) awaiting.set(slotKey(n, ins.slot), ins.id);
    } else {
      for (const s of slotsOf(ins)) {
        const id = awaiting.get(slotKey(n, s));
        if (id !== undefined) {
          created[id] = 1;
          for (const side of sides[id]!) {
            const e = insOf[side]!;
            if (e.op !== 'ebit') continue;
            const key = slotKey(side, e.slot);
            awaiting.delete(key);
            live.add(key);
          }
          // The far half's user, if it waits already, now costs less.
          for (const side of sides[id]!)
            for (const u of outTarget[side]!) if (indeg[u] === 0 && !done[u]) push(u);
        }
        live.add(slotKey(n, s));
      }
      if (releasesSlot(ins)) for (const s of slotsOf(ins)) live.delete(slotKey(n, s));
    }
    release(outTarget[n]!);
    release(extra[n]!);
  }
  if (order.length !== total) throw new Error('runtime: the program has a dependency cycle');
  return order;
}

/** A binary min-heap of nodes keyed by (cost, start time, node). */
class MinHeap {
  private readonly items: [number, number, number][] = [];
  get size(): number {
    return this.items.length;
  }
  private static less(a: [number, number, number], b: [number, number, number]): boolean {
    return a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
  }
  push(cost: number, start: number, node: number): void {
    const h = this.items;
    h.push([cost, start, node]);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!MinHeap.less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }
  pop(): number {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && MinHeap.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && MinHeap.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top[2];
  }
}

/** Positions (in the lowering order) of source measurements that can move to the end. */
function deferrable(program: DistributedProgram, order: readonly (readonly [number, number])[]): Set<number> {
  const out = new Set<number>();
  const touched = new Set<string>();
  const read = new Set<number>();
  const written = new Set<number>();
  for (let pos = order.length - 1; pos >= 0; pos--) {
    const [q, i] = order[pos]!;
    const ins = program.qpus[q]!.instructions[i]!;
    if (
      ins.op === 'measure' &&
      ins.bit < program.numBits &&
      ins.basis === 'Z' &&
      !ins.reset &&
      !ins.condition &&
      !touched.has(`${q}/${ins.slot}`) &&
      !read.has(ins.bit) &&
      !written.has(ins.bit)
    ) {
      out.add(pos);
    }
    for (const s of slotsOf(ins)) touched.add(`${q}/${s}`);
    for (const b of bitsRead(ins)) read.add(b);
    if (ins.op === 'measure') for (const b of bitsWritten(ins)) written.add(b);
  }
  return out;
}

export function lowerProgram(
  program: DistributedProgram,
  network: RuntimeNetwork,
  timeline: Timeline,
  ideal: boolean,
): LoweredProgram {
  const ops: Instruction[] = [];
  const tail: MeasureOp[] = [];
  const tailNoise: Instruction[] = [];
  const protocol = new Set<Instruction>();
  const bitOfRecord: number[] = [];
  const recordOfBit = new Map<number, number>();
  const pool = new EnginePool();
  const engineOf = new Map<string, number>();
  const lastEnd = new Map<string, number>();
  const created = new Set<number>();
  const linkOf = linkOfEbits(program, network);
  const order = compactOrder(program, timeline);
  const defer = deferrable(program, order);
  const sideOf = program.ebits.map(() => [] as [number, number][]);
  program.qpus.forEach((qp, q) => {
    for (const ins of qp.instructions) if (ins.op === 'ebit') sideOf[ins.id]?.push([q, ins.slot]);
  });

  const acquire = (q: number, slot: number): number => {
    const key = `${q}/${slot}`;
    let e = engineOf.get(key);
    if (e === undefined) {
      e = pool.take();
      engineOf.set(key, e);
    }
    return e;
  };
  const release = (q: number, slot: number): void => {
    const key = `${q}/${slot}`;
    const e = engineOf.get(key);
    if (e === undefined) throw new Error(`runtime: slot ${key} released while not live`);
    engineOf.delete(key);
    lastEnd.delete(key);
    pool.give(e);
  };
  /** Memory decay of the slot's qubit from its previous operation until `t`. */
  const idle = (q: number, slot: number, e: number, t: number): void => {
    const key = `${q}/${slot}`;
    const since = lastEnd.get(key);
    if (!ideal && since !== undefined) {
      const qpu = network.qpus[q]!;
      const p = idleChannel(qpu.t1Us, qpu.t2Us, t - since);
      if (p) ops.push({ kind: 'noise', channel: 'pauli_channel_1', targets: [e], probabilities: p });
    }
  };
  const depolarise = (targets: readonly number[], p: number): void => {
    if (ideal || !(p > 0)) return;
    if (targets.length === 2)
      ops.push({ kind: 'noise', channel: 'depolarize2', targets, probabilities: [p] });
    else ops.push({ kind: 'noise', channel: 'depolarize1', targets, probabilities: [p] });
  };
  const versions = bitVersions(program);
  /** Measurement (as [qpu, index]) that last wrote each bit in the lowered order. */
  const latest = new Map<number, string>();
  /**
   * The condition as the register can check it: bits this QPU still holds at their initial 0 are
   * folded in (they read 0 whatever the register says); 'never' when that makes it false.
   */
  const condition = (
    q: number,
    i: number,
    c: BitCondition | undefined,
  ): { condition?: Condition } | 'never' => {
    if (!c) return {};
    const bits: number[] = [];
    let value = 0;
    for (let j = 0; j < c.bits.length; j++) {
      const bit = c.bits[j]!;
      const want = Math.floor(c.value / 2 ** j) % 2;
      if (bit >= program.sourceBits) {
        throw new QnetError('E_RUNTIME_UNSUPPORTED', `a condition reads protocol bit ${bit}`, {
          hint: 'conditions may read the source circuit bits only; protocol bits drive pauli corrections',
        });
      }
      const source = versions.sourceAt(q, i, bit);
      if (source === undefined) {
        if (want === 1) return 'never';
        continue;
      }
      if (latest.get(bit) !== `${source[0]}/${source[1]}`) {
        throw new QnetError(
          'E_RUNTIME_UNSUPPORTED',
          `QPU ${q} reads an old value of bit ${bit} after another QPU measured it again`,
          { hint: 'measure into a fresh classical bit instead of reusing one across QPUs' },
        );
      }
      value += want * 2 ** bits.length;
      bits.push(bit);
    }
    return bits.length === 0 ? {} : { condition: { bits, value } };
  };

  /** E-bit halves whose 'ebit' has run but whose pair is not in the circuit yet, by slot key. */
  const awaiting = new Map<string, number>();
  /** Puts e-bit `id` into the circuit: two fresh engine qubits in |Φ+⟩, the link's noise, aged from its ready time. */
  const preparePair = (id: number): void => {
    created.add(id);
    const [a, b] = sideOf[id]!;
    for (const [q, slot] of [a!, b!]) {
      const key = `${q}/${slot}`;
      awaiting.delete(key);
      if (engineOf.has(key)) {
        throw new QnetError(
          'E_RUNTIME_PROGRAM',
          `e-bit ${id} lands in slot ${slot} of QPU ${q}, which still holds a qubit`,
          { hint: 'free the slot (measure with reset, or reset) before the e-bit' },
        );
      }
    }
    const here = acquire(a![0], a![1]);
    const there = acquire(b![0], b![1]);
    ops.push({ kind: 'gate', gate: 'h', targets: [here], params: [] });
    ops.push({ kind: 'gate', gate: 'cx', targets: [here, there], params: [] });
    const noise = ideal ? undefined : pairNoise(network.links[linkOf[id]!]!, here);
    if (noise) ops.push(noise);
    lastEnd.set(`${a![0]}/${a![1]}`, timeline.readyPs[id]!);
    lastEnd.set(`${b![0]}/${b![1]}`, timeline.readyPs[id]!);
  };

  order.forEach(([q, i], pos) => {
    const ins: ProgramInstruction = program.qpus[q]!.instructions[i]!;
    const qpu = network.qpus[q]!;
    if (ins.op === 'ebit') {
      // The pair enters the circuit just before the first instruction that uses either half, so the
      // engine holds only pairs in use (the timing is the timeline's: decay counts from readyPs).
      if (!created.has(ins.id)) awaiting.set(`${q}/${ins.slot}`, ins.id);
      return;
    }
    const t0 = timeline.start[q]![i]!;
    const t1 = timeline.end[q]![i]!;
    const slots = slotsOf(ins);
    for (const s of slots) {
      const id = awaiting.get(`${q}/${s}`);
      if (id !== undefined) preparePair(id);
    }
    const engines = slots.map((s) => acquire(q, s));
    for (let j = 0; j < slots.length; j++) idle(q, slots[j]!, engines[j]!, t0);
    switch (ins.op) {
      case 'gate': {
        const arity = gateOrThrow(ins.gate).arity;
        const c = condition(q, i, ins.condition);
        if (c !== 'never')
          ops.push({ kind: 'gate', gate: ins.gate, targets: engines, params: ins.params, ...c });
        depolarise(engines, arity === 1 ? qpu.gate1qError : qpu.gate2qError);
        break;
      }
      case 'diag': {
        const c = condition(q, i, ins.condition);
        for (const step of ins.steps) {
          const targets = step.targets.map((t) => engines[t]!);
          if (c !== 'never') ops.push({ kind: 'gate', gate: step.gate, targets, params: step.params, ...c });
          depolarise(targets, targets.length === 1 ? qpu.gate1qError : qpu.gate2qError);
        }
        break;
      }
      case 'measure': {
        if (ins.condition) {
          throw new QnetError(
            'E_RUNTIME_UNSUPPORTED',
            'conditioned measurements are not supported by the runtime',
            {
              hint: 'rewrite `if (c == v) measure` without the condition',
            },
          );
        }
        const source = ins.bit < program.sourceBits;
        latest.set(ins.bit, `${q}/${i}`);
        const flip = ideal ? 0 : qpu.readoutError;
        if (defer.has(pos)) {
          if (flip > 0)
            tailNoise.push({ kind: 'noise', channel: 'x_error', targets: engines, probabilities: [flip] });
          tail.push({
            kind: 'measure',
            basis: 'Z',
            targets: engines,
            bits: [ins.bit],
            flipProbability: 0,
            reset: false,
          });
          break;
        }
        const m: MeasureOp = {
          kind: 'measure',
          basis: ins.basis,
          targets: engines,
          ...(source ? { bits: [ins.bit] } : {}),
          flipProbability: flip,
          reset: ins.reset && ins.basis === 'Z',
        };
        ops.push(m);
        if (ins.reset && ins.basis === 'X') ops.push({ kind: 'reset', basis: 'Z', targets: engines });
        if (!source) protocol.add(m);
        recordOfBit.set(ins.bit, bitOfRecord.length);
        bitOfRecord.push(source ? ins.bit : -1);
        break;
      }
      case 'reset': {
        const c = condition(q, i, ins.condition);
        if (c !== 'never') ops.push({ kind: 'reset', basis: 'Z', targets: engines, ...c });
        break;
      }
      case 'pauli':
        for (const bit of ins.bits) {
          const rec = recordOfBit.get(bit);
          // A bit nothing measured reads 0: no correction.
          if (rec === undefined) continue;
          const lookback = bitOfRecord.length - rec;
          ops.push({ kind: 'gate', gate: ins.pauli, targets: engines, params: [], recordControl: lookback });
        }
        depolarise(engines, qpu.gate1qError);
        break;
      default:
        return;
    }
    for (const s of slots) lastEnd.set(`${q}/${s}`, t1);
    if (releasesSlot(ins)) for (const s of slots) release(q, s);
  });

  for (const m of tail) bitOfRecord.push(m.bits![0]!);
  const circuit: Circuit = {
    numQubits: pool.size,
    // Earlier values of bits measured twice sit above the source bits; results drop them.
    numBits: program.sourceBits,
    qregs: [{ name: 'e', size: pool.size, offset: 0 }],
    cregs: program.sourceBits > 0 ? [{ name: 'c', size: program.sourceBits, offset: 0 }] : [],
    instructions: [...ops, ...tailNoise, ...tail],
    source: { format: 'ir' },
  };
  return { circuit, engineQubits: pool.size, protocolMeasurements: protocol, bitOfRecord };
}
