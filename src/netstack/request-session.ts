// One request's life in the network once it is admitted: pairs arrive hop by hop from the links'
// schedulers; the first pair of each hop goes into the end-to-end pair being built (path-assembly.ts,
// swapping as soon as neighbours meet), later ones wait in that hop's queue for the next. A formed
// pair is delivered once its ends know every swap outcome, aged in their memories until then. Pairs
// dropped at their cutoff are asked for again, so a request never waits for a pair already lost.
//
// LATENCY of a delivered pair follows the LinkScheduler: from submission for a `pairs` request (all
// its pairs are wanted at once), from the pair's release k/rate for a stream. A stream's pair k is
// due one period after its release; later ones count as late.
import type { Simulation } from '../kernel/simulation.js';
import { quantileSorted, RunningStats } from '../util/stats.js';
import { PS_PER_S, psToUs } from '../util/units.js';
import { agePair, type MemoryOf } from './held-pair.js';
import type { SuppliedPair } from './pair-supply.js';
import { type AssemblyContext, PathAssembly, type Segment } from './path-assembly.js';
import type { NetworkRequestStatus, RequestResult } from './request-result.js';
import type { EntanglementRequest } from './requests.js';

/** A request and when it reaches the network. */
export interface NetworkRequest extends EntanglementRequest {
  readonly submitPs: number;
}

/** What a session needs from the network simulation that runs it. */
export interface SessionHost {
  readonly sim: Simulation;
  readonly memoryOf: MemoryOf;
  readonly assembly: AssemblyContext;
  /** Asks `hop`'s link for `count` more pairs (after losses). */
  reRequest(session: RequestSession, hop: number, count: number): void;
  /** The session wants no more pairs: withdraw what it still asks of the links. */
  finished(session: RequestSession): void;
  /**
   * Pairs waiting in `hop`'s queue changed by `delta`. Their qubits still occupy the link's
   * communication qubits, so a link with its queues full stops attempting.
   */
  queued(session: RequestSession, hop: number, delta: number): void;
}

export class RequestSession {
  status: NetworkRequestStatus = 'active';
  refusal: RequestResult['refusal'];
  route: string[] = [];
  private assembly: PathAssembly | undefined;
  private queues: SuppliedPair[][] = [];
  private cutoffPs: (number | undefined)[] = [];
  private formed = 0;
  private delivered = 0;
  private readonly latencies: number[] = [];
  private readonly fidelities = new RunningStats();
  private below = 0;
  private late = 0;
  private donePs = Number.NaN;

  constructor(
    readonly req: NetworkRequest,
    private readonly host: SessionHost,
  ) {}

  get pairsDelivered(): number {
    return this.delivered;
  }

  /** Latency of each delivered pair, ps. */
  get deliveredLatencies(): readonly number[] {
    return this.latencies;
  }

  /** Sum of the delivered pairs' fidelities. */
  get fidelitySum(): number {
    return this.fidelities.count > 0 ? this.fidelities.mean * this.fidelities.count : 0;
  }

  /** Admitted on `route`; `cutoffPs[h]` is hop h's link cutoff (undefined: none). */
  admit(route: string[], cutoffPs: (number | undefined)[]): void {
    this.route = route;
    this.cutoffPs = cutoffPs;
    this.queues = cutoffPs.map(() => []);
    this.assembly = new PathAssembly(route, this.host.assembly);
  }

  refuse(kind: NonNullable<RequestResult['refusal']>['kind'], reason: string): void {
    this.status = 'refused';
    this.refusal = { kind, reason };
    this.donePs = this.host.sim.nowPs;
  }

  /** When the request's next pair is due (EDF's key): its deadline, or a stream's next due time. */
  nextDuePs(): number {
    const { rateHz, deadlinePs, submitPs } = this.req;
    if (rateHz !== undefined) return this.releasePs(this.formed + 1);
    return deadlinePs === undefined ? Number.POSITIVE_INFINITY : submitPs + deadlinePs;
  }

  /** A link delivered a pair for `hop`. */
  hopPair(hop: number, pair: SuppliedPair): void {
    if (this.status !== 'active' || !this.wantsMore()) return;
    if (this.assembly!.holds(hop)) {
      this.queues[hop]!.push(pair);
      this.host.queued(this, hop, 1);
      const cutoff = this.cutoffPs[hop];
      if (cutoff !== undefined)
        this.host.sim.schedule(Math.max(this.host.sim.nowPs, pair.createdPs + cutoff), () =>
          this.expireQueued(hop, pair),
        );
      return;
    }
    this.feed(hop, pair);
  }

  /** The deadline: a `pairs` request still short of pairs expires; a stream ends. */
  deadline(): void {
    if (this.status !== 'active') return;
    const stream = this.req.rateHz !== undefined;
    // All pairs formed: only their delivery is pending.
    if (!stream && !this.wantsMore()) return;
    this.status = stream ? 'ended' : 'expired';
    this.finish();
  }

  private wantsMore(): boolean {
    return this.req.pairs === undefined || this.formed < this.req.pairs;
  }

  private feed(hop: number, pair: SuppliedPair): void {
    const assembly = this.assembly!;
    const cutoff = this.cutoffPs[hop];
    const expires = cutoff === undefined ? Number.POSITIVE_INFINITY : pair.createdPs + cutoff;
    const segment = assembly.add(hop, pair, pair.heraldedPs, expires, this.host.sim.nowPs);
    if (assembly.complete(segment)) this.form(segment);
    else if (Number.isFinite(segment.expiresPs)) {
      this.host.sim.schedule(Math.max(this.host.sim.nowPs, segment.expiresPs), () => this.cut(segment));
    }
  }

