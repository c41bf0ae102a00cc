// A circuit compiled once for the frame sampler: gate maps resolved to kernels, targets in typed
// arrays, noise as tables, REPEAT blocks kept folded, and the sizes of the record and outputs counted.
import type { Basis, Circuit, Instruction } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import { type CompiledClifford, compiledClifford } from './clifford-compile.js';
import { generalMasks, type Kind1, Kind2, kind1, kind2 } from './frame-kernels.js';
import { channelTable, type PauliChannelTable } from './pauli-noise.js';

export type FrameOp =
  | { kind: 'gate1'; map: Kind1; targets: Int32Array }
  | { kind: 'gate2'; map: Kind2; targets: Int32Array; masks: Int32Array | undefined }
  /** Stim's `CX rec[-k] q`: the frame picks up the Pauli wherever the record bit flipped. */
  | { kind: 'feedback'; x: number; z: number; targets: Int32Array; lookback: number }
  | { kind: 'measure'; basis: Basis; reset: boolean; targets: Int32Array; flipProbability: number }
  | { kind: 'reset'; basis: Basis; targets: Int32Array }
  | { kind: 'noise'; table: PauliChannelTable; targets: Int32Array }
  | { kind: 'detector'; lookbacks: Int32Array }
  | { kind: 'observable'; index: number; lookbacks: Int32Array }
  | { kind: 'repeat'; count: number; body: FrameOp[] };

export interface FrameProgram {
  numQubits: number;
  ops: FrameOp[];
  numMeasurements: number;
  numDetectors: number;
  numObservables: number;
  /** Longest look-back into the record (detectors, observables, feedback). */
  maxLookback: number;
}

export function compileFrameProgram(circuit: Circuit): FrameProgram {
  const program: FrameProgram = {
    numQubits: circuit.numQubits,
    ops: [],
    numMeasurements: 0,
    numDetectors: 0,
    numObservables: 0,
    maxLookback: 0,
  };
  const counts = { measurements: 0, detectors: 0 };
  const file = circuit.source?.file;
  try {
    program.ops = compileBlock(circuit.instructions, program, counts);
  } catch (e) {
    throw e instanceof QnetError && file !== undefined ? e.withWhere({ file }) : e;
  }
  program.numMeasurements = counts.measurements;
  program.numDetectors = counts.detectors;
  return program;
}

function compileBlock(
  instructions: readonly Instruction[],
  program: FrameProgram,
  counts: { measurements: number; detectors: number },
): FrameOp[] {
  const ops: FrameOp[] = [];
  const lookbacks = (ks: readonly number[]): Int32Array => {
    for (const k of ks) program.maxLookback = Math.max(program.maxLookback, k);
    return Int32Array.from(ks);
  };
  for (const op of instructions) {
    if ('condition' in op && op.condition) {
      throw new QnetError(
        'E_FRAME_CONDITION',
        'the frame sampler cannot run classically conditioned operations',
        {
          ...(op.line === undefined ? {} : { line: op.line }),
          hint: 'run the circuit shot by shot on the stabilizer engine, or use Stim-style rec[-k] feedback',
        },
      );
    }
    switch (op.kind) {
      case 'gate': {
        if (op.recordControl !== undefined) {
          ops.push({
            kind: 'feedback',
            x: op.gate === 'z' ? 0 : 1,
            z: op.gate === 'x' ? 0 : 1,
            targets: Int32Array.from(op.targets),
            lookback: lookbacks([op.recordControl])[0]!,
          });
          break;
        }
        let c: CompiledClifford;
        try {
          c = compiledClifford(op.gate, op.params);
        } catch (e) {
          throw e instanceof QnetError && op.line !== undefined ? e.withWhere({ line: op.line }) : e;
        }
        if (c.arity === 1) {
          const map = kind1(c);
          if (map !== 0) ops.push({ kind: 'gate1', map, targets: Int32Array.from(op.targets) });
        } else if (c.arity === 2) {
          const { kind, swapped } = kind2(c);
          if (kind === Kind2.Identity) break;
          const targets = Int32Array.from(op.targets);
          if (swapped) {
            for (let i = 0; i + 1 < targets.length; i += 2) {
              const t = targets[i]!;
              targets[i] = targets[i + 1]!;
              targets[i + 1] = t;
            }
          }
          ops.push({
            kind: 'gate2',
            map: kind,
            targets,
            masks: kind === Kind2.General ? generalMasks(c) : undefined,
          });
        } else {
          throw new Error(`frame sampler: ${c.arity}-qubit Clifford ${op.gate} has no kernel`);
        }
        break;
      }
      case 'measure':
        ops.push({
          kind: 'measure',
          basis: op.basis,
          reset: op.reset,
          targets: Int32Array.from(op.targets),
          flipProbability: op.flipProbability,
        });
        counts.measurements += op.targets.length;
        break;
      case 'reset':
        ops.push({ kind: 'reset', basis: op.basis, targets: Int32Array.from(op.targets) });
        break;
      case 'noise': {
        const table = channelTable(op.channel, op.probabilities);
        if (table.total > 0) ops.push({ kind: 'noise', table, targets: Int32Array.from(op.targets) });
        break;
      }
      case 'detector':
        ops.push({ kind: 'detector', lookbacks: lookbacks(op.lookbacks) });
        counts.detectors++;
        break;
      case 'observable':
        ops.push({ kind: 'observable', index: op.index, lookbacks: lookbacks(op.lookbacks) });
        program.numObservables = Math.max(program.numObservables, op.index + 1);
        break;
      case 'repeat': {
        if (op.count === 0) break;
        const inner = { measurements: 0, detectors: 0 };
        const body = compileBlock(op.body, program, inner);
        counts.measurements += op.count * inner.measurements;
        counts.detectors += op.count * inner.detectors;
        ops.push({ kind: 'repeat', count: op.count, body });
        break;
      }
      default:
        break;
    }
  }
  return ops;
}
