// Sharing one link (or any pair source) among requests: each time a pair is ready, the scheduler
// says which request gets it. Sans-IO: the caller passes the time and performs the delivery, so the
// same core runs under the kernel or a real control plane.
//
// DEMAND. A `pairs` request wants all its pairs from submission. A `rateHz` request is a periodic
// stream: pair k is released at submission + k/rate and due one period later; a stream behind its
// schedule catches up. A request only takes pairs at or above its minFidelity.
// POLICIES. 'fifo': earliest release first. 'edf': earliest due time first (a `pairs` request is due
// at its deadline, none = never). 'weighted-fair': deficit round robin (Shreedhar & Varghese,
// IEEE/ACM Trans. Netw. 4, 375, 1996) with quanta proportional to priority, so backlogged requests
// share pairs in proportion to weight. Ties fall to the earlier submission.
import { QnetError } from '../util/errors.js';
import { quantile, RunningStats } from '../util/stats.js';
import { PS_PER_S, psToUs } from '../util/units.js';
import { type EntanglementRequest, validateRequest } from './requests.js';

export type SchedulingPolicy = 'fifo' | 'edf' | 'weighted-fair';

export interface SchedulerOptions {
  policy: SchedulingPolicy;
  /**
   * Stop serving a `pairs` request once its deadline has passed (default true). Under overload,
   * pairs spent on a request that has already failed only make more requests fail.
   */
  dropExpired?: boolean;
  /**
   * Shortest time between two pairs on the link, ps. When given (and dropExpired holds), a `pairs`
   * request is dropped as soon as it could not finish by its deadline even if it got every pair:
   * under heavy overload this keeps EDF from spending pairs on requests that are already lost.
   */
  minPairIntervalPs?: number;
}

export type RequestStatus = 'active' | 'completed' | 'expired' | 'ended' | 'cancelled';

export interface Delivery {
  requestId: string;
  /** Which of the request's pairs this is, from 0. */
  index: number;
  /** From the pair's release (submission, for a `pairs` request) to now, ps. */
  latencyPs: number;
  /** True when this pair completes a `pairs` request. */
  completed: boolean;
}

export interface RequestMetrics {
  id: string;
  status: RequestStatus;
  pairsDelivered: number;
  latencyUs: { p50: number; p99: number; mean: number };
  fidelity: { mean: number; min: number };
  /**
   * 'pending' while it can still go either way. A stream misses when any pair was delivered after
   * its due time or is overdue and undelivered; it meets only once it has ended.
   */
  deadline: 'met' | 'missed' | 'pending' | 'none';
  /** Stream pairs delivered after their due time, plus those overdue and undelivered. */
  latePairs: number;
}

interface Entry {
  request: EntanglementRequest;
  seq: number;
  submittedPs: number;
  weight: number;
  status: RequestStatus;
  delivered: number;
  deficit: number;
  doneAtPs: number;
  latePairs: number;
  latencies: number[];
  fidelities: RunningStats;
}

export class LinkScheduler {
  readonly policy: SchedulingPolicy;
  private readonly dropExpired: boolean;
  private readonly minPairIntervalPs: number;
  private readonly entries = new Map<string, Entry>();
  /** Active entries in submission order: the round-robin ring. */
  private ring: Entry[] = [];
  private turn: Entry | undefined;
  private turnIndex = 0;
  private seq = 0;
  private lastPs = 0;

  constructor(options: SchedulerOptions) {
    this.policy = options.policy;
    this.dropExpired = options.dropExpired ?? true;
    this.minPairIntervalPs = options.minPairIntervalPs ?? 0;
  }

  /** Requests still waiting for pairs. */
  get activeCount(): number {
    return this.ring.length;
  }