  private form(segment: Segment): void {
    this.assembly!.clear();
    const k = this.formed++;
    const sim = this.host.sim;
    sim.schedule(Math.max(sim.nowPs, segment.readyPs), () => this.deliver(segment, k));
    if (!this.wantsMore()) {
      this.clearQueues();
      return;
    }
    // The next pair starts from what the hops already hold.
    this.queues.forEach((q, hop) => {
      if (q.length === 0 || this.status !== 'active' || this.assembly!.holds(hop)) return;
      this.feed(hop, this.dequeue(hop)!);
    });
  }

  private dequeue(hop: number): SuppliedPair | undefined {
    const next = this.queues[hop]!.shift();
    if (next) this.host.queued(this, hop, -1);
    return next;
  }

  private clearQueues(): void {
    this.queues.forEach((q, hop) => {
      if (q.length > 0) this.host.queued(this, hop, -q.length);
      q.splice(0);
    });
  }

  /** A held segment passed its cutoff: its pairs are lost, and its hops take queued pairs or ask again. */
  private cut(segment: Segment): void {
    const assembly = this.assembly!;
    if (this.status !== 'active' || !assembly.current(segment)) return;
    for (const hop of assembly.drop(segment)) {
      // The lost pair was one of those asked for: ask for it again, and go on with a queued one.
      this.host.reRequest(this, hop, 1);
      const next = this.dequeue(hop);
      if (next) this.feed(hop, next);
    }
  }

  private expireQueued(hop: number, pair: SuppliedPair): void {
    const queue = this.queues[hop]!;
    const i = queue.indexOf(pair);
    if (i < 0 || this.status !== 'active') return;
    queue.splice(i, 1);
    this.host.queued(this, hop, -1);
    this.host.reRequest(this, hop, 1);
  }

  private deliver(segment: Segment, k: number): void {
    const now = this.host.sim.nowPs;
    const fidelity = agePair(segment.pair, now, this.host.memoryOf).state[0];
    this.delivered++;
    this.latencies.push(now - this.releasePs(k));
    this.fidelities.add(fidelity);
    if (fidelity < this.req.minFidelity) this.below++;
    if (this.req.rateHz !== undefined && now > this.releasePs(k + 1)) this.late++;
    if (this.req.pairs !== undefined && this.delivered === this.req.pairs && this.status === 'active') {
      this.status = 'completed';
      this.finish();
    }
  }

  private finish(): void {
    this.donePs = this.host.sim.nowPs;
    this.assembly?.clear();
    this.clearQueues();
    this.host.finished(this);
  }

  /** Release of pair `k`: submission for a `pairs` request, k/rate after it for a stream. */
  private releasePs(k: number): number {
    const { rateHz, submitPs } = this.req;
    return rateHz === undefined ? submitPs : submitPs + Math.round((k * PS_PER_S) / rateHz);
  }

  result(nowPs: number): RequestResult {
    const r = this.req;
    const sorted = Float64Array.from(this.latencies).sort();
    const end = Number.isNaN(this.donePs) ? nowPs : this.donePs;
    const elapsedS = (end - r.submitPs) / PS_PER_S;
    let late = this.late;
    let deadline: RequestResult['deadline'] = 'none';
    // A refused request was told so at once: it has no deadline to meet or miss.
    if (this.status === 'refused') deadline = 'none';
    else if (r.rateHz !== undefined) {
      // Pair k is due at (k + 1)/rate: those due before the end and never delivered are late too.
      const overdue = Math.max(0, Math.ceil(((end - r.submitPs) * r.rateHz) / PS_PER_S) - 1);
      late += Math.max(0, overdue - this.delivered);
      deadline = late > 0 ? 'missed' : this.status === 'active' ? 'pending' : 'met';
    } else if (r.deadlinePs !== undefined) {
      const by = r.submitPs + r.deadlinePs;
      if (this.status === 'completed') deadline = this.donePs <= by ? 'met' : 'missed';
      else deadline = this.status === 'active' && nowPs <= by ? 'pending' : 'missed';
    }
    return {
      id: r.id,
      src: r.src,
      dst: r.dst,
      minFidelity: r.minFidelity,
      ...(r.pairs === undefined ? {} : { pairsRequested: r.pairs }),
      ...(r.rateHz === undefined ? {} : { requestedRateHz: r.rateHz }),
      ...(r.deadlinePs === undefined ? {} : { deadlineUs: psToUs(r.deadlinePs) }),
      priority: r.priority ?? 1,
      submittedUs: psToUs(r.submitPs),
      status: this.status,
      ...(this.refusal === undefined ? {} : { refusal: this.refusal }),
      route: this.route,
      pairsDelivered: this.delivered,
      rateHz: elapsedS > 0 ? this.delivered / elapsedS : 0,
      latencyP50Us: psToUs(quantileSorted(sorted, 0.5)),
      latencyP99Us: psToUs(quantileSorted(sorted, 0.99)),
      latencyMeanUs: psToUs(this.latencies.reduce((a, b) => a + b, 0) / this.latencies.length),
      meanFidelity: this.fidelities.mean,
      worstFidelity: this.fidelities.count > 0 ? this.fidelities.min : Number.NaN,
      pairsBelowMinFidelity: this.below,
      ...(this.status === 'completed' ? { completionUs: psToUs(this.donePs - r.submitPs) } : {}),
      deadline,
      ...(r.rateHz === undefined ? {} : { latePairs: late }),
    };
  }
}
