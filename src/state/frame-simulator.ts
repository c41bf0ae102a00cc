// Runs a compiled frame program on a batch of shots at once. Each shot's state is the reference run's
// state times a Pauli frame; frames are bit-packed 32 shots per word (see frame-kernels.ts), and the
// measurement record holds, per measurement, which shots' results differ from the reference.
//
// Why frames get randomised: after a Z measurement or reset the qubit is in a Z eigenstate, so a Z in
// its frame changes nothing physical (a gauge choice). Drawing that Z uniformly at random per shot is
// what makes a later measurement whose outcome is truly random (say H after R, then M) come out 50/50
// across shots instead of repeating the reference's outcome; for X and Y bases the gauge is X or Y.
// Initial |0⟩ states get the same treatment.
import type { Rng } from '../util/rng.js';
import type { BitTableWriter } from './bit-table.js';
import { applyKind1, applyKind2 } from './frame-kernels.js';
import type { FrameOp, FrameProgram } from './frame-program.js';
import { pickError } from './pauli-noise.js';
import { geometricScale, RandomWords } from './random-words.js';

export interface FrameOutputs {
  /** Receives every measurement result (reference XOR flip), in record order. */
  measurements?: BitTableWriter | undefined;
  /** The reference results, needed with `measurements`. */
  reference?: Uint8Array | undefined;
  /** Receives every detection event, then (with appendObservables) every observable flip. */
  detectors?: BitTableWriter | undefined;
  appendObservables?: boolean | undefined;
  /** Receives every observable flip. */
  observables?: BitTableWriter | undefined;
}

/** Rows of the measurement record kept: the last 2^k ≥ maxLookback results, all look-backs can reach. */
export function recordRingSize(program: FrameProgram): number {
  let ring = 1;
  while (ring < program.maxLookback) ring *= 2;
  return ring;
}

/** Words of memory a simulator needs per word of batch: frames, record, observables. */
export function rowsPerBatchWord(program: FrameProgram): number {
  return 2 * program.numQubits + recordRingSize(program) + Math.max(1, program.numObservables);
}

export class FrameSimulator {
  private readonly program: FrameProgram;
  private readonly rng: Rng;
  private readonly out: FrameOutputs;
  /** Words per qubit row: 32 · batchWords shots per batch. */
  private readonly B: number;
  private readonly x: Int32Array;
  private readonly z: Int32Array;
  private readonly record: Int32Array;
  private readonly ringMask: number;
  private readonly obs: Int32Array;
  private readonly words: RandomWords;
  private readonly scratch: Int32Array;
  private shots = 0;
  private measured = 0;

  constructor(program: FrameProgram, batchWords: number, rng: Rng, out: FrameOutputs) {
    this.program = program;
    this.rng = rng;
    this.out = out;
    this.B = batchWords;
    this.x = new Int32Array(program.numQubits * batchWords);
    this.z = new Int32Array(program.numQubits * batchWords);
    const ring = recordRingSize(program);
    this.record = new Int32Array(ring * batchWords);
    this.ringMask = ring - 1;
    this.obs = new Int32Array(Math.max(1, program.numObservables) * batchWords);
    this.words = new RandomWords(rng);
    this.scratch = new Int32Array(batchWords);
  }

  /** Simulates shots [shotStart, shotStart + shots), shots ≤ 32 · batchWords. */
  runBatch(shotStart: number, shots: number): void {
    const { out, B } = this;
    this.shots = shots;
    this.measured = 0;
    this.x.fill(0);
    this.randomize(this.z, 0, this.z.length);
    this.obs.fill(0);
    out.measurements?.beginBatch(shotStart, shots);
    out.detectors?.beginBatch(shotStart, shots);
    out.observables?.beginBatch(shotStart, shots);
    this.exec(this.program.ops);
    for (let k = 0; k < this.program.numObservables; k++) {
      if (out.detectors && out.appendObservables) this.emit(out.detectors, this.obs, k * B);
      if (out.observables) this.emit(out.observables, this.obs, k * B);
    }
    out.measurements?.endBatch();
    out.detectors?.endBatch();
    out.observables?.endBatch();
  }

  private emit(w: BitTableWriter, from: Int32Array, offset: number): void {
    w.stage.set(from.subarray(offset, offset + this.B), w.rowOffset);
    w.commitRow();
  }

  private exec(ops: readonly FrameOp[]): void {
    const { x, z, B } = this;
    for (const op of ops) {
      switch (op.kind) {
        case 'gate1':
          applyKind1(op.map, x, z, B, op.targets);
          break;
        case 'gate2':
          applyKind2(op.map, x, z, B, op.targets, op.masks);
          break;
        case 'feedback':
          this.feedback(op.x, op.z, op.targets, op.lookback);
          break;
        case 'measure':
          this.measure(op.basis, op.reset, op.targets, op.flipProbability);
          break;
        case 'reset':
          for (const q of op.targets) this.resetFrame(op.basis, q * B);
          break;
        case 'noise':
          this.noise(op);
          break;
        case 'detector':
          if (this.out.detectors) this.detector(this.out.detectors, op.lookbacks);
          break;
        case 'observable':
          this.observable(op.index, op.lookbacks);
          break;
        case 'repeat':
          for (let k = 0; k < op.count; k++) this.exec(op.body);
          break;
      }
    }
  }

  private recordRow(lookback: number): number {
    return ((this.measured - lookback) & this.ringMask) * this.B;
  }

