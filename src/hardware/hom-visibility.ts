// Two-photon (Hong–Ou–Mandel) interference visibility of photons from two ends that arrive at the
// station offset in time or detuned in frequency. This is why clocks must agree to well under the
// photon length (REFERENCES.md, Heralded entanglement).
import { erfc, erfcx } from '../util/special-functions.js';

/** Temporal shape of a single photon. */
export type Wavepacket =
  /** Exponential decay of intensity lifetime τ (emission from a cavity or a two-level system). */
  | { readonly shape: 'exponential'; readonly lifetimePs: number }
  /** Gaussian intensity profile of standard deviation σ. */
  | { readonly shape: 'gaussian'; readonly sigmaPs: number };

/** A Gaussian distribution of arrival-time offsets δ between the two photons, ps. */
export interface TimingMismatch {
  readonly meanPs: number;
  readonly sdPs: number;
}

const TWO_PI = 2 * Math.PI;
const widthPs = (w: Wavepacket): number => (w.shape === 'exponential' ? w.lifetimePs : w.sigmaPs);

/** Visibility lost to a frequency detuning of `detuningHz` (ordinary frequency; Δ = 2π·detuningHz). */
export function detuningFactor(w: Wavepacket, detuningHz: number): number {
  const deltaTau = TWO_PI * detuningHz * widthPs(w) * 1e-12;
  // Exponential: 1/(1 + Δ²τ²) (REFERENCES.md, Heralded entanglement). Gaussian: exp(−Δ²σ²), derived
  // here as |∫ξ(t)ξ(t−δ)e^{iΔt}dt|² with amplitude ξ ∝ exp(−t²/4σ²); it factorises from the δ part.
  return w.shape === 'exponential' ? 1 / (1 + deltaTau * deltaTau) : Math.exp(-deltaTau * deltaTau);
}

/** HOM visibility of two identical wavepackets offset by `offsetPs` and detuned by `detuningHz`. */
export function homVisibility(w: Wavepacket, offsetPs: number, detuningHz = 0): number {
  // REFERENCES.md, Heralded entanglement: exponential exp(−|δ|/τ)/(1+Δ²τ²); Gaussian exp(−δ²/(4σ²)).
  const timing =
    w.shape === 'exponential'
      ? Math.exp(-Math.abs(offsetPs) / w.lifetimePs)
      : Math.exp(-(offsetPs * offsetPs) / (4 * w.sigmaPs * w.sigmaPs));
  return timing * detuningFactor(w, detuningHz);
}

/** HOM visibility averaged over an offset δ ~ N(meanPs, sdPs²), e.g. the two ends' clock error. */
export function expectedHomVisibility(w: Wavepacket, mismatch: TimingMismatch, detuningHz = 0): number {
  const { meanPs: mu, sdPs: s } = mismatch;
  if (s === 0) return homVisibility(w, mu, detuningHz);
  const f = detuningFactor(w, detuningHz);
  if (w.shape === 'gaussian') {
    // Gaussian integral of exp(−δ²/4σ²) against N(μ, s²), derived here:
    // E = exp(−μ²/(4σ² + 2s²)) / sqrt(1 + s²/(2σ²)).
    const sig2 = w.sigmaPs * w.sigmaPs;
    return (f * Math.exp(-(mu * mu) / (4 * sig2 + 2 * s * s))) / Math.sqrt(1 + (s * s) / (2 * sig2));
  }
  // Derived here by completing the square on each side of δ = 0: E[exp(−|δ|/τ)] =
  // ½[e^{−μ/τ+s²/2τ²} erfc((s²/τ−μ)/(√2 s)) + e^{μ/τ+s²/2τ²} erfc((s²/τ+μ)/(√2 s))],
  // written with erfcx so that neither factor overflows when s ≫ τ.
  const tau = w.lifetimePs;
  const r = s / tau;
  const side = (m: number): number => {
    const z = m / s; // ratios, not squares, so that a subnormal s cannot give 0/0
    const u = (r - z) / Math.SQRT2;
    return u >= 0 ? Math.exp(-(z * z) / 2) * erfcx(u) : Math.exp(-m / tau + (r * r) / 2) * erfc(u);
  };
  return (f * (side(mu) + side(-mu))) / 2;
}
