// The stabilizer tableau of Aaronson & Gottesman (PRA 70, 052328, 2004), kept inverted as in Stim
// (Gidney, Quantum 5, 497, 2021, section 4): for the state U|0…0⟩ we store U† P U for every single-qubit
// Pauli generator P = X_q, Z_q. Then
// - a gate G (U → G U) rewrites only the rows of its own qubits: U† (G† P G) U is a product of them;
// - measuring Z_q is deterministic exactly when the row U† Z_q U has no X part, and its sign is the
//   outcome: one scan of a row, not the O(n²) row sums of the forward tableau;
// - a random outcome needs column operations over all 2n rows (gates inserted "before time", acting
//   on |0…0⟩), still O(n · n/32) words.
//
// Rows are bit-packed, qubit-major over the virtual qubits: row r holds W words of X bits, then W
// words of Z bits. Row 2q is U† X_q U, row 2q + 1 is U† Z_q U. A row means i^phase · X^x · Z^z (all X
// factors left of all Z factors), so multiplying rows costs one AND-parity for the sign:
// (X^a Z^b)(X^c Z^d) = (−1)^{|b∧c|} X^{a⊕c} Z^{b⊕d}.
import type { CompiledClifford } from './clifford-compile.js';

function parity(v: number): number {
  v ^= v >>> 16;
  v ^= v >>> 8;
  v ^= v >>> 4;
  v ^= v >>> 2;
  v ^= v >>> 1;
  return v & 1;
}

export class InverseTableau {
  readonly numQubits: number;
  /** Words in the X half (and in the Z half) of a row. */
  readonly halfWords: number;
  private readonly stride: number;
  private readonly words: Int32Array;
  /** Power of i in front of each row, 0..3. */
  private readonly phase: Uint8Array;
  // Scratch space for rows that can't be updated in place (at most 4: two qubits, X and Z).
  private readonly scratch: Int32Array;
  private readonly scratchPhase = new Uint8Array(4);
  private readonly mask: Int32Array;
  private readonly maskWords: Int32Array;

  constructor(numQubits: number, from?: InverseTableau) {
    this.numQubits = numQubits;
    this.halfWords = Math.max(1, Math.ceil(numQubits / 32));
    this.stride = 2 * this.halfWords;
    this.scratch = new Int32Array(4 * this.stride);
    this.mask = new Int32Array(this.halfWords);
    this.maskWords = new Int32Array(this.halfWords);
    if (from) {
      this.words = from.words.slice();
      this.phase = from.phase.slice();
      return;
    }
    this.words = new Int32Array(2 * numQubits * this.stride);
    this.phase = new Uint8Array(2 * numQubits);
    for (let q = 0; q < numQubits; q++) {
      const bit = 1 << (q & 31);
      const w = q >>> 5;
      this.words[2 * q * this.stride + w] = bit;
      this.words[(2 * q + 1) * this.stride + this.halfWords + w] = bit;
    }
  }

  clone(): InverseTableau {
    return new InverseTableau(this.numQubits, this);
  }

  /** Applies a compiled Clifford gate to targets t0 (and t1 for two-qubit gates). */
  applyClifford(gate: CompiledClifford, t0: number, t1: number): void {
    const { words, phase, scratch, stride } = this;
    const rowOf = (slot: number): number => 2 * (slot < 2 ? t0 : t1) + (slot & 1);
    const updates = gate.rows;
    // First every product that can't be formed in place goes to scratch (its sources must be read
    // before any row changes), then in-place products, then the scratch rows are committed.
    for (let i = 0; i < updates.length; i++) {
      const u = updates[i]!;
      if (u.inPlace) continue;
      const first = rowOf(u.sources[0]!);
      let ph = phase[first]! + u.phase;
      if (u.sources.length === 1 && u.sources[0] === u.slot) {
        this.scratchPhase[i] = ph & 3;
        continue;
      }
      scratch.set(words.subarray(first * stride, first * stride + stride), i * stride);
      for (let k = 1; k < u.sources.length; k++) {
        const src = rowOf(u.sources[k]!);
        ph += phase[src]! + 2 * this.multiplyInto(scratch, i * stride, src * stride);
      }
      this.scratchPhase[i] = ph & 3;
    }
    for (const u of updates) {
      if (!u.inPlace) continue;
      const dst = rowOf(u.slot);
      let ph = phase[dst]! + u.phase;
      for (let k = 1; k < u.sources.length; k++) {
        const src = rowOf(u.sources[k]!);
        ph += phase[src]! + 2 * this.multiplyInto(words, dst * stride, src * stride);
      }
      phase[dst] = ph & 3;
    }
    for (let i = 0; i < updates.length; i++) {
      const u = updates[i]!;
      if (u.inPlace) continue;
      const dst = rowOf(u.slot);
      phase[dst] = this.scratchPhase[i]!;
      if (u.sources.length === 1 && u.sources[0] === u.slot) continue;
      words.set(scratch.subarray(i * stride, i * stride + stride), dst * stride);
    }
  }

