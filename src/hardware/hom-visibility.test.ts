import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../util/rng.js';
import { RunningStats } from '../util/stats.js';
import { detuningFactor, expectedHomVisibility, homVisibility, type Wavepacket } from './hom-visibility.js';

const exponential = (lifetimePs: number): Wavepacket => ({ shape: 'exponential', lifetimePs });
const gaussian = (sigmaPs: number): Wavepacket => ({ shape: 'gaussian', sigmaPs });

const wavepacketArb = fc.oneof(
  fc.double({ min: 1, max: 1e6, noNaN: true }).map(exponential),
  fc.double({ min: 1, max: 1e6, noNaN: true }).map(gaussian),
);
const offsetArb = fc.double({ min: -1e7, max: 1e7, noNaN: true });

describe('HOM visibility of offset and detuned photons', () => {
  it('gives 0.905 for τ = 1 ns and δ = 100 ps (REFERENCES.md, Heralded entanglement)', () => {
    expect(homVisibility(exponential(1000), 100)).toBeCloseTo(0.9048374180359595, 15);
    expect(homVisibility(exponential(1000), -100)).toBeCloseTo(0.9048374180359595, 15);
  });

  it('Gaussian: exp(−δ²/4σ²); detuning: 1/(1+Δ²τ²) and exp(−Δ²σ²)', () => {
    expect(homVisibility(gaussian(50), 100)).toBeCloseTo(Math.exp(-1), 15);
    // Δτ = 1 at f = 1/(2π τ).
    const f = 1 / (2 * Math.PI * 1e-9);
    expect(homVisibility(exponential(1000), 0, f)).toBeCloseTo(0.5, 14);
    expect(detuningFactor(gaussian(1000), f)).toBeCloseTo(Math.exp(-1), 14);
    expect(homVisibility(exponential(1000), 1000, f)).toBeCloseTo(Math.exp(-1) / 2, 14);
  });

  it('is in [0, 1], 1 only for matched photons, and falls with |δ|', () => {
    fc.assert(
      fc.property(
        wavepacketArb,
        offsetArb,
        offsetArb,
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (w, a, b, f) => {
          const v = homVisibility(w, a, f);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          if (Math.abs(a) <= Math.abs(b)) expect(homVisibility(w, b, f)).toBeLessThanOrEqual(v);
        },
      ),
    );
    expect(homVisibility(gaussian(10), 0)).toBe(1);
  });
});

describe('HOM visibility averaged over a Gaussian timing mismatch', () => {
  it('matches numerical quadrature (mpmath) at several points', () => {
    const cases: [Wavepacket, number, number, number][] = [
      [exponential(1000), 0, 100, 0.9249575705750712],
      [exponential(1000), 300, 200, 0.7439958451361554],
      [exponential(1000), -500, 50, 0.6072892970868519],
      [exponential(1000), 0, 1e5, 0.00797804796271362],
      [exponential(300), 2000, 10, 0.00127334101654881],
      [exponential(1000), 50, 1000, 0.522813309957017],
      [gaussian(500), 0, 100, 0.9901475429766743],
      [gaussian(500), 300, 200, 0.8853131507544191],
      [gaussian(100), 1000, 1e4, 0.014070208546331764],
    ];
    for (const [w, meanPs, sdPs, want] of cases) {
      expect(expectedHomVisibility(w, { meanPs, sdPs }) / want).toBeCloseTo(1, 12);
    }
  });

  it('is finite and in [0, 1] for any mismatch, falls with spread, and is the point value without it', () => {
    const sdArb = fc.double({ min: 0, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(wavepacketArb, offsetArb, sdArb, sdArb, (w, mu, a, b) => {
        const v = expectedHomVisibility(w, { meanPs: mu, sdPs: a });
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1 + 1e-12);
        // Centred: a wider spread only moves photons further apart.
        const [s0, s1] = a <= b ? [a, b] : [b, a];
        const centred = (sdPs: number): number => expectedHomVisibility(w, { meanPs: 0, sdPs });
        expect(centred(s1)).toBeLessThanOrEqual(centred(s0) + 1e-12);
      }),
    );
    expect(expectedHomVisibility(exponential(1000), { meanPs: 100, sdPs: 0 })).toBe(
      homVisibility(exponential(1000), 100),
    );
    expect(expectedHomVisibility(exponential(1000), { meanPs: 100, sdPs: 1e-300 })).toBeCloseTo(
      homVisibility(exponential(1000), 100),
      15,
    );
  });

  it('agrees with Monte Carlo over the mismatch within 3 standard errors (fixed seed)', () => {
    const rng = Rng.fromSeed(20_260_101).child('hardware/hom-visibility-test');
    const cases: [Wavepacket, number, number][] = [
      [exponential(1000), 200, 500],
      [gaussian(300), -100, 400],
    ];
    for (const [w, meanPs, sdPs] of cases) {
      const stats = new RunningStats();
      for (let i = 0; i < 20_000; i++) stats.add(homVisibility(w, rng.normal(meanPs, sdPs)));
      const exact = expectedHomVisibility(w, { meanPs, sdPs });
      expect(Math.abs(stats.mean - exact)).toBeLessThan(3 * stats.stdErr);
    }
  });
});