  submit(request: EntanglementRequest, nowPs: number): void {
    this.advance(nowPs);
    const req = validateRequest(request);
    if (this.entries.has(req.id)) {
      throw new QnetError('E_REQUEST', `a request with id '${req.id}' was already submitted`, {
        path: ['id'],
      });
    }
    const entry: Entry = {
      request: req,
      seq: this.seq++,
      submittedPs: nowPs,
      weight: req.priority ?? 1,
      status: 'active',
      delivered: 0,
      deficit: 0,
      doneAtPs: Number.NaN,
      latePairs: 0,
      latencies: [],
      fidelities: new RunningStats(),
    };
    this.entries.set(req.id, entry);
    this.ring.push(entry);
  }

  cancel(id: string, nowPs: number): void {
    this.advance(nowPs);
    const e = this.entry(id);
    if (e.status === 'active') this.retire(e, 'cancelled', nowPs);
  }

  /**
   * A pair of `fidelity` is ready now: the request that gets it, or undefined when no active request
   * wants it (the caller keeps or discards the pair).
   */
  offer(fidelity: number, nowPs: number): Delivery | undefined {
    this.advance(nowPs);
    const eligible = this.ring.filter((e) => this.wants(e, nowPs) && e.request.minFidelity <= fidelity);
    if (eligible.length === 0) return undefined;
    const e =
      this.policy === 'weighted-fair' ? this.roundRobin(new Set(eligible), nowPs) : this.byKey(eligible);
    const index = e.delivered++;
    const latencyPs = nowPs - this.releasePs(e, index);
    e.latencies.push(latencyPs);
    e.fidelities.add(fidelity);
    if (e.request.rateHz !== undefined && nowPs > this.releasePs(e, index + 1)) e.latePairs++;
    const completed = e.request.pairs !== undefined && e.delivered === e.request.pairs;
    if (completed) this.retire(e, 'completed', nowPs);
    return { requestId: e.request.id, index, latencyPs, completed };
  }

  /** When the earliest stream not yet wanting a pair will want one (undefined: none waiting). */
  nextReleasePs(nowPs: number): number | undefined {
    let next: number | undefined;
    for (const e of this.ring) {
      if (this.wants(e, nowPs)) continue;
      const t = this.releasePs(e, e.delivered);
      if (next === undefined || t < next) next = t;
    }
    return next;
  }

  metrics(id: string, nowPs: number): RequestMetrics {
    this.advance(nowPs);
    const e = this.entry(id);
    const r = e.request;
    const sorted = Float64Array.from(e.latencies).sort();
    let late = e.latePairs;
    let deadline: RequestMetrics['deadline'] = 'none';
    if (r.rateHz !== undefined) {
      // Overdue and undelivered: pair k is due at (k + 1)/rate, so ⌈elapsed·rate⌉ − 1 are due strictly before now
      // (or the stream's end); those beyond the delivered ones are missing.
      const until = e.status === 'active' ? nowPs : e.doneAtPs;
      const overdue = Math.max(0, Math.ceil(((until - e.submittedPs) * r.rateHz) / PS_PER_S) - 1);
      late += Math.max(0, overdue - e.delivered);
      deadline = late > 0 ? 'missed' : e.status === 'active' ? 'pending' : 'met';
    } else if (r.deadlinePs !== undefined) {
      const by = e.submittedPs + r.deadlinePs;
      if (e.status === 'completed') deadline = e.doneAtPs <= by ? 'met' : 'missed';
      else deadline = nowPs > by || e.status !== 'active' ? 'missed' : 'pending';
    }
    return {
      id,
      status: e.status,
      pairsDelivered: e.delivered,
      latencyUs: {
        p50: psToUs(quantile(sorted, 0.5)),
        p99: psToUs(quantile(sorted, 0.99)),
        mean: psToUs(sorted.reduce((s, x) => s + x, 0) / sorted.length),
      },
      fidelity: { mean: e.fidelities.mean, min: e.fidelities.count > 0 ? e.fidelities.min : Number.NaN },
      deadline,
      latePairs: late,
    };
  }

