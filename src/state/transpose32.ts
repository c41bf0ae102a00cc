// A 32 × 32 bit transpose unrolled into locals, so that no step pays for an array bounds check (about
// three times faster than the loop in bit-table.ts, which the tests check it against). Written out by
// a script: 32 loads, the 80 block swaps of transpose32 (j = 16, 8, 4, 2, 1), 32 stores.

/**
 * Transposes the 32 words src[off + r·stride] (row r, bit s = shot s) and stores word s, the 32 bits
 * of shot s, little-endian at byte o + s·step of `out`, for s < count. An all-zero block stores nothing.
 */
export function transposeStore32(
  src: Int32Array,
  off: number,
  stride: number,
  out: DataView,
  o: number,
  step: number,
  count: number,
): void {
  let a0 = src[off + 0 * stride]!;
  let a1 = src[off + 1 * stride]!;
  let a2 = src[off + 2 * stride]!;
  let a3 = src[off + 3 * stride]!;
  let a4 = src[off + 4 * stride]!;
  let a5 = src[off + 5 * stride]!;
  let a6 = src[off + 6 * stride]!;
  let a7 = src[off + 7 * stride]!;
  let a8 = src[off + 8 * stride]!;
  let a9 = src[off + 9 * stride]!;
  let a10 = src[off + 10 * stride]!;
  let a11 = src[off + 11 * stride]!;
  let a12 = src[off + 12 * stride]!;
  let a13 = src[off + 13 * stride]!;
  let a14 = src[off + 14 * stride]!;
  let a15 = src[off + 15 * stride]!;
  let a16 = src[off + 16 * stride]!;
  let a17 = src[off + 17 * stride]!;
  let a18 = src[off + 18 * stride]!;
  let a19 = src[off + 19 * stride]!;
  let a20 = src[off + 20 * stride]!;
  let a21 = src[off + 21 * stride]!;
  let a22 = src[off + 22 * stride]!;
  let a23 = src[off + 23 * stride]!;
  let a24 = src[off + 24 * stride]!;
  let a25 = src[off + 25 * stride]!;
  let a26 = src[off + 26 * stride]!;
  let a27 = src[off + 27 * stride]!;
  let a28 = src[off + 28 * stride]!;
  let a29 = src[off + 29 * stride]!;
  let a30 = src[off + 30 * stride]!;
  let a31 = src[off + 31 * stride]!;
  if (
    (a0 |
      a1 |
      a2 |
      a3 |
      a4 |
      a5 |
      a6 |
      a7 |
      a8 |
      a9 |
      a10 |
      a11 |
      a12 |
      a13 |
      a14 |
      a15 |
      a16 |
      a17 |
      a18 |
      a19 |
      a20 |
      a21 |
      a22 |
      a23 |
      a24 |
      a25 |
      a26 |
      a27 |
      a28 |
      a29 |
      a30 |
      a31) ===
    0
  )
    return;
  let t = 0;
  t = ((a0 >>> 16) ^ a16) & 0x0000ffff;
  a16 ^= t;
  a0 ^= t << 16;
  t = ((a1 >>> 16) ^ a17) & 0x0000ffff;
  a17 ^= t;
  a1 ^= t << 16;
  t = ((a2 >>> 16) ^ a18) & 0x0000ffff;
  a18 ^= t;
  a2 ^= t << 16;
  t = ((a3 >>> 16) ^ a19) & 0x0000ffff;
  a19 ^= t;
  a3 ^= t << 16;
  t = ((a4 >>> 16) ^ a20) & 0x0000ffff;
  a20 ^= t;
  a4 ^= t << 16;
  t = ((a5 >>> 16) ^ a21) & 0x0000ffff;
  a21 ^= t;
  a5 ^= t << 16;
  t = ((a6 >>> 16) ^ a22) & 0x0000ffff;
  a22 ^= t;
  a6 ^= t << 16;
  t = ((a7 >>> 16) ^ a23) & 0x0000ffff;
  a23 ^= t;
  a7 ^= t << 16;
  t = ((a8 >>> 16) ^ a24) & 0x0000ffff;
  a24 ^= t;
  a8 ^= t << 16;
  t = ((a9 >>> 16) ^ a25) & 0x0000ffff;
  a25 ^= t;
  a9 ^= t << 16;
  t = ((a10 >>> 16) ^ a26) & 0x0000ffff;
  a26 ^= t;
  a10 ^= t << 16;
  t = ((a11 >>> 16) ^ a27) & 0x0000ffff;
  a27 ^= t;
  a11 ^= t << 16;
  t = ((a12 >>> 16) ^ a28) & 0x0000ffff;
  a28 ^= t;
  a12 ^= t << 16;
  t = ((a13 >>> 16) ^ a29) & 0x0000ffff;
  a29 ^= t;
  a13 ^= t << 16;
  t = ((a14 >>> 16) ^ a30) & 0x0000ffff;
  a30 ^= t;
  a14 ^= t << 16;
  t = ((a15 >>> 16) ^ a31) & 0x0000ffff;
  a31 ^= t;
  a15 ^= t << 16;
  t = ((a0 >>> 8) ^ a8) & 0x00ff00ff;
  a8 ^= t;
  a0 ^= t << 8;
  t = ((a1 >>> 8) ^ a9) & 0x00ff00ff;
  a9 ^= t;
  a1 ^= t << 8;
  t = ((a2 >>> 8) ^ a10) & 0x00ff00ff;
  a10 ^= t;
  a2 ^= t << 8;
  t = ((a3 >>> 8) ^ a11) & 0x00ff00ff;
  a11 ^= t;
  a3 ^= t << 8;
  t = ((a4 >>> 8) ^ a12) & 0x00ff00ff;
  a12 ^= t;
  a4 ^= t << 8;
  t = ((a5 >>> 8) ^ a13) & 0x00ff00ff;
  a13 ^= t;
  a5 ^= t << 8;
  t = ((a6 >>> 8) ^ a14) & 0x00ff00ff;
  a14 ^= t;
  a6 ^= t << 8;
  t = ((a7 >>> 8) ^ a15) & 0x00ff00ff;
  a15 ^= t;
  a7 ^= t << 8;
  t = ((a16 >>> 8) ^ a24) & 0x00ff00ff;
  a24 ^= t;
  a16 ^= t << 8;
  t = ((a17 >>> 8) ^ a25) & 0x00ff00ff;
  a25 ^= t;
  a17 ^= t << 8;
  t = ((a18 >>> 8) ^ a26) & 0x00ff00ff;
  a26 ^= t;
  a18 ^= t << 8;
  t = ((a19 >>> 8) ^ a27) & 0x00ff00ff;
  a27 ^= t;
  a19 ^= t << 8;
  t = ((a20 >>> 8) ^ a28) & 0x00ff00ff;
  a28 ^= t;
  a20 ^= t << 8;
  t = ((a21 >>> 8) ^ a29) & 0x00ff00ff;
  a29 ^= t;
  a21 ^= t << 8;
  t = ((a22 >>> 8) ^ a30) & 0x00ff00ff;
  a30 ^= t;
  a22 ^= t << 8;
  t = ((a23 >>> 8) ^ a31) & 0x00ff00ff;
  a31 ^= t;
  a23 ^= t << 8;
  t = ((a0 >>> 4) ^ a4) & 0x0f0f0f0f;
  a4 ^= t;
  a0 ^= t << 4;
  t = ((a1 >>> 4) ^ a5) & 0x0f0f0f0f;
  a5 ^= t;
  a1 ^= t << 4;
  t = ((a2 >>> 4) ^ a6) & 0x0f0f0f0f;
  a6 ^= t;
  a2 ^= t << 4;
  t = ((a3 >>> 4) ^ a7) & 0x0f0f0f0f;
  a7 ^= t;
  a3 ^= t << 4;
  t = ((a8 >>> 4) ^ a12) & 0x0f0f0f0f;
  a12 ^= t;
  a8 ^= t << 4;
  t = ((a9 >>> 4) ^ a13) & 0x0f0f0f0f;
  a13 ^= t;
  a9 ^= t << 4;
  t = ((a10 >>> 4) ^ a14) & 0x0f0f0f0f;
  a14 ^= t;
  a10 ^= t << 4;
  t = ((a11 >>> 4) ^ a15) & 0x0f0f0f0f;
  a15 ^= t;
  a11 ^= t << 4;
  t = ((a16 >>> 4) ^ a20) & 0x0f0f0f0f;
  a20 ^= t;
  a16 ^= t << 4;
  t = ((a17 >>> 4) ^ a21) & 0x0f0f0f0f;
  a21 ^= t;
  a17 ^= t << 4;
  t = ((a18 >>> 4) ^ a22) & 0x0f0f0f0f;
  a22 ^= t;
  a18 ^= t << 4;
  t = ((a19 >>> 4) ^ a23) & 0x0f0f0f0f;
  a23 ^= t;
  a19 ^= t << 4;
  t = ((a24 >>> 4) ^ a28) & 0x0f0f0f0f;
  a28 ^= t;
  a24 ^= t << 4;
  t = ((a25 >>> 4) ^ a29) & 0x0f0f0f0f;
  a29 ^= t;
  a25 ^= t << 4;
  t = ((a26 >>> 4) ^ a30) & 0x0f0f0f0f;
  a30 ^= t;
  a26 ^= t << 4;
  t = ((a27 >>> 4) ^ a31) & 0x0f0f0f0f;
  a31 ^= t;
  a27 ^= t << 4;
  t = ((a0 >>> 2) ^ a2) & 0x33333333;
  a2 ^= t;
  a0 ^= t << 2;
  t = ((a1 >>> 2) ^ a3) & 0x33333333;
  a3 ^= t;
  a1 ^= t << 2;
  t = ((a4 >>> 2) ^ a6) & 0x33333333;
  a6 ^= t;
  a4 ^= t << 2;
  t = ((a5 >>> 2) ^ a7) & 0x33333333;
  a7 ^= t;
  a5 ^= t << 2;
  t = ((a8 >>> 2) ^ a10) & 0x33333333;
  a10 ^= t;
  a8 ^= t << 2;
  t = ((a9 >>> 2) ^ a11) & 0x33333333;
  a11 ^= t;
  a9 ^= t << 2;
  t = ((a12 >>> 2) ^ a14) & 0x33333333;
  a14 ^= t;
  a12 ^= t << 2;
  t = ((a13 >>> 2) ^ a15) & 0x33333333;
  a15 ^= t;
  a13 ^= t << 2;
  t = ((a16 >>> 2) ^ a18) & 0x33333333;
  a18 ^= t;
  a16 ^= t << 2;
  t = ((a17 >>> 2) ^ a19) & 0x33333333;
  a19 ^= t;
  a17 ^= t << 2;
  t = ((a20 >>> 2) ^ a22) & 0x33333333;
  a22 ^= t;
  a20 ^= t << 2;
  t = ((a21 >>> 2) ^ a23) & 0x33333333;
  a23 ^= t;
  a21 ^= t << 2;
  t = ((a24 >>> 2) ^ a26) & 0x33333333;
  a26 ^= t;
  a24 ^= t << 2;
  t = ((a25 >>> 2) ^ a27) & 0x33333333;
  a27 ^= t;
  a25 ^= t << 2;
  t = ((a28 >>> 2) ^ a30) & 0x33333333;
  a30 ^= t;
  a28 ^= t << 2;
  t = ((a29 >>> 2) ^ a31) & 0x33333333;
  a31 ^= t;
  a29 ^= t << 2;
  t = ((a0 >>> 1) ^ a1) & 0x55555555;
  a1 ^= t;
  a0 ^= t << 1;
  t = ((a2 >>> 1) ^ a3) & 0x55555555;
  a3 ^= t;
  a2 ^= t << 1;
  t = ((a4 >>> 1) ^ a5) & 0x55555555;
  a5 ^= t;
  a4 ^= t << 1;
  t = ((a6 >>> 1) ^ a7) & 0x55555555;
  a7 ^= t;
  a6 ^= t << 1;
  t = ((a8 >>> 1) ^ a9) & 0x55555555;
  a9 ^= t;
  a8 ^= t << 1;
  t = ((a10 >>> 1) ^ a11) & 0x55555555;
  a11 ^= t;
  a10 ^= t << 1;
  t = ((a12 >>> 1) ^ a13) & 0x55555555;
  a13 ^= t;
  a12 ^= t << 1;
  t = ((a14 >>> 1) ^ a15) & 0x55555555;
  a15 ^= t;
  a14 ^= t << 1;
  t = ((a16 >>> 1) ^ a17) & 0x55555555;
  a17 ^= t;
  a16 ^= t << 1;
  t = ((a18 >>> 1) ^ a19) & 0x55555555;
  a19 ^= t;
  a18 ^= t << 1;
  t = ((a20 >>> 1) ^ a21) & 0x55555555;
  a21 ^= t;
  a20 ^= t << 1;
  t = ((a22 >>> 1) ^ a23) & 0x55555555;
  a23 ^= t;
  a22 ^= t << 1;
  t = ((a24 >>> 1) ^ a25) & 0x55555555;
  a25 ^= t;
  a24 ^= t << 1;
  t = ((a26 >>> 1) ^ a27) & 0x55555555;
  a27 ^= t;
  a26 ^= t << 1;
  t = ((a28 >>> 1) ^ a29) & 0x55555555;
  a29 ^= t;
  a28 ^= t << 1;
  t = ((a30 >>> 1) ^ a31) & 0x55555555;
  a31 ^= t;
  a30 ^= t << 1;
  if (count === 32) {
    out.setInt32(o + 0 * step, a0, true);
    out.setInt32(o + 1 * step, a1, true);
    out.setInt32(o + 2 * step, a2, true);
    out.setInt32(o + 3 * step, a3, true);
    out.setInt32(o + 4 * step, a4, true);
    out.setInt32(o + 5 * step, a5, true);
    out.setInt32(o + 6 * step, a6, true);
    out.setInt32(o + 7 * step, a7, true);
    out.setInt32(o + 8 * step, a8, true);
    out.setInt32(o + 9 * step, a9, true);
    out.setInt32(o + 10 * step, a10, true);
    out.setInt32(o + 11 * step, a11, true);
    out.setInt32(o + 12 * step, a12, true);
    out.setInt32(o + 13 * step, a13, true);
    out.setInt32(o + 14 * step, a14, true);
    out.setInt32(o + 15 * step, a15, true);
    out.setInt32(o + 16 * step, a16, true);
    out.setInt32(o + 17 * step, a17, true);
    out.setInt32(o + 18 * step, a18, true);
    out.setInt32(o + 19 * step, a19, true);
    out.setInt32(o + 20 * step, a20, true);
    out.setInt32(o + 21 * step, a21, true);
    out.setInt32(o + 22 * step, a22, true);
    out.setInt32(o + 23 * step, a23, true);
    out.setInt32(o + 24 * step, a24, true);
    out.setInt32(o + 25 * step, a25, true);
    out.setInt32(o + 26 * step, a26, true);
    out.setInt32(o + 27 * step, a27, true);
    out.setInt32(o + 28 * step, a28, true);
    out.setInt32(o + 29 * step, a29, true);
    out.setInt32(o + 30 * step, a30, true);
    out.setInt32(o + 31 * step, a31, true);
    return;
  }
  const words = [
    a0,
    a1,
    a2,
    a3,
    a4,
    a5,
    a6,
    a7,
    a8,
    a9,
    a10,
    a11,
    a12,
    a13,
    a14,
    a15,
    a16,
    a17,
    a18,
    a19,
    a20,
    a21,
    a22,
    a23,
    a24,
    a25,
    a26,
    a27,
    a28,
    a29,
    a30,
    a31,
  ];
  for (let s = 0; s < count; s++) out.setInt32(o + s * step, words[s]!, true);
}
