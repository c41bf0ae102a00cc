// The WebAssembly SIMD backend: the register lives in a WebAssembly memory and the hot kernels run
// as f64x2 code (statevector-wasm.wat), 2–4× the TypeScript kernels in cache. Layout of the memory:
// [parameter arena | block scratch | amplitudes]. Kernels without a SIMD version run the TypeScript
// kernel on a view of the same memory. Where WebAssembly or its SIMD is missing, `wasmAvailable` is
// false and the engine uses the TypeScript backend.

import type { BlockRunner } from './statevector-blocks.js';
import { kDenseK, kScale } from './statevector-kernels.js';
import { isHadamard, isReal, type SvOp } from './statevector-op.js';
import { STATEVECTOR_WASM_BASE64 } from './statevector-wasm-binary.js';

interface Kernels {
  scale(p: number, n: number, fixed: number, value: number, re: number, im: number): void;
  exchange(p: number, n: number, fixed: number, value: number, delta: number): void;
  diag1(
    p: number,
    n: number,
    t: number,
    ctrl: number,
    d0r: number,
    d0i: number,
    d1r: number,
    d1i: number,
  ): void;
  dense1r(
    p: number,
    n: number,
    t: number,
    ctrl: number,
    m00: number,
    m01: number,
    m10: number,
    m11: number,
  ): void;
  dense1c(p: number, n: number, t: number, ctrl: number, ...m: number[]): void;
  hadamard(p: number, n: number, t: number, ctrl: number): void;
  hadamard2(p: number, n: number, ta: number, tb: number): void;
  dense2(p: number, n: number, hi: number, lo: number, ctrl: number, mp: number): void;
  diagTable(
    p: number,
    n: number,
    tp: number,
    lp: number,
    chunkBits: number,
    nLow: number,
    hp: number,
    nHigh: number,
  ): void;
  gather(base: number, block: number, offsets: number, runs: number, runBytes: number): void;
  scatter(base: number, block: number, offsets: number, runs: number, runBytes: number): void;
}

/** The part of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (desc: { initial: number; maximum?: number }) => WasmMemory;
}

const PAGE = 65536;
/** Matrices and diagonal tables of one stage (stages needing more run in pieces), plus gather offsets. */
const PARAM_BYTES = 1 << 18;
/** The module's 32-bit addresses and V8's 4 GiB memory limit leave room for 2^27 amplitudes. */
export const WASM_MAX_QUBITS = 27;

