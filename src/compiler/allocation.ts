// The partitioner's answer: where each logical qubit lives in each time slice, and where each
// diagonal two-qubit gate runs. The emitter turns it into cat-entanglement and teleportation.

export interface Allocation {
  /** Number of time slices (1 when qubits never move). */
  readonly numSlices: number;
  /** Slice of each op of the DistCircuit, non-decreasing in op order. */
  readonly sliceOfOp: Int32Array;
  /** Home QPU of qubit q during slice s, at index s * numQubits + q. */
  readonly home: Int32Array;
  /** QPU running each diagonal op (index = op index); -1 for other ops. */
  readonly gateQpu: Int32Array;
}
