// The detector error model of a noisy Clifford circuit (Stim's analyze_errors, Gidney, Quantum 5,
// 497, 2021, section 4): one backward pass over the unrolled circuit keeps, for every qubit, the
// detectors and observables that an X error and a Z error at that point would flip. Each noise
// channel met on the way becomes independent mechanisms whose symptoms are read off those sets.

import type { Basis, Circuit, Instruction } from '../circuit/ir.js';
import { countDetectors, countObservables, flattenRepeats } from '../circuit/stim-repeat.js';
import { type CompiledClifford, cliffordKey, compiledClifford } from '../state/clifford-compile.js';
import { QnetError } from '../util/errors.js';
import type { DetectorErrorModel } from './dem.js';
import { independentMechanisms } from './dem-channels.js';
import { ChannelGroup, DemBuilder } from './dem-decompose.js';
import { NO_SYMPTOMS, type Symptoms, xorSymptoms } from './dem-symptoms.js';

export interface DemOptions {
  /** Split errors into graph-like components (at most two detectors), like Stim's --decompose_errors. */
  decompose?: boolean;
  /**
   * Treat the disjoint cases of PAULI_CHANNEL_* / DEPOLARIZE* as independent mechanisms with the same
   * probabilities when no exact conversion exists (Stim's approximate_disjoint_errors).
   */
  approximateDisjointErrors?: boolean;
}

interface Where {
  file: string | undefined;
}

function located(where: Where, line: number | undefined): { file?: string; line?: number } {
  const out: { file?: string; line?: number } = {};
  if (where.file !== undefined) out.file = where.file;
  if (line !== undefined) out.line = line;
  return out;
}

/** Record look-backs of every detector and observable, checked, as absolute measurement indices. */
interface Annotations {
  /** Detector id → its line, for messages. */
  detectorLines: (number | undefined)[];
  detectorCoords: Map<number, readonly number[]>;
  gates: Map<string, CompiledClifford>;
  numMeasurements: number;
}

/** Forward checks: Clifford gates, record look-backs, detector coordinates with SHIFT_COORDS. */
function scanForward(ops: readonly Instruction[], where: Where): Annotations {
  const ann: Annotations = {
    detectorLines: [],
    detectorCoords: new Map(),
    gates: new Map(),
    numMeasurements: 0,
  };
  let measured = 0;
  let shift: number[] = [];
  const checkRecord = (k: number, line: number | undefined, what: string): void => {
    if (!Number.isInteger(k) || k < 1 || k > measured) {
      throw new QnetError(
        'E_QEC_RECORD',
        `${what} refers to rec[-${k}], but only ${measured} measurement${measured === 1 ? '' : 's'} precede it`,
        {
          ...located(where, line),
          hint:
            measured === 0
              ? 'move the annotation after the measurements it compares'
              : `use a look-back between rec[-1] and rec[-${measured}]`,
        },
      );
    }
  };
  for (const op of ops) {
    if ('condition' in op && op.condition) {
      throw new QnetError(
        'E_QEC_CONDITION',
        'a detector error model cannot follow classically conditioned operations',
        {
          ...located(where, op.line),
          hint: 'write the correction as Stim feedback (CX rec[-k] q) or remove the condition',
        },
      );
    }
    switch (op.kind) {
      case 'gate': {
        if (op.recordControl !== undefined) {
          if (op.gate !== 'x' && op.gate !== 'y' && op.gate !== 'z') {
            throw new QnetError('E_QEC_FEEDBACK', `feedback may apply only a Pauli, not ${op.gate}`, {
              ...located(where, op.line),
              hint: 'classically controlled gates must be CX, CY or CZ with a rec[-k] control',
            });
          }
          checkRecord(op.recordControl, op.line, 'feedback');
          break;
        }
        const key = cliffordKey(op.gate, op.params);
        if (!ann.gates.has(key)) {
          try {
            ann.gates.set(key, compiledClifford(op.gate, op.params));
          } catch (e) {
            if (!(e instanceof QnetError)) throw e;
            throw new QnetError('E_QEC_NON_CLIFFORD', e.message, {
              ...located(where, op.line),
              hint: 'detector error models exist for Clifford circuits with Pauli noise: replace the gate by Clifford gates (rz at multiples of π/2, h, s, cx, ...)',
            });
          }
        }
        break;
      }
      case 'measure':
        measured += op.targets.length;
        break;
      case 'detector':
        for (const k of op.lookbacks) checkRecord(k, op.line, 'DETECTOR');
        if (op.coords.length > 0) {
          ann.detectorCoords.set(
            ann.detectorLines.length,
            op.coords.map((c, i) => c + (shift[i] ?? 0)),
          );
        }
        ann.detectorLines.push(op.line);
        break;
      case 'observable':
        for (const k of op.lookbacks) checkRecord(k, op.line, 'OBSERVABLE_INCLUDE');
        break;
      case 'shift_coords':
        shift = op.coords.map((c, i) => c + (shift[i] ?? 0)).concat(shift.slice(op.coords.length));
        break;
      default:
        break;
    }
  }
  ann.numMeasurements = measured;
  return ann;
}

