// What the compiler knows of the network: QPUs with data and communication qubits, and which pairs
// share a link. Multi-hop e-bits cost one Bell pair per link crossed. Built by the caller (the CLI
// or the scenario layer); the compiler never sees hardware.

export interface Topology {
  /** QPU names, index = QPU id. */
  readonly names: readonly string[];
  /** Data qubits each QPU may hold. */
  readonly capacity: readonly number[];
  /** Communication qubits each QPU has besides its data qubits (for e-bit halves). */
  readonly commQubits: readonly number[];
  /** Undirected links [a, b], a < b. */
  readonly links: readonly (readonly [number, number])[];
}

export type TopologyShape = 'all-to-all' | 'line' | 'ring' | 'grid';

/** True when every pair of QPUs shares a link (links are distinct, a < b). */
export function isAllToAll(topology: Topology): boolean {
  const k = topology.names.length;
  return topology.links.length === (k * (k - 1)) / 2;
}
