// An entanglement link between two nodes driven by the kernel. Attempts sit on the station's tick
// grid (link-params.ts). A pair of communication qubits (a slot) attempting every `cycleTicks` ticks
// is a "phase" of the grid (tick mod cycleTicks); each phase carries at most one slot, so each tick
// carries at most one attempt. Failed attempts are not events: the number of failures before the next
// success is drawn geometrically from the link's stream (`link/<id>`), and the success alone is
// scheduled, so a pair costs O(1) events whatever the success probability. On success the slot
// holds the pair, the heralds travel to both ends over classical channels, each end's LinkEndpoint
// (sans-IO) accepts it and starts its cutoff timer, and the pair is usable once both ends know it.
// A slot is freed when the consumer takes its pair or both ends discard it at the cutoff; a free slot
// joins the earliest tick of a phase no slot is using, no sooner than its memories can be ready.

import type { FieldPath } from '../hardware/params.js';
import { ClassicalChannel } from '../kernel/channel.js';
import type { EventId } from '../kernel/event-queue.js';
import type { Simulation } from '../kernel/simulation.js';
import { fidelityOf } from '../state/belldiag-state.js';
import type { Rng } from '../util/rng.js';
import { proportionStdErr, RunningStats } from '../util/stats.js';
import { MAX_TIME_PS, PS_PER_S } from '../util/units.js';
import { type HeraldMessage, LinkEndpoint, type LinkEndpointAction } from './link-endpoint.js';
import { type EntangledPair, pairStateAt } from './link-pair.js';
import { type EntanglementLinkParams, type LinkModel, resolveLinkModel } from './link-params.js';

/** Which available pair `take` hands out: the freshest (best fidelity) or the one waiting longest. */
export type TakeOrder = 'newest' | 'oldest';

export interface EntanglementLinkStats {
  /** Attempts made so far (all slots). */
  readonly attempts: number;
  /** Successful attempts (pairs created, heralds on their way). */
  readonly successes: number;
  /** Pairs that became usable at both ends. */
  readonly pairs: number;
  readonly taken: number;
  /** Pairs discarded at the cutoff. */
  readonly discarded: number;
  /** Usable pairs waiting for a consumer now. */
  readonly available: number;
  /** Time spent attempting (between start and stop), ps. */
  readonly elapsedPs: number;
  /** successes / attempts, its binomial standard error, and the exact per-attempt probability. */
  readonly successProbability: number;
  readonly successProbabilityStdErr: number;
  readonly expectedSuccessProbability: number;
  /** Usable pairs per simulated second; standard error √pairs / time (Poisson count). */
  readonly rateHz: number;
  readonly rateStdErr: number;
  /** The rate with every pair taken at once (LinkModel.maxRateHz). */
  readonly expectedMaxRateHz: number;
  /**
   * Mean fidelity of the usable pairs when both ends know them, and the standard error of that mean
   * from the spread of the pairs' exact fidelities (0 when every pair waited alike).
   */
  readonly fidelity: number;
  readonly fidelityStdErr: number;
  /**
   * The standard error an experiment measuring each pair once in the Bell basis (after a twirl:
   * a Bernoulli trial of probability F) would have: √(F(1−F)/pairs).
   */
  readonly fidelityMeasurementStdErr: number;
  /** Mean fidelity of the pairs when taken, and its standard error. */
  readonly takenFidelity: number;
  readonly takenFidelityStdErr: number;
}

interface Run {
  slot: number;
  startTick: number;
  failures: number;
  event: EventId | undefined;
}

interface PairRecord {
  pair: EntangledPair;
  /** Bit e set: end e has the herald / has freed its qubit. */
  ready: number;
  freed: number;
  timers: (EventId | undefined)[];
}

