// How well the two ends' photons overlap at the station, from their wavepacket, the two clocks
// (the timing mismatch of their emissions), a frequency detuning and the optical phase noise.
// Two numbers matter, and jitter averages them differently:
// - the HOM visibility V = E[|⟨ψA|ψB⟩|²]: two photons bunch with probability (1 + V)/2, and
//   Barrett–Kok's coherence is the product of two rounds' overlaps (same offset in both rounds);
// - the amplitude overlap E[|⟨ψA|ψB⟩|]·E[cos φ]: the which-end coherence of single-click, which sees
//   one photon and the optical phase φ between the arms. Without jitter it is √V.
import { type ClockParams, clockError } from '../hardware/clock.js';
import { detuningFactor, expectedHomVisibility, type Wavepacket } from '../hardware/hom-visibility.js';
import { msToPs } from '../util/units.js';

export interface LinkVisibilityInputs {
  readonly wavepacket: Wavepacket;
  readonly clocks: readonly [ClockParams, ClockParams];
  /** Visibility of perfectly timed photons (polarisation, spectrum and shape mismatch), e.g. the station's. */
  readonly intrinsicVisibility?: number | undefined;
  /** Frequency detuning between the two ends' photons, Hz. */
  readonly detuningHz?: number | undefined;
  /** Standard deviation of the optical phase between the two arms, radians (single-click only). */
  readonly opticalPhaseSdRad?: number | undefined;
  /** Points of the average over one synchronisation cycle (default 256). */
  readonly samples?: number | undefined;
}

export interface LinkVisibility {
  /** HOM visibility V, averaged over the clocks' mismatch through a sync cycle. */
  readonly visibility: number;
  /** Mean amplitude overlap including the optical phase factor (single-click's coherence). */
  readonly amplitudeOverlap: number;
}

/**
 * The same wavepacket with its amplitude overlap written as a HOM visibility: for an exponential
 * photon |⟨ψ(t)|ψ(t−δ)⟩| = exp(−|δ|/2τ), for a Gaussian one exp(−δ²/8σ²) (derived here from the
 * amplitudes e^{−t/2τ} and e^{−t²/4σ²}), i.e. a lifetime 2τ or a width √2·σ in homVisibility.
 */
export function amplitudeWavepacket(w: Wavepacket): Wavepacket {
  return w.shape === 'exponential'
    ? { shape: 'exponential', lifetimePs: 2 * w.lifetimePs }
    : { shape: 'gaussian', sigmaPs: Math.SQRT2 * w.sigmaPs };
}

/**
 * V and the amplitude overlap averaged over one synchronisation cycle of the two clocks (midpoint
 * rule over the longer sync interval): the attempts of a link sample the whole cycle.
 */
export function linkVisibility(inputs: LinkVisibilityInputs): LinkVisibility {
  const [a, b] = inputs.clocks;
  const v0 = inputs.intrinsicVisibility ?? 1;
  const detuning = inputs.detuningHz ?? 0;
  const phaseSd = inputs.opticalPhaseSdRad ?? 0;
  const n = inputs.samples ?? 256;
  const w = inputs.wavepacket;
  const wAmp = amplitudeWavepacket(w);
  const periodA = msToPs(a.syncIntervalMs);
  const periodB = msToPs(b.syncIntervalMs);
  const cycle = Math.max(periodA, periodB);
  let v = 0;
  let o = 0;
  for (let k = 0; k < n; k++) {
    const t = ((k + 0.5) / n) * cycle;
    const ea = clockError(a, t % periodA);
    const eb = clockError(b, t % periodB);
    // REFERENCES.md, Clocks: the photons' arrival offset is the difference of the two clocks' errors.
    const mismatch = { meanPs: ea.meanPs - eb.meanPs, sdPs: Math.hypot(ea.sdPs, eb.sdPs) };
    // REFERENCES.md, Heralded entanglement: V = exp(−|δ|/τ)/(1+Δ²τ²), Gaussian exp(−δ²/4σ²), averaged over δ.
    v += expectedHomVisibility(w, mismatch, detuning);
    o += expectedHomVisibility(wAmp, mismatch, 0);
  }
  // Gaussian phase noise: E[cos φ] = exp(−σ²/2).
  const phase = Math.exp(-(phaseSd * phaseSd) / 2);
  return {
    visibility: (v0 * v) / n,
    amplitudeOverlap: (Math.sqrt(v0 * detuningFactor(w, detuning)) * o * phase) / n,
  };
}
