// Turns the compact specs of the table files into GateEntry values.
import type { CMatrix } from '../util/complex-matrix.js';
import { parseDefinition } from './definition.js';
import { parsePauli } from './pauli.js';
import type { GateEntry } from './types.js';

export interface GateSpec {
  name: string;
  arity: number;
  /** Parameter names separated by spaces, e.g. 'theta phi lambda'. */
  params?: string;
  matrix: (p: readonly number[]) => CMatrix;
  /** Images of X_j and Z_j written as '+ZX', '-Y_' (character j = target j). */
  clifford?: { x: readonly string[]; z: readonly string[] };
  /** Definition text over table gates; omitted only for the primitives u3 and cx. */
  def?: string;
  qasm2?: string;
  qasm3?: string;
  stim?: string;
  stimAliases?: readonly string[];
  qasm2Aliases?: readonly string[];
  qasm3Aliases?: readonly string[];
}

export function defineGate(spec: GateSpec): GateEntry {
  const paramNames = spec.params ? spec.params.split(' ') : [];
  let matrix = spec.matrix;
  if (paramNames.length === 0) {
    // Fixed gates: build once, hand out copies so callers may mutate what they get.
    const fixed = spec.matrix([]);
    matrix = () => fixed.slice();
  }
  const entry: GateEntry = {
    name: spec.name,
    arity: spec.arity,
    paramNames,
    matrix,
    definition: spec.def === undefined ? undefined : parseDefinition(spec.def, paramNames, spec.arity),
    definitionText: spec.def,
    qasm2: spec.qasm2 ?? null,
    qasm3: spec.qasm3 ?? null,
    stim: spec.stim ?? null,
    aliases: { stim: spec.stimAliases ?? [], qasm2: spec.qasm2Aliases ?? [], qasm3: spec.qasm3Aliases ?? [] },
  };
  if (spec.clifford) {
    return {
      ...entry,
      clifford: { x: spec.clifford.x.map(parsePauli), z: spec.clifford.z.map(parsePauli) },
    };
  }
  return entry;
}