export class EntanglementLink {
  readonly id: string;
  readonly params: EntanglementLinkParams;
  readonly model: LinkModel;
  private readonly sim: Simulation;
  private readonly rng: Rng;
  private readonly endpoints: readonly [LinkEndpoint, LinkEndpoint];
  private readonly heraldChannels: readonly [
    ClassicalChannel<HeraldMessage>,
    ClassicalChannel<HeraldMessage>,
  ];
  private readonly runs = new Map<number, Run>();
  private readonly freeQueue: number[] = [];
  private readonly records = new Map<number, PairRecord>();
  private readonly availableIds: number[] = [];
  private readonly pairListeners: ((pair: EntangledPair, link: EntanglementLink) => void)[] = [];
  private readonly discardListeners: ((pair: EntangledPair, link: EntanglementLink) => void)[] = [];
  private readonly heraldFidelity = new RunningStats();
  private readonly takenFidelity = new RunningStats();
  private running = false;
  private originPs = 0;
  private activeSincePs = 0;
  private activePs = 0;
  private attemptsDone = 0;
  private successes = 0;
  private delivered = 0;
  private taken = 0;
  private discarded = 0;
  private nextPairId = 0;

  constructor(sim: Simulation, params: EntanglementLinkParams, path: FieldPath = []) {
    this.sim = sim;
    this.params = params;
    this.model = resolveLinkModel(params, path);
    this.id = params.id;
    this.rng = sim.rng.child(`link/${params.id}`);
    const [a, b] = this.model.nodes;
    this.endpoints = [new LinkEndpoint(a, this.id), new LinkEndpoint(b, this.id)];
    const channel = (end: 0 | 1) =>
      new ClassicalChannel<HeraldMessage>(sim, {
        name: `link/${this.id}/herald>${this.model.nodes[end]}`,
        delayPs: this.model.readyOffsetPs[end],
        to: (message) => this.perform(end, this.endpoints[end].onHerald(message, this.sim.nowPs)),
      });
    this.heraldChannels = [channel(0), channel(1)];
    for (let s = 0; s < this.model.slots; s++) this.freeQueue.push(s);
  }

  /** Starts attempting on every free slot, on a tick grid that begins now. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.originPs = this.sim.nowPs;
    this.activeSincePs = this.sim.nowPs;
    const free = this.freeQueue.splice(0);
    for (const slot of free) this.freeSlot(slot);
  }

  /** Stops attempting; pairs already heralded still arrive, and can be taken until their cutoff. */
  stop(): void {
    if (!this.running) return;
    const now = this.sim.nowPs;
    for (const run of this.runs.values()) {
      if (run.event !== undefined) this.sim.cancel(run.event);
      this.attemptsDone += this.attemptsOf(run, now);
      this.freeQueue.push(run.slot);
    }
    this.runs.clear();
    this.activePs += now - this.activeSincePs;
    this.running = false;
  }

  /** Calls `listener` whenever a pair becomes usable at both ends; returns an unsubscribe function. */
  onPair(listener: (pair: EntangledPair, link: EntanglementLink) => void): () => void {
    this.pairListeners.push(listener);
    return () => this.pairListeners.splice(this.pairListeners.indexOf(listener) >>> 0, 1);
  }

  /** Calls `listener` when an available pair is discarded at its cutoff. */
  onDiscard(listener: (pair: EntangledPair, link: EntanglementLink) => void): () => void {
    this.discardListeners.push(listener);
    return () => this.discardListeners.splice(this.discardListeners.indexOf(listener) >>> 0, 1);
  }

  /** Usable pairs waiting for a consumer. */
  get available(): number {
    return this.availableIds.length;
  }

  /** The pair `take(order)` would return, with its state at now, without taking it. */
  peek(order: TakeOrder = 'newest'): EntangledPair | undefined {
    const id = order === 'newest' ? this.availableIds.at(-1) : this.availableIds[0];
    return id === undefined ? undefined : this.atNow(this.records.get(id)!.pair);
  }

  /**
   * Hands a usable pair to the consumer, its state brought to now, and frees its communication
   * qubits for new attempts (the consumer moved or measured the qubits).
   */
  take(order: TakeOrder = 'newest'): EntangledPair | undefined {
    const id = order === 'newest' ? this.availableIds.pop() : this.availableIds.shift();
    if (id === undefined) return undefined;
    const record = this.records.get(id)!;
    const pair = this.atNow(record.pair);
    this.taken++;
    this.takenFidelity.add(fidelityOf(pair.state));
    for (const end of [0, 1] as const) {
      const timer = record.timers[end];
      if (timer !== undefined) this.sim.cancel(timer);
      this.perform(end, this.endpoints[end].release(id));
    }
    return pair;
  }

