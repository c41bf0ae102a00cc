// Detector error models: independent error mechanisms, each flipping a set of detectors and logical
// observables with a probability (Stim's `.dem` format, Gidney, Quantum 5, 497, 2021).

/** One `^`-separated part of an error: the detectors and observables it flips. Sorted, no repeats. */
export interface DemTerm {
  detectors: readonly number[];
  observables: readonly number[];
}

/**
 * An independent error mechanism. `components` is its graph-like decomposition (Stim's
 * `--decompose_errors`): the symptom is the XOR of the components; undecomposed errors have one.
 */
export interface DemError {
  probability: number;
  components: readonly DemTerm[];
}

export interface DetectorErrorModel {
  numDetectors: number;
  numObservables: number;
  errors: readonly DemError[];
  /** Absolute coordinates per detector (shifts applied), where the model gives them. */
  detectorCoords: ReadonlyMap<number, readonly number[]>;
}