/** The backward pass's state: for qubit q, xs[q] / zs[q] are the symptoms of an X / Z error on q. */
class Sensitivity {
  readonly xs: Symptoms[];
  readonly zs: Symptoms[];
  /** For each measurement index, the detectors and observables that read it (plus feedback effects). */
  readonly record: Symptoms[];

  constructor(numQubits: number, numMeasurements: number) {
    this.xs = new Array<Symptoms>(numQubits).fill(NO_SYMPTOMS);
    this.zs = new Array<Symptoms>(numQubits).fill(NO_SYMPTOMS);
    this.record = new Array<Symptoms>(numMeasurements).fill(NO_SYMPTOMS);
  }

  /** Symptoms of the Pauli with bits (x0 z0 x1 z1) on qubits a, b. */
  of(pauli: number, a: number, b: number): Symptoms {
    let s = NO_SYMPTOMS;
    if (pauli & 1) s = xorSymptoms(s, this.xs[a]!);
    if (pauli & 2) s = xorSymptoms(s, this.zs[a]!);
    if (pauli & 4) s = xorSymptoms(s, this.xs[b]!);
    if (pauli & 8) s = xorSymptoms(s, this.zs[b]!);
    return s;
  }
}

/** The detector error model of `circuit`, optionally decomposed into graph-like components. */
export function detectorErrorModel(circuit: Circuit, options: DemOptions = {}): DetectorErrorModel {
  const where: Where = { file: circuit.source?.file };
  const ops = flattenRepeats(circuit.instructions);
  const ann = scanForward(ops, where);
  const numDetectors = countDetectors(circuit);
  const numObservables = countObservables(circuit);
  const sens = new Sensitivity(circuit.numQubits, ann.numMeasurements);
  const builder = new DemBuilder({ numDetectors, file: where.file }, options.decompose ?? true);
  let measured = ann.numMeasurements;
  let detector = numDetectors;

  const nondeterministic = (symptoms: Symptoms, opLine: number | undefined, what: string): QnetError => {
    const first = symptoms[0]!;
    if (first >= numDetectors) {
      return new QnetError(
        'E_QEC_NONDETERMINISTIC_OBSERVABLE',
        `observable L${first - numDetectors} is not deterministic: it anticommutes with ${what}`,
        {
          ...located(where, opLine),
          hint: 'an observable must be a product of measurements whose parity is fixed without noise',
        },
      );
    }
    return new QnetError(
      'E_QEC_NONDETERMINISTIC_DETECTOR',
      `detector D${first} is not deterministic without noise: it anticommutes with ${what}${opLine === undefined ? '' : ` at line ${opLine}`}`,
      {
        ...located(where, ann.detectorLines[first]),
        hint: 'a detector must compare measurements whose parity is fixed without noise (check the preparation basis and which rec[-k] it reads)',
      },
    );
  };

  /** A reset or measurement in `basis` on q: the tracked Paulis must commute with it. */
  const collapse = (basis: Basis, q: number, line: number | undefined, what: string): void => {
    const x = sens.xs[q]!;
    const z = sens.zs[q]!;
    // The Pauli tracked on q has a Z part where X errors flip it (xs) and an X part where Z errors do.
    const bad = basis === 'Z' ? z : basis === 'X' ? x : xorSymptoms(x, z);
    if (bad.length > 0) throw nondeterministic(bad, line, what);
  };

  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    switch (op.kind) {
      case 'gate': {
        const t = op.targets;
        if (op.recordControl !== undefined) {
          const pauli = op.gate === 'x' ? 1 : op.gate === 'z' ? 2 : 3;
          const r = measured - op.recordControl;
          for (let k = t.length - 1; k >= 0; k--) {
            // The Pauli happens exactly when the record bit reads 1: a flip of that bit carries its symptoms.
            sens.record[r] = xorSymptoms(sens.record[r]!, sens.of(pauli, t[k]!, t[k]!));
          }
          break;
        }
        const g = ann.gates.get(cliffordKey(op.gate, op.params))!;
        applyBackward(g, t, sens);
        break;
      }
      case 'measure': {
        const t = op.targets;
        for (let k = t.length - 1; k >= 0; k--) {
          const q = t[k]!;
          measured--;
          const name = `M${op.reset ? 'R' : ''}${op.basis === 'Z' ? '' : op.basis} ${q}`;
          if (op.reset) {
            collapse(op.basis, q, op.line, `the reset in ${name}`);
            sens.xs[q] = NO_SYMPTOMS;
            sens.zs[q] = NO_SYMPTOMS;
          }
          collapse(op.basis, q, op.line, `the measurement ${name}`);
          const rec = sens.record[measured]!;
          if (op.flipProbability > 0) {
            builder.addSymptoms(op.flipProbability, rec, op.line);
          }
          if (op.basis !== 'X') sens.xs[q] = xorSymptoms(sens.xs[q]!, rec);
          if (op.basis !== 'Z') sens.zs[q] = xorSymptoms(sens.zs[q]!, rec);
        }
        break;
      }
      case 'reset':
        for (let k = op.targets.length - 1; k >= 0; k--) {
          const q = op.targets[k]!;
          collapse(op.basis, q, op.line, `the reset R${op.basis === 'Z' ? '' : op.basis} ${q}`);
          sens.xs[q] = NO_SYMPTOMS;
          sens.zs[q] = NO_SYMPTOMS;
        }
        break;
      case 'noise':
        addNoise(op, sens, builder, numDetectors, where, options);
        break;
      case 'detector': {
        detector--;
        for (const k of op.lookbacks) {
          const r = measured - k;
          sens.record[r] = xorSymptoms(sens.record[r]!, [detector]);
        }
        break;
      }
      case 'observable': {
        const id = numDetectors + op.index;
        for (const k of op.lookbacks) {
          const r = measured - k;
          sens.record[r] = xorSymptoms(sens.record[r]!, [id]);
        }
        break;
      }
      default:
        break;
    }
  }
  // Every qubit starts in |0>: the tracked Paulis must be products of Z there.
  for (let q = 0; q < circuit.numQubits; q++) collapse('Z', q, undefined, `the initial |0> of qubit ${q}`);

  const errors = builder.finish();
  return { numDetectors, numObservables, errors, detectorCoords: ann.detectorCoords };
}

