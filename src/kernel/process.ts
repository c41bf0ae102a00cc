// Processes are generator functions driven by the kernel. A process yields a Wait (sleep, receive,
// join) and the kernel resumes it from an ordinary event, so a process's every step happens inside
// `run`, in event order, and two runs with one seed interleave processes identically.
//
// Async functions are refused: an `await` resumes from the microtask queue, after the synchronous
// `run` has moved on, so their steps would race the event loop instead of following event order.
import { QnetError } from '../util/index.js';
import type { Mailbox } from './mailbox.js';
import type { EventHandler, Simulation } from './simulation.js';

/**
 * Something a process waits for. `yield wait` resumes with an untyped value; `yield* wait` resumes
 * with the typed one (`const msg = yield* ctx.receive(mailbox)`).
 */
export abstract class Wait<T> {
  *[Symbol.iterator](): Generator<Wait<unknown>, T, unknown> {
    return (yield this) as T;
  }
}

export class Sleep extends Wait<void> {
  constructor(readonly untilPs: number) {
    super();
  }
}

export class Receive<T> extends Wait<T> {
  constructor(readonly mailbox: Mailbox<T>) {
    super();
  }
}

export class Join<T> extends Wait<T> {
  constructor(readonly process: Process<T>) {
    super();
  }
}

export type ProcessBody<T> = (ctx: ProcessContext) => Generator<Wait<unknown>, T, unknown>;

export interface SpawnOptions {
  /** For traces and errors; default `process/<n>`. */
  name?: string | undefined;
}

export type ProcessState = 'ready' | 'waiting' | 'done' | 'failed';

/** @internal What mailboxes and joined processes hold on to: something to wake with a value. */
export interface Resumable {
  resumeWith(value: unknown): void;
}

/** What a process body receives: the simulation and the ways to wait. */
export class ProcessContext {
  constructor(
    readonly sim: Simulation,
    readonly name: string,
  ) {}

  get nowPs(): number {
    return this.sim.nowPs;
  }

  /** Waits `delayPs` picoseconds. */
  sleep(delayPs: number): Sleep {
    return new Sleep(this.sim.nowPs + checkDelay(delayPs));
  }

  /** Waits until the absolute time `atPs`. */
  sleepUntil(atPs: number): Sleep {
    return new Sleep(atPs);
  }

  /** Waits for the next message in `mailbox`; resumes with it. */
  receive<T>(mailbox: Mailbox<T>): Receive<T> {
    return new Receive(mailbox);
  }

  /** Waits until `process` finishes; resumes with its return value. */
  join<T>(process: Process<T>): Join<T> {
    return new Join(process);
  }
}

function checkDelay(delayPs: number): number {
  if (!(delayPs >= 0 && Number.isSafeInteger(delayPs))) {
    throw new QnetError('E_TIME', `sleep delayPs = ${delayPs} is not a non-negative whole number of ps`);
  }
  return delayPs;
}

export class Process<T = unknown> implements Resumable {
  readonly sim: Simulation;
  readonly name: string;
  private stateValue: ProcessState = 'ready';
  private resultValue: T | undefined = undefined;
  private errorValue: unknown = undefined;
  private readonly generator: Generator<Wait<unknown>, T, unknown>;
  private resumeValue: unknown = undefined;
  private readonly joiners: Resumable[] = [];
  private readonly doneCallbacks: ((process: Process<T>) => void)[] = [];
  // Created once per process, so resuming allocates no closure.
  private readonly wake: EventHandler = () => this.step();

  constructor(sim: Simulation, body: ProcessBody<T>, name: string) {
    this.sim = sim;
    this.name = name;
    const kind = body.constructor.name;
    if (kind === 'AsyncFunction' || kind === 'AsyncGeneratorFunction') refuseBody(name, 'an async function');
    const generator = body(new ProcessContext(sim, name));
    if (typeof generator?.next !== 'function') refuseBody(name, 'a function that returned no generator');
    this.generator = generator;
    sim.schedule(sim.nowPs, this.wake);
  }

  get state(): ProcessState {
    return this.stateValue;
  }

  /** True once the body has returned or thrown. */
  get done(): boolean {
    return this.stateValue === 'done' || this.stateValue === 'failed';
  }

  /** The body's return value, once done. */
  get result(): T | undefined {
    return this.resultValue;
  }

  /** What the body threw, if it failed. */
  get error(): unknown {
    return this.errorValue;
  }

  /** Calls `callback` when the body returns (at once if it already has). */
  onDone(callback: (process: Process<T>) => void): void {
    if (this.stateValue === 'done') callback(this);
    else this.doneCallbacks.push(callback);
  }

  /** @internal Resumes the process with `value` at the current time. */
  resumeWith(value: unknown): void {
    this.resumeValue = value;
    this.sim.schedule(this.sim.nowPs, this.wake);
  }

  private step(): void {
    let value = this.resumeValue;
    this.resumeValue = undefined;
    this.stateValue = 'ready';
    for (;;) {
      let next: IteratorResult<Wait<unknown>, T>;
      try {
        next = this.generator.next(value);
      } catch (error) {
        // The error leaves `run` too: a failing process is a bug to see, not to hide.
        this.stateValue = 'failed';
        this.errorValue = error;
        throw error;
      }
      if (next.done) {
        this.finish(next.value);
        return;
      }
      const wait = next.value;
      if (wait instanceof Sleep) {
        this.stateValue = 'waiting';
        this.sim.schedule(wait.untilPs, this.wake);
        return;
      }
      if (wait instanceof Receive) {
        const mailbox = wait.mailbox as Mailbox<unknown>;
        if (mailbox.size > 0) {
          value = mailbox.take();
          continue;
        }
        this.stateValue = 'waiting';
        mailbox.addWaiter(this);
        return;
      }
      if (wait instanceof Join) {
        const other = wait.process as Process<unknown>;
        if (other.done) {
          value = other.result;
          continue;
        }
        this.stateValue = 'waiting';
        other.joiners.push(this);
        return;
      }
      throw new QnetError('E_PROCESS', `process ${this.name} yielded ${String(wait)}, which is not a Wait`, {
        hint: 'yield ctx.sleep(ps), ctx.receive(mailbox) or ctx.join(process)',
      });
    }
  }

  private finish(result: T): void {
    this.stateValue = 'done';
    this.resultValue = result;
    if (this.sim.tracing) this.sim.trace('process/done', { name: this.name });
    for (const joiner of this.joiners) joiner.resumeWith(result);
    this.joiners.length = 0;
    for (const callback of this.doneCallbacks) callback(this);
    this.doneCallbacks.length = 0;
  }
}

function refuseBody(name: string, what: string): never {
  throw new QnetError('E_PROCESS', `process ${name}: the body is ${what}, not a generator function`, {
    hint: 'write the body as function* (ctx) { yield* ctx.sleep(ps); ... } (async functions are not supported)',
  });
}
