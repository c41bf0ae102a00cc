/** One measured figure from a benchmark suite, as `qnet bench` prints and stores it. */
export interface BenchRecord {
  suite: string;
  case: string;
  metric: string;
  value: number;
  unit: string;
  [k: string]: unknown;
}

export interface SuiteOptions {
  /** Fewer repetitions and smaller cases, for a smoke test. */
  quick: boolean;
  /** Called with the fraction of the suite done, for a progress bar. */
  onProgress?: (fraction: number) => void;
}
