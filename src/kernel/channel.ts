// A one-way classical link: each message arrives `delayPs` (plus jitter) after it was sent, at a mailbox
// or a callback. Messages keep their sending order unless `reorder` is set: arrival is then
// max(send + delay + jitter, previous arrival), the way a single in-order link (one fibre, one TCP
// stream) behaves.
import { checkTimePs, MAX_TIME_PS, QnetError, type Rng } from '../util/index.js';
import { Mailbox } from './mailbox.js';
import type { EventHandler, Simulation } from './simulation.js';

export type ChannelReceiver<T> = Mailbox<T> | ((message: T, sim: Simulation) => void);

export interface ChannelOptions<T> {
  /** Names the channel in traces and its random stream (`channel/<name>`). */
  name: string;
  delayPs: number;
  /**
   * Jitter scale in ps (default 0): the standard deviation for `normal` jitter, the half-width for
   * `uniform` jitter. Jittered delays are rounded to whole ps and never negative.
   */
  jitterPs?: number | undefined;
  /** Jitter distribution (default `normal`). */
  jitter?: 'normal' | 'uniform' | undefined;
  /** Name of the jitter stream under `sim.rng` (default `channel/<name>`). */
  jitterRngPath?: string | undefined;
  /** Let a message overtake earlier ones when its jitter is smaller (default false). */
  reorder?: boolean | undefined;
  /** Priority of the delivery events (default 0). */
  priority?: number | undefined;
  to: ChannelReceiver<T>;
}

export class ClassicalChannel<T> {
  readonly sim: Simulation;
  readonly name: string;
  readonly delayPs: number;
  readonly jitterPs: number;
  readonly reorder: boolean;
  private readonly uniformJitter: boolean;
  private readonly priority: number;
  private readonly receiver: ChannelReceiver<T>;
  private readonly rng: Rng | undefined;
  private lastArrivalPs = 0;
  // Messages in flight, addressed by the delivery event's numeric argument.
  private readonly inFlight: (T | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private sentCount = 0;
  private deliveredCount = 0;

  constructor(sim: Simulation, options: ChannelOptions<T>) {
    this.sim = sim;
    this.name = options.name;
    if (typeof this.name !== 'string' || this.name === '') {
      throw new QnetError('E_ARG', 'a classical channel needs a non-empty name');
    }
    this.delayPs = checkTimePs(options.delayPs, `channel ${this.name}: delayPs`);
    this.jitterPs = options.jitterPs ?? 0;
    if (!(this.jitterPs >= 0 && Number.isFinite(this.jitterPs))) {
      throw new QnetError(
        'E_ARG',
        `channel ${this.name}: jitterPs = ${this.jitterPs} is not a finite number >= 0`,
      );
    }
    this.uniformJitter = options.jitter === 'uniform';
    this.reorder = options.reorder ?? false;
    this.priority = options.priority ?? 0;
    this.receiver = options.to;
    // Only a jittered channel takes a stream; taking a child never moves the parent or its siblings.
    this.rng = this.jitterPs > 0 ? sim.rng.child(options.jitterRngPath ?? `channel/${this.name}`) : undefined;
  }

  get sent(): number {
    return this.sentCount;
  }

  get delivered(): number {
    return this.deliveredCount;
  }

  /** Sends `message` now; returns its arrival time. */
  send(message: T): number {
    const nowPs = this.sim.nowPs;
    let delayPs = this.delayPs;
    if (this.rng !== undefined) {
      const jitter = this.uniformJitter
        ? this.rng.uniform(-this.jitterPs, this.jitterPs)
        : this.rng.normal(0, this.jitterPs);
      delayPs = Math.max(0, Math.round(delayPs + jitter));
    }
    let arrivalPs = nowPs + delayPs;
    if (!this.reorder && arrivalPs < this.lastArrivalPs) arrivalPs = this.lastArrivalPs;
    if (arrivalPs > MAX_TIME_PS) checkTimePs(arrivalPs, `channel ${this.name}: arrival time`);
    const slot = this.freeSlots.pop() ?? this.inFlight.length;
    this.inFlight[slot] = message;
    this.sim.schedule(arrivalPs, this.deliver, slot, this.priority);
    this.lastArrivalPs = arrivalPs;
    this.sentCount++;
    if (this.sim.tracing) this.sim.trace('channel/send', { channel: this.name, arrivalPs });
    return arrivalPs;
  }

  private readonly deliver: EventHandler = (sim, slot) => {
    const message = this.inFlight[slot] as T;
    this.inFlight[slot] = undefined;
    this.freeSlots.push(slot);
    this.deliveredCount++;
    if (sim.tracing) sim.trace('channel/deliver', { channel: this.name });
    if (this.receiver instanceof Mailbox) this.receiver.put(message);
    else this.receiver(message, sim);
  };
}
