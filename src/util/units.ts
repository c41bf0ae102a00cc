// Time is an integer number of picoseconds held in a `number`: exact up to 2^53 ps (about 2.5 h).
import { QnetError } from './errors.js';

export const PS_PER_NS = 1_000;
export const PS_PER_US = 1_000_000;
export const PS_PER_MS = 1_000_000_000;
export const PS_PER_S = 1_000_000_000_000;
/** Largest representable simulation time; the kernel refuses anything later. */
export const MAX_TIME_PS = Number.MAX_SAFE_INTEGER;

export const nsToPs = (ns: number): number => Math.round(ns * PS_PER_NS);
export const usToPs = (us: number): number => Math.round(us * PS_PER_US);
export const msToPs = (ms: number): number => Math.round(ms * PS_PER_MS);
export const sToPs = (s: number): number => Math.round(s * PS_PER_S);
export const psToNs = (ps: number): number => ps / PS_PER_NS;
export const psToUs = (ps: number): number => ps / PS_PER_US;
export const psToMs = (ps: number): number => ps / PS_PER_MS;
export const psToS = (ps: number): number => ps / PS_PER_S;

/** True when `t` is a valid simulation time: a non-negative integer not past 2^53 ps. */
export function isTimePs(t: number): boolean {
  return Number.isSafeInteger(t) && t >= 0;
}

/** Throws a QnetError when `t` is not a valid time in picoseconds; `what` names the quantity. */
export function checkTimePs(t: number, what: string): number {
  if (!isTimePs(t)) {
    const reason = !Number.isFinite(t)
      ? 'is not a finite number'
      : t < 0
        ? 'is negative'
        : !Number.isInteger(t)
          ? 'is not a whole number of picoseconds'
          : `is past the largest simulation time (2^53 ps ≈ ${(MAX_TIME_PS / PS_PER_S / 3600).toFixed(2)} h)`;
    throw new QnetError('E_TIME', `${what} = ${t} ps ${reason}`, {
      hint: 'times are integer picoseconds from 0 to 2^53-1; shorten the run or use coarser units',
    });
  }
  return t;
}

// Lengths: kilometres are the working unit, metres for convenience.
export const mToKm = (m: number): number => m / 1_000;
export const kmToM = (km: number): number => km * 1_000;

/** Speed of light in vacuum, km per picosecond. */
export const C_KM_PER_PS = 299_792.458 / PS_PER_S;
/** Group index of standard single-mode fibre at 1550 nm (REFERENCES.md, Fibre: n ≈ 1.468 → 4.897 µs/km). */
export const SMF_GROUP_INDEX = 1.468;

/** One-way propagation delay through `lengthKm` of fibre, in whole picoseconds. */
export function fibreDelayPs(lengthKm: number, groupIndex = SMF_GROUP_INDEX): number {
  return Math.round((lengthKm * groupIndex) / C_KM_PER_PS);
}

/** dB of loss → transmissivity, eta = 10^(-dB/10) (REFERENCES.md, Fibre). */
export const dbToTransmissivity = (lossDb: number): number => 10 ** (-lossDb / 10);
/** Transmissivity → dB of loss, the inverse of dbToTransmissivity. */
export const transmissivityToDb = (eta: number): number => -10 * Math.log10(eta);

/** Fibre transmissivity eta = 10^(-alpha L / 10) (REFERENCES.md, Fibre). */
export function fibreTransmissivity(lengthKm: number, lossDbPerKm: number): number {
  return dbToTransmissivity(lossDbPerKm * lengthKm);
}
