// Name lookups over the whole table. Built once at module load (the table is constant), so a
// lookup is one Map access: parsers call these once per instruction.
import { GATES_1Q } from './table-1q.js';
import { GATES_2Q } from './table-2q.js';
import { GATES_MULTI } from './table-multi.js';
import type { GateEntry } from './types.js';

/** Every gate of the table, single-qubit gates first. */
export const GATES: readonly GateEntry[] = [...GATES_1Q, ...GATES_2Q, ...GATES_MULTI];

function index(names: (g: GateEntry) => readonly (string | null)[]): ReadonlyMap<string, GateEntry> {
  const map = new Map<string, GateEntry>();
  for (const g of GATES) {
    for (const n of names(g)) {
      if (n === null) continue;
      const other = map.get(n);
      if (other && other !== g) throw new Error(`gate table: name ${n} used by ${other.name} and ${g.name}`);
      map.set(n, g);
    }
  }
  return map;
}

const BY_NAME = index((g) => [g.name]);
const BY_QASM2 = index((g) => [g.qasm2, ...g.aliases.qasm2]);
const BY_QASM3 = index((g) => [g.qasm3, ...g.aliases.qasm3]);
const BY_STIM = index((g) => [g.stim, ...g.aliases.stim]);

/** The entry with this canonical (lower-case) name. */
export function gate(name: string): GateEntry | undefined {
  return BY_NAME.get(name);
}

/** Like `gate`, for names that must exist (names taken from the IR): throws if absent. */
export function gateOrThrow(name: string): GateEntry {
  const g = BY_NAME.get(name);
  if (!g) throw new Error(`no gate named ${JSON.stringify(name)} in the gate table`);
  return g;
}

/** The entry with this name in qelib1.inc (or OpenQASM 2's builtins U and CX). */
export function gateByQasm2(name: string): GateEntry | undefined {
  return BY_QASM2.get(name);
}

/** The entry with this name in stdgates.inc (or the builtin U), including its compatibility names. */
export function gateByQasm3(name: string): GateEntry | undefined {
  return BY_QASM3.get(name);
}

/** The entry with this Stim name; Stim names are case-insensitive, so any case is accepted. */
export function gateByStim(name: string): GateEntry | undefined {
  return BY_STIM.get(name.toUpperCase());
}

/** Names accepted by each lookup, for "did you mean" hints. */
export function gateNames(format: 'name' | 'qasm2' | 'qasm3' | 'stim'): string[] {
  const map = { name: BY_NAME, qasm2: BY_QASM2, qasm3: BY_QASM3, stim: BY_STIM }[format];
  return [...map.keys()];
}
