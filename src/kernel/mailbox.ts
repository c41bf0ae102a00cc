// A message queue that processes wait on. A message put while processes wait goes to the one that has
// waited longest; otherwise it is kept until someone takes it.
import { Fifo } from './fifo.js';
import type { Resumable } from './process.js';
import type { Simulation } from './simulation.js';

export class Mailbox<T> {
  readonly sim: Simulation;
  readonly name: string;
  private readonly messages = new Fifo<T>();
  private readonly waiters = new Fifo<Resumable>();

  constructor(sim: Simulation, name = 'mailbox') {
    this.sim = sim;
    this.name = name;
  }

  /** Messages waiting to be taken. */
  get size(): number {
    return this.messages.size;
  }

  /** Hands `message` to the longest-waiting process (it resumes at the current time) or keeps it. */
  put(message: T): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resumeWith(message);
    else this.messages.push(message);
  }

  /** Takes the oldest message without waiting; undefined when there is none. */
  take(): T | undefined {
    return this.messages.shift();
  }

  /** @internal Parks a process until a message arrives; the process calls this itself. */
  addWaiter(process: Resumable): void {
    this.waiters.push(process);
  }
}
