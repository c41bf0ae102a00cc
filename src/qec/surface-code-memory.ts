// The rotated surface-code memory experiment, as Stim's `stim gen --code surface_code --task
// rotated_memory_{x,z}` builds it: the same qubits, numbering, CX order, detectors and observable, so
// with Stim's four noise knobs the printed circuit is Stim's text. Hardware noise swaps only the model.
import type { Circuit } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import { type HardwareNoise, hardwareNoiseModel, isHardwareNoise } from './hardware-noise.js';
import { isStimNoiseKnobs, knobsNoiseModel, type StimNoiseKnobs, validateKnobs } from './noise-knobs.js';
import {
  assembleMemory,
  type IndexedStabiliser,
  type RoundCircuit,
  syndromeRound,
} from './surface-code-circuit.js';
import { numberPatch, type QubitNumbering, type RotatedPatch, rotatedPatch } from './surface-code-layout.js';
import type { NoiseModel } from './surface-code-noise.js';

export interface MemoryOptions {
  distance: number;
  rounds: number;
  basis: 'x' | 'z';
  noise: StimNoiseKnobs | HardwareNoise;
}

/** Checks distance, rounds, basis and noise; throws QnetErrors naming the field. */
export function validateMemoryOptions(options: MemoryOptions): void {
  const { distance, rounds, basis } = options;
  if (!Number.isInteger(distance) || distance < 2)
    throw new QnetError('E_QEC_DISTANCE', `distance must be a whole number >= 2, got ${distance}`, {
      path: ['distance'],
      hint: 'distance 2 detects one error; 3 is the smallest that corrects one',
    });
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new QnetError('E_QEC_ROUNDS', `rounds must be a whole number >= 1, got ${rounds}`, {
      path: ['rounds'],
      hint: 'a memory experiment measures the stabilisers at least once; usually rounds = distance',
    });
  if (basis !== 'x' && basis !== 'z')
    throw new QnetError('E_QEC_BASIS', `basis must be 'x' or 'z', got ${String(basis)}`, {
      path: ['basis'],
      hint: "'z' keeps logical |0⟩ (Stim's rotated_memory_z), 'x' keeps |+⟩",
    });
  resolveNoiseModel(options.noise);
}

/** The noise model for knobs or hardware figures. */
export function resolveNoiseModel(noise: StimNoiseKnobs | HardwareNoise): NoiseModel {
  if (isHardwareNoise(noise)) return hardwareNoiseModel(noise);
  if (isStimNoiseKnobs(noise)) return knobsNoiseModel(validateKnobs(noise));
  throw new QnetError('E_QEC_NOISE', 'noise must be Stim noise knobs or hardware noise', {
    path: ['noise'],
    hint: 'use uniformNoise(p), or hardwareNoise(figures) with the figures of a QPU class preset',
  });
}

/** A d × d patch with Stim's numbering, the pieces every memory variant starts from. */
export interface NumberedPatch {
  readonly patch: RotatedPatch;
  readonly numbering: QubitNumbering;
  readonly data: number[];
  readonly stabilisers: IndexedStabiliser[];
  readonly observable: (basis: 'x' | 'z') => number[];
}

export function numberedPatch(distance: number): NumberedPatch {
  const patch = rotatedPatch({ width: distance, height: distance });
  const numbering = numberPatch(patch);
  const data = patch.data.map((q) => numbering.index(q)).sort((a, b) => a - b);
  const stabilisers = patch.stabilisers.map((s) => ({
    type: s.type,
    ancilla: numbering.index(s.ancilla),
    coords: s.ancilla,
    layers: s.layers.map((q) => (q === undefined ? undefined : numbering.index(q))),
  }));
  const observable = (basis: 'x' | 'z'): number[] =>
    (basis === 'x' ? patch.logicalX : patch.logicalZ).map((q) => numbering.index(q));
  return { patch, numbering, data, stabilisers, observable };
}

export function surfaceCodeMemory(options: MemoryOptions): Circuit {
  validateMemoryOptions(options);
  const noise = resolveNoiseModel(options.noise);
  const p = numberedPatch(options.distance);
  const entries = p.numbering.entries();
  const allQubits = entries.map(([q]) => q);
  const round: RoundCircuit = syndromeRound({ allQubits, data: p.data, stabilisers: p.stabilisers, noise });
  return assembleMemory({
    numQubits: p.numbering.numQubits,
    coords: entries.map(([q, c]) => [q, [c.x, c.y]] as const),
    data: p.data,
    ancillas: p.stabilisers.map((s) => s.ancilla).sort((a, b) => a - b),
    round,
    observable: p.observable(options.basis),
    basis: options.basis,
    rounds: options.rounds,
    noise,
  });
}

/**
 * The comment block `stim gen` writes above its circuit (task, knobs and a drawing of the layout), so
 * `stimGenHeader(o) + printStim(surfaceCodeMemory(o))` is byte for byte the file Stim writes.
 */
export function stimGenHeader(options: MemoryOptions & { noise: StimNoiseKnobs }): string {
  validateMemoryOptions(options);
  const { distance, rounds, basis, noise } = options;
  const p = numberedPatch(distance);
  const observable = new Set(p.observable(basis));
  const cells = new Map<string, string>();
  let maxX = 0;
  let maxY = 0;
  for (const [q, c] of p.numbering.entries()) {
    const isData = p.data.includes(q);
    const check = p.patch.stabilisers.find((s) => s.ancilla.x === c.x && s.ancilla.y === c.y);
    const label = isData ? (observable.has(q) ? 'L' : 'd') : (check?.type ?? '?');
    cells.set(`${c.x},${c.y}`, `${label}${q}`);
    maxX = Math.max(maxX, c.x);
    maxY = Math.max(maxY, c.y);
  }
  const width = Math.max(...[...cells.values()].map((s) => s.length));
  const lines: string[] = [];
  for (let y = maxY; y >= 0; y--) {
    const row: string[] = [];
    let last = -1;
    for (let x = 0; x <= maxX; x++) if (cells.has(`${x},${y}`)) last = x;
    for (let x = 0; x <= last; x++) row.push(` ${(cells.get(`${x},${y}`) ?? '').padEnd(width)}`);
    lines.push(`#${row.join('')}`);
  }
  return [
    '# Generated surface_code circuit.',
    `# task: rotated_memory_${basis}`,
    `# rounds: ${rounds}`,
    `# distance: ${distance}`,
    `# before_round_data_depolarization: ${noise.beforeRoundDataDepolarization}`,
    `# before_measure_flip_probability: ${noise.beforeMeasureFlipProbability}`,
    `# after_reset_flip_probability: ${noise.afterResetFlipProbability}`,
    `# after_clifford_depolarization: ${noise.afterCliffordDepolarization}`,
    '# layout:',
    ...lines,
    '# Legend:',
    '#     d# = data qubit',
    '#     L# = data qubit with logical observable crossing',
    '#     X# = measurement qubit (X stabilizer)',
    '#     Z# = measurement qubit (Z stabilizer)',
    '',
  ].join('\n');
}
