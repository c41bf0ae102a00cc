// Decoding sampled detection events in bulk and counting logical errors: the pipeline behind
// `qnet qec`, the logical-error-rate tests and the `qec` benchmark suite. No wall-clock here: a
// caller that wants timings passes a clock.
import type { BitTable } from '../state/bit-table.js';
import type { DetectorSamples } from '../state/frame.js';
import { wilsonInterval } from '../util/stats.js';
import type { Decoder } from './matching-graph.js';

export interface DecodeOptions {
  /** Keep each shot's predicted observable mask. */
  keepPredictions?: boolean;
  /** Decode only shots [from, to). */
  from?: number;
  to?: number;
}

export interface DecodeCounts {
  shots: number;
  /** Shots where the predicted flips differ from the actual ones in at least one observable. */
  logicalErrors: number;
  /** Fired detectors summed over the shots. */
  detectionEvents: number;
  /** Per shot, the decoder's observable mask (with keepPredictions). */
  predictedFlips?: Uint32Array;
}

/**
 * Observable mask of one shot (bit k = observable k flipped); at most 32 observables. Reads the
 * packed bytes directly.
 */
export function observableMask(table: BitTable, shot: number): number {
  const { bytesPerShot, bitsPerShot, data } = table;
  const base = shot * bytesPerShot;
  let mask = 0;
  const bytes = Math.min(bytesPerShot, 4);
  for (let b = 0; b < bytes; b++) mask |= (data[base + b] as number) << (8 * b);
  if (bitsPerShot < 32) mask &= (1 << bitsPerShot) - 1;
  return mask >>> 0;
}

/**
 * Writes the indices of the set bits among the first `numDetectors` bits of `shot` into `out` and
 * returns how many there are. Skips zero bytes (most of them at low noise) without looking at bits.
 */
export function firedDetectors(table: BitTable, shot: number, numDetectors: number, out: Int32Array): number {
  const data = table.data;
  const base = shot * table.bytesPerShot;
  const fullBytes = numDetectors >> 3;
  let n = 0;
  for (let b = 0; b < fullBytes; b++) {
    let v = data[base + b] as number;
    while (v !== 0) {
      const low = v & -v;
      out[n++] = (b << 3) | (31 - Math.clz32(low));
      v ^= low;
    }
  }
  const rest = numDetectors & 7;
  if (rest !== 0) {
    let v = (data[base + fullBytes] as number) & ((1 << rest) - 1);
    while (v !== 0) {
      const low = v & -v;
      out[n++] = (fullBytes << 3) | (31 - Math.clz32(low));
      v ^= low;
    }
  }
  return n;
}

/**
 * Decodes every shot of `samples` and compares the decoder's predicted observable flips with the
 * actual ones. `numDetectors` defaults to the detector table's width (pass it when observables were
 * appended to the detection events).
 */
export function decodeSamples(
  decoder: Decoder,
  samples: DetectorSamples,
  numDetectors: number = samples.detectors.bitsPerShot,
  options: DecodeOptions = {},
): DecodeCounts {
  const { detectors, observables } = samples;
  const from = options.from ?? 0;
  const to = options.to ?? detectors.shots;
  const fired = new Int32Array(Math.max(1, numDetectors));
  const predictions = options.keepPredictions ? new Uint32Array(to - from) : undefined;
  let logicalErrors = 0;
  let detectionEvents = 0;
  for (let s = from; s < to; s++) {
    const count = firedDetectors(detectors, s, numDetectors, fired);
    detectionEvents += count;
    const predicted = decoder.decode(fired, count) >>> 0;
    if (predictions) predictions[s - from] = predicted;
    if (predicted !== observableMask(observables, s)) logicalErrors++;
  }
  const counts: DecodeCounts = { shots: to - from, logicalErrors, detectionEvents };
  if (predictions) counts.predictedFlips = predictions;
  return counts;
}

export interface LogicalErrorStats {
  logicalErrorRate: number;
  /** Wilson 95% interval of the rate. */
  ci95: [number, number];
  /** Binomial standard error sqrt(p(1-p)/n). */
  standardError: number;
}

export function logicalErrorStats(logicalErrors: number, shots: number): LogicalErrorStats {
  const rate = shots > 0 ? logicalErrors / shots : 0;
  return {
    logicalErrorRate: rate,
    ci95: wilsonInterval(logicalErrors, shots),
    standardError: shots > 0 ? Math.sqrt((rate * (1 - rate)) / shots) : 0,
  };
}
