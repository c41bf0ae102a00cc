// A heralded elementary link driven by the kernel: attempts at the repetition rate, each succeeding
// with the exact probability of heralded-attempt.ts. Failed attempts are not events: the number of
// attempts to the next success is drawn geometrically, so a success costs O(1) events whatever the
// rate. A pair becomes usable when its herald reaches the later of the two ends; until then and while
// it waits for a consumer, both qubits decohere in their memories (held-pair.ts).

import type { CoherenceTimes } from '../hardware/qpu.js';
import type { Simulation } from '../kernel/simulation.js';
import type { BellDiagonal } from '../state/belldiag-state.js';
import { QnetError } from '../util/errors.js';
import type { Rng } from '../util/rng.js';
import { RunningStats } from '../util/stats.js';
import { PS_PER_S } from '../util/units.js';
import { agePair, type HeldPair } from './held-pair.js';
import { type AttemptParams, attemptOutcome, type HeraldedProtocol } from './heralded-attempt.js';

export interface ElementaryLinkParams {
  id: string;
  ends: readonly [string, string];
  protocol: HeraldedProtocol;
  attempt: AttemptParams;
  /** Attempts per second on each communication qubit pair (the QNU repetition rate). */
  attemptRateHz: number;
  /** Herald travel time from the station to each end, ps. */
  heraldDelayPs: readonly [number, number];
  /** Memories at the two ends (undefined: perfect). */
  memory?: readonly [CoherenceTimes | undefined, CoherenceTimes | undefined];
  /** Pairs older than this are discarded, ps (default: kept forever). */
  cutoffPs?: number;
  /** Communication-qubit pairs attempting in parallel (default 1): one stored pair each. */
  multiplexing?: number;
}

export interface LinkPair extends HeldPair {
  id: number;
  /** When the successful attempt happened (photons detected). */
  createdPs: number;
  /** When the herald reached the later end: the pair is usable from then on. */
  heraldedPs: number;
}

export interface LinkStats {
  attempts: number;
  pairs: number;
  discarded: number;
  successProbability: number;
  successProbabilityStdErr: number;
  /** Pairs heralded per simulated second, and its Poisson standard error. */
  rateHz: number;
  rateStdErr: number;
  /** Mean fidelity of the pairs when consumed (or discarded), and its standard error. */
  fidelity: number;
  fidelityStdErr: number;
}

export class ElementaryLink {
  readonly params: ElementaryLinkParams;
  readonly successProbability: number;
  /** The heralded state at the moment of detection. */
  readonly heraldedState: BellDiagonal | undefined;
  private readonly sim: Simulation;
  private readonly rng: Rng;
  private readonly attemptPeriodPs: number;
  private readonly ready: LinkPair[] = [];
  private readonly listeners: ((link: ElementaryLink) => void)[] = [];
  private readonly fidelities = new RunningStats();
  private freeSlots: number;
  private running = false;
  private startedPs = 0;
  private stoppedPs: number | undefined;
  private attempts = 0;
  private pairs = 0;
  private discarded = 0;
  private nextId = 0;

  constructor(sim: Simulation, params: ElementaryLinkParams) {
    if (!(params.attemptRateHz > 0 && Number.isFinite(params.attemptRateHz))) {
      throw new QnetError('E_LINK_PARAM', `link ${params.id}: attemptRateHz must be > 0`, {
        path: ['attemptRateHz'],
      });
    }
    this.sim = sim;
    this.params = params;
    this.rng = sim.rng.child(`link/${params.id}`);
    this.attemptPeriodPs = Math.max(1, Math.round(PS_PER_S / params.attemptRateHz));
    const outcome = attemptOutcome(params.protocol, params.attempt);
    this.successProbability = outcome.successProbability;
    this.heraldedState = outcome.state;
    this.freeSlots = Math.max(1, params.multiplexing ?? 1);
  }

  /** Begins attempting on every free communication-qubit pair. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.startedPs = this.sim.nowPs;
    this.stoppedPs = undefined;
    const slots = this.freeSlots;
    this.freeSlots = 0;
    for (let i = 0; i < slots; i++) this.scheduleNextSuccess();
  }

  stop(): void {
    this.running = false;
    this.stoppedPs = this.sim.nowPs;
  }

  /** Called whenever a new pair becomes usable. */
  onPair(listener: (link: ElementaryLink) => void): void {
    this.listeners.push(listener);
  }

  /** Usable pairs now (after discarding those past the cutoff). */
  get available(): number {
    this.discardExpired();
    return this.ready.length;
  }

  /** Takes the oldest usable pair, aged to now, freeing its memories for new attempts. */
  take(): LinkPair | undefined {
    this.discardExpired();
    const pair = this.ready.shift();
    if (!pair) return undefined;
    const [a, b] = this.params.memory ?? [undefined, undefined];
    const aged = agePair(pair, this.sim.nowPs, (node) => (node === pair.ends[0] ? a : b));
    this.fidelities.add(aged.state[0]);
    this.release();
    return { ...pair, state: aged.state, statePs: aged.statePs };
  }

  stats(): LinkStats {
    const p = this.attempts > 0 ? this.pairs / this.attempts : 0;
    const elapsedS = ((this.stoppedPs ?? this.sim.nowPs) - this.startedPs) / PS_PER_S;
    const rate = elapsedS > 0 ? this.pairs / elapsedS : 0;
    return {
      attempts: this.attempts,
      pairs: this.pairs,
      discarded: this.discarded,
      successProbability: p,
      successProbabilityStdErr: this.attempts > 0 ? Math.sqrt((p * (1 - p)) / this.attempts) : 0,
      rateHz: rate,
      rateStdErr: elapsedS > 0 ? Math.sqrt(this.pairs) / elapsedS : 0,
      fidelity: this.fidelities.count > 0 ? this.fidelities.mean : Number.NaN,
      fidelityStdErr: this.fidelities.count > 1 ? this.fidelities.stdErr : 0,
    };
  }

  private scheduleNextSuccess(): void {
    if (!this.running || this.successProbability <= 0) return;
    // Attempts until the first success, inclusive: 1 + failures (geometric).
    const k = 1 + this.rng.geometric(this.successProbability);
    this.attempts += k;
    this.sim.after(k * this.attemptPeriodPs, this.onSuccess);
  }

  private readonly onSuccess = (sim: Simulation): void => {
    if (!this.running) return;
    this.pairs++;
    const createdPs = sim.nowPs;
    const [dA, dB] = this.params.heraldDelayPs;
    const pair: LinkPair = {
      id: this.nextId++,
      ends: this.params.ends,
      createdPs,
      heraldedPs: createdPs + Math.max(dA, dB),
      state: this.heraldedState!,
      statePs: createdPs,
    };
    sim.schedule(pair.heraldedPs, () => {
      this.ready.push(pair);
      for (const listener of this.listeners) listener(this);
    });
  };

  private release(): void {
    if (this.running) this.scheduleNextSuccess();
    else this.freeSlots++;
  }

  private discardExpired(): void {
    const cutoff = this.params.cutoffPs;
    if (cutoff === undefined) return;
    while (this.ready.length > 0 && this.sim.nowPs - this.ready[0]!.createdPs > cutoff) {
      this.ready.shift();
      this.discarded++;
      this.release();
    }
  }
}