  // Row at `dst` of `target` ← row at `dst` · row at `src` of this tableau; returns the sign bit.
  private multiplyInto(target: Int32Array, dst: number, src: number): number {
    const words = this.words;
    const h = this.halfWords;
    let anti = 0;
    for (let w = 0; w < h; w++) {
      const xs = words[src + w]!;
      anti ^= target[dst + h + w]! & xs;
      target[dst + w]! ^= xs;
      target[dst + h + w]! ^= words[src + h + w]!;
    }
    return parity(anti);
  }

  /** Applies the Pauli X^x Z^z to qubit q: only the signs of its two rows change. */
  applyPauli(q: number, x: number, z: number): void {
    // X† Z X = −Z and Z† X Z = −X.
    if (x) this.phase[2 * q + 1] = (this.phase[2 * q + 1]! + 2) & 3;
    if (z) this.phase[2 * q] = (this.phase[2 * q]! + 2) & 3;
  }

  /** The outcome of measuring Z on q if it is determined (0 or 1), or −1 if it is uniformly random. */
  peekZ(q: number): number {
    const off = (2 * q + 1) * this.stride;
    for (let w = 0; w < this.halfWords; w++) if (this.words[off + w] !== 0) return -1;
    return this.phase[2 * q + 1]! >> 1;
  }

  /** Measures Z on q; `randomOutcome` (0 or 1) is the result if the outcome is not determined. */
  measureZ(q: number, randomOutcome: number): number {
    const known = this.peekZ(q);
    if (known >= 0) return known;
    this.collapse(q, randomOutcome & 1);
    return randomOutcome & 1;
  }

  /**
   * Post-measurement state for outcome m when P = U† Z_q U has an X part on the virtual qubits K. Write
   * the new state as U C V|0⟩ with
   * - C = the CX gates from a pivot p ∈ K onto the rest of K (C|0⟩ = |0⟩, so nothing changes yet),
   *   after which P has X (or Y) on p alone;
   * - V = H·X^b, or S·H·X^b when P has Y on p: V|0⟩ = |0⟩ ± |1⟩ (or |0⟩ ± i|1⟩) on p, the projection
   *   of |0⟩ onto the (−1)^m eigenspace of P, with b fixing the sign.
   * Every row R becomes (CV)† R (CV): a conjugation acting on the virtual qubits, i.e. on columns.
   */
  private collapse(q: number, m: number): void {
    const { words, phase, stride, mask, maskWords } = this;
    const h = this.halfWords;
    const rowA = (2 * q + 1) * stride;
    let pw = 0;
    while (words[rowA + pw] === 0) pw++;
    const lowest = words[rowA + pw]! & -words[rowA + pw]!;
    const pb = 31 - Math.clz32(lowest);
    let count = 0;
    for (let w = 0; w < h; w++) {
      mask[w] = w === pw ? words[rowA + w]! & ~lowest : words[rowA + w]!;
      if (mask[w] !== 0) maskWords[count++] = w;
    }
    // Whether P has Y on p once C has acted: C moves the Z parity of K onto p.
    let anti = 0;
    for (let i = 0; i < count; i++) anti ^= words[rowA + h + maskWords[i]!]! & mask[maskWords[i]!]!;
    const y = ((words[rowA + h + pw]! >>> pb) & 1) ^ parity(anti);
    // P = c · (X or Y on p) · Z-string with c = i^{phase − y} = ±1; choosing b = m ⊕ [c = −1] makes the
    // final row (−1)^m · Z-string.
    const negative = ((phase[2 * q + 1]! - y) & 3) === 2 ? 1 : 0;
    const b = m ^ negative;
    for (let r = 0; r < 2 * this.numQubits; r++) {
      const off = r * stride;
      let x = (words[off + pw]! >>> pb) & 1;
      let z = (words[off + h + pw]! >>> pb) & 1;
      let e = phase[r]!;
      // Conjugation by C: CX(p→k) maps X_p → X_p X_k and Z_k → Z_p Z_k, and leaves X^x Z^z's phase.
      if (count > 0) {
        let a = 0;
        for (let i = 0; i < count; i++) {
          const w = maskWords[i]!;
          if (x) words[off + w]! ^= mask[w]!;
          a ^= words[off + h + w]! & mask[w]!;
        }
        z ^= parity(a);
      }
      if (y) {
        // S† (X^x Z^z) S = (−iXZ)^x Z^z.
        e += 3 * x;
        z ^= x;
      }
      // H (X^x Z^z) H = Z^x X^z = (−1)^{xz} X^z Z^x.
      e += 2 * (x & z);
      const t = x;
      x = z;
      z = t;
      // X Z X = −Z.
      e += 2 * (z & b);
      phase[r] = e & 3;
      const bit = 1 << pb;
      words[off + pw] = x ? words[off + pw]! | bit : words[off + pw]! & ~bit;
      words[off + h + pw] = z ? words[off + h + pw]! | bit : words[off + h + pw]! & ~bit;
    }
  }
}
