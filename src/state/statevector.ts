// The dense state-vector engine: 2^n complex amplitudes in one Float64Array (re/im interleaved,
// float64 throughout), qubit q = bit q of the index. Gates are queued, not applied at once: when the
// state is next read (measure, reset, probabilities, amplitudes, clone) the queue is fused and
// cache-blocked as a whole, so a runner that calls applyGate one gate at a time gets the same
// many-gates-per-pass speed as `applyGates`. One-qubit gates on a qubit known to be |0⟩ are not even
// queued: its state is kept as two numbers until a gate entangles it or the state is read (`heldMask`).
// Everything observable is as if each gate had been applied when it was given. The kernels run as WebAssembly SIMD where available (statevector-wasm.ts) and
// as TypeScript otherwise; both give the same results to rounding.
import type { Basis, GateOp, NoiseChannel } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { checkQubitIndex, rotateFromZ, rotateToZ } from './basis-change.js';
import type { EngineCapabilities, StateEngine } from './engine.js';
import { channelArity, samplePauli } from './pauli-noise.js';
import { type BlockRunner, runStages, TsRegister } from './statevector-blocks.js';
import { checkGate, compileGate, gateEntry } from './statevector-compile.js';
import { fuseSameSupport, opMatrix } from './statevector-fuse.js';
import { collapse, probabilitiesOf, sampleOutcomes, zWeights } from './statevector-measure.js';
import { actedMask, bitsOf, isDiagonal, opFromMatrix, type SvOp, supportMask } from './statevector-op.js';
import { type BlockShape, planStages } from './statevector-plan.js';
import { WASM_MAX_QUBITS, WasmRegister, wasmAvailable } from './statevector-wasm.js';

/** 2^30 amplitudes take 16 GiB; beyond that no machine this runs on holds the vector. */
export const MAX_STATEVECTOR_QUBITS = 30;

export interface StatevectorOptions {
  /**
   * false: apply every gate at once with its own kernel, no fusion and no blocking (the reference
   * path the tests compare the fast one against). Default true.
   */
  fusion?: boolean;
  /**
   * Cache-blocking shape. The default, 2^16 amplitudes (1 MiB blocks), was the fastest on the
   * benchmark machine (2 MiB L2 per core); 2^14 suits cores with a smaller L2.
   */
  block?: BlockShape;
  /**
   * Kernels: 'wasm' (SIMD, up to 27 qubits), 'ts' (TypeScript, any size), or 'auto' (default):
   * WebAssembly from 12 qubits up where it is available, TypeScript otherwise.
   */
  backend?: 'auto' | 'wasm' | 'ts';
  /**
   * false: know nothing about qubits in |0⟩, so that every gate runs (the reference the tracking is
   * tested against). Default true: gates controlled on a qubit known to be |0⟩ are skipped and, with
   * fusion, one-qubit gates on such qubits are held back as 2×2 products (see `heldMask`).
   */
  trackZero?: boolean;
}

const DEFAULT_BLOCK: BlockShape = { blockQubits: 16, lowQubits: 3 };
/** Queued ops are run once this many have piled up, to bound the planner's work and memory. */
const MAX_QUEUE = 8192;
/**
 * Qubits in the low table of `writeProduct`: 2^10 entries (16 KiB) stay in L1 while the register is
 * written.
 */
const PRODUCT_LOW_QUBITS = 10;
/** Gate for a Pauli coded as x | z << 1 (pauli-noise.ts). */
const PAULI_GATE = ['', 'x', 'z', 'y'] as const;

function gib(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(0)} GiB` : `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

