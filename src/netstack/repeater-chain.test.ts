import { describe, expect, it } from 'vitest';
import { QPU_CLASS_PRESETS } from '../hardware/qpu.js';
import { werner } from '../state/belldiag-state.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { idlePair } from './held-pair.js';
import { localNoiseFromQpu } from './local-noise.js';
import {
  chainState,
  expectedChainAttempts,
  sampleChainAttempts,
  simulateRepeaterChain,
} from './repeater-chain.js';
import { bsmSwap } from './swap.js';

/** Brand, Coopmans, Elkouss (2020), written out independently: Σ (−1)^{k+1} C(N,k) / (1 − (1−p)^k). */
function brand(n: number, p: number): number {
  let sum = 0;
  for (let k = 1; k <= n; k++) {
    let c = 1;
    for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
    sum += ((-1) ** (k + 1) * c) / (1 - (1 - p) ** k);
  }
  return sum;
}

/** The protocol step by step: every segment without a pair attempts; pairs older than the cutoff are dropped. */
function stepByStep(n: number, p: number, cutoff: number, rng: Rng): number {
  const age = new Array<number>(n).fill(-1);
  for (let t = 1; ; t++) {
    for (let i = 0; i < n; i++) {
      if (age[i]! >= 0) age[i]!++;
      if (age[i]! > cutoff) age[i] = -1;
      if (age[i]! < 0 && rng.bernoulli(p)) age[i] = 0;
    }
    if (age.every((a) => a >= 0)) return t;
  }
}

describe('repeater chain waiting time', () => {
  it('closed form: p = 0.1, 2 segments → 14.737 attempts (REFERENCES.md), and its stable form for long chains', () => {
    expect(expectedChainAttempts(2, 0.1)).toBeCloseTo(14.737, 3);
    for (const n of [1, 2, 4, 8, 16]) expect(expectedChainAttempts(n, 0.03)).toBeCloseTo(brand(n, 0.03), 8);
    // N = 1: a geometric variable, mean 1/p. Past 20 segments the code sums P(T > t) instead.
    expect(expectedChainAttempts(1, 0.2)).toBeCloseTo(5, 12);
    const sumForm = (n: number, p: number) => {
      let s = 0;
      for (let t = 0; t < 20_000; t++) s += 1 - (1 - (1 - p) ** t) ** n;
      return s;
    };
    expect(expectedChainAttempts(64, 0.05)).toBeCloseTo(sumForm(64, 0.05), 8);
  });

  it('Monte Carlo mean of 2, 4 and 8 segments within 3 SE of Brand, Coopmans, Elkouss (no cutoff)', () => {
    const rng = Rng.fromSeed(2020);
    for (const p of [0.1, 0.02]) {
      for (const n of [2, 4, 8]) {
        const r = simulateRepeaterChain(
          { segments: n, successProbability: p },
          100_000,
          rng.child(`${n}/${p}`),
        );
        expect(Math.abs(r.meanAttempts - brand(n, p))).toBeLessThan(3 * r.stdErrAttempts);
      }
    }
  });

  it('cutoff 0: all segments must succeed in the same attempt, E[T] = 1/p^N', () => {
    const rng = Rng.fromSeed(3);
    const r = simulateRepeaterChain({ segments: 2, successProbability: 0.3, cutoffAttempts: 0 }, 50_000, rng);
    expect(Math.abs(r.meanAttempts - 1 / 0.09)).toBeLessThan(3 * r.stdErrAttempts);
  });

  it('cutoff 5: the geometric-draw sampler agrees with a step-by-step simulation within 3 SE', () => {
    const protocol = { segments: 4, successProbability: 0.2, cutoffAttempts: 5 };
    const fast = simulateRepeaterChain(protocol, 50_000, Rng.fromSeed(5));
    const slow = Rng.fromSeed(6);
    let sum = 0;
    let sum2 = 0;
    const runs = 50_000;
    for (let i = 0; i < runs; i++) {
      const t = stepByStep(4, 0.2, 5, slow);
      sum += t;
      sum2 += t * t;
    }
    const mean = sum / runs;
    const se = Math.sqrt((sum2 / runs - mean * mean) / runs);
    expect(Math.abs(fast.meanAttempts - mean)).toBeLessThan(3 * Math.hypot(se, fast.stdErrAttempts));
    // A cutoff trades waiting time for fresher pairs.
    expect(fast.meanAttempts).toBeGreaterThan(expectedChainAttempts(4, 0.2));
  });

  it('reports when each final pair was heralded: all within the cutoff of the completion', () => {
    const rng = Rng.fromSeed(9);
    const at = new Float64Array(8);
    for (let i = 0; i < 1000; i++) {
      const t = sampleChainAttempts({ segments: 8, successProbability: 0.1, cutoffAttempts: 30 }, rng, at);
      expect(Math.max(...at)).toBe(t);
      expect(t - Math.min(...at)).toBeLessThanOrEqual(30);
    }
  });

  it('refuses impossible chains', () => {
    expect(() => expectedChainAttempts(0, 0.1)).toThrow(QnetError);
    expect(() => expectedChainAttempts(2, 0)).toThrow(/successProbability/);
    expect(() =>
      simulateRepeaterChain(
        { segments: 2, successProbability: 0.5, cutoffAttempts: -1 },
        10,
        Rng.fromSeed(1),
      ),
    ).toThrow(/cutoffAttempts/);
  });
});

