// Sampled bits per shot (measurement results, detection events, observable flips), stored shot-major in
// Stim's `b8` layout so that writing b8 is free and `01` is one pass. Samplers produce bits the other
// way round (one row per bit, 32 shots per word) and hand them to a BitTableWriter, which transposes
// 32 × 32 blocks while they are still in cache.
import { transposeStore32 } from './transpose32.js';

/** Bits per shot: bit k of shot s is bit (k & 7) of byte s · bytesPerShot + (k >> 3) (Stim's b8). */
export interface BitTable {
  readonly shots: number;
  readonly bitsPerShot: number;
  /** ceil(bitsPerShot / 8): each shot is padded to whole bytes. */
  readonly bytesPerShot: number;
  readonly data: Uint8Array;
}

export function createBitTable(shots: number, bitsPerShot: number): BitTable {
  const bytesPerShot = (bitsPerShot + 7) >> 3;
  return { shots, bitsPerShot, bytesPerShot, data: new Uint8Array(shots * bytesPerShot) };
}

export function getBit(table: BitTable, shot: number, bit: number): number {
  return (table.data[shot * table.bytesPerShot + (bit >> 3)]! >> (bit & 7)) & 1;
}

/** The table in Stim's `b8` format: its own bytes (not a copy). */
export function formatSamplesB8(table: BitTable): Uint8Array {
  return table.data;
}

// '0' or '1' for each bit of a byte, least significant first.
const ASCII_BITS = Uint8Array.from({ length: 256 * 8 }, (_, i) => 48 + (((i >> 3) >> (i & 7)) & 1));

/**
 * Shots `from` to `to` (exclusive) in Stim's `01` format: one line of '0'/'1' per shot. Bytes rather
 * than a string, so that large tables can be written in slices without hitting string limits.
 */
export function formatSamples01(table: BitTable, from = 0, to = table.shots): Uint8Array {
  const { bitsPerShot, bytesPerShot, data } = table;
  const line = bitsPerShot + 1;
  const out = new Uint8Array((to - from) * line);
  const whole = bitsPerShot >> 3;
  let o = 0;
  for (let s = from; s < to; s++) {
    const base = s * bytesPerShot;
    for (let b = 0; b < whole; b++) {
      const k = data[base + b]! << 3;
      out[o] = ASCII_BITS[k]!;
      out[o + 1] = ASCII_BITS[k + 1]!;
      out[o + 2] = ASCII_BITS[k + 2]!;
      out[o + 3] = ASCII_BITS[k + 3]!;
      out[o + 4] = ASCII_BITS[k + 4]!;
      out[o + 5] = ASCII_BITS[k + 5]!;
      out[o + 6] = ASCII_BITS[k + 6]!;
      out[o + 7] = ASCII_BITS[k + 7]!;
      o += 8;
    }
    for (let k = whole << 3; k < bitsPerShot; k++) out[o++] = 48 + ((data[base + (k >> 3)]! >> (k & 7)) & 1);
    out[o++] = 10;
  }
  return out;
}

/**
 * In-place transpose of a 32 × 32 bit matrix held as 32 words (bit c of word r is entry (r, c)):
 * swaps ever smaller off-diagonal blocks (Warren, Hacker's Delight, 2nd ed., section 7-3).
 */
export function transpose32(a: Int32Array): void {
  let m = 0x0000ffff;
  for (let j = 16; j !== 0; j >>>= 1, m ^= m << j) {
    for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
      const t = ((a[k]! >>> j) ^ a[k + j]!) & m;
      a[k + j]! ^= t;
      a[k]! ^= t << j;
    }
  }
}

const STAGE_BYTES = 512 * 1024;

/** Fills a BitTable from rows of bits, one row per bit of the shot, 32 shots per word. */
export class BitTableWriter {
  readonly table: BitTable;
  /** `chunkRows` rows of `batchWords` words; the sampler writes the next row at `rowOffset`. */
  readonly stage: Int32Array;
  private readonly batchWords: number;
  private readonly chunkRows: number;
  private readonly block = new Int32Array(32);
  private readonly view: DataView;
  private shotStart = 0;
  private shots = 0;
  private bit = 0;

  constructor(table: BitTable, batchWords: number) {
    this.table = table;
    this.batchWords = batchWords;
    // Rows are staged in chunks of a multiple of 32 that fits in cache (about 512 KiB) and are then
    // written shot by shot: each shot's bytes for the chunk are contiguous in the table, so the table
    // is written in whole cache lines instead of 4 bytes at a time across thousands of shots.
    const fit = Math.floor(STAGE_BYTES / (4 * batchWords) / 32) * 32;
    const needed = Math.ceil(table.bitsPerShot / 32) * 32;
    this.chunkRows = Math.max(32, Math.min(fit, needed));
    this.stage = new Int32Array(this.chunkRows * batchWords);
    this.view = new DataView(table.data.buffer, table.data.byteOffset, table.data.byteLength);
  }

  /** Starts a batch of `shots` shots (at most 32 · batchWords) beginning at shot `shotStart`. */
  beginBatch(shotStart: number, shots: number): void {
    this.shotStart = shotStart;
    this.shots = shots;
    this.bit = 0;
  }

  /** Where the next row goes in `stage`. */
  get rowOffset(): number {
    return (this.bit % this.chunkRows) * this.batchWords;
  }

  /** The row at `rowOffset` is complete. */
  commitRow(): void {
    this.bit++;
    if (this.bit % this.chunkRows === 0) this.flush(this.chunkRows);
  }

  endBatch(): void {
    if (this.bit !== this.table.bitsPerShot) {
      throw new Error(
        `BitTableWriter: a batch wrote ${this.bit} bits, the table has ${this.table.bitsPerShot}`,
      );
    }
    const rows = this.bit % this.chunkRows;
    if (rows !== 0) this.flush(rows);
  }

  // Full 32-row blocks go through the unrolled transpose; a chunk's last, partial block (its bytes
  // end the shot's row, so it must not spill into the next shot) goes bit by bit through the loop.
  private flush(rows: number): void {
    const { stage, block, batchWords, view } = this;
    const { bytesPerShot, data } = this.table;
    const chunkBase = (this.bit - rows) >> 3;
    const words = (this.shots + 31) >>> 5;
    for (let w = 0; w < words; w++) {
      const first = this.shotStart + 32 * w;
      const count = Math.min(32, this.shots - 32 * w);
      for (let r0 = 0; r0 < rows; r0 += 32) {
        const byteBase = first * bytesPerShot + chunkBase + (r0 >> 3);
        const n = rows - r0;
        if (n >= 32) {
          transposeStore32(stage, r0 * batchWords + w, batchWords, view, byteBase, bytesPerShot, count);
          continue;
        }
        let any = 0;
        for (let r = 0; r < 32; r++) {
          const v = r < n ? stage[(r0 + r) * batchWords + w]! : 0;
          block[r] = v;
          any |= v;
        }
        if (any === 0) continue;
        transpose32(block);
        const bytes = (n + 7) >> 3;
        for (let s = 0, o = byteBase; s < count; s++, o += bytesPerShot) {
          for (let b = 0; b < bytes; b++) data[o + b] = block[s]! >>> (8 * b);
        }
      }
    }
  }
}
