// The rotated surface code as a patch of qubits on Stim's doubled grid: data qubits at odd (x, y),
// measure qubits at even (x, y). The rules (which measure qubits exist, which type they are, the order
// in which each touches its data qubits) follow Stim's `rotated_memory_*` generator (Gidney, Quantum 5,
// 497, 2021) so circuits built here print as the text `stim gen` writes. A patch is width × height data
// qubits at an origin offset, so several patches (and the merged rectangles of lattice surgery) share
// one grid.
import { QnetError } from '../util/errors.js';

/** A point on the doubled grid (Stim's QUBIT_COORDS of its surface-code circuits). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export type CheckType = 'X' | 'Z';

/** One stabiliser: its measure qubit and the data qubit it touches in each of the four CX layers. */
export interface Stabiliser {
  readonly type: CheckType;
  readonly ancilla: Point;
  /** Data qubit per CX layer (four entries); undefined where a boundary check has no qubit. */
  readonly layers: readonly (Point | undefined)[];
}

export interface PatchSpec {
  /** Data qubits per row (columns). */
  width: number;
  /** Data qubits per column (rows). */
  height: number;
  /** Lower-left corner on the doubled grid (even numbers keep measure qubits on even points). */
  originX?: number;
  originY?: number;
}

export interface RotatedPatch {
  readonly width: number;
  readonly height: number;
  readonly originX: number;
  readonly originY: number;
  /** Data qubits, sorted by (y, x). */
  readonly data: readonly Point[];
  /** Stabilisers, sorted by (x, y) of their measure qubits. */
  readonly stabilisers: readonly Stabiliser[];
  /** Type of the weight-2 checks along each edge: left/right carry Z checks, top/bottom X checks. */
  readonly boundaryChecks: {
    readonly left: CheckType;
    readonly right: CheckType;
    readonly top: CheckType;
    readonly bottom: CheckType;
  };
  /** Support of a logical X: the left column (runs between the X-check edges, top to bottom). */
  readonly logicalX: readonly Point[];
  /** Support of a logical Z: the bottom row (runs between the Z-check edges, left to right). */
  readonly logicalZ: readonly Point[];
}

// Stim's interaction orders, doubled: hook errors from the third CX run across the logical they could
// otherwise shorten (Z checks go "N" shaped, X checks "Z" shaped).
export const Z_CHECK_ORDER: readonly Point[] = [
  { x: 1, y: 1 },
  { x: 1, y: -1 },
  { x: -1, y: 1 },
  { x: -1, y: -1 },
];
export const X_CHECK_ORDER: readonly Point[] = [
  { x: 1, y: 1 },
  { x: -1, y: 1 },
  { x: 1, y: -1 },
  { x: -1, y: -1 },
];

export const pointKey = (p: Point): string => `${p.x},${p.y}`;

/** Order of Stim's coordinate sets: by x, then y. */
export const byXThenY = (a: Point, b: Point): number => a.x - b.x || a.y - b.y;
export const byYThenX = (a: Point, b: Point): number => a.y - b.y || a.x - b.x;

