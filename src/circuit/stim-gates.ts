// The Stim view of the gate table: which unitary gate a Stim name (or alias such as CNOT, ZCX, H_XZ,
// SQRT_Z) stands for, and the name to print for a canonical gate. The table owns the names; this file
// only narrows its entries to what a Stim instruction needs.

import { GATES, gate, gateByStim } from '../gates/index.js';

export interface StimGate {
  /** Canonical name in the gate table. */
  name: string;
  arity: 1 | 2;
}

/** Every Stim spelling of a unitary gate in the table, primary names and aliases, upper case. */
export const STIM_GATE_NAMES: readonly string[] = GATES.flatMap((g) =>
  g.stim === null ? [] : [g.stim, ...g.aliases.stim],
);

/** The gate a Stim name stands for, in any letter case; undefined if the table has none. */
export function stimGate(stimName: string): StimGate | undefined {
  const entry = gateByStim(stimName);
  if (entry === undefined) return undefined;
  // Stim has no gates on three or more qubits, so a table entry claiming a Stim name must be 1- or 2-qubit.
  if (entry.arity !== 1 && entry.arity !== 2) {
    throw new Error(`gate table: ${entry.name} has Stim name ${stimName} but arity ${entry.arity}`);
  }
  return { name: entry.name, arity: entry.arity };
}

/** The primary Stim name of a canonical gate, or undefined when Stim has no such gate. */
export function stimNameOfGate(name: string): string | undefined {
  return gate(name)?.stim ?? undefined;
}