describe('repeater chain fidelity', () => {
  it('without decoherence: Werner parameters multiply, and gate noise enters once per swap', () => {
    const links = [werner(0.95), werner(0.9), werner(0.97), werner(0.92)];
    const w = (f: number) => (4 * f - 1) / 3;
    const out = chainState(links, [0, 0, 0, 0]);
    expect(w(out[0])).toBeCloseTo(w(0.95) * w(0.9) * w(0.97) * w(0.92), 14);
    const noise = localNoiseFromQpu(QPU_CLASS_PRESETS['heron-r2'].params);
    const noisy = chainState(links, [0, 0, 0, 0], { swapNoise: noise });
    const byHand = bsmSwap(bsmSwap(bsmSwap(links[0]!, links[1]!, noise), links[2]!, noise), links[3]!, noise);
    expect(noisy[0]).toBeCloseTo(byHand[0], 14);
    const r = simulateRepeaterChain({ segments: 4, successProbability: 0.1 }, 100, Rng.fromSeed(1), {
      linkStates: links,
    });
    expect(r.meanFidelity).toBeCloseTo(out[0], 14);
    expect(r.stdErrFidelity).toBeCloseTo(0, 14);
  });

  it('with memory decay, the mean fidelity is the average over waiting times: a 2-segment chain by exact enumeration', () => {
    // Two segments: the first pair waits |T1 − T2| attempts, the other none. P(|T1 − T2| = d) for
    // two geometric(p): p/(2−p) for d = 0, else 2 p (1−p)^d / (2−p).
    const p = 0.2;
    const attemptPs = 2e6;
    const memory = { t1Us: 145, t2Us: 88 };
    const f0 = werner(0.95);
    let expected = 0;
    for (let d = 0; d < 400; d++) {
      const prob = d === 0 ? p / (2 - p) : (2 * p * (1 - p) ** d) / (2 - p);
      expected += prob * bsmSwap(idlePair(f0, d * attemptPs, memory, memory), f0)[0];
    }
    const r = simulateRepeaterChain({ segments: 2, successProbability: p }, 100_000, Rng.fromSeed(12), {
      linkStates: f0,
      attemptPs,
      memory,
    });
    expect(Math.abs(r.meanFidelity - expected)).toBeLessThan(3 * r.stdErrFidelity);
    expect(r.meanFidelity).toBeLessThan(bsmSwap(f0, f0)[0]);
    expect(r.meanState.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});
