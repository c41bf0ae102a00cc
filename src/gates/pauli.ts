// Pauli strings in the compact form of Clifford images (see types.ts for the bit convention), and
// the readable form '+XZ', '-_Y' used to write the table (character j = target j; '_' or 'I' = I).
import { type CMatrix, cmatFromRows, cmatIdentity, cmatKron } from '../util/complex-matrix.js';
import type { PauliImage } from './types.js';

export function parsePauli(text: string): PauliImage {
  let sign: 1 | -1 = 1;
  let i = 0;
  if (text[0] === '+' || text[0] === '-') {
    sign = text[0] === '-' ? -1 : 1;
    i = 1;
  }
  let xs = 0;
  let zs = 0;
  for (let j = 0; i < text.length; i++, j++) {
    const ch = text[i];
    if (ch === 'X' || ch === 'Y') xs |= 1 << j;
    if (ch === 'Z' || ch === 'Y') zs |= 1 << j;
    if (ch !== 'X' && ch !== 'Y' && ch !== 'Z' && ch !== 'I' && ch !== '_') {
      throw new Error(`bad Pauli string ${JSON.stringify(text)}`);
    }
  }
  return { sign, xs, zs };
}

export function formatPauli(p: PauliImage, arity: number): string {
  let out = p.sign < 0 ? '-' : '+';
  for (let j = 0; j < arity; j++) {
    const x = (p.xs >> j) & 1;
    const z = (p.zs >> j) & 1;
    out += x ? (z ? 'Y' : 'X') : z ? 'Z' : '_';
  }
  return out;
}

const PAULI_1Q: readonly CMatrix[] = [
  cmatIdentity(2),
  cmatFromRows([
    [0, 1],
    [1, 0],
  ]),
  cmatFromRows([
    [1, 0],
    [0, -1],
  ]),
  cmatFromRows([
    [0, [0, -1]],
    [[0, 1], 0],
  ]),
];

/** The matrix of a Pauli image on `arity` qubits, in the gate-table index order (target 0 = MSB). */
export function pauliMatrix(p: PauliImage, arity: number): CMatrix {
  let m: CMatrix | undefined;
  for (let j = 0; j < arity; j++) {
    const x = (p.xs >> j) & 1;
    const z = (p.zs >> j) & 1;
    const f = PAULI_1Q[x ? (z ? 3 : 1) : z ? 2 : 0]!;
    m = m === undefined ? f : cmatKron(m, f);
  }
  if (m === undefined) m = cmatIdentity(1);
  if (p.sign < 0) m = m.map((v) => -v);
  return m;
}
