// A Clifford gate's action compiled into the two forms the engines here need:
// - for the inverse tableau (stabilizer-tableau.ts), G† P G for each generator P of the gate's qubits,
//   as an ordered product of the tableau's rows times a power of i;
// - for Pauli frames (frame-kernels.ts), U P U† with signs dropped: a linear map on the (x, z) bits.
// Both come from the gate table's declared action (U P U†), so a gate added there works here too.

import type { CliffordAction, PauliImage } from '../gates/index.js';
import { cliffordAction, GATES } from '../gates/index.js';
import { QnetError } from '../util/errors.js';

/** i^phase · X^xs · Z^zs on a gate's targets (bit j = target j): the product form the tableau stores. */
interface XZ {
  readonly phase: number;
  readonly xs: number;
  readonly zs: number;
}

function popcount(v: number): number {
  let c = 0;
  for (let w = v >>> 0; w !== 0; w &= w - 1) c++;
  return c;
}

/** A Hermitian ±P_0 ⊗ P_1 … with Y = iXZ written as i^phase X^xs Z^zs. */
function fromImage(p: PauliImage): XZ {
  return { phase: ((p.sign < 0 ? 2 : 0) + popcount(p.xs & p.zs)) & 3, xs: p.xs, zs: p.zs };
}

// (X^a Z^b)(X^c Z^d) = (−1)^{|b∧c|} X^{a⊕c} Z^{b⊕d}: moving Z^b past X^c costs one sign per overlap.
function mul(a: XZ, b: XZ): XZ {
  return { phase: (a.phase + b.phase + 2 * popcount(a.zs & b.xs)) & 3, xs: a.xs ^ b.xs, zs: a.zs ^ b.zs };
}

/** U Q U† for Q = i^e X^xs Z^zs, from the images of the generators. */
function forward(action: CliffordAction, q: XZ): XZ {
  let acc: XZ = { phase: q.phase, xs: 0, zs: 0 };
  action.x.forEach((img, j) => {
    if ((q.xs >> j) & 1) acc = mul(acc, fromImage(img));
  });
  action.z.forEach((img, j) => {
    if ((q.zs >> j) & 1) acc = mul(acc, fromImage(img));
  });
  return acc;
}

/**
 * One generator's new tableau row: i^phase times the product of the old rows in `sources`, in order.
 * Slot 2j is the row of X on target j, slot 2j + 1 the row of Z on target j.
 */
export interface RowUpdate {
  readonly slot: number;
  readonly sources: readonly number[];
  readonly phase: number;
  /** The product starts with this row and no other update reads it: it can be formed in place. */
  readonly inPlace: boolean;
}

export interface CompiledClifford {
  readonly name: string;
  readonly arity: number;
  /** Inverse action on the tableau rows, for the generators it changes. */
  readonly rows: readonly RowUpdate[];
  /**
   * Forward action on frame bits: `frame[2j]` (new x of target j) and `frame[2j + 1]` (new z of target
   * j) are masks of the old bits that XOR into them (bit 2i = x of target i, bit 2i + 1 = z).
   */
  readonly frame: readonly number[];
}

/** Compiles a Clifford action on `arity` qubits (the inverse is found by search over 4^arity Paulis). */
export function compileClifford(name: string, action: CliffordAction): CompiledClifford {
  const arity = action.x.length;
  const size = 1 << (2 * arity);
  // G† g G for each generator g: the Q with U Q U† = g, i.e. the preimage of g under the action.
  const found: { slot: number; sources: number[]; phase: number }[] = [];
  for (let g = 0; g < 2 * arity; g++) {
    const j = g >> 1;
    const gx = g & 1 ? 0 : 1 << j;
    const gz = g & 1 ? 1 << j : 0;
    let pre: XZ | undefined;
    for (let k = 0; k < size && !pre; k++) {
      const xs = k & ((1 << arity) - 1);
      const zs = k >> arity;
      const img = forward(action, { phase: 0, xs, zs });
      // U (X^xs Z^zs) U† = i^f g, so G† g G = i^{−f} X^xs Z^zs.
      if (img.xs === gx && img.zs === gz) pre = { phase: (4 - img.phase) & 3, xs, zs };
    }
    if (!pre) throw new Error(`gate ${name}: its Clifford action is not invertible`);
    if (pre.xs === gx && pre.zs === gz && pre.phase === 0) continue;
    const sources: number[] = [];
    for (let i = 0; i < arity; i++) if ((pre.xs >> i) & 1) sources.push(2 * i);
    for (let i = 0; i < arity; i++) if ((pre.zs >> i) & 1) sources.push(2 * i + 1);
    // The row's own factor goes first so that the product can be formed in place; moving it past a
    // factor it anticommutes with (the other generator of its qubit) costs a sign.
    let phase = pre.phase;
    const own = sources.indexOf(g);
    if (own > 0) {
      for (let k = 0; k < own; k++) if (sources[k]! >> 1 === j) phase = (phase + 2) & 3;
      sources.splice(own, 1);
      sources.unshift(g);
    }
    found.push({ slot: g, sources, phase });
  }
  const rows: RowUpdate[] = found.map((u) => ({
    ...u,
    inPlace: u.sources[0] === u.slot && found.every((o) => o === u || !o.sources.includes(u.slot)),
  }));
  const frame: number[] = new Array<number>(2 * arity).fill(0);
  for (let i = 0; i < arity; i++) {
    const ix = action.x[i]!;
    const iz = action.z[i]!;
    for (let j = 0; j < arity; j++) {
      if ((ix.xs >> j) & 1) frame[2 * j]! |= 1 << (2 * i);
      if ((ix.zs >> j) & 1) frame[2 * j + 1]! |= 1 << (2 * i);
      if ((iz.xs >> j) & 1) frame[2 * j]! |= 1 << (2 * i + 1);
      if ((iz.zs >> j) & 1) frame[2 * j + 1]! |= 1 << (2 * i + 1);
    }
  }
  return { name, arity, rows, frame };
}

// Every gate of the table that is Clifford at any parameters, compiled once: the table is constant.
const FIXED: ReadonlyMap<string, CompiledClifford> = new Map(
  GATES.filter((g) => g.clifford !== undefined).map((g) => [g.name, compileClifford(g.name, g.clifford!)]),
);

/**
 * The compiled action of `gate` at `params`, or a QnetError when the gate is not Clifford there.
 * Gates that are Clifford only at some angles (rz(π/2)) are compiled on each call: callers cache.
 */
export function compiledClifford(gate: string, params: readonly number[]): CompiledClifford {
  const fixed = FIXED.get(gate);
  if (fixed) return fixed;
  const action = cliffordAction(gate, params);
  if (!action) {
    const args = params.length ? `(${params.join(', ')})` : '';
    throw new QnetError('E_NOT_CLIFFORD', `gate ${gate}${args} is not a Clifford gate`, {
      hint: 'the stabilizer and frame engines run Clifford circuits only: use the statevector engine',
    });
  }
  return compileClifford(gate, action);
}

/** Key under which a caller may cache `compiledClifford(gate, params)`. */
export function cliffordKey(gate: string, params: readonly number[]): string {
  return params.length === 0 ? gate : `${gate}(${params.join(',')})`;
}