  private feedback(px: number, pz: number, targets: Int32Array, lookback: number): void {
    const { x, z, record, B } = this;
    const r = this.recordRow(lookback);
    for (const q of targets) {
      const o = q * B;
      if (px) for (let w = 0; w < B; w++) x[o + w]! ^= record[r + w]!;
      if (pz) for (let w = 0; w < B; w++) z[o + w]! ^= record[r + w]!;
    }
  }

  private measure(basis: 'X' | 'Y' | 'Z', reset: boolean, targets: Int32Array, flip: number): void {
    const { x, z, record, B, out } = this;
    for (const q of targets) {
      const o = q * B;
      const r = (this.measured & this.ringMask) * B;
      // A result flips where the frame anticommutes with the measured Pauli.
      if (basis === 'Z') for (let w = 0; w < B; w++) record[r + w] = x[o + w]!;
      else if (basis === 'X') for (let w = 0; w < B; w++) record[r + w] = z[o + w]!;
      else for (let w = 0; w < B; w++) record[r + w] = x[o + w]! ^ z[o + w]!;
      if (flip > 0) this.flipBits(record, r, flip);
      if (out.measurements) {
        const s = out.measurements.stage;
        const so = out.measurements.rowOffset;
        const ref = out.reference![this.measured] ? -1 : 0;
        for (let w = 0; w < B; w++) s[so + w] = record[r + w]! ^ ref;
        out.measurements.commitRow();
      }
      this.measured++;
      if (reset) this.resetFrame(basis, o);
      else if (basis === 'Z') this.randomize(z, o, B);
      else if (basis === 'X') this.randomize(x, o, B);
      else this.randomizeY(o, false);
    }
  }

  // After a reset the frame is a gauge element of the new eigenstate, drawn at random.
  private resetFrame(basis: 'X' | 'Y' | 'Z', o: number): void {
    const B = this.B;
    if (basis === 'Z') {
      this.x.fill(0, o, o + B);
      this.randomize(this.z, o, B);
    } else if (basis === 'X') {
      this.z.fill(0, o, o + B);
      this.randomize(this.x, o, B);
    } else {
      this.randomizeY(o, true);
    }
  }

  private randomize(a: Int32Array, o: number, n: number): void {
    this.words.fill(a, o, n);
  }

  // Multiplies the frame by Y on random shots (Y-basis gauge); `clear` first empties it.
  private randomizeY(o: number, clear: boolean): void {
    const { x, z, B, scratch } = this;
    this.words.fill(scratch, 0, B);
    for (let w = 0; w < B; w++) {
      const r = scratch[w]!;
      x[o + w] = clear ? r : x[o + w]! ^ r;
      z[o + w] = clear ? r : z[o + w]! ^ r;
    }
  }

  // Flips each of this batch's shots in a record row with probability p, visiting only the flips.
  private flipBits(a: Int32Array, o: number, p: number): void {
    const words = this.words;
    const n = this.shots;
    const scale = geometricScale(p);
    for (let s = words.geometric(scale); s < n; s += 1 + words.geometric(scale))
      a[o + (s >>> 5)]! ^= 1 << (s & 31);
  }

  private noise(op: Extract<FrameOp, { kind: 'noise' }>): void {
    const { x, z, words, rng, B } = this;
    const { table, targets } = op;
    const arity = table.arity;
    const n = this.shots;
    const groups = targets.length / arity;
    const paulis = table.pauli;
    const kinds = paulis.length;
    const pick = kinds === 1 ? 0 : table.uniform ? 1 : 2;
    const scale = geometricScale(table.total);
    // One geometric walk over every (target group, shot) pair of the instruction, group-major. The
    // frame updates are branch-free: which Pauli struck is as unpredictable as where.
    let g = 0;
    let s = words.geometric(scale);
    for (;;) {
      if (s >= n) {
        const skip = Math.floor(s / n);
        g += skip;
        s -= skip * n;
      }
      if (g >= groups) return;
      const pauli =
        pick === 0
          ? paulis[0]!
          : pick === 1
            ? paulis[((words.uint32() * kinds) / 4_294_967_296) | 0]!
            : pickError(table, rng);
      const bit = 1 << (s & 31);
      const w0 = targets[g * arity]! * B + (s >>> 5);
      x[w0]! ^= bit & -(pauli & 1);
      z[w0]! ^= bit & -((pauli >> 1) & 1);
      if (arity === 2) {
        const w1 = targets[g * 2 + 1]! * B + (s >>> 5);
        x[w1]! ^= bit & -((pauli >> 2) & 1);
        z[w1]! ^= bit & -((pauli >> 3) & 1);
      }
      s += 1 + words.geometric(scale);
    }
  }

  private xorRecords(dst: Int32Array, o: number, lookbacks: Int32Array, clear: boolean): void {
    const { record, B } = this;
    if (clear) dst.fill(0, o, o + B);
    for (const k of lookbacks) {
      const r = this.recordRow(k);
      for (let w = 0; w < B; w++) dst[o + w]! ^= record[r + w]!;
    }
  }

  private detector(w: BitTableWriter, lookbacks: Int32Array): void {
    this.xorRecords(w.stage, w.rowOffset, lookbacks, true);
    w.commitRow();
  }

  private observable(index: number, lookbacks: Int32Array): void {
    this.xorRecords(this.obs, index * this.B, lookbacks, false);
  }
}
