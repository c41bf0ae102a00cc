// Gate fusion on kernel ops. Three passes, each order-preserving up to commuting ops:
// - same-support fusion: an op merges with the last op on the same qubits (or a dense op absorbs the
//   last ops on a subset of its qubits) into one matrix, reclassified, when the result costs no more
//   than the parts;
// - diagonal grouping: diagonal ops that commute with everything between them (diagonals commute with
//   each other and with any op whose only shared qubits are its controls) become one table pass when
//   that is cheaper than running them one by one;
// - Hadamard pairing: two Hadamards on different qubits become one two-level butterfly pass.
// The last two run per cache block, on block-local ops.
import { type CMatrix, cmatMul } from '../util/complex-matrix.js';
import { applyOp } from './statevector-kernels.js';
import {
  actedMask,
  bitsOf,
  isDiagonal,
  isHadamard,
  isRealOp,
  KERNEL_COST,
  opCost,
  opFromMatrix,
  popcount,
  remapOp,
  type SvOp,
  supportMask,
} from './statevector-op.js';

/** Fused ops span at most this many qubits (controls included). */
const MAX_FUSED_QUBITS = 3;
/** A fused diagonal table spans at most this many qubits (2^10 entries, 16–32 KiB: stays in L1). */
export const MAX_DIAG_QUBITS = 10;

/**
 * The matrix of `op` on `qubits` (qubits[0] = most significant bit), by running its kernel once on
 * the identity: a vector of d·d amplitudes whose high index bits number the column.
 */
export function opMatrix(op: SvOp, qubits: readonly number[]): CMatrix {
  const k = qubits.length;
  const d = 1 << k;
  const local = remapOp(op, (q) => {
    const t = qubits.indexOf(q);
    if (t < 0) throw new Error(`opMatrix: qubit ${q} of the op is not among ${qubits.join(',')}`);
    return k - 1 - t;
  });
  const columns = new Float64Array(2 * d * d);
  for (let c = 0; c < d; c++) columns[2 * (c * d + c)] = 1;
  applyOp(columns, d * d, local);
  const m = new Float64Array(2 * d * d);
  for (let c = 0; c < d; c++) {
    for (let r = 0; r < d; r++) {
      m[2 * (r * d + c)] = columns[2 * (c * d + r)]!;
      m[2 * (r * d + c) + 1] = columns[2 * (c * d + r) + 1]!;
    }
  }
  return m;
}

/**
 * Merging into a wider op pays only when that op is already a dense matrix: a permutation or diagonal
 * op absorbing a neighbour becomes dense and dearer, so such merges are not even tried.
 */
const isDense = (op: SvOp): boolean => op.kind === 'dense1' || op.kind === 'dense2' || op.kind === 'denseK';

/**
 * Cheapest possible cost of merging two single-qubit ops, when the product cannot be diagonal (one
 * factor diagonal, the other not): a real non-diagonal 2×2 costs at least a Hadamard, a complex one
 * a complex dense kernel. Lets fusion skip building matrices for merges that cannot pay.
 */
function singleMergeFloor(a: SvOp, b: SvOp): number {
  if (isDiagonal(a) === isDiagonal(b)) return 0;
  return isRealOp(a) && isRealOp(b) ? KERNEL_COST.hadamard : KERNEL_COST.complex1;
}

/** The single op equal to applying `ops` in order (null: identity); they must span ≤ a few qubits. */
export function mergeOps(ops: readonly SvOp[]): SvOp | null {
  const qubits = bitsOf(ops.reduce((m, op) => m | supportMask(op), 0)).reverse();
  let m: CMatrix | undefined;
  for (const op of ops) {
    const u = opMatrix(op, qubits);
    m = m === undefined ? u : cmatMul(u, m);
  }
  if (m === undefined) return null;
  return opFromMatrix(qubits, m);
}

const costOf = (op: SvOp | null): number => (op === null ? 0 : opCost(op));

