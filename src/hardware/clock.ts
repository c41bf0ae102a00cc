// A node's clock as a synchronisation protocol leaves it (REFERENCES.md, Clocks): at each sync the
// offset is reset to a residual error; between syncs it drifts with the oscillator's fractional
// frequency error and wanders as a random walk; each timestamp adds white jitter. Two ends' clock
// errors become the arrival-time offset of their photons at a heralding station.
import type { Rng } from '../util/rng.js';
import { erf } from '../util/special-functions.js';
import { msToPs, PS_PER_S } from '../util/units.js';
import type { TimingMismatch } from './hom-visibility.js';
import {
  checkNumber,
  checkOneOf,
  type FieldPath,
  freezePresets,
  type HardwarePreset,
  nonNegative,
  positive,
  withDefaults,
} from './params.js';

export type SyncProtocol = 'white-rabbit' | 'ptp' | 'ntp' | 'custom';
const SYNC_PROTOCOLS: readonly SyncProtocol[] = ['white-rabbit', 'ptp', 'ntp', 'custom'];

export interface ClockParams {
  /** Which protocol keeps the clock synchronised (for reports; the numbers below define the model). */
  readonly syncProtocol: SyncProtocol;
  /** Time between synchronisations, ms (syncs at t = 0, T, 2T, ...). */
  readonly syncIntervalMs: number;
  /** Offset left by each synchronisation, standard deviation in ps (the protocol's accuracy). */
  readonly syncResidualPs: number;
  /** Systematic offset no sync removes (e.g. uncalibrated fibre asymmetry), ps. */
  readonly offsetPs: number;
  /** Fractional frequency error y of the oscillator between syncs (1e-9: 1 ns per second). */
  readonly fractionalFrequency: number;
  /** Random walk of the offset between syncs: its standard deviation after one second, ps/√s. */
  readonly wanderPsPerSqrtS: number;
  /** White noise on each timestamp, standard deviation in ps (the protocol's precision). */
  readonly jitterPs: number;
}

export const CLOCK_PRESETS = freezePresets({
  'white-rabbit': {
    description: 'White Rabbit: sub-ns accuracy (σ = 100 ps), ps precision (10 ps jitter), frequency-locked',
    // Syntonised over the physical layer (SyncE) and phase-tracked continuously, so no frequency error
    // or wander is left between PTP exchanges; 100 ps and 10 ps are representative of calibrated links.
    source: 'REFERENCES.md, Clocks: White Rabbit (IEEE 1588-2019 high accuracy)',
    params: {
      syncProtocol: 'white-rabbit',
      syncIntervalMs: 1000,
      syncResidualPs: 100,
      offsetPs: 0,
      fractionalFrequency: 0,
      wanderPsPerSqrtS: 0,
      jitterPs: 10,
    },
  },
  ptp: {
    description: 'hardware-timestamped PTP on a LAN: 100 ns accuracy, 10 ns jitter, 1 s sync, 10 ppb drift',
    // IEEE 1588 default profile syncs once a second; hardware timestamping gives ~10–100 ns; a
    // disciplined TCXO keeps ~10 ppb between syncs. Order-of-magnitude values.
    source: 'IEEE 1588-2008 default profile with hardware timestamps (order of magnitude)',
    params: {
      syncProtocol: 'ptp',
      syncIntervalMs: 1000,
      syncResidualPs: 100_000,
      offsetPs: 0,
      fractionalFrequency: 1e-8,
      wanderPsPerSqrtS: 1000,
      jitterPs: 10_000,
    },
  },
  ntp: {
    description: 'NTP on a LAN: 100 µs accuracy, 10 µs jitter, 64 s poll, 1 ppm drift',
    // NTP's default minimum poll interval is 64 s; LAN accuracy is 0.1–1 ms with software timestamps.
    source: 'NTPv4 (RFC 5905) on a LAN (order of magnitude)',
    params: {
      syncProtocol: 'ntp',
      syncIntervalMs: 64_000,
      syncResidualPs: 100_000_000,
      offsetPs: 0,
      fractionalFrequency: 1e-6,
      wanderPsPerSqrtS: 100_000,
      jitterPs: 10_000_000,
    },
  },
} as const satisfies Record<string, HardwarePreset<ClockParams>>);

export type ClockPresetName = keyof typeof CLOCK_PRESETS;
export const DEFAULT_CLOCK: ClockParams = CLOCK_PRESETS['white-rabbit'].params;