  /** Metrics of every request ever submitted, in submission order. */
  allMetrics(nowPs: number): RequestMetrics[] {
    return [...this.entries.keys()].map((id) => this.metrics(id, nowPs));
  }

  private entry(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new QnetError('E_REQUEST', `no request with id '${id}'`, { path: ['id'] });
    return e;
  }

  /** Moves the clock to `nowPs`, retiring expired requests and ended streams. */
  private advance(nowPs: number): void {
    if (!(nowPs >= this.lastPs))
      throw new Error(`scheduler time went back from ${this.lastPs} to ${nowPs} ps`);
    this.lastPs = nowPs;
    for (const e of [...this.ring]) {
      const d = e.request.deadlinePs;
      if (d === undefined) continue;
      const by = e.submittedPs + d;
      if (e.request.rateHz !== undefined) {
        if (nowPs > by) this.retire(e, 'ended', by);
        continue;
      }
      // The remaining pairs could come at now, now + interval, ...: the last must be in time.
      const lastPs = nowPs + (e.request.pairs! - e.delivered - 1) * this.minPairIntervalPs;
      if (this.dropExpired && lastPs > by) this.retire(e, 'expired', Math.min(nowPs, by));
    }
  }

  private retire(e: Entry, status: RequestStatus, atPs: number): void {
    e.status = status;
    e.doneAtPs = atPs;
    const i = this.ring.indexOf(e);
    this.ring.splice(i, 1);
    if (this.turn === e) {
      this.turn = undefined;
      this.turnIndex = i;
    } else if (this.turn === undefined && i < this.turnIndex) {
      this.turnIndex--;
    }
  }

  /** Release time of pair `k` (0-based) of the request. */
  private releasePs(e: Entry, k: number): number {
    const rate = e.request.rateHz;
    return rate === undefined ? e.submittedPs : e.submittedPs + Math.round((k * PS_PER_S) / rate);
  }

  private wants(e: Entry, nowPs: number): boolean {
    return e.request.rateHz === undefined || this.releasePs(e, e.delivered) <= nowPs;
  }

  private dueKey(e: Entry): number {
    if (e.request.rateHz !== undefined) return this.releasePs(e, e.delivered + 1);
    const d = e.request.deadlinePs;
    return d === undefined ? Number.POSITIVE_INFINITY : e.submittedPs + d;
  }

  private byKey(eligible: Entry[]): Entry {
    const key =
      this.policy === 'edf' ? (e: Entry) => this.dueKey(e) : (e: Entry) => this.releasePs(e, e.delivered);
    let best = eligible[0]!;
    for (const e of eligible) {
      const k = key(e);
      const b = key(best);
      if (k < b || (k === b && e.seq < best.seq)) best = e;
    }
    return best;
  }

  private roundRobin(eligible: Set<Entry>, nowPs: number): Entry {
    // Quanta are weights over the smallest active weight, so each full cycle serves someone eligible.
    // A served request ends its turn below 1, so the cap of quantum + 1 only stops a request that
    // keeps refusing pairs (too low a fidelity) from banking credit and later starving the others.
    const minWeight = Math.min(...this.ring.map((e) => e.weight));
    const startTurn = (e: Entry) => {
      this.turn = e;
      const quantum = e.weight / minWeight;
      e.deficit = Math.min(e.deficit + quantum, quantum + 1);
    };
    if (this.turn === undefined) startTurn(this.ring[this.turnIndex % this.ring.length]!);
    let i = this.ring.indexOf(this.turn!);
    for (let step = 0; step <= 2 * this.ring.length + 1; step++) {
      const e = this.ring[i]!;
      if (eligible.has(e) && e.deficit >= 1) {
        e.deficit -= 1;
        return e;
      }
      // A stream with nothing released has an empty queue, and DRR does not let empty queues save credit.
      if (!this.wants(e, nowPs)) e.deficit = 0;
      i = (i + 1) % this.ring.length;
      startTurn(this.ring[i]!);
    }
    throw new Error('deficit round robin found no eligible request');
  }
}