/** Same-support fusion over a gate sequence (see the header). */
export function fuseSameSupport(ops: readonly SvOp[]): SvOp[] {
  const out: (SvOp | null)[] = [];
  /** last[q]: index in `out` of the last op touching qubit q. */
  const last = new Map<number, number>();
  const lastOf = (q: number): number => last.get(q) ?? -1;
  for (const op of ops) {
    const sup = supportMask(op);
    const qs = bitsOf(sup);
    if (qs.length === 0 || qs.length > MAX_FUSED_QUBITS) {
      push(op);
      continue;
    }
    // (a) op folds back into the op before it, which already covers op's qubits.
    const j = lastOf(qs[0]!);
    const prev = j >= 0 ? out[j] : null;
    if (
      prev &&
      qs.every((q) => lastOf(q) === j) &&
      (supportMask(prev) & sup) === sup &&
      (supportMask(prev) === sup
        ? !(qs.length === 1 && singleMergeFloor(prev, op) > opCost(prev) + opCost(op))
        : isDense(prev))
    ) {
      const merged = mergeOps([prev, op]);
      if (costOf(merged) <= opCost(prev) + opCost(op)) {
        out[j] = merged;
        continue;
      }
    }
    // (b) op absorbs the ops before it that act only inside op's qubits and are last on theirs.
    const absorbed: number[] = [];
    for (const q of qs) {
      const i = lastOf(q);
      const p = i >= 0 ? out[i] : null;
      if (!p || absorbed.includes(i)) continue;
      const ps = supportMask(p);
      if ((ps & sup) === ps && bitsOf(ps).every((b) => lastOf(b) === i)) absorbed.push(i);
    }
    if (absorbed.length > 0 && isDense(op)) {
      absorbed.sort((x, y) => x - y);
      const parts = absorbed.map((i) => out[i]!);
      const merged = mergeOps([...parts, op]);
      if (costOf(merged) <= parts.reduce((c, p) => c + opCost(p), opCost(op))) {
        for (const i of absorbed) out[i] = null;
        if (merged) push(merged);
        else for (const q of qs) last.delete(q);
        continue;
      }
    }
    push(op);
  }
  return out.filter((op): op is SvOp => op !== null);

  function push(op: SvOp): void {
    out.push(op);
    for (const q of bitsOf(supportMask(op))) last.set(q, out.length - 1);
  }
}

/** How far ahead `pairHadamards` looks for a partner. */
const PAIR_WINDOW = 64;

const hadamard = (op: SvOp | null): op is Extract<SvOp, { kind: 'dense1' }> =>
  op !== null && op.kind === 'dense1' && op.ctrl === 0 && isHadamard(op.m);

/**
 * Pairs Hadamards on different qubits into one pass each (two butterfly levels, one scaling: fewer
 * flops and half the memory traffic): a Hadamard moves back to its partner only past ops that do not
 * touch its qubit.
 */
export function pairHadamards(ops: readonly SvOp[]): SvOp[] {
  const out: (SvOp | null)[] = [...ops];
  for (let i = 0; i < out.length; i++) {
    const first = out[i]!;
    if (!hadamard(first)) continue;
    let crossed = 0;
    for (let j = i + 1; j < out.length && j <= i + PAIR_WINDOW; j++) {
      const op = out[j]!;
      if (op === null) continue;
      if (hadamard(op) && op.target !== first.target && !((crossed >>> op.target) & 1)) {
        out[i] = { kind: 'hh', a: first.target, b: op.target, ctrl: 0 };
        out[j] = null;
        break;
      }
      crossed |= supportMask(op);
    }
  }
  return out.filter((op): op is SvOp => op !== null);
}

/** The diagonal op equal to a list of diagonal ops over `qubits` (ascending). */
export function diagonalTable(ops: readonly SvOp[], qubits: readonly number[]): SvOp {
  const d = 1 << qubits.length;
  const table = new Float64Array(2 * d);
  for (let j = 0; j < d; j++) table[2 * j] = 1;
  // The table is the diagonal applied to the all-ones vector over the table's own index bits.
  for (const op of ops)
    applyOp(
      table,
      d,
      remapOp(op, (q) => qubits.indexOf(q)),
    );
  return { kind: 'diag', qubits, table };
}

/** Diagonal grouping over a gate sequence (see the header). */
export function groupDiagonals(ops: readonly SvOp[], maxQubits = MAX_DIAG_QUBITS): SvOp[] {
  type Group = { members: SvOp[]; mask: number };
  const out: (SvOp | Group)[] = [];
  /** lastDense[q]: index in `out` of the last non-diagonal op acting on q other than as a control. */
  const lastDense = new Map<number, number>();
  let group = -1;
  for (const op of ops) {
    const sup = supportMask(op);
    if (!isDiagonal(op)) {
      out.push(op);
      for (const q of bitsOf(actedMask(op))) lastDense.set(q, out.length - 1);
      continue;
    }
    const g = group >= 0 ? (out[group] as Group) : undefined;
    if (
      g &&
      popcount(g.mask | sup) <= maxQubits &&
      bitsOf(sup).every((q) => (lastDense.get(q) ?? -1) < group)
    ) {
      g.members.push(op);
      g.mask |= sup;
    } else {
      out.push({ members: [op], mask: sup });
      group = out.length - 1;
    }
  }
  const result: SvOp[] = [];
  for (const item of out) {
    if (!('members' in item)) {
      result.push(item);
      continue;
    }
    const fused = diagonalTable(item.members, bitsOf(item.mask));
    const separate = item.members.reduce((c, op) => c + opCost(op), 0);
    if (item.members.length > 1 && opCost(fused) < separate) result.push(fused);
    else result.push(...item.members);
  }
  return result;
}
