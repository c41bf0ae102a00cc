// The state-vector engine's internal form of a gate: a kernel kind plus bit positions. Every table
// gate becomes one of these, either by name (fast path) or by reading its matrix (`opFromMatrix`):
// controls are split off so kernels touch only the control=1 subspace, diagonal and permutation
// matrices get kernels without dense arithmetic. Qubit q is bit q of the amplitude index.
import type { CMatrix } from '../util/complex-matrix.js';

export type SvOp =
  /** Multiplies the amplitudes whose index has (i & fixed) === value by re + i·im (phase gates). */
  | { kind: 'scale'; fixed: number; value: number; re: number; im: number }
  /** diag(d0, d1) on `target`, on the subspace where every bit of `ctrl` is 1. */
  | { kind: 'diag1'; target: number; ctrl: number; d: Float64Array }
  /** Pauli X on `target` where the `ctrl` bits are 1 (x, cx, ccx, c3x...). */
  | { kind: 'x'; target: number; ctrl: number }
  /** Exchanges bits a and b where the `ctrl` bits are 1 (swap, cswap). */
  | { kind: 'swap'; a: number; b: number; ctrl: number }
  /** A 2×2 matrix (8 numbers, re/im interleaved) on `target` where the `ctrl` bits are 1. */
  | { kind: 'dense1'; target: number; ctrl: number; m: Float64Array }
  /** Hadamards on a and on b in one pass (made by `pairHadamards`). */
  | { kind: 'hh'; a: number; b: number; ctrl: 0 }
  /** A 4×4 matrix on (hi, lo): hi is the matrix's most significant bit. */
  | { kind: 'dense2'; hi: number; lo: number; ctrl: number; m: Float64Array }
  /** A 2^k×2^k matrix; targets[0] is the matrix's most significant bit. */
  | { kind: 'denseK'; targets: readonly number[]; ctrl: number; m: Float64Array }
  /** A diagonal over `qubits` (ascending): entry j of `table` multiplies indices whose bit qubits[t] is bit t of j. */
  | { kind: 'diag'; qubits: readonly number[]; table: Float64Array };

/** Entries closer than this to 0 or 1 are taken as exactly 0 or 1 when classifying a matrix. */
const EPS = 1e-15;

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bit positions of a mask, ascending. */
export function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let b = 0; mask >>> b !== 0; b++) if ((mask >>> b) & 1) out.push(b);
  return out;
}

/** Every qubit the op reads or writes, controls included, as a bit mask. */
export function supportMask(op: SvOp): number {
  switch (op.kind) {
    case 'scale':
      return op.fixed;
    case 'diag1':
    case 'x':
    case 'dense1':
      return op.ctrl | (1 << op.target);
    case 'swap':
    case 'hh':
      return op.ctrl | (1 << op.a) | (1 << op.b);
    case 'dense2':
      return op.ctrl | (1 << op.hi) | (1 << op.lo);
    case 'denseK':
      return op.targets.reduce((m, t) => m | (1 << t), op.ctrl);
    case 'diag':
      return op.qubits.reduce((m, t) => m | (1 << t), 0);
  }
}

export const isDiagonal = (op: SvOp): boolean =>
  op.kind === 'scale' || op.kind === 'diag1' || op.kind === 'diag';

function remapMask(mask: number, to: (q: number) => number): number {
  let out = 0;
  for (let m = mask; m !== 0; m &= m - 1) out |= 1 << to(31 - Math.clz32(m & -m));
  return out;
}

/** The same op with every qubit q renamed to(q) (for running inside a block of amplitudes). */
export function remapOp(op: SvOp, to: (q: number) => number): SvOp {
  switch (op.kind) {
    case 'scale':
      return { ...op, fixed: remapMask(op.fixed, to), value: remapMask(op.value, to) };
    case 'diag1':
    case 'x':
    case 'dense1':
      return { ...op, target: to(op.target), ctrl: remapMask(op.ctrl, to) };
    case 'swap':
      return { ...op, a: to(op.a), b: to(op.b), ctrl: remapMask(op.ctrl, to) };
    case 'hh':
      return { ...op, a: to(op.a), b: to(op.b) };
    case 'dense2':
      return { ...op, hi: to(op.hi), lo: to(op.lo), ctrl: remapMask(op.ctrl, to) };
    case 'denseK':
      return { ...op, targets: op.targets.map(to), ctrl: remapMask(op.ctrl, to) };
    case 'diag': {
      // Renaming may reorder the qubits; the table is indexed in ascending order, so permute it.
      const renamed = op.qubits.map(to);
      const order = renamed.map((_, t) => t).sort((x, y) => renamed[x]! - renamed[y]!);
      const table = new Float64Array(op.table.length);
      for (let j = 0; j < op.table.length / 2; j++) {
        let k = 0;
        order.forEach((src, dst) => {
          k |= ((j >>> src) & 1) << dst;
        });
        table[2 * k] = op.table[2 * j]!;
        table[2 * k + 1] = op.table[2 * j + 1]!;
      }
      return { kind: 'diag', qubits: order.map((t) => renamed[t]!), table };
    }
  }
}