export function validateClock(params: ClockParams, path: FieldPath): ClockParams {
  checkOneOf(params, 'syncProtocol', path, SYNC_PROTOCOLS, 'the synchronisation protocol');
  checkNumber(params, 'syncIntervalMs', path, positive('the time between synchronisations in ms'));
  checkNumber(params, 'syncResidualPs', path, nonNegative('the residual offset after a sync (s.d.) in ps'));
  checkNumber(params, 'offsetPs', path, { meaning: 'the systematic clock offset in ps' });
  checkNumber(params, 'fractionalFrequency', path, {
    above: -1,
    below: 1,
    meaning: 'the fractional frequency error y (dimensionless, e.g. 1e-9)',
  });
  checkNumber(params, 'wanderPsPerSqrtS', path, nonNegative('the random-walk coefficient in ps/√s'));
  checkNumber(params, 'jitterPs', path, nonNegative('the timestamp jitter (s.d.) in ps'));
  return params;
}

export function makeClock(overrides: Partial<ClockParams> = {}, path: FieldPath = []): ClockParams {
  return validateClock(withDefaults(DEFAULT_CLOCK, overrides), path);
}

/** Mean and standard deviation of one clock's timestamp error `sinceSyncPs` after a sync, ps. */
export function clockError(c: ClockParams, sinceSyncPs: number): TimingMismatch {
  // REFERENCES.md, Clocks: t + θ0 + y·t + random walk + N(0, σ²), with θ0 ~ N(offset, residual²).
  const variance =
    c.syncResidualPs ** 2 + (c.wanderPsPerSqrtS ** 2 * sinceSyncPs) / PS_PER_S + c.jitterPs ** 2;
  return { meanPs: c.offsetPs + c.fractionalFrequency * sinceSyncPs, sdPs: Math.sqrt(variance) };
}

/** Difference of two independent clocks' errors, A − B, `sinceSyncPs` after their (common) sync. */
export function timingMismatch(a: ClockParams, b: ClockParams, sinceSyncPs: number): TimingMismatch {
  const ea = clockError(a, sinceSyncPs);
  const eb = clockError(b, sinceSyncPs);
  return { meanPs: ea.meanPs - eb.meanPs, sdPs: Math.hypot(ea.sdPs, eb.sdPs) };
}

/** Fraction of arrivals, Gaussian of s.d. `sdPs` around `meanPs`, that land inside a window ±w/2. */
export function fractionInWindow(windowPs: number, sdPs: number, meanPs = 0): number {
  const half = windowPs / 2;
  if (sdPs === 0) return Math.abs(meanPs) < half ? 1 : Math.abs(meanPs) === half ? 0.5 : 0;
  // REFERENCES.md, Clocks: erf(w/(2√2 σ)) when centred; off centre, the two erf halves.
  const k = Math.SQRT2 * sdPs;
  return (erf((half - meanPs) / k) + erf((half + meanPs) / k)) / 2;
}

/**
 * A clock that draws its errors from `rng` (child streams 'sync', 'wander' and 'jitter', so one
 * noise source never shifts another's draws). Query times must not decrease.
 */
export class Clock {
  readonly params: ClockParams;
  private readonly syncRng: Rng;
  private readonly wanderRng: Rng;
  private readonly jitterRng: Rng;
  private readonly intervalPs: number;
  private epoch = -1;
  private residualPs = 0;
  private walkPs = 0;
  private lastPs = 0;

  constructor(params: ClockParams, rng: Rng) {
    this.params = params;
    this.syncRng = rng.child('sync');
    this.wanderRng = rng.child('wander');
    this.jitterRng = rng.child('jitter');
    this.intervalPs = msToPs(params.syncIntervalMs);
  }

  /** Offset of this clock from true time at `tPs`, without the per-timestamp jitter, ps. */
  offsetPs(tPs: number): number {
    if (!(tPs >= this.lastPs))
      throw new Error(`Clock: time went backwards (${tPs} ps after ${this.lastPs} ps)`);
    const epoch = Math.floor(tPs / this.intervalPs);
    const syncPs = epoch * this.intervalPs;
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      this.residualPs = this.syncRng.normal(0, this.params.syncResidualPs);
      this.walkPs = 0;
      this.lastPs = syncPs;
    }
    const stepPs = tPs - this.lastPs;
    if (stepPs > 0)
      this.walkPs += this.wanderRng.normal(0, this.params.wanderPsPerSqrtS * Math.sqrt(stepPs / PS_PER_S));
    this.lastPs = tPs;
    const p = this.params;
    return p.offsetPs + this.residualPs + p.fractionalFrequency * (tPs - syncPs) + this.walkPs;
  }

  /** What this clock reads at true time `tPs`, rounded to whole ps (a reading: may be negative near 0). */
  readPs(tPs: number): number {
    return Math.round(tPs + this.offsetPs(tPs) + this.jitterRng.normal(0, this.params.jitterPs));
  }
}