/** The rotated patch of `width` × `height` data qubits with Stim's boundaries and check orders. */
export function rotatedPatch(spec: PatchSpec): RotatedPatch {
  const { width, height } = spec;
  const originX = spec.originX ?? 0;
  const originY = spec.originY ?? 0;
  for (const [field, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new QnetError('E_QEC_PATCH', `the patch ${field} must be a whole number >= 1, got ${value}`, {
        path: [field],
        hint: 'a rotated patch has at least one data qubit per row and column',
      });
  }
  if (!Number.isInteger(originX) || !Number.isInteger(originY) || originX % 2 !== 0 || originY % 2 !== 0)
    throw new QnetError(
      'E_QEC_PATCH',
      `the patch origin must be even grid points, got (${originX}, ${originY})`,
      {
        path: ['originX'],
        hint: 'data qubits sit on odd points of the doubled grid and measure qubits on even ones',
      },
    );
  const data: Point[] = [];
  for (let j = 0; j < height; j++)
    for (let i = 0; i < width; i++) data.push({ x: originX + 2 * i + 1, y: originY + 2 * j + 1 });
  const dataSet = new Set(data.map(pointKey));
  const stabilisers: Stabiliser[] = [];
  for (let i = 0; i <= width; i++) {
    for (let j = 0; j <= height; j++) {
      // Stim's rule: X checks where column and row parities differ; X checks leave the left and right
      // edges, Z checks leave the top and bottom edges.
      const isX = i % 2 !== j % 2;
      if (isX && (i === 0 || i === width)) continue;
      if (!isX && (j === 0 || j === height)) continue;
      const ancilla = { x: originX + 2 * i, y: originY + 2 * j };
      const order = isX ? X_CHECK_ORDER : Z_CHECK_ORDER;
      const layers = order.map((d) => {
        const q = { x: ancilla.x + d.x, y: ancilla.y + d.y };
        return dataSet.has(pointKey(q)) ? q : undefined;
      });
      if (layers.every((q) => q === undefined)) continue;
      stabilisers.push({ type: isX ? 'X' : 'Z', ancilla, layers });
    }
  }
  return {
    width,
    height,
    originX,
    originY,
    data,
    stabilisers,
    boundaryChecks: { left: 'Z', right: 'Z', top: 'X', bottom: 'X' },
    logicalX: data.filter((q) => q.x === originX + 1),
    logicalZ: data.filter((q) => q.y === originY + 1),
  };
}

/** Data qubits of a stabiliser (those present), in layer order. */
export function stabiliserData(s: Stabiliser): Point[] {
  return s.layers.filter((q): q is Point => q !== undefined);
}

/**
 * Stim's qubit numbering of a rotated patch: x + floor(y / 2) · (2 · columns + 1), so index order is
 * row-major on the doubled grid. `columns` is the width in data qubits of the grid being numbered
 * (for several patches, the width of their common bounding box).
 */
export function stimQubitIndex(p: Point, columns: number): number {
  return p.x + Math.floor(p.y / 2) * (2 * columns + 1);
}

/** Qubit indices of a set of points: a map with a lookup that fails loudly on an unknown point. */
export class QubitNumbering {
  private readonly indexOf = new Map<string, number>();
  private readonly pointOf = new Map<number, Point>();

  add(p: Point, index: number): void {
    const key = pointKey(p);
    const known = this.indexOf.get(key);
    if (known !== undefined && known !== index) throw new Error(`point ${key} already numbered ${known}`);
    if (this.pointOf.has(index) && known === undefined) throw new Error(`index ${index} already used`);
    this.indexOf.set(key, index);
    this.pointOf.set(index, p);
  }

  index(p: Point): number {
    const i = this.indexOf.get(pointKey(p));
    if (i === undefined) throw new Error(`no qubit at (${p.x}, ${p.y})`);
    return i;
  }

  has(p: Point): boolean {
    return this.indexOf.has(pointKey(p));
  }

  /** (index, point) pairs in index order. */
  entries(): [number, Point][] {
    return [...this.pointOf.entries()].sort((a, b) => a[0] - b[0]);
  }

  get size(): number {
    return this.pointOf.size;
  }

  /** One past the largest index. */
  get numQubits(): number {
    let max = -1;
    for (const i of this.pointOf.keys()) max = Math.max(max, i);
    return max + 1;
  }
}

/** Stim's numbering of one patch's qubits (data and measure), with `columns` defaulting to its width. */
export function numberPatch(patch: RotatedPatch, columns = patch.width + patch.originX / 2): QubitNumbering {
  const numbering = new QubitNumbering();
  for (const q of patch.data) numbering.add(q, stimQubitIndex(q, columns));
  for (const s of patch.stabilisers) numbering.add(s.ancilla, stimQubitIndex(s.ancilla, columns));
  return numbering;
}
