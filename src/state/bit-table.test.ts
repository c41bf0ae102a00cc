import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import {
  BitTableWriter,
  createBitTable,
  formatSamples01,
  formatSamplesB8,
  getBit,
  transpose32,
} from './bit-table.js';
import { transposeStore32 } from './transpose32.js';

const randomWords = (rng: Rng, n: number, density = 0.5): Int32Array => {
  const a = new Int32Array(n);
  for (let i = 0; i < n * 32; i++) if (rng.next() < density) a[i >> 5]! |= 1 << (i & 31);
  return a;
};

describe('bit tables', () => {
  it('transposes 32 × 32 blocks like the definition, unrolled or not', () => {
    const rng = Rng.fromSeed('bit-table/transpose');
    for (let k = 0; k < 20; k++) {
      const a = randomWords(rng, 32, k / 20);
      const t = a.slice();
      transpose32(t);
      for (let r = 0; r < 32; r++)
        for (let c = 0; c < 32; c++) expect((t[c]! >>> r) & 1).toBe((a[r]! >>> c) & 1);
      // The unrolled version reads rows with a stride and writes little-endian words.
      const src = new Int32Array(64);
      for (let r = 0; r < 32; r++) src[2 * r + 1] = a[r]!;
      const out = new Uint8Array(32 * 8);
      transposeStore32(src, 1, 2, new DataView(out.buffer), 4, 8, 32);
      const view = new DataView(out.buffer);
      for (let s = 0; s < 32; s++) expect(view.getInt32(4 + 8 * s, true)).toBe(t[s]);
    }
  });

  it('writes rows of bits into shot-major b8 bytes for awkward sizes', () => {
    const rng = Rng.fromSeed('bit-table/writer');
    // 2048 words per batch stages only 64 rows at a time, so 100 bits take two chunks.
    for (const bits of [0, 1, 7, 8, 31, 32, 33, 100, 1100]) {
      for (const shots of [1, 31, 33, 100]) {
        for (const batchWords of [1, 2, 5, 2048]) {
          const table = createBitTable(shots, bits);
          const expected = new Uint8Array(table.data.length);
          const writer = new BitTableWriter(table, batchWords);
          for (let start = 0; start < shots; start += 32 * batchWords) {
            const n = Math.min(32 * batchWords, shots - start);
            writer.beginBatch(start, n);
            for (let b = 0; b < bits; b++) {
              const row = randomWords(rng, Math.ceil(n / 32), b % 3 === 0 ? 0.02 : 0.5);
              writer.stage.set(row, writer.rowOffset);
              writer.commitRow();
              for (let s = 0; s < n; s++) {
                if ((row[s >> 5]! >>> (s & 31)) & 1)
                  expected[(start + s) * table.bytesPerShot + (b >> 3)]! |= 1 << (b & 7);
              }
            }
            writer.endBatch();
          }
          // This also checks that padding bits at the end of each shot stay 0, as Stim writes them.
          expect(table.data, `${bits} bits, ${shots} shots, ${batchWords} words`).toEqual(expected);
        }
      }
    }
    expect(getBit({ shots: 1, bitsPerShot: 9, bytesPerShot: 2, data: Uint8Array.of(0, 1) }, 0, 8)).toBe(1);
  });

  it('formats 01 and b8 as Stim does', () => {
    const table = createBitTable(2, 10);
    // Shot 0: bits 0 and 9 set; shot 1: bits 1..8 set.
    table.data.set([0b0000_0001, 0b10, 0b1111_1110, 0b01]);
    expect(new TextDecoder().decode(formatSamples01(table))).toBe('1000000001\n0111111110\n');
    expect(Array.from(formatSamplesB8(table))).toEqual([1, 2, 254, 1]);
    expect(new TextDecoder().decode(formatSamples01(table, 1, 2))).toBe('0111111110\n');
    expect(new TextDecoder().decode(formatSamples01(createBitTable(3, 0)))).toBe('\n\n\n');
  });
});