  /** The state of `pair` (one of this link's) at `tPs`. */
  stateAt(pair: Pick<EntangledPair, 'heraldState' | 'storedSincePs'>, tPs: number) {
    return pairStateAt(pair, this.model.memories, tPs);
  }

  stats(): EntanglementLinkStats {
    const now = this.sim.nowPs;
    let attempts = this.attemptsDone;
    for (const run of this.runs.values()) attempts += this.attemptsOf(run, now);
    const elapsedPs = this.activePs + (this.running ? now - this.activeSincePs : 0);
    const seconds = elapsedPs / PS_PER_S;
    const f = this.heraldFidelity;
    const t = this.takenFidelity;
    const mean = (s: RunningStats) => (s.count > 0 ? s.mean : Number.NaN);
    const se = (s: RunningStats) => (s.count > 1 ? s.stdErr : Number.NaN);
    const fMean = mean(f);
    return {
      attempts,
      successes: this.successes,
      pairs: this.delivered,
      taken: this.taken,
      discarded: this.discarded,
      available: this.availableIds.length,
      elapsedPs,
      successProbability: attempts > 0 ? this.successes / attempts : Number.NaN,
      successProbabilityStdErr: proportionStdErr(this.successes, attempts),
      expectedSuccessProbability: this.model.outcome.successProbability,
      rateHz: seconds > 0 ? this.delivered / seconds : Number.NaN,
      rateStdErr: seconds > 0 ? Math.sqrt(this.delivered) / seconds : Number.NaN,
      expectedMaxRateHz: this.model.maxRateHz,
      fidelity: fMean,
      fidelityStdErr: se(f),
      fidelityMeasurementStdErr: f.count > 0 ? Math.sqrt((fMean * (1 - fMean)) / f.count) : Number.NaN,
      takenFidelity: mean(t),
      takenFidelityStdErr: se(t),
    };
  }

  // --- attempts ------------------------------------------------------------------------------------

  private tickPs(tick: number): number {
    return this.originPs + tick * this.model.attemptPeriodPs;
  }

  /** Attempts `run` has made by `nowPs` (its ticks at or before now, up to and including its success). */
  private attemptsOf(run: Run, nowPs: number): number {
    const start = this.tickPs(run.startTick);
    if (start > nowPs) return 0;
    const made = Math.floor((nowPs - start) / (this.model.cycleTicks * this.model.attemptPeriodPs)) + 1;
    return Math.min(run.failures + 1, made);
  }

  /** A slot free at both ends: attempt on the earliest tick of an unused phase it can make. */
  private freeSlot(slot: number): void {
    const c = this.model.cycleTicks;
    if (!this.running || this.runs.size >= c) {
      this.freeQueue.push(slot);
      return;
    }
    const T = this.model.attemptPeriodPs;
    let tick = Math.max(0, Math.ceil((this.sim.nowPs + this.model.leadPs - this.originPs) / T));
    while (this.runs.has(tick % c)) tick++;
    this.startRun(tick % c, slot, tick);
  }

  private startRun(phase: number, slot: number, startTick: number): void {
    const failures = this.rng.geometric(this.model.outcome.successProbability);
    const run: Run = { slot, startTick, failures, event: undefined };
    const successPs = this.tickPs(startTick + failures * this.model.cycleTicks);
    // Beyond 2^53 ps (or never, p = 0) the success simply does not happen in this simulation.
    if (successPs <= MAX_TIME_PS) run.event = this.sim.schedule(successPs, this.onSuccess, phase);
    this.runs.set(phase, run);
  }

