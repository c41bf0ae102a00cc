// Runs a whole circuit, one shot, on the stabilizer engine: gates (with OpenQASM conditions and Stim's
// record feedback), measurements with their record, resets, sampled noise, detectors and observables.
// Without an Rng it gives the frame sampler's reference sample: noise and measurement flips are
// skipped and every undetermined outcome reads 0.
import type { Circuit, GateOp, Instruction, MeasureOp } from '../circuit/ir.js';
import type { Rng } from '../util/rng.js';
import type { CompiledClifford } from './clifford-compile.js';
import { StabilizerEngine } from './stabilizer.js';

export interface StabilizerShot {
  /** Every recorded measurement result in order (after `!` inversion and flip noise). */
  measurements: Uint8Array;
  /** Parity of each detector's records (raw, not relative to a reference). */
  detectors: Uint8Array;
  /** Parity of each observable's records (raw). */
  observables: Uint8Array;
  /** OpenQASM classical bits. */
  bits: Uint8Array;
}

export interface StabilizerRunOptions {
  /** Apply noise channels and measurement flips (default true when an Rng is given). */
  noise?: boolean;
}

/** One shot of `circuit`. Without an Rng the run is the noiseless reference (undetermined outcomes read 0). */
export function runStabilizerShot(
  circuit: Circuit,
  rng?: Rng,
  options: StabilizerRunOptions = {},
): StabilizerShot {
  const run = new ShotRun(circuit, rng, options.noise ?? rng !== undefined);
  run.exec(circuit.instructions);
  return run.result();
}

/** The noiseless reference sample: what the frame sampler measures frames against. */
export function referenceSample(circuit: Circuit): StabilizerShot {
  return runStabilizerShot(circuit);
}

class ShotRun {
  private readonly engine: StabilizerEngine;
  private readonly rng: Rng | undefined;
  private readonly noise: boolean;
  private readonly record: number[] = [];
  private readonly detectors: number[] = [];
  private readonly observables: number[] = [];
  private readonly bits: Uint8Array;
  private readonly compiled = new Map<GateOp, CompiledClifford>();

  constructor(circuit: Circuit, rng: Rng | undefined, noise: boolean) {
    this.engine = new StabilizerEngine(circuit.numQubits);
    this.rng = rng;
    this.noise = noise && rng !== undefined;
    this.bits = new Uint8Array(circuit.numBits);
  }

  result(): StabilizerShot {
    return {
      measurements: Uint8Array.from(this.record),
      detectors: Uint8Array.from(this.detectors),
      observables: Uint8Array.from(this.observables),
      bits: this.bits,
    };
  }

  exec(instructions: readonly Instruction[]): void {
    for (const op of instructions) {
      switch (op.kind) {
        case 'gate':
          this.gate(op);
          break;
        case 'measure':
          this.measure(op);
          break;
        case 'reset':
          if (op.condition && !this.holds(op.condition)) break;
          for (const q of op.targets) this.engine.resetWith(q, op.basis, this.coin());
          break;
        case 'noise':
          if (this.noise) this.engine.applyNoise(op.channel, op.targets, op.probabilities, this.rng!);
          break;
        case 'detector':
          this.detectors.push(this.parity(op.lookbacks));
          break;
        case 'observable':
          while (this.observables.length <= op.index) this.observables.push(0);
          this.observables[op.index]! ^= this.parity(op.lookbacks);
          break;
        case 'repeat':
          for (let k = 0; k < op.count; k++) this.exec(op.body);
          break;
        default:
          break;
      }
    }
  }

  private gate(op: GateOp): void {
    if (op.condition && !this.holds(op.condition)) return;
    if (op.recordControl !== undefined) {
      if (this.record[this.record.length - op.recordControl] !== 1) return;
      for (const q of op.targets) this.engine.applyPauli(q, op.gate === 'z' ? 0 : 1, op.gate === 'x' ? 0 : 1);
      return;
    }
    let c = this.compiled.get(op);
    if (!c) {
      c = this.engine.compiled(op.gate, op.params);
      this.compiled.set(op, c);
    }
    const arity = c.arity;
    const t = op.targets;
    for (let i = 0; i + arity <= t.length; i += arity) this.engine.applyCompiled(c, t[i]!, t[i + 1] ?? -1);
  }

  private measure(op: MeasureOp): void {
    if (op.condition && !this.holds(op.condition)) return;
    const flip = this.noise ? op.flipProbability : 0;
    op.targets.forEach((q, i) => {
      const m = this.engine.measureWith(q, op.basis, this.coin());
      let recorded = m;
      if (flip > 0 && this.rng!.next() < flip) recorded ^= 1;
      if (op.inverted?.[i]) recorded ^= 1;
      this.record.push(recorded);
      const bit = op.bits?.[i];
      if (bit !== undefined) this.bits[bit] = recorded;
      // The state holds the true outcome m; flip it back to the basis's +1 eigenstate.
      if (op.reset && m === 1) this.engine.applyPauli(q, op.basis === 'Z' ? 1 : 0, op.basis === 'Z' ? 0 : 1);
    });
  }

  private coin(): number {
    return this.rng ? this.rng.nextUint32() >>> 31 : 0;
  }

  private parity(lookbacks: readonly number[]): number {
    let p = 0;
    for (const k of lookbacks) p ^= this.record[this.record.length - k]!;
    return p;
  }

  private holds(c: { bits: readonly number[]; value: number }): boolean {
    let v = 0;
    c.bits.forEach((b, i) => {
      v += this.bits[b]! * 2 ** i;
    });
    return v === c.value;
  }
}
