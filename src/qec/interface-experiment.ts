// The interface experiment of Ramette, Sinclair, Breuckmann & Vuletić (npj Quantum Inf. 10, 58,
// 2024): a surface-code memory cut into modules, the noise of whatever crosses a cut swept at one or
// more bulk noise levels. Below the interface threshold a larger distance gives a lower logical error
// rate; the curves for different distances cross at the threshold, which falls as the bulk noise
// rises towards the bulk threshold.
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { type DecoderName, type MemoryExperimentResult, runMemoryExperiment } from './decode-experiment.js';
import { type InterfaceScheme, modularSurfaceCodeMemory } from './modular-memory.js';
import { uniformNoise } from './noise-knobs.js';

export interface InterfaceSweepOptions {
  distances: readonly number[];
  /** Bulk noise levels: all four Stim knobs at each probability; each gets its own interface sweep. */
  bulkPs: readonly number[];
  interfacePs: readonly number[];
  modules: number;
  scheme: InterfaceScheme;
  /** Rounds per experiment; default: the distance. */
  rounds?: number;
  basis?: 'x' | 'z';
  shots: number;
  decoder: DecoderName;
  rng: Rng;
  now?: () => number;
  /** Called after each point, with the fraction done. */
  onProgress?: (fraction: number) => void;
}

export interface InterfacePoint extends MemoryExperimentResult {
  bulkP: number;
  distance: number;
  rounds: number;
  interfaceP: number;
}

export interface InterfaceCrossing {
  bulkP: number;
  /** The smaller and larger distance of the pair. */
  distances: [number, number];
  /** Interface noise where their logical error rates meet (log-linear interpolation), if they do in range. */
  interfaceP: number | undefined;
}

export interface InterfaceThreshold {
  bulkP: number;
  /** Mean of the crossings found at this bulk noise (the interface threshold estimate), if any. */
  interfaceP: number | undefined;
}

export interface InterfaceSweepResult {
  points: InterfacePoint[];
  crossings: InterfaceCrossing[];
  thresholds: InterfaceThreshold[];
}

export function runInterfaceSweep(options: InterfaceSweepOptions): InterfaceSweepResult {
  const { distances, interfacePs, bulkPs } = options;
  if (distances.length === 0)
    throw new QnetError('E_QEC_DISTANCE', 'give at least one distance', { path: ['distance'] });
  if (interfacePs.length === 0)
    throw new QnetError('E_QEC_PROBABILITY', 'give at least one interface noise level', {
      path: ['interfaceP'],
    });
  if (bulkPs.length === 0)
    throw new QnetError('E_QEC_PROBABILITY', 'give at least one bulk noise level', { path: ['bulkP'] });
  const points: InterfacePoint[] = [];
  const total = bulkPs.length * distances.length * interfacePs.length;
  for (const bulkP of bulkPs)
    for (const distance of distances) {
      const rounds = options.rounds ?? distance;
      for (const interfaceP of interfacePs) {
        const circuit = modularSurfaceCodeMemory({
          distance,
          rounds,
          basis: options.basis ?? 'z',
          noise: uniformNoise(bulkP),
          modules: options.modules,
          interfaceP,
          scheme: options.scheme,
        });
        // Each point draws from its own stream, so adding a point does not change the others.
        const rng = options.rng.child(`interface/bulk${bulkP}/d${distance}/p${interfaceP}`);
        const result = runMemoryExperiment(circuit, {
          shots: options.shots,
          decoder: options.decoder,
          rng,
          ...(options.now ? { now: options.now } : {}),
        });
        points.push({ ...result, bulkP, distance, rounds, interfaceP });
        options.onProgress?.(points.length / total);
      }
    }
  const sorted = [...new Set(distances)].sort((a, b) => a - b);
  const crossings: InterfaceCrossing[] = [];
  const thresholds: InterfaceThreshold[] = [];
  for (const bulkP of bulkPs) {
    const at = (d: number) => points.filter((p) => p.bulkP === bulkP && p.distance === d);
    const found: number[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const small = sorted[i] as number;
      const large = sorted[i + 1] as number;
      const interfaceP = crossing(at(small), at(large));
      crossings.push({ bulkP, distances: [small, large], interfaceP });
      if (interfaceP !== undefined) found.push(interfaceP);
    }
    thresholds.push({
      bulkP,
      interfaceP: found.length > 0 ? found.reduce((a, b) => a + b, 0) / found.length : undefined,
    });
  }
  return { points, crossings, thresholds };
}

/**
 * First interface noise level where the larger distance stops beating the smaller one: between the
 * last sweep point where large < small and the next one, where log(rate_large / rate_small) changes
 * sign, interpolated linearly in that log-ratio. Points where either rate is 0 carry no ratio.
 */
export function crossing(
  small: readonly InterfacePoint[],
  large: readonly InterfacePoint[],
): number | undefined {
  const bySmall = new Map(small.map((p) => [p.interfaceP, p.logicalErrorRate]));
  const ratios: { x: number; r: number }[] = [];
  for (const p of [...large].sort((a, b) => a.interfaceP - b.interfaceP)) {
    const s = bySmall.get(p.interfaceP);
    if (s === undefined || s <= 0 || p.logicalErrorRate <= 0) continue;
    ratios.push({ x: p.interfaceP, r: Math.log(p.logicalErrorRate / s) });
  }
  for (let i = 0; i + 1 < ratios.length; i++) {
    const a = ratios[i] as { x: number; r: number };
    const b = ratios[i + 1] as { x: number; r: number };
    if (a.r < 0 && b.r >= 0) return a.x + ((b.x - a.x) * -a.r) / (b.r - a.r);
  }
  return undefined;
}
