import { describe, expect, it } from 'vitest';
import { CLOCK_PRESETS, type ClockParams } from '../hardware/clock.js';
import { homVisibility, type Wavepacket } from '../hardware/hom-visibility.js';
import { Rng } from '../util/rng.js';
import { RunningStats } from '../util/stats.js';
import { singleClickClosedForm, singleClickOutcome } from './link-physics.js';
import { amplitudeWavepacket, linkVisibility } from './link-visibility.js';

/** A clock with a fixed offset and no noise at all. */
const fixed = (offsetPs: number): ClockParams => ({
  syncProtocol: 'custom',
  syncIntervalMs: 1000,
  syncResidualPs: 0,
  offsetPs,
  fractionalFrequency: 0,
  wanderPsPerSqrtS: 0,
  jitterPs: 0,
});

describe('two-photon visibility of a link against the timing offset of its clocks', () => {
  const exp1ns: Wavepacket = { shape: 'exponential', lifetimePs: 1000 };

  it('fixed offset δ: V = exp(−|δ|/τ), amplitude overlap exp(−|δ|/2τ); τ = 1 ns, δ = 100 ps → 0.905', () => {
    for (const delta of [0, 30, 100, 500, 3000]) {
      const v = linkVisibility({ wavepacket: exp1ns, clocks: [fixed(delta), fixed(0)] });
      // REFERENCES.md, Heralded entanglement: V = exp(−|δ|/τ).
      expect(v.visibility).toBeCloseTo(Math.exp(-delta / 1000), 14);
      expect(v.amplitudeOverlap).toBeCloseTo(Math.exp(-delta / 2000), 14);
    }
    const ex = linkVisibility({ wavepacket: exp1ns, clocks: [fixed(0), fixed(100)] });
    expect(ex.visibility).toBeCloseTo(0.905, 3);
  });

  it('Gaussian photon: V = exp(−δ²/4σ²), overlap exp(−δ²/8σ²)', () => {
    const w: Wavepacket = { shape: 'gaussian', sigmaPs: 200 };
    for (const delta of [0, 100, 400]) {
      const v = linkVisibility({ wavepacket: w, clocks: [fixed(delta), fixed(0)] });
      expect(v.visibility).toBeCloseTo(Math.exp(-(delta * delta) / (4 * 200 * 200)), 14);
      expect(v.amplitudeOverlap).toBeCloseTo(Math.exp(-(delta * delta) / (8 * 200 * 200)), 14);
    }
  });

  it('jittered clocks: V and the overlap are the averages of exp(−|δ|/τ) and exp(−|δ|/2τ) over δ (Monte Carlo, 3 s.e.)', () => {
    const a: ClockParams = { ...fixed(300), syncResidualPs: 400, jitterPs: 100 };
    const b: ClockParams = { ...fixed(-100), syncResidualPs: 300 };
    const v = linkVisibility({ wavepacket: exp1ns, clocks: [a, b] });
    const rng = new Rng([3, 1, 4, 1]);
    const sv = new RunningStats();
    const so = new RunningStats();
    const sd = Math.hypot(400, 100, 300);
    for (let i = 0; i < 200_000; i++) {
      const delta = rng.normal(400, sd);
      sv.add(homVisibility(exp1ns, delta));
      so.add(homVisibility(amplitudeWavepacket(exp1ns), delta));
    }
    expect(Math.abs(v.visibility - sv.mean)).toBeLessThan(3 * sv.stdErr);
    expect(Math.abs(v.amplitudeOverlap - so.mean)).toBeLessThan(3 * so.stdErr);
    // Jitter makes the overlap's mean exceed √(mean V) less than it would without: E[√V] ≤ √E[V].
    expect(v.amplitudeOverlap).toBeLessThanOrEqual(Math.sqrt(v.visibility));
  });

  it('averages a drifting offset over the sync cycle', () => {
    // δ(t) = y·t over a 1 ms cycle: mean of exp(−y t/τ) is τ/(yL)·(1 − exp(−yL/τ)).
    const y = 2e-6;
    const a: ClockParams = { ...fixed(0), syncIntervalMs: 1, fractionalFrequency: y };
    const v = linkVisibility({ wavepacket: exp1ns, clocks: [a, fixed(0)], samples: 4096 });
    const x = (y * 1e9) / 1000;
    expect(v.visibility).toBeCloseTo(-Math.expm1(-x) / x, 6);
  });

  it('White Rabbit keeps V near 1 for 1 ns photons; NTP destroys it', () => {
    const wr = CLOCK_PRESETS['white-rabbit'].params;
    const ntp = CLOCK_PRESETS.ntp.params;
    expect(
      linkVisibility({ wavepacket: { shape: 'exponential', lifetimePs: 300_000 }, clocks: [wr, wr] })
        .visibility,
    ).toBeGreaterThan(0.999);
    expect(linkVisibility({ wavepacket: exp1ns, clocks: [wr, wr] }).visibility).toBeLessThan(0.9);
    expect(linkVisibility({ wavepacket: exp1ns, clocks: [ntp, ntp] }).visibility).toBeLessThan(1e-3);
  });

  it('intrinsic visibility, detuning and phase noise: V0·f_Δ and √(V0 f_Δ)·e^{−σ²/2}', () => {
    const v = linkVisibility({
      wavepacket: exp1ns,
      clocks: [fixed(0), fixed(0)],
      intrinsicVisibility: 0.9,
      detuningHz: 100e6,
      opticalPhaseSdRad: 0.3,
    });
    const dt = 2 * Math.PI * 100e6 * 1e-9;
    expect(v.visibility).toBeCloseTo(0.9 / (1 + dt * dt), 14);
    expect(v.amplitudeOverlap).toBeCloseTo(Math.sqrt(0.9 / (1 + dt * dt)) * Math.exp(-0.045), 14);
  });

  it('feeds single-click: F → (1−α)(1+√V)/2 with √V the overlap the offset leaves', () => {
    const v = linkVisibility({ wavepacket: exp1ns, clocks: [fixed(0), fixed(100)] });
    const o = singleClickOutcome({
      alphaA: 0.1,
      etaA: 1e-7,
      etaB: 1e-7,
      visibility: v.visibility,
      amplitudeOverlap: v.amplitudeOverlap,
      darkCountProbability: 0,
    });
    expect(o.state[0]).toBeCloseTo(singleClickClosedForm(0.1, 1e-7, v.visibility).fidelity, 6);
  });
});