/** Moves the sensitivities from after the gate to before it: an error E before U acts as U E U† after. */
function applyBackward(g: CompiledClifford, targets: readonly number[], sens: Sensitivity): void {
  const frame = g.frame;
  if (g.arity === 1) {
    for (let k = targets.length - 1; k >= 0; k--) {
      const q = targets[k]!;
      const after = [sens.xs[q]!, sens.zs[q]!];
      const before = pullBack(frame, after, 2);
      sens.xs[q] = before[0]!;
      sens.zs[q] = before[1]!;
    }
    return;
  }
  if (g.arity !== 2) throw new Error(`dem: ${g.arity}-qubit gate ${g.name} is not supported`);
  for (let k = targets.length - 2; k >= 0; k -= 2) {
    const a = targets[k]!;
    const b = targets[k + 1]!;
    const after = [sens.xs[a]!, sens.zs[a]!, sens.xs[b]!, sens.zs[b]!];
    const before = pullBack(frame, after, 4);
    sens.xs[a] = before[0]!;
    sens.zs[a] = before[1]!;
    sens.xs[b] = before[2]!;
    sens.zs[b] = before[3]!;
  }
}

// frame[k] has bit i set when the old frame bit i feeds the new bit k (clifford-compile.ts).
function pullBack(frame: readonly number[], after: Symptoms[], n: number): Symptoms[] {
  const before: Symptoms[] = [];
  for (let i = 0; i < n; i++) {
    let s = NO_SYMPTOMS;
    for (let k = 0; k < n; k++) if ((frame[k]! >> i) & 1) s = xorSymptoms(s, after[k]!);
    before.push(s);
  }
  return before;
}

function addNoise(
  op: Extract<Instruction, { kind: 'noise' }>,
  sens: Sensitivity,
  builder: DemBuilder,
  numDetectors: number,
  where: Where,
  options: DemOptions,
): void {
  let mechanisms = independentMechanisms(op.channel, op.probabilities);
  if (typeof mechanisms === 'string') {
    if (!options.approximateDisjointErrors) {
      throw new QnetError(
        'E_DEM_CHANNEL',
        `${op.channel.toUpperCase()}(${op.probabilities.join(', ')}) cannot be modelled: ${mechanisms}`,
        {
          ...located(where, op.line),
          hint: 'lower the channel probabilities, or pass approximateDisjointErrors to treat its cases as independent',
        },
      );
    }
    mechanisms = independentMechanisms(op.channel, op.probabilities, true) as typeof mechanisms & object;
  }
  if (mechanisms.length === 0) return;
  const two = op.channel === 'depolarize2' || op.channel === 'pauli_channel_2';
  const t = op.targets;
  const step = two ? 2 : 1;
  for (let k = t.length - step; k >= 0; k -= step) {
    const a = t[k]!;
    const b = two ? t[k + 1]! : a;
    // Every Pauli's symptoms are XORs of those of the basis errors X_a, Z_a (X_b, Z_b).
    const basis = two ? [sens.xs[a]!, sens.zs[a]!, sens.xs[b]!, sens.zs[b]!] : [sens.xs[a]!, sens.zs[a]!];
    const group = new ChannelGroup(basis, numDetectors);
    for (const m of mechanisms) builder.addPauli(m.probability, group, m.pauli, op.line);
  }
}
