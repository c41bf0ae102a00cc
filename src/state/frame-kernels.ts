// Clifford gates on batches of Pauli frames. Frames are bit-packed across shots: qubit q's X bits
// are words [q·B, (q+1)·B) of `x`, its Z bits the same words of `z`. A gate maps each frame P to
// U P U† (signs are irrelevant to a frame), a linear map on the bits, done a word (32 shots) at a time.
// Every single-qubit Clifford is one of six maps; the common two-qubit maps get their own loops.
import type { CompiledClifford } from './clifford-compile.js';

export const Kind1 = {
  Identity: 0,
  /** x ↔ z: h, sy, sydg. */
  SwapXZ: 1,
  /** z ^= x: s, sdg, h_xy. */
  ZgetsX: 2,
  /** x ^= z: sx, sxdg, h_yz. */
  XgetsZ: 3,
  /** x' = x ^ z, z' = x: c_xyz. */
  CycleXYZ: 4,
  /** x' = z, z' = x ^ z: c_zyx. */
  CycleZYX: 5,
} as const;
export type Kind1 = (typeof Kind1)[keyof typeof Kind1];

export const Kind2 = {
  Identity: 0,
  /** CX with the control first; CX with the control second is stored with its targets swapped. */
  Cx: 1,
  Cz: 2,
  Swap: 3,
  General: 4,
} as const;
export type Kind2 = (typeof Kind2)[keyof typeof Kind2];

/** The single-qubit map of a compiled gate (masks: bit 0 = old x, bit 1 = old z). */
export function kind1(gate: CompiledClifford): Kind1 {
  const key = gate.frame[0]! | (gate.frame[1]! << 2);
  switch (key) {
    case 1 | (2 << 2):
      return Kind1.Identity;
    case 2 | (1 << 2):
      return Kind1.SwapXZ;
    case 1 | (3 << 2):
      return Kind1.ZgetsX;
    case 3 | (2 << 2):
      return Kind1.XgetsZ;
    case 3 | (1 << 2):
      return Kind1.CycleXYZ;
    case 2 | (3 << 2):
      return Kind1.CycleZYX;
    default:
      throw new Error(`gate ${gate.name}: frame map ${key} is not invertible`);
  }
}

/** The two-qubit map of a compiled gate and whether the targets must be swapped to use it. */
export function kind2(gate: CompiledClifford): { kind: Kind2; swapped: boolean } {
  const [a, b, c, d] = gate.frame as [number, number, number, number];
  const is = (p: number, q: number, r: number, s: number): boolean =>
    a === p && b === q && c === r && d === s;
  // Masks over old bits: 1 = x0, 2 = z0, 4 = x1, 8 = z1; entries are new x0, z0, x1, z1.
  if (is(1, 2, 4, 8)) return { kind: Kind2.Identity, swapped: false };
  if (is(1, 2 | 8, 1 | 4, 8)) return { kind: Kind2.Cx, swapped: false };
  if (is(1 | 4, 2, 4, 2 | 8)) return { kind: Kind2.Cx, swapped: true };
  if (is(1, 2 | 4, 4, 8 | 1)) return { kind: Kind2.Cz, swapped: false };
  if (is(4, 8, 1, 2)) return { kind: Kind2.Swap, swapped: false };
  return { kind: Kind2.General, swapped: false };
}

export function applyKind1(kind: Kind1, x: Int32Array, z: Int32Array, B: number, targets: Int32Array): void {
  for (let i = 0; i < targets.length; i++) {
    const o = targets[i]! * B;
    const e = o + B;
    switch (kind) {
      case Kind1.Identity:
        break;
      case Kind1.SwapXZ:
        for (let w = o; w < e; w++) {
          const t = x[w]!;
          x[w] = z[w]!;
          z[w] = t;
        }
        break;
      case Kind1.ZgetsX:
        for (let w = o; w < e; w++) z[w]! ^= x[w]!;
        break;
      case Kind1.XgetsZ:
        for (let w = o; w < e; w++) x[w]! ^= z[w]!;
        break;
      case Kind1.CycleXYZ:
        for (let w = o; w < e; w++) {
          const t = x[w]!;
          x[w] = t ^ z[w]!;
          z[w] = t;
        }
        break;
      case Kind1.CycleZYX:
        for (let w = o; w < e; w++) {
          const t = z[w]!;
          z[w] = t ^ x[w]!;
          x[w] = t;
        }
        break;
    }
  }
}

/**
 * Applies a two-qubit map to target pairs. `masks` (for Kind2.General) holds 16 words: entry 4k + i is
 * −1 when old bit i (x0, z0, x1, z1) feeds new bit k, else 0.
 */
export function applyKind2(
  kind: Kind2,
  x: Int32Array,
  z: Int32Array,
  B: number,
  targets: Int32Array,
  masks: Int32Array | undefined,
): void {
  for (let i = 0; i + 1 < targets.length; i += 2) {
    const p = targets[i]! * B;
    const q = targets[i + 1]! * B;
    switch (kind) {
      case Kind2.Identity:
        break;
      case Kind2.Cx:
        for (let w = 0; w < B; w++) {
          x[q + w]! ^= x[p + w]!;
          z[p + w]! ^= z[q + w]!;
        }
        break;
      case Kind2.Cz:
        for (let w = 0; w < B; w++) {
          z[p + w]! ^= x[q + w]!;
          z[q + w]! ^= x[p + w]!;
        }
        break;
      case Kind2.Swap:
        for (let w = 0; w < B; w++) {
          const tx = x[p + w]!;
          x[p + w] = x[q + w]!;
          x[q + w] = tx;
          const tz = z[p + w]!;
          z[p + w] = z[q + w]!;
          z[q + w] = tz;
        }
        break;
      case Kind2.General: {
        const m = masks!;
        for (let w = 0; w < B; w++) {
          const a = x[p + w]!;
          const b = z[p + w]!;
          const c = x[q + w]!;
          const d = z[q + w]!;
          x[p + w] = (a & m[0]!) ^ (b & m[1]!) ^ (c & m[2]!) ^ (d & m[3]!);
          z[p + w] = (a & m[4]!) ^ (b & m[5]!) ^ (c & m[6]!) ^ (d & m[7]!);
          x[q + w] = (a & m[8]!) ^ (b & m[9]!) ^ (c & m[10]!) ^ (d & m[11]!);
          z[q + w] = (a & m[12]!) ^ (b & m[13]!) ^ (c & m[14]!) ^ (d & m[15]!);
        }
        break;
      }
    }
  }
}

/** The masks `applyKind2` needs for Kind2.General. */
export function generalMasks(gate: CompiledClifford): Int32Array {
  const m = new Int32Array(16);
  for (let k = 0; k < 4; k++) for (let i = 0; i < 4; i++) m[4 * k + i] = (gate.frame[k]! >> i) & 1 ? -1 : 0;
  return m;
}