function decode(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/**
 * Compiled once at load; null if unsupported. The module is 5 KiB: a browser's main thread may refuse
 * to compile it synchronously (Chromium allows 4 KiB there), and then the TypeScript kernels run.
 */
const MODULE: object | null = (() => {
  if (!api) return null;
  try {
    return new api.Module(decode(STATEVECTOR_WASM_BASE64));
  } catch {
    return null;
  }
})();

export const wasmAvailable = (): boolean => MODULE !== null;

/** j with a zero bit inserted at every set bit of `mask`. */
function spread(j: number, mask: number): number {
  let m = mask;
  while (m !== 0) {
    const low = m & -m;
    const below = low - 1;
    j = ((j & ~below) << 1) | (j & below);
    m ^= low;
  }
  return j;
}

type Bound = (ptr: number, nAmps: number) => void;

export class WasmRegister implements BlockRunner {
  /** The amplitudes, a view into the WebAssembly memory. */
  readonly amps: Float64Array;
  private readonly f64: Float64Array;
  private readonly i32: Int32Array;
  private readonly k: Kernels;
  private readonly scratch: number;
  private readonly state: number;
  private readonly nAmps: number;
  private readonly arenaBytes: number;
  private arena = 0;

  /** Throws RangeError when the memory cannot be had; callers fall back or report E_TOO_LARGE. */
  constructor(numQubits: number, blockQubits: number) {
    if (!api || !MODULE) throw new Error('WebAssembly SIMD is not available');
    if (numQubits > WASM_MAX_QUBITS)
      throw new RangeError(`${numQubits} qubits exceed the WebAssembly backend`);
    this.nAmps = 2 ** numQubits;
    const blocked = numQubits > blockQubits;
    const blockBytes = blocked ? 16 * 2 ** blockQubits : 0;
    // A gathered block has at most 2^blockQubits runs, each with a 4-byte offset.
    this.arenaBytes = PARAM_BYTES + (blocked ? 4 * 2 ** blockQubits : 0);
    this.scratch = this.arenaBytes;
    this.state = this.scratch + blockBytes;
    const memory = new api.Memory({ initial: Math.ceil((this.state + 16 * this.nAmps) / PAGE) });
    this.k = new api.Instance(MODULE, { env: { memory } }).exports as Kernels;
    this.f64 = new Float64Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
    this.amps = this.f64.subarray(this.state / 8, this.state / 8 + 2 * this.nAmps);
  }

  direct(ops: readonly SvOp[]): void {
    for (const op of ops) {
      this.arena = 0;
      this.bind(op, this.nAmps)?.(this.state, this.nAmps);
    }
  }

  blocks(qubits: readonly number[], ops: readonly SvOp[]): void {
    const k = qubits.length;
    const blockAmps = 2 ** k;
    for (let from = 0; from < ops.length; ) {
      this.arena = 0;
      const gathered = qubits[k - 1] !== k - 1;
      const offsets = gathered ? this.offsets(qubits) : undefined;
      const bound: Bound[] = [];
      // Bind as many ops as the arena holds; the rest run in a further pass over the blocks.
      const budget = this.arena + PARAM_BYTES / 2;
      while (from < ops.length && (bound.length === 0 || this.arena < budget)) {
        const f = this.bind(ops[from]!, blockAmps);
        if (f) bound.push(f);
        from++;
      }
      if (offsets) this.runGathered(qubits, bound, offsets);
      else {
        const bytes = 16 * blockAmps;
        for (let at = this.state, end = this.state + 16 * this.nAmps; at < end; at += bytes) {
          for (let i = 0; i < bound.length; i++) bound[i]!(at, blockAmps);
        }
      }
    }
  }

  /** Byte offsets of the runs of a block over `qubits` (qubits 0..r−1 contiguous), in the arena. */
  private offsets(qubits: readonly number[]): { at: number; runs: number; runBytes: number } {
    let r = 0;
    while (r < qubits.length && qubits[r] === r) r++;
    const runs = 2 ** (qubits.length - r);
    const at = this.alloc(4 * runs);
    const o = at / 4;
    this.i32[o] = 0;
    for (let h = 1; h < runs; h++) {
      const lowest = h & -h;
      this.i32[o + h] = this.i32[o + (h ^ lowest)]! + 16 * 2 ** qubits[r + Math.log2(lowest)]!;
    }
    return { at, runs, runBytes: 16 * 2 ** r };
  }

  private runGathered(
    qubits: readonly number[],
    bound: readonly Bound[],
    off: { at: number; runs: number; runBytes: number },
  ): void {
    let mask = 0;
    for (const q of qubits) mask |= 1 << q;
    const blockAmps = 2 ** qubits.length;
    const blocks = this.nAmps / blockAmps;
    for (let b = 0; b < blocks; b++) {
      const base = this.state + 16 * spread(b, mask);
      this.k.gather(base, this.scratch, off.at, off.runs, off.runBytes);
      for (let i = 0; i < bound.length; i++) bound[i]!(this.scratch, blockAmps);
      this.k.scatter(base, this.scratch, off.at, off.runs, off.runBytes);
    }
  }

  private alloc(bytes: number): number {
    const at = this.arena;
    this.arena += (bytes + 15) & ~15;
    if (this.arena > this.arenaBytes) throw new Error('statevector-wasm: parameter arena overflow');
    return at;
  }

  /** The op as a call on (pointer, amplitude count), its parameters written to the arena. */
  private bind(op: SvOp, nAmps: number): Bound | null {
    const k = this.k;
    switch (op.kind) {
      case 'scale': {
        const { fixed, value, re, im } = op;
        if (fixed === 0) return (p, n) => kScale(this.view(p, n), n, 0, 0, re, im);
        return (p, n) => k.scale(p, n, fixed, value, re, im);
      }
      case 'x': {
        const t = 1 << op.target;
        const { ctrl } = op;
        return (p, n) => k.exchange(p, n, ctrl | t, ctrl, t);
      }
      case 'swap': {
        const a = 1 << op.a;
        const b = 1 << op.b;
        const { ctrl } = op;
        return (p, n) => k.exchange(p, n, ctrl | a | b, ctrl | a, b - a);
      }
      case 'diag1': {
        const { target, ctrl, d } = op;
        return (p, n) => k.diag1(p, n, target, ctrl, d[0]!, d[1]!, d[2]!, d[3]!);
      }
      case 'dense1': {
        const { target, ctrl, m } = op;
        if (isHadamard(m)) return (p, n) => k.hadamard(p, n, target, ctrl);
        if (isReal(m)) return (p, n) => k.dense1r(p, n, target, ctrl, m[0]!, m[2]!, m[4]!, m[6]!);
        return (p, n) =>
          k.dense1c(p, n, target, ctrl, m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!);
      }
      case 'hh': {
        const { a, b } = op;
        return (p, n) => k.hadamard2(p, n, a, b);
      }
      case 'dense2': {
        const mp = this.alloc(32 * 16);
        this.expand(op.m, mp);
        const { hi, lo, ctrl } = op;
        return (p, n) => k.dense2(p, n, hi, lo, ctrl, mp);
      }
      case 'denseK': {
        const { targets, ctrl, m } = op;
        return (p, n) => kDenseK(this.view(p, n), n, targets, ctrl, m);
      }
      case 'diag':
        return this.bindDiag(op.qubits, op.table, nAmps);
    }
  }

  private bindDiag(qubits: readonly number[], table: Float64Array, nAmps: number): Bound {
    const chunkBits = Math.min(6, Math.log2(nAmps));
    const low = qubits.filter((q) => q < chunkBits);
    const high = qubits.filter((q) => q >= chunkBits);
    const tp = this.alloc(16 * table.length);
    this.expand(table, tp);
    const lp = this.alloc(4 << chunkBits);
    for (let t = 0; t < 1 << chunkBits; t++) {
      let v = 0;
      low.forEach((q, b) => {
        v |= ((t >>> q) & 1) << b;
      });
      this.i32[lp / 4 + t] = 32 * v;
    }
    const hp = this.alloc(4 * Math.max(1, high.length));
    high.forEach((q, b) => {
      this.i32[hp / 4 + b] = q;
    });
    const nLow = low.length;
    const nHigh = high.length;
    return (p, n) => this.k.diagTable(p, n, tp, lp, chunkBits, nLow, hp, nHigh);
  }

  /** Complex entries re + i·im written as the vector pairs [re, re], [−im, im] the kernels multiply by. */
  private expand(entries: Float64Array, at: number): void {
    const o = at / 8;
    for (let e = 0; e < entries.length / 2; e++) {
      const re = entries[2 * e]!;
      const im = entries[2 * e + 1]!;
      this.f64[o + 4 * e] = re;
      this.f64[o + 4 * e + 1] = re;
      this.f64[o + 4 * e + 2] = -im;
      this.f64[o + 4 * e + 3] = im;
    }
  }

  private view(ptr: number, nAmps: number): Float64Array {
    return this.f64.subarray(ptr / 8, ptr / 8 + 2 * nAmps);
  }
}
