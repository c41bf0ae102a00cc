// Seeded, splittable random streams. Generator: xoshiro128** (Blackman & Vigna, 2018), chosen because
// it needs only 32-bit integer operations, which JavaScript performs identically on every platform.
// Streams form a tree keyed by name: a child's key depends on its parent's key and its name only,
// never on how many numbers the parent has drawn, so adding a component leaves the others' draws alone.
import { QnetError } from './errors.js';

const TWO_POW_32 = 4_294_967_296;
const TWO_POW_53 = 9_007_199_254_740_992;

/** 128-bit key as four unsigned 32-bit words. */
export type RngKey = readonly [number, number, number, number];

// Final mixer of MurmurHash3 (fmix32): full avalanche on 32 bits.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes a parent key with a name (its UTF-16 code units) into a new 128-bit key. */
export function deriveKey(parent: RngKey, name: string): RngKey {
  let a = parent[0] ^ 0x9e3779b9;
  let b = parent[1] ^ 0x243f6a88;
  let c = parent[2] ^ 0xb7e15162;
  let d = parent[3] ^ 0x85a308d3;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    a = fmix32((a ^ ch) + Math.imul(d, 0x01000193));
    b = fmix32((b ^ a) + 0x6a09e667);
    c = fmix32((c ^ b) + ch);
    d = fmix32((d ^ c) + 0xbb67ae85);
  }
  // Length and one more round so that prefixes ("a" vs "a\0") and short names separate well.
  a = fmix32(a ^ name.length);
  b = fmix32(b ^ a);
  c = fmix32(c ^ b);
  d = fmix32(d ^ c);
  return [a, b, c, d];
}

/** Key of the root stream for a user seed: a safe integer or any string. */
export function rootKey(seed: number | string): RngKey {
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new QnetError('E_SEED', `seed ${seed} is not a non-negative whole number`, {
        hint: 'use a seed between 0 and 2^53-1, or a string',
      });
    }
    const lo = seed % TWO_POW_32;
    const hi = Math.floor(seed / TWO_POW_32);
    return deriveKey([lo >>> 0, hi >>> 0, 0x51ed2701, 0x0badcafe], 'qnet/seed');
  }
  return deriveKey([0, 0, 0x5eed5eed, 0x57a1f00d], `qnet/seed-string/${seed}`);
}

export class Rng {
  /** Name path from the root, e.g. `node/A/link/0`; for diagnostics. */
  readonly path: string;
  readonly key: RngKey;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal = Number.NaN;

  constructor(key: RngKey, path = '') {
    this.key = key;
    this.path = path;
    // The key is already well mixed; one more mix keeps the state from ever equalling the key.
    this.s0 = fmix32(key[0] ^ 0xa5a5a5a5);
    this.s1 = fmix32(key[1] ^ 0x3c3c3c3c);
    this.s2 = fmix32(key[2] ^ 0x96969696);
    this.s3 = fmix32(key[3] ^ 0x0f0f0f0f);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  static fromSeed(seed: number | string): Rng {
    return new Rng(rootKey(seed));
  }

  /** The stream named `name` below this one. Same parent key and name: same stream. */
  child(name: string): Rng {
    return new Rng(deriveKey(this.key, name), this.path ? `${this.path}/${name}` : name);
  }

  /** Next unsigned 32-bit integer (xoshiro128**). */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2;
    const s3 = this.s3;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = (n3 << 11) | (n3 >>> 21);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67_108_864 + lo) / TWO_POW_53;
  }

  /** Uniform double in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [0, n), unbiased (rejection), for 1 <= n <= 2^32. */
  int(n: number): number {
    if (!(n >= 1 && n <= TWO_POW_32 && Number.isInteger(n))) throw new RangeError(`Rng.int: bad bound ${n}`);
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Exponential variate with the given mean (inverse transform; 1 - u avoids log(0)). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Standard normal variate (Marsaglia polar method), scaled to mean and standard deviation. */
  normal(mean = 0, sd = 1): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = Number.NaN;
      return mean + sd * z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mean + sd * u * f;
  }

  /** Number of failures before the first success of a Bernoulli(p) sequence (geometric on {0,1,...}). */
  geometric(p: number): number {
    if (p >= 1) return 0;
    if (p <= 0) return Number.POSITIVE_INFINITY;
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: empty list');
    return items[this.int(items.length)] as T;
  }
}
