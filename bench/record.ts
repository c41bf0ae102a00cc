/** One measured figure from a benchmark suite, as `qnet bench` prints and stores it. */
export interface BenchRecord {
  suite: string;
  case: string;
  metric: string;
  value: number;
  unit: string;
  [k: string]: unknown;
}
