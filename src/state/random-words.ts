// Uniformly random 32-bit words in bulk for the frame sampler, which randomises frames a row at a time
// and draws a few words per noise event: millions per run, so the generator runs in locals inside a
// fill loop and single draws come from a pool filled the same way. Same generator as util/rng.ts
// (xoshiro128**, Blackman & Vigna 2018), seeded from the caller's Rng: a run stays a function of its seed.
import type { Rng } from '../util/rng.js';

export class RandomWords {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private readonly pool = new Int32Array(1024);
  private next = 1024;

  constructor(rng: Rng) {
    this.s0 = rng.nextUint32() | 0;
    this.s1 = rng.nextUint32() | 0;
    this.s2 = rng.nextUint32() | 0;
    this.s3 = rng.nextUint32() | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A uniform integer in [0, 2^32). */
  uint32(): number {
    if (this.next === this.pool.length) {
      this.fill(this.pool, 0, this.pool.length);
      this.next = 0;
    }
    return this.pool[this.next++]! >>> 0;
  }

  /**
   * A geometric variate: failures before the first success of Bernoulli(p) trials, given
   * scale = geometricScale(p), by inversion (Devroye, Non-Uniform Random Variate Generation, 1986,
   * ch. X.2). The uniform has 32 bits, which moves each probability by at most 2^−32.
   */
  geometric(scale: number): number {
    return Math.floor(Math.log((this.uint32() + 1) * 2.3283064365386963e-10) * scale);
  }

  /** Writes `n` random words to a[o], …, a[o + n − 1]. */
  fill(a: Int32Array, o: number, n: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let w = o, e = o + n; w < e; w++) {
      const m = Math.imul(s1, 5);
      a[w] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }
}

/** 1 / ln(1 − p), kept finite for p down to 0 (no NaN from 0 · ∞) and −0 for p = 1 (every trial succeeds). */
export function geometricScale(p: number): number {
  return 1 / Math.log1p(-Math.max(p, 1e-300));
}