/**
 * Cost in ns per amplitude of the register touched, measured for the SIMD kernels in cache (2^14
 * amplitudes, on this project's benchmark machine); fusion keeps a merge only when it costs no more
 * than its parts.
 */
export const KERNEL_COST = {
  scale: 0.3,
  diag1: 0.29,
  x: 0.18,
  swap: 0.1,
  hadamard: 0.16,
  real1: 0.25,
  complex1: 0.54,
  hh: 0.2,
  dense2: 1.4,
  denseKPerColumn: 0.6,
  diagTable: 0.57,
} as const;

/** Cost in ns per amplitude of the register (see KERNEL_COST). */
export function opCost(op: SvOp): number {
  const c = KERNEL_COST;
  const touched = (ctrl: number): number => 2 ** -popcount(ctrl);
  switch (op.kind) {
    case 'scale':
      return c.scale * 2 ** -popcount(op.fixed);
    case 'diag1':
      return c.diag1 * touched(op.ctrl);
    case 'x':
      return c.x * touched(op.ctrl);
    case 'swap':
      return c.swap * touched(op.ctrl);
    case 'hh':
      return c.hh;
    case 'dense1':
      return (isHadamard(op.m) ? c.hadamard : isReal(op.m) ? c.real1 : c.complex1) * touched(op.ctrl);
    case 'dense2':
      return c.dense2 * touched(op.ctrl);
    case 'denseK':
      return c.denseKPerColumn * 2 ** op.targets.length * touched(op.ctrl);
    case 'diag':
      return c.diagTable;
  }
}

/** Qubits on which the op acts other than as a control (it is block-diagonal in its controls). */
export function actedMask(op: SvOp): number {
  switch (op.kind) {
    case 'scale':
    case 'diag':
      return supportMask(op);
    default:
      return supportMask(op) & ~op.ctrl;
  }
}

/** Exactly the table's h matrix, which has a cheaper kernel (a butterfly). */
export function isHadamard(m: Float64Array): boolean {
  const r = Math.SQRT1_2;
  return [r, 0, r, 0, r, 0, -r, 0].every((v, k) => m[k] === v);
}

/** Whether the op's matrix is real (so a merge with another real op stays real). */
export function isRealOp(op: SvOp): boolean {
  switch (op.kind) {
    case 'scale':
      return op.im === 0;
    case 'diag1':
    case 'dense1':
    case 'dense2':
    case 'denseK':
      return isReal('d' in op ? op.d : op.m);
    case 'diag':
      return isReal(op.table);
    default:
      return true;
  }
}

export function isReal(m: Float64Array): boolean {
  for (let k = 1; k < m.length; k += 2) if (m[k] !== 0) return false;
  return true;
}

const near = (x: number, v: number): boolean => Math.abs(x - v) <= EPS;

/**
 * Classifies a gate matrix on `qubits` (qubits[0] = the matrix's most significant bit): splits off
 * control qubits, then picks the cheapest kernel. Returns null for the identity.
 */