function tooLarge(numQubits: number, cause?: unknown): QnetError {
  const bytes = 16 * 2 ** numQubits;
  const why =
    cause === undefined
      ? `the limit is ${MAX_STATEVECTOR_QUBITS} qubits`
      : `the allocation failed (${cause instanceof Error ? cause.message : String(cause)})`;
  return new QnetError(
    'E_TOO_LARGE',
    `a state vector of ${numQubits} qubits needs ${gib(bytes)} (2^${numQubits} amplitudes × 16 bytes); ${why}`,
    {
      hint: 'for Clifford circuits use the stabilizer engine, which handles thousands of qubits',
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

/** Below this size the TypeScript kernels are as fast and need no 256 KiB WebAssembly arena. */
const WASM_MIN_QUBITS = 12;

function allocate(numQubits: number, backend: 'auto' | 'wasm' | 'ts', block: BlockShape): BlockRunner {
  if (!Number.isInteger(numQubits) || numQubits < 0) {
    throw new QnetError('E_QUBIT', `the number of qubits must be a whole number >= 0 (got ${numQubits})`);
  }
  if (numQubits > MAX_STATEVECTOR_QUBITS) throw tooLarge(numQubits);
  if (backend === 'wasm' && !wasmAvailable())
    throw new Error('the WebAssembly backend is not available here');
  const wasm =
    backend === 'wasm' ||
    (backend === 'auto' && wasmAvailable() && numQubits >= WASM_MIN_QUBITS && numQubits <= WASM_MAX_QUBITS);
  if (wasm) {
    try {
      return new WasmRegister(numQubits, block.blockQubits);
    } catch (e) {
      // Out of WebAssembly memory: a plain array may still fit.
      if (backend === 'wasm') throw tooLarge(numQubits, e);
    }
  }
  try {
    return new TsRegister(new Float64Array(2 * 2 ** numQubits));
  } catch (e) {
    throw tooLarge(numQubits, e);
  }
}

const lowestBit = (mask: number): number => 31 - Math.clz32(mask & -mask);

/**
 * The product over `qubits` (held states in `held`: re a, im a, re b, im b per qubit) of
 * (a_q|0⟩ + b_q|1⟩), times re + i·im: entry j (re/im interleaved) is the amplitude whose bit qubits[t]
 * is bit t of j, at index offsets[j] (which includes `base`). Built by doubling, one qubit at a time.
 */
function productTable(
  held: Float64Array,
  qubits: readonly number[],
  re: number,
  im: number,
  base: number,
): { values: Float64Array; offsets: Float64Array } {
  const size = 2 ** qubits.length;
  const v = new Float64Array(2 * size);
  const offsets = new Float64Array(size);
  v[0] = re;
  v[1] = im;
  offsets[0] = base;
  let n = 1;
  for (const q of qubits) {
    const o = 4 * q;
    const ar = held[o]!;
    const ai = held[o + 1]!;
    const br = held[o + 2]!;
    const bi = held[o + 3]!;
    const step = 2 ** q;
    for (let i = 0; i < n; i++) {
      const vr = v[2 * i]!;
      const vi = v[2 * i + 1]!;
      v[2 * (i + n)] = vr * br - vi * bi;
      v[2 * (i + n) + 1] = vr * bi + vi * br;
      v[2 * i] = vr * ar - vi * ai;
      v[2 * i + 1] = vr * ai + vi * ar;
      offsets[i + n] = offsets[i]! + step;
    }
    n *= 2;
  }
  return { values: v, offsets };
}

/**
 * out ← (re + i·im) · v, complex, re/im interleaved. A function of its own, on a view of exactly the
 * run: V8 optimises it after a few calls and drops the bounds checks (1.5× the loop written inline).
 */
function scaledCopy(out: Float64Array, v: Float64Array, re: number, im: number): void {
  for (let x = 0; x < out.length; x += 2) {
    const vr = v[x]!;
    const vi = v[x + 1]!;
    out[x] = re * vr - im * vi;
    out[x + 1] = re * vi + im * vr;
  }
}

export class StatevectorEngine implements StateEngine {
  readonly name = 'statevector' as const;
  readonly numQubits: number;
  readonly capabilities: EngineCapabilities = {
    gates: 'all',
    mixedStates: false,
    exactProbabilities: true,
    maxQubits: MAX_STATEVECTOR_QUBITS,
  };
  private readonly register: BlockRunner;
  private readonly amps: Float64Array;
  private readonly options: StatevectorOptions;
  private readonly fusion: boolean;
  private readonly track: boolean;
  /** Whether one-qubit gates on |0⟩ qubits are held back (see `heldMask`). */
  private readonly hold: boolean;
  private readonly block: BlockShape;
  private queue: SvOp[] = [];
  /**
   * Held qubits: |0⟩ in every amplitude (once the queue has run), their state a|0⟩ + b|1⟩ in `held`;
   * the true state is phase · (⊗ over held q of (a_q|0⟩ + b_q|1⟩)) ⊗ (the amplitudes). Holding a qubit
   * that has seen only one-qubit gates since it was last |0⟩ makes each such gate a 2×2 product rather
   * than a pass over 2^n amplitudes, and keeps the qubit known-|0⟩ (gates controlled on it skipped) for
   * as long as b stays exactly 0. Circuits such as the QFT from |0…0⟩ then end as a product state,
   * written in one pass (`writeProduct`).
   */
  private heldMask = 0;
  /** Per qubit: re a, im a, re b, im b, meaningful while the qubit is held. */
  private readonly held: Float64Array;
  /**
   * Qubits known to be |0⟩ up to a phase: held with b exactly 0, or (when not holding) |0⟩ in every
   * amplitude since the start, a reset or a 0 outcome. A gate controlled on such a qubit is the
   * identity and is skipped: exact, and what makes circuits such as the QFT from |0…0⟩ cheap, as in
   * sparse simulators.
   */
  private zeroMask: number;
  /** A global phase not yet in the amplitudes (phases of held qubits that stopped being held). */
  private phaseRe = 1;
  private phaseIm = 0;
  /** The queue is empty and amplitude 0 is the only one that may be non-zero. */
  private pristine: boolean;

  /** |0…0⟩ on `numQubits` qubits. */
  constructor(numQubits: number, options: StatevectorOptions = {}) {
    this.numQubits = numQubits;
    this.options = options;
    this.fusion = options.fusion ?? true;
    this.track = options.trackZero ?? true;
    // Held gates are run late by design; the reference path runs each gate when it is given.
    this.hold = this.track && this.fusion;
    this.block = options.block ?? DEFAULT_BLOCK;
    this.register = allocate(numQubits, options.backend ?? 'auto', this.block);
    this.amps = this.register.amps;
    this.amps[0] = 1;
    const all = numQubits >= 31 ? -1 : (1 << numQubits) - 1;
    this.zeroMask = this.track ? all : 0;
    this.held = new Float64Array(4 * numQubits);
    if (this.hold) {
      this.heldMask = all;
      for (let q = 0; q < numQubits; q++) this.held[4 * q] = 1;
    }
    this.pristine = this.hold;
  }

  /** A state from amplitudes (re/im interleaved, length 2·2^n), taken as given (not normalised). */
  static fromAmplitudes(amps: Float64Array, options: StatevectorOptions = {}): StatevectorEngine {
    const n = Math.log2(amps.length / 2);
    if (!Number.isInteger(n))
      throw new QnetError('E_QUBIT', `amplitude array of length ${amps.length} is not 2·2^n`);
    const e = new StatevectorEngine(n, options);
    e.amps.set(amps);
    e.zeroMask = 0;
    e.heldMask = 0;
    e.pristine = false;
    return e;
  }

  applyGate(gate: string, targets: readonly number[], params: readonly number[]): void {
    const entry = gateEntry(gate);
    checkGate(entry, targets, params, this.numQubits);
    const op = compileGate(entry, targets, params);
    if (op) this.push(op);
  }

  /** Applies gate instructions (unconditional; targets in groups of the gate's arity) as one fused run. */
  applyGates(ops: readonly GateOp[]): void {
    for (const op of ops) {
      if (op.condition || op.recordControl !== undefined) {
        throw new Error(`applyGates: gate ${op.gate} is conditional; the circuit runner decides those`);
      }
      const entry = gateEntry(op.gate);
      for (let at = 0; at < op.targets.length; at += entry.arity) {
        this.applyGate(op.gate, op.targets.slice(at, at + entry.arity), op.params);
      }
    }
    this.flush();
  }

  measure(qubit: number, basis: Basis, rng: Rng): 0 | 1 {
    this.checkQubit(qubit);
    this.toZ(qubit, basis);
    const outcome = this.measureZ(qubit, rng);
    this.fromZ(qubit, basis);
    return outcome;
  }

  reset(qubit: number, basis: Basis, rng: Rng): void {
    this.checkQubit(qubit);
    if (this.measureZ(qubit, rng) === 1) {
      this.applyGate('x', [qubit], []);
      // Collapsed onto |1⟩ and flipped: |0⟩ in every amplitude once the queue has run.
      if (!this.isHeld(qubit)) this.markZero(qubit);
    }
    this.fromZ(qubit, basis);
  }

  applyNoise(
    channel: NoiseChannel,
    targets: readonly number[],
    probabilities: readonly number[],
    rng: Rng,
  ): void {
    const arity = channelArity(channel);
    if (targets.length % arity !== 0) {
      throw new QnetError('E_NOISE', `${channel} acts on pairs of qubits, got ${targets.length} target(s)`);
    }
    for (let at = 0; at < targets.length; at += arity) {
      const pauli = samplePauli(channel, probabilities, rng);
      for (let j = 0; j < arity && pauli !== 0; j++) {
        const code = (pauli >> (2 * j)) & 3;
        if (code !== 0) this.applyGate(PAULI_GATE[code]!, [targets[at + j]!], []);
      }
    }
  }

  probabilityOfOne(qubit: number): number {
    this.checkQubit(qubit);
    const [p0, p1] = this.weights(qubit);
    return p1 / (p0 + p1);
  }

  project(qubit: number, outcome: 0 | 1): number {
    this.checkQubit(qubit);
    const [p0, p1] = this.weights(qubit);
    const weight = outcome ? p1 : p0;
    // A projection of weight 0 leaves the state as it was, and so what is known of it.
    if (weight > 0) this.collapseTo(qubit, outcome, weight);
    return weight / (p0 + p1);
  }

  /** Exact distribution over `qubits` (default: all, in order), OpenQASM order: bit j = qubits[j]. */
  probabilities(qubits?: readonly number[]): Float64Array {
    const qs = qubits ?? Array.from({ length: this.numQubits }, (_, q) => q);
    let mask = 0;
    for (const q of qs) {
      this.checkQubit(q);
      mask |= 1 << q;
    }
    // Held qubits outside `qubits` are |0⟩ in the amplitudes and of norm 1: they change no marginal.
    this.settle(mask, false);
    return probabilitiesOf(this.amps, qs);
  }

  /**
   * Outcomes of measuring `qubits` in Z on `shots` copies of this state (OpenQASM order), drawn
   * from the exact distribution without collapsing or re-running anything.
   */
  sample(qubits: readonly number[], shots: number, rng: Rng): Uint32Array {
    if (qubits.length > 32)
      throw new QnetError('E_QUBIT', `sample: at most 32 qubits per outcome (got ${qubits.length})`);
    return sampleOutcomes(this.probabilities(qubits), shots, rng);
  }

  /** A copy of the amplitudes, re/im interleaved: amplitude i at [2i], [2i + 1]. */
  amplitudes(): Float64Array {
    this.flush();
    return this.amps.slice();
  }

  clone(): StatevectorEngine {
    // Held qubits are copied as they are; queued gates run once here rather than once per copy.
    this.runQueue();
    const copy = new StatevectorEngine(this.numQubits, this.options);
    if (this.pristine) {
      copy.amps[0] = this.amps[0]!;
      copy.amps[1] = this.amps[1]!;
    } else copy.amps.set(this.amps);
    copy.zeroMask = this.zeroMask;
    copy.heldMask = this.heldMask;
    copy.held.set(this.held);
    copy.phaseRe = this.phaseRe;
    copy.phaseIm = this.phaseIm;
    copy.pristine = this.pristine;
    return copy;
  }

  /** Runs every queued gate now, and writes held qubits and the global phase into the amplitudes. */
  flush(): void {
    this.settle(this.numQubits >= 31 ? -1 : (1 << this.numQubits) - 1, true);
  }

  /** Runs the queued gates, leaving held qubits held. */
  private runQueue(): void {
    if (this.queue.length === 0) return;
    const ops = this.queue;
    this.queue = [];
    runStages(this.register, planStages(fuseSameSupport(ops), this.numQubits, this.block));
  }

  /**
   * Brings the qubits of `mask` into the amplitudes and runs the queue: held qubits known to be |0⟩
   * stay held (their phase goes to the global one), the others are folded in. With `withPhase` the
   * global phase is written too, so that the amplitudes are the true state.
   */
  private settle(mask: number, withPhase: boolean): void {
    let fold = 0;
    for (let m = mask & this.heldMask; m !== 0; m &= m - 1) {
      const q = lowestBit(m);
      const h = this.held;
      const o = 4 * q;
      if (h[o + 2] === 0 && h[o + 3] === 0) {
        this.mulPhase(h[o]!, h[o + 1]!);
        h[o] = 1;
        h[o + 1] = 0;
      } else fold |= 1 << q;
    }
    if (fold !== 0 && this.pristine) this.writeProduct(fold);
    else for (let m = fold; m !== 0; m &= m - 1) this.fold(lowestBit(m));
    if (withPhase && (this.phaseRe !== 1 || this.phaseIm !== 0)) {
      if (this.pristine) {
        const r = this.amps[0]!;
        const i = this.amps[1]!;
        this.amps[0] = r * this.phaseRe - i * this.phaseIm;
        this.amps[1] = r * this.phaseIm + i * this.phaseRe;
      } else this.enqueue({ kind: 'scale', fixed: 0, value: 0, re: this.phaseRe, im: this.phaseIm });
      this.phaseRe = 1;
      this.phaseIm = 0;
    }
    this.runQueue();
  }

  /**
   * On a pristine register, writes amplitude 0 · phase · ⊗ over q in `qubits` (all held) of
   * (a_q|0⟩ + b_q|1⟩) in one pass: each amplitude is a product of a low-qubit and a high-qubit table
   * entry, so the pass only writes (the tables stay in cache), where folding gate by gate would read
   * and write the register once per pair of qubits.
   */
  private writeProduct(qubits: number): void {
    const h = this.held;
    const a = this.amps;
    let re = a[0]! * this.phaseRe - a[1]! * this.phaseIm;
    let im = a[0]! * this.phaseIm + a[1]! * this.phaseRe;
    // Qubits known to be |1⟩ (a = 0 exactly) only move the product: one factor and an offset.
    let base = 0;
    const free: number[] = [];
    for (const q of bitsOf(qubits)) {
      const o = 4 * q;
      if (h[o] !== 0 || h[o + 1] !== 0) {
        free.push(q);
        continue;
      }
      base += 2 ** q;
      const br = h[o + 2]!;
      const bi = h[o + 3]!;
      [re, im] = [re * br - im * bi, re * bi + im * br];
    }
    a[0] = 0;
    a[1] = 0;
    const nLow = Math.min(free.length, PRODUCT_LOW_QUBITS);
    const low = productTable(h, free.slice(0, nLow), 1, 0, 0);
    const high = productTable(h, free.slice(nLow), re, im, base);
    const lv = low.values;
    const lo = low.offsets;
    const hv = high.values;
    const ho = high.offsets;
    const runs = ho.length;
    const len = lo.length;
    // The low qubits are 0..nLow−1 in the common case: each run of amplitudes is consecutive.
    const consecutive = nLow === 0 || free[nLow - 1] === nLow - 1;
    for (let r = 0; r < runs; r++) {
      const hr = hv[2 * r]!;
      const hi = hv[2 * r + 1]!;
      const at = 2 * ho[r]!;
      if (consecutive) scaledCopy(a.subarray(at, at + 2 * len), lv, hr, hi);
      else {
        for (let l = 0; l < len; l++) {
          const x = at + 2 * lo[l]!;
          const lr = lv[2 * l]!;
          const li = lv[2 * l + 1]!;
          a[x] = hr * lr - hi * li;
          a[x + 1] = hr * li + hi * lr;
        }
      }
    }
    this.heldMask &= ~qubits;
    this.zeroMask &= ~qubits;
    this.phaseRe = 1;
    this.phaseIm = 0;
    this.pristine = false;
  }

  private isHeld(q: number): boolean {
    return ((this.heldMask >>> q) & 1) === 1;
  }

  private mulPhase(re: number, im: number): void {
    const r = this.phaseRe;
    this.phaseRe = r * re - this.phaseIm * im;
    this.phaseIm = r * im + this.phaseIm * re;
  }

  /** Sets held qubit q's state to (ar + i·ai, br + i·bi), and its zero bit to match. */
  private setHeld(q: number, ar: number, ai: number, br: number, bi: number): void {
    const o = 4 * q;
    this.held[o] = ar;
    this.held[o + 1] = ai;
    this.held[o + 2] = br;
    this.held[o + 3] = bi;
    if (br === 0 && bi === 0) this.zeroMask |= 1 << q;
    else this.zeroMask &= ~(1 << q);
  }

  /** Qubit q is |0⟩ in every amplitude once the queue has run: hold it, or note it. */
  private markZero(q: number): void {
    if (this.hold) {
      this.heldMask |= 1 << q;
      this.setHeld(q, 1, 0, 0, 0);
    } else if (this.track) this.zeroMask |= 1 << q;
  }

  /** A one-qubit op on held qubit q, applied to its state. */
  private absorb(q: number, op: SvOp): void {
    const h = this.held;
    const o = 4 * q;
    const ar = h[o]!;
    const ai = h[o + 1]!;
    const br = h[o + 2]!;
    const bi = h[o + 3]!;
    switch (op.kind) {
      case 'x':
        this.setHeld(q, br, bi, ar, ai);
        return;
      case 'diag1': {
        const d = op.d;
        const [d0r, d0i, d1r, d1i] = [d[0]!, d[1]!, d[2]!, d[3]!];
        this.setHeld(q, d0r * ar - d0i * ai, d0r * ai + d0i * ar, d1r * br - d1i * bi, d1r * bi + d1i * br);
        return;
      }
      case 'scale': {
        const { re, im } = op;
        if (op.value === 0) this.setHeld(q, re * ar - im * ai, re * ai + im * ar, br, bi);
        else this.setHeld(q, ar, ai, re * br - im * bi, re * bi + im * br);
        return;
      }
      default: {
        const m = op.kind === 'dense1' ? op.m : opMatrix(op, [q]);
        const [m0, m1, m2, m3, m4, m5, m6, m7] = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!];
        this.setHeld(
          q,
          m0 * ar - m1 * ai + (m2 * br - m3 * bi),
          m0 * ai + m1 * ar + (m2 * bi + m3 * br),
          m4 * ar - m5 * ai + (m6 * br - m7 * bi),
          m4 * ai + m5 * ar + (m6 * bi + m7 * br),
        );
      }
    }
  }

  /** Writes held qubit q's state into the amplitudes (where q is |0⟩) and stops holding it. */
  private fold(q: number): void {
    const h = this.held;
    const o = 4 * q;
    this.heldMask &= ~(1 << q);
    this.zeroMask &= ~(1 << q);
    const pr = this.phaseRe;
    const pi = this.phaseIm;
    const ar = h[o]! * pr - h[o + 1]! * pi;
    const ai = h[o]! * pi + h[o + 1]! * pr;
    if (h[o + 2] === 0 && h[o + 3] === 0) {
      // Still |0⟩: only its phase is left, and a global phase can wait for a fold that costs a pass anyway.
      this.phaseRe = ar;
      this.phaseIm = ai;
      return;
    }
    const br = h[o + 2]! * pr - h[o + 3]! * pi;
    const bi = h[o + 2]! * pi + h[o + 3]! * pr;
    this.phaseRe = 1;
    this.phaseIm = 0;
    // Any unitary whose first column is (a, b) will do, as q's |1⟩ amplitudes are all 0; this one is
    // the table's h when a = b = 1/√2 (and x when (a, b) = (0, 1)), which keeps their cheaper kernels.
    const m = new Float64Array([ar, ai, br, -bi, br, bi, -ar, ai]);
    const op = opFromMatrix([q], m);
    if (op) this.enqueue(op);
  }

  /** Swaps qubits a and b in what is known (held states, zero bits), as a swap gate does to the state. */
  private exchange(a: number, b: number): void {
    const swapBits = (mask: number): number => {
      const d = ((mask >>> a) ^ (mask >>> b)) & 1;
      return mask ^ ((d << a) | (d << b));
    };
    this.heldMask = swapBits(this.heldMask);
    this.zeroMask = swapBits(this.zeroMask);
    for (let k = 0; k < 4; k++) {
      const t = this.held[4 * a + k]!;
      this.held[4 * a + k] = this.held[4 * b + k]!;
      this.held[4 * b + k] = t;
    }
  }

  /** True when `op` is the identity on every amplitude that can be non-zero (see `zeroMask`). */
  private actsAsIdentity(op: SvOp): boolean {
    const zero = this.zeroMask;
    if (zero === 0) return false;
    switch (op.kind) {
      case 'scale':
        return (op.value & zero) !== 0;
      case 'diag1':
        return (op.ctrl & zero) !== 0 || (((zero >>> op.target) & 1) === 1 && op.d[0] === 1 && op.d[1] === 0);
      case 'diag': {
        let free = 0;
        op.qubits.forEach((q, t) => {
          if (!((zero >>> q) & 1)) free |= 1 << t;
        });
        // Entries whose zero qubits read 0 are the only ones that touch non-zero amplitudes.
        for (let j = 0; j < op.table.length / 2; j++) {
          if ((j & ~free) !== 0) continue;
          if (op.table[2 * j] !== 1 || op.table[2 * j + 1] !== 0) return false;
        }
        return true;
      }
      default:
        return (op.ctrl & zero) !== 0;
    }
  }

  private push(op: SvOp): void {
    if (this.actsAsIdentity(op)) return;
    const support = supportMask(op);
    const held = support & this.heldMask;
    if (held !== 0 && held === support && (support & (support - 1)) === 0) {
      this.absorb(lowestBit(support), op);
      return;
    }
    if (op.kind === 'swap' && op.ctrl === 0) {
      // Qubits |0⟩ in every amplitude swap by bookkeeping alone; otherwise the amplitudes swap too,
      // and a held qubit's |0⟩ moves with them.
      if ((((1 << op.a) | (1 << op.b)) & ~(this.heldMask | this.zeroMask)) !== 0) this.enqueue(op);
      this.exchange(op.a, op.b);
      return;
    }
    // Diagonal gates keep |0⟩ as |0⟩, so held qubits known to be |0⟩ stay held under them; any other
    // gate may move a target's amplitude to |1⟩.
    const diagonal = isDiagonal(op);
    const fold = diagonal ? held & ~this.zeroMask : held;
    for (let m = fold; m !== 0; m &= m - 1) this.fold(lowestBit(m));
    if (!diagonal) this.zeroMask &= ~actedMask(op);
    this.enqueue(op);
  }

  private enqueue(op: SvOp): void {
    this.pristine = false;
    if (!this.fusion) {
      this.register.direct([op]);
      return;
    }
    this.queue.push(op);
    if (this.queue.length >= MAX_QUEUE) this.runQueue();
  }

  /** Σ|a_i|² over the amplitudes with the qubit at 0 and at 1. */
  private weights(qubit: number): [number, number] {
    if (this.isHeld(qubit)) {
      const h = this.held;
      const o = 4 * qubit;
      return [h[o]! ** 2 + h[o + 1]! ** 2, h[o + 2]! ** 2 + h[o + 3]! ** 2];
    }
    this.runQueue();
    return zWeights(this.amps, qubit);
  }

  /** Projects the qubit onto `outcome` of weight `weight` > 0 (from `weights`) and normalises. */
  private collapseTo(qubit: number, outcome: 0 | 1, weight: number): void {
    if (this.isHeld(qubit)) {
      const h = this.held;
      const o = 4 * qubit;
      const s = 1 / Math.sqrt(weight);
      if (outcome === 0) this.setHeld(qubit, h[o]! * s, h[o + 1]! * s, 0, 0);
      else this.setHeld(qubit, 0, 0, h[o + 2]! * s, h[o + 3]! * s);
      return;
    }
    collapse(this.amps, qubit, outcome, weight);
    this.pristine = false;
    if (outcome === 0) this.markZero(qubit);
    else this.zeroMask &= ~(1 << qubit);
  }

  private measureZ(qubit: number, rng: Rng): 0 | 1 {
    const [p0, p1] = this.weights(qubit);
    const outcome = rng.next() * (p0 + p1) < p1 ? 1 : 0;
    this.collapseTo(qubit, outcome, outcome ? p1 : p0);
    return outcome;
  }

  private toZ(qubit: number, basis: Basis): void {
    rotateToZ(this, qubit, basis);
  }

  private fromZ(qubit: number, basis: Basis): void {
    rotateFromZ(this, qubit, basis);
  }

  private checkQubit(q: number): void {
    checkQubitIndex(q, this.numQubits);
  }
}
