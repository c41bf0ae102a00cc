// The dense state-vector engine: 2^n complex amplitudes in one Float64Array (re/im interleaved,
// float64 throughout), qubit q = bit q of the index. Gates are queued, not applied at once: when the
// state is next read (measure, reset, probabilities, amplitudes, clone) the queue is fused and
// cache-blocked as a whole, so a runner that calls applyGate one gate at a time gets the same
// many-gates-per-pass speed as `applyGates`. Everything observable is as if each gate had been applied
// when it was given. The kernels run as WebAssembly SIMD where available (statevector-wasm.ts) and
// as TypeScript otherwise; both give the same results to rounding.
import type { Basis, GateOp, NoiseChannel } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import type { EngineCapabilities, StateEngine } from './engine.js';
import { channelArity, samplePauli } from './pauli-noise.js';
import { type BlockRunner, runStages, TsRegister } from './statevector-blocks.js';
import { checkGate, compileGate, gateEntry } from './statevector-compile.js';
import { fuseSameSupport } from './statevector-fuse.js';
import { collapse, probabilitiesOf, sampleOutcomes, zWeights } from './statevector-measure.js';
import { isDiagonal, type SvOp, supportMask } from './statevector-op.js';
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
}

const DEFAULT_BLOCK: BlockShape = { blockQubits: 16, lowQubits: 3 };
/** Queued ops are run once this many have piled up, to bound the planner's work and memory. */
const MAX_QUEUE = 8192;
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
  private readonly block: BlockShape;
  private queue: SvOp[] = [];
  /**
   * Qubits known to be |0⟩ in every amplitude (never touched since the start, a reset or a 0 outcome).
   * A gate controlled on such a qubit is the identity and is skipped: exact, and what makes circuits
   * such as the QFT from |0…0⟩ cheap, as in sparse simulators.
   */
  private zeroMask: number;

  /** |0…0⟩ on `numQubits` qubits. */
  constructor(numQubits: number, options: StatevectorOptions = {}) {
    this.numQubits = numQubits;
    this.options = options;
    this.fusion = options.fusion ?? true;
    this.block = options.block ?? DEFAULT_BLOCK;
    this.register = allocate(numQubits, options.backend ?? 'auto', this.block);
    this.amps = this.register.amps;
    this.amps[0] = 1;
    this.zeroMask = numQubits >= 31 ? -1 : (1 << numQubits) - 1;
  }

  /** A state from amplitudes (re/im interleaved, length 2·2^n), taken as given (not normalised). */
  static fromAmplitudes(amps: Float64Array, options: StatevectorOptions = {}): StatevectorEngine {
    const n = Math.log2(amps.length / 2);
    if (!Number.isInteger(n))
      throw new QnetError('E_QUBIT', `amplitude array of length ${amps.length} is not 2·2^n`);
    const e = new StatevectorEngine(n, options);
    e.amps.set(amps);
    e.zeroMask = 0;
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
    if (this.measureZ(qubit, rng) === 1) this.applyGate('x', [qubit], []);
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
    this.flush();
    const [p0, p1] = zWeights(this.amps, qubit);
    return p1 / (p0 + p1);
  }

  project(qubit: number, outcome: 0 | 1): number {
    this.checkQubit(qubit);
    this.flush();
    const [p0, p1] = zWeights(this.amps, qubit);
    const weight = outcome ? p1 : p0;
    if (weight > 0) collapse(this.amps, qubit, outcome, weight);
    this.noteOutcome(qubit, outcome);
    return weight / (p0 + p1);
  }

  /** Exact distribution over `qubits` (default: all, in order), OpenQASM order: bit j = qubits[j]. */
  probabilities(qubits?: readonly number[]): Float64Array {
    const qs = qubits ?? Array.from({ length: this.numQubits }, (_, q) => q);
    for (const q of qs) this.checkQubit(q);
    this.flush();
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
    this.flush();
    const copy = new StatevectorEngine(this.numQubits, this.options);
    copy.amps.set(this.amps);
    copy.zeroMask = this.zeroMask;
    return copy;
  }

  /** Runs every queued gate now. */
  flush(): void {
    if (this.queue.length === 0) return;
    const ops = this.queue;
    this.queue = [];
    runStages(this.register, planStages(fuseSameSupport(ops), this.numQubits, this.block));
  }

  private noteOutcome(qubit: number, outcome: 0 | 1): void {
    if (outcome === 0) this.zeroMask |= 1 << qubit;
    else this.zeroMask &= ~(1 << qubit);
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
    // Diagonal gates keep |0⟩ as |0⟩; anything else may move a target qubit's amplitude to |1⟩.
    if (!isDiagonal(op) && 'ctrl' in op) this.zeroMask &= ~(supportMask(op) & ~op.ctrl);
    if (!this.fusion) {
      this.register.direct([op]);
      return;
    }
    this.queue.push(op);
    if (this.queue.length >= MAX_QUEUE) this.flush();
  }

  private measureZ(qubit: number, rng: Rng): 0 | 1 {
    this.flush();
    const [p0, p1] = zWeights(this.amps, qubit);
    const total = p0 + p1;
    const outcome = rng.next() * total < p1 ? 1 : 0;
    collapse(this.amps, qubit, outcome, outcome ? p1 : p0);
    this.noteOutcome(qubit, outcome);
    return outcome;
  }

  /** Rotates `basis` onto Z: X by h, Y by sdg then h (|+i⟩ → |+⟩ → |0⟩). */
  private toZ(qubit: number, basis: Basis): void {
    if (basis === 'Y') this.applyGate('sdg', [qubit], []);
    if (basis !== 'Z') this.applyGate('h', [qubit], []);
  }

  private fromZ(qubit: number, basis: Basis): void {
    if (basis !== 'Z') this.applyGate('h', [qubit], []);
    if (basis === 'Y') this.applyGate('s', [qubit], []);
  }

  private checkQubit(q: number): void {
    if (!Number.isInteger(q) || q < 0 || q >= this.numQubits) {
      throw new QnetError('E_QUBIT', `qubit ${q} is outside the register of ${this.numQubits} qubit(s)`);
    }
  }
}
