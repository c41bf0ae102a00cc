// The `frame` engine: Stim-style batched Pauli-frame sampling of Clifford circuits with Pauli noise
// (Gidney, "Stim: a fast stabilizer circuit simulator", Quantum 5, 497, 2021, section 5). One
// noiseless reference run on the tableau fixes a valid outcome for every measurement; each shot is
// then that run times a Pauli frame, and frames for many shots are pushed through the circuit at once.
import type { Circuit } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { type BitTable, BitTableWriter, createBitTable } from './bit-table.js';
import { compileFrameProgram, type FrameProgram } from './frame-program.js';
import { FrameSimulator, rowsPerBatchWord } from './frame-simulator.js';
import { referenceSample } from './stabilizer-run.js';

/**
 * Words per qubit per batch (32 shots a word). Large enough that loops amortise their dispatch, small
 * enough that a batch's frames and record stay in cache. Results depend on it, so it is fixed.
 */
export const DEFAULT_BATCH_WORDS = 128;

// Batches shrink below DEFAULT_BATCH_WORDS when frames and record would take more than this (circuits
// with very many qubits or very long look-backs).
const BATCH_BYTES = 256 * 1024 * 1024;

export interface FrameSampleOptions {
  /** Override the batch size (tests); samples for a seed change with it. */
  batchWords?: number;
}

export interface DetectorSampleOptions extends FrameSampleOptions {
  /** Put each shot's observable flips after its detection events in `detectors`, as Stim's --append_observables. */
  appendObservables?: boolean;
}

export interface DetectorSamples {
  /** Detection events per shot (then observable flips, with appendObservables). */
  detectors: BitTable;
  /** Observable flips per shot. */
  observables: BitTable;
}

/**
 * A circuit compiled for repeated sampling. Bits are a function of the circuit, the Rng's state, the
 * shot count and the batch size: shots are simulated 32 · batchWords at a time from one stream.
 */
export class FrameSampler {
  readonly program: FrameProgram;
  private reference: Uint8Array | undefined;
  private readonly circuit: Circuit;

  constructor(circuit: Circuit) {
    this.circuit = circuit;
    this.program = compileFrameProgram(circuit);
  }

  get numMeasurements(): number {
    return this.program.numMeasurements;
  }

  get numDetectors(): number {
    return this.program.numDetectors;
  }

  get numObservables(): number {
    return this.program.numObservables;
  }

  /** The noiseless reference results (undetermined outcomes read 0), computed on first use. */
  referenceSample(): Uint8Array {
    this.reference ??= referenceSample(this.circuit).measurements;
    return this.reference;
  }

  /** Measurement results per shot, in record order. */
  sampleMeasurements(shots: number, rng: Rng, options: FrameSampleOptions = {}): BitTable {
    checkShots(shots);
    const table = createBitTable(shots, this.program.numMeasurements);
    const B = this.batchWords(shots, options);
    const measurements = new BitTableWriter(table, B);
    this.run(
      shots,
      B,
      new FrameSimulator(this.program, B, rng, { measurements, reference: this.referenceSample() }),
    );
    return table;
  }

  /**
   * Detection events and observable flips per shot: parities of measurement results relative to the
   * reference run's parities, so a noiseless run gives all zeros. Frames already hold exactly those
   * differences, so no reference run is needed.
   */
  sampleDetectors(shots: number, rng: Rng, options: DetectorSampleOptions = {}): DetectorSamples {
    checkShots(shots);
    const { numDetectors, numObservables } = this.program;
    const append = options.appendObservables ?? false;
    const detectors = createBitTable(shots, numDetectors + (append ? numObservables : 0));
    const observables = createBitTable(shots, numObservables);
    const B = this.batchWords(shots, options);
    const sim = new FrameSimulator(this.program, B, rng, {
      detectors: new BitTableWriter(detectors, B),
      appendObservables: append,
      observables: new BitTableWriter(observables, B),
    });
    this.run(shots, B, sim);
    return { detectors, observables };
  }

  private batchWords(shots: number, options: FrameSampleOptions): number {
    const max = options.batchWords ?? DEFAULT_BATCH_WORDS;
    if (!(Number.isSafeInteger(max) && max >= 1))
      throw new RangeError(`batchWords must be a positive integer, got ${max}`);
    const fit = Math.floor(BATCH_BYTES / (4 * rowsPerBatchWord(this.program)));
    return Math.max(1, Math.min(max, fit, Math.ceil(shots / 32)));
  }

  private run(shots: number, B: number, sim: FrameSimulator): void {
    const perBatch = 32 * B;
    for (let start = 0; start < shots; start += perBatch)
      sim.runBatch(start, Math.min(perBatch, shots - start));
  }
}

/** Measurement results of `shots` runs of `circuit` (bits per shot = measurements in record order). */
export function sampleMeasurements(
  circuit: Circuit,
  shots: number,
  rng: Rng,
  options?: FrameSampleOptions,
): BitTable {
  return new FrameSampler(circuit).sampleMeasurements(shots, rng, options);
}

/** Detection events and observable flips of `shots` runs of `circuit`. */
export function sampleDetectors(
  circuit: Circuit,
  shots: number,
  rng: Rng,
  options?: DetectorSampleOptions,
): DetectorSamples {
  return new FrameSampler(circuit).sampleDetectors(shots, rng, options);
}

function checkShots(shots: number): void {
  if (!Number.isSafeInteger(shots) || shots < 0) {
    throw new QnetError('E_SHOTS', `the number of shots must be a whole number >= 0, got ${shots}`);
  }
}
