// Expanding definitions: one level (the table's own definition with concrete parameters) or all
// the way down to the basis {u3, cx}. Both hold up to global phase.

import type { GateStep } from './compose.js';
import { gateOrThrow } from './lookup.js';

/** The gate's definition with its parameters filled in; undefined for the primitives u3 and cx. */
export function expandDefinition(name: string, params: readonly number[]): GateStep[] | undefined {
  const g = gateOrThrow(name);
  if (!g.definition) return undefined;
  return g.definition.map((s) => ({ gate: s.gate, targets: s.targets, params: s.params(params) }));
}

/**
 * The gate as a sequence of u3 and cx on its own qubits (indices 0..arity−1), equal to its matrix
 * up to global phase.
 */
export function decompose(name: string, params: readonly number[]): GateStep[] {
  const out: GateStep[] = [];
  const walk = (gateName: string, p: readonly number[], targets: readonly number[]): void => {
    const steps = expandDefinition(gateName, p);
    if (!steps) {
      out.push({ gate: gateName, targets, params: p });
      return;
    }
    for (const s of steps)
      walk(
        s.gate,
        s.params,
        s.targets.map((t) => targets[t]!),
      );
  };
  const g = gateOrThrow(name);
  walk(
    name,
    params,
    Array.from({ length: g.arity }, (_, i) => i),
  );
  return out;
}