export function opFromMatrix(qubits: readonly number[], matrix: CMatrix): SvOp | null {
  let targets = [...qubits];
  let m = matrix;
  let ctrl = 0;
  // A qubit is a control when the matrix is block-diagonal in it with the identity on its 0 block.
  for (let j = 0; j < targets.length && targets.length > 1; ) {
    const reduced = controlReduce(m, targets.length, j);
    if (reduced) {
      ctrl |= 1 << targets[j]!;
      targets = targets.filter((_, t) => t !== j);
      m = reduced;
    } else {
      j++;
    }
  }
  const k = targets.length;
  const d = 1 << k;
  const entry = (r: number, c: number): [number, number] => [m[2 * (r * d + c)]!, m[2 * (r * d + c) + 1]!];
  let diagonal = true;
  for (let r = 0; r < d && diagonal; r++) {
    for (let c = 0; c < d; c++) {
      const [re, im] = entry(r, c);
      if (r !== c && !(near(re, 0) && near(im, 0))) {
        diagonal = false;
        break;
      }
    }
  }
  if (diagonal) return diagonalOp(targets, ctrl, m, d);
  if (k === 1) {
    const isX = [0, 1, 1, 0].every((v, t) => near(m[2 * t]!, v) && near(m[2 * t + 1]!, 0));
    return isX ? { kind: 'x', target: targets[0]!, ctrl } : { kind: 'dense1', target: targets[0]!, ctrl, m };
  }
  if (k === 2) {
    const isSwap = [1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1].every(
      (v, t) => near(m[2 * t]!, v) && near(m[2 * t + 1]!, 0),
    );
    if (isSwap) return { kind: 'swap', a: targets[0]!, b: targets[1]!, ctrl };
    return { kind: 'dense2', hi: targets[0]!, lo: targets[1]!, ctrl, m };
  }
  return { kind: 'denseK', targets, ctrl, m };
}

function diagonalOp(targets: readonly number[], ctrl: number, m: CMatrix, d: number): SvOp | null {
  const k = targets.length;
  const dr = (i: number): number => m[2 * (i * d + i)]!;
  const di = (i: number): number => m[2 * (i * d + i) + 1]!;
  let identity = true;
  for (let i = 0; i < d; i++) if (!(near(dr(i), 1) && near(di(i), 0))) identity = false;
  if (identity) return null;
  if (k === 1) {
    const t = 1 << targets[0]!;
    if (near(dr(0), 1) && near(di(0), 0))
      return { kind: 'scale', fixed: ctrl | t, value: ctrl | t, re: dr(1), im: di(1) };
    return { kind: 'diag1', target: targets[0]!, ctrl, d: new Float64Array([dr(0), di(0), dr(1), di(1)]) };
  }
  // A multi-qubit diagonal: a table over controls and targets, ascending, 1 off the control subspace.
  const all = [...targets, ...bitsOf(ctrl)].sort((x, y) => x - y);
  const table = new Float64Array(2 << all.length);
  for (let j = 0; j < 1 << all.length; j++) {
    let onCtrl = true;
    let row = 0;
    all.forEach((q, t) => {
      const bit = (j >>> t) & 1;
      if ((ctrl >>> q) & 1) onCtrl &&= bit === 1;
      else row |= bit << (k - 1 - targets.indexOf(q));
    });
    table[2 * j] = onCtrl ? dr(row) : 1;
    table[2 * j + 1] = onCtrl ? di(row) : 0;
  }
  return { kind: 'diag', qubits: all, table };
}

/** If matrix bit (k−1−j) of a k-qubit matrix is a control, the matrix on its 1 block; else null. */
function controlReduce(m: CMatrix, k: number, j: number): CMatrix | null {
  const d = 1 << k;
  const bit = 1 << (k - 1 - j);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      const re = m[2 * (r * d + c)]!;
      const im = m[2 * (r * d + c) + 1]!;
      const sameBlock = (r & bit) === (c & bit);
      const expectZero = !sameBlock || ((r & bit) === 0 && r !== c);
      const expectOne = sameBlock && (r & bit) === 0 && r === c;
      if (expectZero && !(near(re, 0) && near(im, 0))) return null;
      if (expectOne && !(near(re, 1) && near(im, 0))) return null;
    }
  }
  // Keep the rows and columns with the bit set, squeezing that bit out of the index.
  const h = d >> 1;
  const out = new Float64Array(2 * h * h);
  const squeeze = (x: number): number => ((x >> 1) & ~(bit - 1)) | (x & (bit - 1));
  for (let r = 0; r < d; r++) {
    if (!(r & bit)) continue;
    for (let c = 0; c < d; c++) {
      if (!(c & bit)) continue;
      const o = 2 * (squeeze(r) * h + squeeze(c));
      out[o] = m[2 * (r * d + c)]!;
      out[o + 1] = m[2 * (r * d + c) + 1]!;
    }
  }
  return out;
}
