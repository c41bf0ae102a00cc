// Trace records flow from a simulation to the sinks attached to it. With no sink attached a simulation
// builds no record at all: callers test `sim.tracing` before assembling data, and `sim.trace` returns
// at once, so tracing costs one boolean test when off.

export interface TraceRecord {
  /** Simulation time of the record. */
  readonly timePs: number;
  /** What happened, e.g. `event` (emitted by the kernel), `channel/deliver`, `process/done`. */
  readonly kind: string;
  readonly data: unknown;
}

export type TraceSink = (record: TraceRecord) => void;

/** Data of the `event` record the kernel emits before each event fires. */
export interface EventTraceData {
  readonly priority: number;
  /** Insertion sequence: the tie-breaker after time and priority. */
  readonly seq: number;
  readonly arg: number;
  /** The handler's function name, for reading traces; empty for anonymous handlers. */
  readonly handler: string;
}

export const EVENT_TRACE_KIND = 'event';
