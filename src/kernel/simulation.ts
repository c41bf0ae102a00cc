// One simulation: the clock, the pending events, the random-stream tree and the trace sinks. Nothing
// lives at module level, so any number of simulations can run side by side in one process.
import { checkTimePs, MAX_TIME_PS, QnetError, Rng } from '../util/index.js';
import { type ChannelOptions, ClassicalChannel } from './channel.js';
import { type EventId, EventQueue } from './event-queue.js';
import { Mailbox } from './mailbox.js';
import { Process, type ProcessBody, type SpawnOptions } from './process.js';
import { EVENT_TRACE_KIND, type EventTraceData, type TraceRecord, type TraceSink } from './trace.js';

/** Called when its event fires. `arg` is the number given to `schedule`, so hot paths need no closures. */
export type EventHandler = (sim: Simulation, arg: number) => void;

export interface SimulationOptions {
  /** Seed of the root random stream (default 0). Ignored when `rng` is given. */
  seed?: number | string | undefined;
  /** Root random stream, e.g. a child of a larger tree. */
  rng?: Rng | undefined;
  /** A first trace sink; more can be attached with `onTrace`. */
  trace?: TraceSink | undefined;
  /** Whether the kernel emits an `event` record per fired event while tracing (default true). */
  traceEvents?: boolean | undefined;
}

export interface RunOptions {
  /** Fire every event at or before this time, then set the clock to it. */
  untilPs?: number | undefined;
  /** Fire at most this many events. */
  maxEvents?: number | undefined;
  /** Checked before each event; the run stops as soon as it returns true. */
  stopWhen?: ((sim: Simulation) => boolean) | undefined;
}

/** Why `run` returned. */
export type StopReason = 'empty' | 'time' | 'budget' | 'condition' | 'stopped';

export interface RunResult {
  readonly reason: StopReason;
  /** Events fired by this call. */
  readonly events: number;
  readonly nowPs: number;
}

export class Simulation {
  /** Root of this simulation's random-stream tree; components take named children of it. */
  readonly rng: Rng;
  /** Whether the kernel emits an `event` record per fired event while tracing. */
  traceEvents: boolean;

  private clock = 0;
  private readonly queue = new EventQueue<EventHandler>();
  private fired = 0;
  private running = false;
  private stopRequested = false;
  private sinks: TraceSink[] = [];
  private tracingOn = false;
  private processCount = 0;

  constructor(options: SimulationOptions = {}) {
    this.rng = options.rng ?? Rng.fromSeed(options.seed ?? 0);
    this.traceEvents = options.traceEvents ?? true;
    if (options.trace) this.onTrace(options.trace);
  }

  /** Current simulation time in picoseconds. */
  get nowPs(): number {
    return this.clock;
  }

  /** Events fired since the simulation was created. */
  get eventsFired(): number {
    return this.fired;
  }

  /** Events scheduled and neither fired nor cancelled. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next pending event, or undefined when none is left. */
  get nextEventPs(): number | undefined {
    const t = this.queue.peekTime();
    return t === Number.POSITIVE_INFINITY ? undefined : t;
  }

  /**
   * Schedules `handler(sim, arg)` at the absolute time `atPs`. At equal time lower `priority` fires
   * first (an int32, default 0), then earlier scheduling.
   */
  schedule(atPs: number, handler: EventHandler, arg = 0, priority = 0): EventId {
    if (!(atPs >= this.clock && atPs <= MAX_TIME_PS && Number.isInteger(atPs))) this.refuseTime(atPs);
    if ((priority | 0) !== priority) refusePriority(priority);
    return this.queue.push(atPs, priority, handler, arg);
  }

  /** Schedules `handler(sim, arg)` `delayPs` picoseconds from now. */
  after(delayPs: number, handler: EventHandler, arg = 0, priority = 0): EventId {
    if (!(delayPs >= 0 && Number.isSafeInteger(delayPs))) checkTimePs(delayPs, 'delayPs');
    const atPs = this.clock + delayPs;
    if (atPs > MAX_TIME_PS) this.refuseTime(atPs);
    if ((priority | 0) !== priority) refusePriority(priority);
    return this.queue.push(atPs, priority, handler, arg);
  }

  /** Cancels a pending event; false if it already fired, was cancelled or is unknown. */
  cancel(id: EventId): boolean {
    return this.queue.cancel(id);
  }

