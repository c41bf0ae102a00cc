// Recognising a user `gate` definition as the table gate of the same name: its body is expanded at
// two parameter points and compared with the table matrix. Printers write gates that OpenQASM's
// libraries lack (iswap, rzz in version 3, ...) as definitions under the table's name, and this is
// what makes such files read back as the same gates; it also turns hand-written definitions of
// common gates into the table's fast gates. A body that merely shares the name (say an `ryy` with
// a hard-coded angle) fails the comparison and stays a macro.
import type { GateEntry } from '../gates/index.js';
import { composeSteps } from '../gates/index.js';
import { cmatRelativePhase } from '../util/complex-matrix.js';
import type { GateOp } from './ir.js';
import { ExpandFailure, expandCall, type Sink, type UserGate } from './qasm-expand.js';

// Two generic points: a body that agrees with the table at both is the table gate for all
// parameters in practice (the bodies are short trigonometric expressions).
const POINTS: readonly (readonly number[])[] = [
  [0.7137, -1.3911, 2.2347, 0.4219],
  [-2.0513, 0.3851, 1.1093, -0.7702],
];
const MAX_ARITY = 5;
const TOL = 1e-9;

export function recognize(
  def: UserGate,
  entry: GateEntry,
): { entry: GateEntry; exactPhase: boolean } | undefined {
  const arity = def.qubitNames.length;
  if (entry.arity !== arity || entry.paramNames.length !== def.paramNames.length || arity > MAX_ARITY) {
    return undefined;
  }
  const qubits = Array.from({ length: arity }, (_, i) => i);
  let exactPhase = true;
  for (const point of POINTS) {
    const params = point.slice(0, def.paramNames.length);
    const sink: Sink = { out: [], line: 0, condition: undefined, phase: { value: 0 } };
    try {
      expandCall(sink, { kind: 'user', def }, [], params, qubits, def);
    } catch (e) {
      if (e instanceof ExpandFailure) return undefined;
      throw e;
    }
    const steps = sink.out.filter((op): op is GateOp => op.kind === 'gate');
    const body = composeSteps(arity, steps);
    const phase = sink.phase!.value;
    const rel = cmatRelativePhase(entry.matrix(params), body, TOL);
    if (rel === undefined) return undefined;
    // The body's full unitary is e^{i·phase}·body; compare that phase with the table's.
    const diff = rel - phase;
    if (Math.abs(Math.atan2(Math.sin(diff), Math.cos(diff))) > TOL) exactPhase = false;
  }
  return { entry, exactPhase };
}