  private readonly onSuccess = (sim: Simulation, phase: number): void => {
    const run = this.runs.get(phase)!;
    this.runs.delete(phase);
    this.attemptsDone += run.failures + 1;
    this.successes++;
    const m = this.model;
    const createdPs = sim.nowPs;
    const id = this.nextPairId++;
    const storedSincePs = [createdPs + m.storedOffsetPs[0], createdPs + m.storedOffsetPs[1]] as const;
    const readyPs = [createdPs + m.readyOffsetPs[0], createdPs + m.readyOffsetPs[1]] as const;
    const deadlinePs = Math.min(...storedSincePs) + m.cutoffPs;
    const heraldedPs = Math.max(...readyPs);
    const pair: EntangledPair = {
      id,
      link: this.id,
      ends: m.nodes,
      slot: run.slot,
      createdPs,
      storedSincePs,
      readyPs,
      heraldedPs,
      deadlinePs,
      heraldState: m.outcome.state,
      state: m.outcome.state,
      statePs: createdPs,
    };
    this.records.set(id, { pair, ready: 0, freed: 0, timers: [undefined, undefined] });
    const message: HeraldMessage =
      deadlinePs === Number.POSITIVE_INFINITY
        ? { type: 'herald', link: this.id, pairId: id, slot: run.slot, createdPs }
        : { type: 'herald', link: this.id, pairId: id, slot: run.slot, createdPs, deadlinePs };
    this.heraldChannels[0].send(message);
    this.heraldChannels[1].send(message);
    // The phase's next tick goes to a waiting slot, if any (the ends know this slot is taken by then).
    const next = this.freeQueue.shift();
    if (next !== undefined) this.startRun(phase, next, run.startTick + (run.failures + 1) * m.cycleTicks);
  };

  // --- pairs ---------------------------------------------------------------------------------------

  private atNow(pair: EntangledPair): EntangledPair {
    const now = this.sim.nowPs;
    return { ...pair, state: this.stateAt(pair, now), statePs: now };
  }

  private perform(end: 0 | 1, actions: LinkEndpointAction[]): void {
    for (const action of actions) {
      const record = this.records.get(action.kind === 'timer' ? action.token : action.pairId);
      // A listener may take the pair while 'ready' is handled; its later actions then have no record.
      if (!record) continue;
      switch (action.kind) {
        case 'timer':
          record.timers[end] = this.sim.after(action.delayPs, this.fireTimer, action.token * 2 + end);
          break;
        case 'ready':
          record.ready |= 1 << end;
          if (record.ready === 3) this.deliver(record);
          break;
        case 'expired':
        case 'released':
          record.timers[end] = undefined;
          if (action.kind === 'expired') this.discard(record);
          record.freed |= 1 << end;
          if (record.freed === 3) {
            this.records.delete(record.pair.id);
            this.freeSlot(record.pair.slot);
          }
          break;
      }
    }
  }

  private readonly fireTimer = (sim: Simulation, arg: number): void => {
    const end = (arg & 1) as 0 | 1;
    this.perform(end, this.endpoints[end].onTimer((arg - end) / 2, sim.nowPs));
  };

  private deliver(record: PairRecord): void {
    const p = record.pair;
    const pair: EntangledPair = { ...p, state: this.stateAt(p, p.heraldedPs), statePs: p.heraldedPs };
    record.pair = pair;
    this.delivered++;
    this.heraldFidelity.add(fidelityOf(pair.state));
    this.availableIds.push(pair.id);
    if (this.sim.tracing)
      this.sim.trace('link/pair', { link: this.id, pair: pair.id, fidelity: pair.state[0] });
    for (const listener of [...this.pairListeners]) listener(pair, this);
  }

  /** First end to expire the pair: it stops being available. */
  private discard(record: PairRecord): void {
    const i = this.availableIds.indexOf(record.pair.id);
    if (i < 0) return;
    this.availableIds.splice(i, 1);
    this.discarded++;
    if (this.sim.tracing) this.sim.trace('link/discard', { link: this.id, pair: record.pair.id });
    const pair = this.atNow(record.pair);
    for (const listener of [...this.discardListeners]) listener(pair, this);
  }
}