  /** True while the event `id` is still to fire. */
  isPending(id: EventId): boolean {
    return this.queue.isPending(id);
  }

  /** Fires events in order until the queue empties or a limit in `options` is reached. */
  run(options: RunOptions = {}): RunResult {
    if (this.running) {
      throw new QnetError('E_REENTRANT', 'Simulation.run was called from inside an event handler', {
        hint: 'schedule more events from the handler instead, or call sim.stop() to end the run',
      });
    }
    let untilPs = Number.POSITIVE_INFINITY;
    if (options.untilPs !== undefined) {
      untilPs = checkTimePs(options.untilPs, 'untilPs');
      if (untilPs < this.clock) this.refuseTime(untilPs);
    }
    const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    if (!(maxEvents >= 0) || (maxEvents !== Number.POSITIVE_INFINITY && !Number.isSafeInteger(maxEvents))) {
      throw new QnetError('E_ARG', `maxEvents = ${maxEvents} is not a non-negative whole number`);
    }
    this.running = true;
    this.stopRequested = false;
    const before = this.fired;
    try {
      const reason = this.loop(untilPs, maxEvents, options.stopWhen);
      if ((reason === 'time' || reason === 'empty') && untilPs !== Number.POSITIVE_INFINITY) {
        this.clock = untilPs;
      }
      return { reason, events: this.fired - before, nowPs: this.clock };
    } finally {
      this.running = false;
    }
  }

  /** Fires the next event, if any; true when one fired. */
  step(): boolean {
    return this.run({ maxEvents: 1 }).events === 1;
  }

  /** Ends the current run after the event being handled. */
  stop(): void {
    this.stopRequested = true;
  }

  private loop(untilPs: number, maxEvents: number, stopWhen: RunOptions['stopWhen']): StopReason {
    const queue = this.queue;
    let budget = maxEvents;
    for (;;) {
      if (budget <= 0) return 'budget';
      if (stopWhen?.(this)) return 'condition';
      const t = queue.peekTime();
      if (t === Number.POSITIVE_INFINITY) return 'empty';
      if (t > untilPs) return 'time';
      const handler = queue.pop();
      this.clock = t;
      this.fired++;
      budget--;
      if (this.tracingOn && this.traceEvents) this.traceFired(handler);
      handler(this, queue.poppedArg);
      if (this.stopRequested) return 'stopped';
    }
  }

  private traceFired(handler: EventHandler): void {
    const q = this.queue;
    const data: EventTraceData = {
      priority: q.poppedPriority,
      seq: q.poppedSeq,
      arg: q.poppedArg,
      handler: handler.name,
    };
    this.trace(EVENT_TRACE_KIND, data);
  }

  /** True when at least one trace sink is attached; test it before building trace data. */
  get tracing(): boolean {
    return this.tracingOn;
  }

  /** Attaches a trace sink; returns a function that detaches it. */
  onTrace(sink: TraceSink): () => void {
    this.sinks = [...this.sinks, sink];
    this.tracingOn = true;
    return () => {
      this.sinks = this.sinks.filter((s) => s !== sink);
      this.tracingOn = this.sinks.length > 0;
    };
  }

  /** Sends a record to every sink; does nothing when none is attached. */
  trace(kind: string, data?: unknown): void {
    if (!this.tracingOn) return;
    const record: TraceRecord = { timePs: this.clock, kind, data };
    // Iterate a snapshot: a sink may detach itself.
    for (const sink of this.sinks) sink(record);
  }

  /** Starts a process (a generator function) at the current time. */
  spawn<T>(body: ProcessBody<T>, options: SpawnOptions = {}): Process<T> {
    const name = options.name ?? `process/${this.processCount}`;
    this.processCount++;
    return new Process(this, body, name);
  }

  mailbox<T>(name?: string): Mailbox<T> {
    return new Mailbox<T>(this, name);
  }

  channel<T>(options: ChannelOptions<T>): ClassicalChannel<T> {
    return new ClassicalChannel<T>(this, options);
  }

  private refuseTime(atPs: number): never {
    checkTimePs(atPs, 'event time');
    throw new QnetError('E_TIME', `event time ${atPs} ps is in the past (now is ${this.clock} ps)`, {
      hint: 'schedule at or after sim.nowPs, or use sim.after(delayPs, ...)',
    });
  }
}

function refusePriority(priority: number): never {
  throw new QnetError('E_ARG', `event priority ${priority} is not a 32-bit integer`);
}
