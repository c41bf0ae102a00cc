// A memory experiment end to end: a circuit with detectors and observables, its detector error
// model and matching graph, sampled detection events, decoded shot by shot, logical errors counted.
// Timing is the caller's: pass `now` (seconds) to have sampling and decoding timed separately.
import type { Circuit } from '../circuit/ir.js';
import { FrameSampler } from '../state/frame.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { decodeSamples, type LogicalErrorStats, logicalErrorStats } from './decode-batch.js';
import { detectorErrorModel } from './dem-extract.js';
import { type Decoder, type MatchingGraph, matchingGraphFromDem } from './matching-graph.js';
import { createMwpmDecoder } from './mwpm-decoder.js';
import { createUnionFindDecoder } from './union-find-decoder.js';

export type DecoderName = 'mwpm' | 'uf';
export const DECODER_NAMES: readonly DecoderName[] = ['mwpm', 'uf'];

export function isDecoderName(name: string): name is DecoderName {
  return (DECODER_NAMES as readonly string[]).includes(name);
}

export function createDecoder(name: DecoderName, graph: MatchingGraph): Decoder {
  return name === 'uf' ? createUnionFindDecoder(graph) : createMwpmDecoder(graph);
}

/** The matching graph of a circuit's detector error model, decomposed into graph-like errors. */
export function matchingGraphOfCircuit(circuit: Circuit): MatchingGraph {
  return matchingGraphFromDem(detectorErrorModel(circuit, { decompose: true }));
}

export interface MemoryExperimentOptions {
  shots: number;
  decoder: DecoderName;
  rng: Rng;
  /** A clock in seconds; without it the timing fields are 0. */
  now?: () => number;
  /** Shots sampled and decoded at a time, bounding memory (default: about 32 MiB of detection events). */
  chunkShots?: number;
  /** A matching graph already built for this circuit (saves extracting the model again). */
  graph?: MatchingGraph;
}

export interface MemoryExperimentResult extends LogicalErrorStats {
  shots: number;
  logicalErrors: number;
  detectors: number;
  observables: number;
  /** Edges of the matching graph. */
  edges: number;
  /** Mean fired detectors per shot. */
  detectionEventsPerShot: number;
  decoder: DecoderName;
  /** Detector error model and matching graph. */
  modelSeconds: number;
  sampleSeconds: number;
  decodeSeconds: number;
  decodeMicrosPerShot: number;
}

const CHUNK_BYTES = 32 * 1024 * 1024;

export function runMemoryExperiment(
  circuit: Circuit,
  options: MemoryExperimentOptions,
): MemoryExperimentResult {
  const { shots, rng } = options;
  if (!Number.isSafeInteger(shots) || shots < 1)
    throw new QnetError('E_QEC_SHOTS', `shots must be a whole number >= 1, got ${shots}`, {
      path: ['shots'],
    });
  const now = options.now ?? (() => 0);
  const t0 = now();
  const sampler = new FrameSampler(circuit);
  if (sampler.numObservables === 0)
    throw new QnetError('E_QEC_NO_OBSERVABLE', 'the circuit declares no logical observable to check', {
      hint: 'add OBSERVABLE_INCLUDE(0) rec[...] naming the measurements whose parity is the logical value',
    });
  if (sampler.numDetectors === 0)
    throw new QnetError(
      'E_QEC_NO_DETECTOR',
      'the circuit declares no detectors, so there is nothing to decode',
      {
        hint: 'add DETECTOR rec[...] instructions comparing repeated stabiliser measurements',
      },
    );
  const graph = options.graph ?? matchingGraphOfCircuit(circuit);
  const decoder = createDecoder(options.decoder, graph);
  const t1 = now();
  const numDetectors = sampler.numDetectors;
  const chunk =
    options.chunkShots ?? Math.max(1024, Math.floor(CHUNK_BYTES / Math.max(1, (numDetectors + 7) >> 3)));
  let sampleSeconds = 0;
  let decodeSeconds = 0;
  let logicalErrors = 0;
  let events = 0;
  for (let start = 0; start < shots; start += chunk) {
    const n = Math.min(chunk, shots - start);
    const a = now();
    const samples = sampler.sampleDetectors(n, rng);
    const b = now();
    const counts = decodeSamples(decoder, samples, numDetectors);
    const c = now();
    sampleSeconds += b - a;
    decodeSeconds += c - b;
    logicalErrors += counts.logicalErrors;
    events += counts.detectionEvents;
  }
  return {
    shots,
    logicalErrors,
    ...logicalErrorStats(logicalErrors, shots),
    detectors: numDetectors,
    observables: sampler.numObservables,
    edges: graph.numEdges,
    detectionEventsPerShot: events / shots,
    decoder: options.decoder,
    modelSeconds: t1 - t0,
    sampleSeconds,
    decodeSeconds,
    decodeMicrosPerShot: (decodeSeconds / shots) * 1e6,
  };
}
