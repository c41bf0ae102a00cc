// The network layer under the kernel: requests arrive, are admitted (admitRequest) on a route
// (findRoute with the scenario's criterion), and each hop's link shares its pairs among the requests
// crossing it through a LinkScheduler with the scenario's policy. A request holding a pair on every
// hop gets them swapped into an end-to-end pair and delivered (request-session.ts).
//
// HOP REQUESTS. An admitted request is submitted once to each hop's scheduler, for the same pairs (or
// stream), deadline and weight, so the policy orders requests as wholes: FIFO by submission, EDF by
// deadline. A pair lost at its cutoff is asked for again as a request of its own.
// DEMAND. A link generates only while its scheduler has active requests. A switched link
// (datacenter) must first be granted a station by its StationPool, and waits out the switch's
// reconfiguration before attempting. The pool ranks waiting links by the policy: FIFO by their
// oldest request, EDF by their earliest due time, weighted-fair by their heaviest weight.
// DEADLINES. A `pairs` request short of pairs at its deadline expires and a stream ends: their hop
// requests are withdrawn and held pairs dropped, so no pair is spent on a request already lost.
// Without any requests, every link runs for the whole run and each pair is taken at its herald,
// which characterises the links on their own.
import type { CoherenceTimes } from '../hardware/qpu.js';
import type { Simulation } from '../kernel/simulation.js';
import { QnetError } from '../util/errors.js';
import { quantileSorted } from '../util/stats.js';
import { PS_PER_S, psToUs } from '../util/units.js';
import type { MemoryOf } from './held-pair.js';
import type { LocalNoise } from './local-noise.js';
import type { PairSupply, SupplyStats } from './pair-supply.js';
import type { AssemblyContext } from './path-assembly.js';
import type { RequestResult, RequestTotals } from './request-result.js';
import { type NetworkRequest, RequestSession, type SessionHost } from './request-session.js';
import { admitRequest } from './requests.js';
import { findRoute, type QuantumGraph, type QuantumLink, type RoutingCriterion } from './routing.js';
import { LinkScheduler, type SchedulingPolicy } from './scheduler.js';
import { type PoolClient, type PoolStats, StationPool, type StationPoolParams } from './station-pool.js';

export type { NetworkRequest } from './request-session.js';

export interface NetworkNodeSpec {
  readonly id: string;
  /** Memory its qubits idle in (undefined: perfect). */
  readonly memory?: CoherenceTimes;
  /** Noise and durations of its Bell measurements when it swaps. */
  readonly noise: Partial<LocalNoise>;
}

export interface NetworkLinkSpec extends QuantumLink {
  /** Communication-qubit pairs: how many pairs the link holds at once, its own or queued at requests. */
  readonly slots: number;
  /** Pairs older than this (from their success) are dropped, also while a request holds them, ps. */
  readonly cutoffPs?: number;
  /** A dedicated link's supply; a switched link's, one per station of its pool. */
  readonly supplies: readonly PairSupply[];
  /** The StationPool (by id) a switched link needs a station from. */
  readonly pool?: string;
}

export interface NetworkSimOptions {
  readonly nodes: readonly NetworkNodeSpec[];
  readonly links: readonly NetworkLinkSpec[];
  readonly pools?: readonly StationPoolParams[];
  readonly requests: readonly NetworkRequest[];
  readonly policy: SchedulingPolicy;
  readonly routing: RoutingCriterion;
  /** One-way classical delay between two nodes, ps. */
  classicalDelayPs(from: string, to: string): number;
}

interface LinkRuntime {
  readonly spec: NetworkLinkSpec;
  readonly scheduler: LinkScheduler;
  /** Its scheduler's active requests. */
  readonly active: Map<string, HopRequest>;
  readonly pool: StationPool | undefined;
  client: PoolClient | undefined;
  phase: 'idle' | 'waiting' | 'configuring' | 'active';
  station: number;
  /** A serve() is scheduled. */
  serving: boolean;
  /** Its pairs waiting in requests' hop queues (still in its communication qubits). */
  queued: number;
  /** When a serve() is scheduled for a stream's next release (undefined: none). */
  wakePs: number | undefined;
}

interface HopRequest {
  readonly id: string;
  readonly session: RequestSession;
  readonly hop: number;
  readonly link: LinkRuntime;
}

export class NetworkSim implements SessionHost {
  readonly sim: Simulation;
  readonly memoryOf: MemoryOf;
  readonly assembly: AssemblyContext;
  private readonly options: NetworkSimOptions;
  private readonly nodes: ReadonlyMap<string, NetworkNodeSpec>;
  private readonly links = new Map<string, LinkRuntime>();
  private readonly graph: QuantumGraph;
  private readonly sessions: RequestSession[] = [];
  /** The route's links and the hop requests of each admitted session still running. */
  private readonly running = new Map<RequestSession, { links: LinkRuntime[]; asked: HopRequest[] }>();
  private readonly pools: ReadonlyMap<string, StationPool>;
  private requestSeq = 0;

  constructor(sim: Simulation, options: NetworkSimOptions) {
    this.sim = sim;
    this.options = options;
    this.nodes = new Map(options.nodes.map((n) => [n.id, n]));
    this.memoryOf = (node) => this.nodes.get(node)?.memory;
    this.assembly = {
      memoryOf: this.memoryOf,
      noiseAt: (node) => this.nodes.get(node)?.noise ?? {},
      classicalDelayPs: (a, b) => options.classicalDelayPs(a, b),
    };
    this.pools = new Map((options.pools ?? []).map((p) => [p.id, new StationPool(p)]));
    for (const spec of options.links) {
      const pool = spec.pool === undefined ? undefined : this.pools.get(spec.pool);
      if (spec.pool !== undefined && !pool) throw new Error(`link ${spec.id}: no pool ${spec.pool}`);
      const link: LinkRuntime = {
        spec,
        // Deadlines are enforced per request (RequestSession.deadline), which withdraws its hop requests.
        scheduler: new LinkScheduler({ policy: options.policy, dropExpired: false }),
        active: new Map(),
        pool,
        client: undefined,
        phase: 'idle',
        station: 0,
        serving: false,
        queued: 0,
        wakePs: undefined,
      };
      if (pool) link.client = this.poolClient(link);
      this.links.set(spec.id, link);
    }
    // A link that cannot succeed carries nothing, and would break the routing costs.
    const usable = options.links.filter((l) => l.rateHz > 0 && Number.isFinite(l.rateHz));
    this.graph = { nodes: options.nodes.map((n) => n.id), links: usable };
  }

  /** Schedules every request's arrival (or, without requests, starts every link). */
  start(): void {
    // Pairs are taken in an event of their own, never inside the link's herald handling: the link
    // may still have work to do for the pair after telling its listeners.
    if (this.options.requests.length === 0) {
      for (const link of this.links.values()) {
        const supply = link.spec.supplies[0];
        if (!supply) continue;
        supply.onPair(() => this.sim.after(0, () => supply.take()));
        supply.start();
      }
      return;
    }
    for (const link of this.links.values()) {
      for (const supply of link.spec.supplies) supply.onPair(() => this.serveSoon(link));
    }
    for (const req of this.options.requests) {
      const session = new RequestSession(req, this);
      this.sessions.push(session);
      this.sim.schedule(req.submitPs, () => this.submit(session));
    }
  }

  /** Link statistics, summed over a switched link's stations. */
  linkStats(id: string): SupplyStats {
    const link = this.links.get(id);
    if (!link) throw new Error(`no link ${id}`);
    return combineStats(link.spec.supplies.map((s) => s.stats()));
  }

  poolStats(): { id: string; stats: PoolStats }[] {
    return [...this.pools].map(([id, pool]) => ({ id, stats: pool.stats() }));
  }

  results(nowPs: number): RequestResult[] {
    return this.sessions.map((s) => s.result(nowPs));
  }

  totals(nowPs: number): RequestTotals {
    const results = this.results(nowPs);
    const latencies = Float64Array.from(this.sessions.flatMap((s) => s.deliveredLatencies)).sort();
    const pairs = this.sessions.reduce((acc, s) => acc + s.pairsDelivered, 0);
    const fidelitySum = this.sessions.reduce((acc, s) => acc + s.fidelitySum, 0);
    const count = (f: (r: RequestResult) => boolean) => results.filter(f).length;
    return {
      submitted: results.length,
      admitted: count((r) => r.status !== 'refused'),
      refused: count((r) => r.status === 'refused'),
      completed: count((r) => r.status === 'completed'),
      expired: count((r) => r.status === 'expired'),
      active: count((r) => r.status === 'active'),
      deadlinesMet: count((r) => r.deadline === 'met'),
      deadlinesMissed: count((r) => r.deadline === 'missed'),
      pairsDelivered: pairs,
      meanFidelity: pairs > 0 ? fidelitySum / pairs : Number.NaN,
      latencyP50Us: psToUs(quantileSorted(latencies, 0.5)),
      latencyP99Us: psToUs(quantileSorted(latencies, 0.99)),
    };
  }

  // --- requests ---------------------------------------------------------------------------------

  private submit(session: RequestSession): void {
    const req = session.req;
    let route: ReturnType<typeof findRoute> | undefined;
    try {
      route = findRoute(this.graph, req.src, req.dst, this.options.routing);
    } catch (e) {
      if (!(e instanceof QnetError && e.code === 'E_NO_ROUTE')) throw e;
    }
    if (!route) {
      session.refuse('no-route', `no quantum route between ${req.src} and ${req.dst}`);
      return;
    }
    const links = route.links.map((id) => this.links.get(id)!);
    // Admission on the chosen route alone: admitRequest weighs the routes of the graph it is given.
    const admission = admitRequest(req, { nodes: this.graph.nodes, links: links.map((l) => l.spec) });
    if (!admission.admitted) {
      session.refuse(admission.refusal, admission.reason);
      return;
    }
    session.admit(
      route.nodes,
      links.map((l) => l.spec.cutoffPs),
    );
    this.running.set(session, { links, asked: [] });
    if (req.deadlinePs !== undefined)
      this.sim.schedule(req.submitPs + req.deadlinePs, () => session.deadline());
    links.forEach((link, hop) => {
      this.ask(session, hop, link, req.pairs === undefined ? { rateHz: req.rateHz! } : { pairs: req.pairs });
    });
  }

  reRequest(session: RequestSession, hop: number, count: number): void {
    const run = this.running.get(session);
    if (run) this.ask(session, hop, run.links[hop]!, { pairs: count });
  }

  finished(session: RequestSession): void {
    const now = this.sim.nowPs;
    for (const h of this.running.get(session)?.asked ?? []) {
      if (!h.link.active.delete(h.id)) continue;
      h.link.scheduler.cancel(h.id, now);
      this.updateLink(h.link);
    }
    this.running.delete(session);
  }

  queued(session: RequestSession, hop: number, delta: number): void {
    const link = this.running.get(session)?.links[hop];
    if (!link) return;
    link.queued += delta;
    this.updateLink(link);
  }

  /** Submits a request for `hop`'s pairs to its link's scheduler. */
  private ask(
    session: RequestSession,
    hop: number,
    link: LinkRuntime,
    amount: { pairs: number } | { rateHz: number },
  ): void {
    const now = this.sim.nowPs;
    const req = session.req;
    const remaining = req.deadlinePs === undefined ? undefined : req.submitPs + req.deadlinePs - now;
    // At or past the deadline the session is ending; nothing more to ask.
    if (remaining !== undefined && remaining <= 0) return;
    const id = `${req.id}@${hop}#${this.requestSeq++}`;
    link.scheduler.submit(
      {
        id,
        src: link.spec.a,
        dst: link.spec.b,
        minFidelity: req.minFidelity,
        ...amount,
        ...(remaining === undefined ? {} : { deadlinePs: remaining }),
        ...(req.priority === undefined ? {} : { priority: req.priority }),
      },
      now,
    );
    const h: HopRequest = { id, session, hop, link };
    link.active.set(id, h);
    this.running.get(session)!.asked.push(h);
    this.updateLink(link);
    this.serveSoon(link);
  }

  // --- links ------------------------------------------------------------------------------------

  private serveSoon(link: LinkRuntime): void {
    if (link.serving) return;
    link.serving = true;
    this.sim.after(0, () => {
      link.serving = false;
      this.serve(link);
    });
  }

  /** Gives the link's usable pairs to the requests its scheduler picks. */
  private serve(link: LinkRuntime): void {
    for (;;) {
      const supply = link.spec.supplies.find((s) => s.available > 0);
      if (!supply || link.active.size === 0) break;
      const delivery = link.scheduler.offer(link.spec.fidelity, this.sim.nowPs);
      if (!delivery) break;
      const h = link.active.get(delivery.requestId)!;
      if (delivery.completed) link.active.delete(h.id);
      h.session.hopPair(h.hop, supply.take()!);
    }
    this.updateLink(link);
    this.wakeForStreams(link);
  }

  /** A usable pair nobody wants yet: serve again when the next stream releases a pair. */
  private wakeForStreams(link: LinkRuntime): void {
    if (!link.spec.supplies.some((s) => s.available > 0)) return;
    const next = link.scheduler.nextReleasePs(this.sim.nowPs);
    if (next === undefined || next === link.wakePs) return;
    link.wakePs = next;
    this.sim.schedule(next, () => {
      if (link.wakePs === next) link.wakePs = undefined;
      this.serve(link);
    });
  }

  /**
   * Starts or stops the link's generation (or asks for, or gives back, its station) with demand. A
   * link whose communication qubits all hold queued pairs pauses without giving its station back.
   */
  private updateLink(link: LinkRuntime): void {
    const demand = link.scheduler.activeCount > 0;
    if (!link.pool) {
      const supply = link.spec.supplies[0]!;
      if (demand && link.queued < link.spec.slots) supply.start();
      else supply.stop();
      return;
    }
    if (link.phase === 'active') {
      const supply = link.spec.supplies[link.station]!;
      if (demand && link.queued < link.spec.slots) supply.start();
      else supply.stop();
    }
    const client = link.client!;
    if (demand && link.phase === 'idle') {
      link.phase = 'waiting';
      link.pool.want(client);
    } else if (!demand && link.phase === 'waiting') {
      link.phase = 'idle';
      link.pool.unwant(client);
    } else if (!demand && link.phase === 'active') {
      link.phase = 'idle';
      link.pool.release(client);
    }
  }

  private poolClient(link: LinkRuntime): PoolClient {
    return {
      key: link.spec.id,
      ends: [link.spec.a, link.spec.b],
      rank: () => this.rank(link),
      granted: (index, delayPs) => {
        link.phase = 'configuring';
        link.station = index;
        this.sim.after(delayPs, () => {
          link.phase = 'active';
          if (link.scheduler.activeCount === 0) {
            this.updateLink(link);
            return;
          }
          this.updateLink(link);
          this.serve(link);
        });
      },
    };
  }

  /** The pool's ranking of a waiting link under the policy (lower first). */
  private rank(link: LinkRuntime): number[] {
    let submitted = Number.POSITIVE_INFINITY;
    let due = Number.POSITIVE_INFINITY;
    let weight = 0;
    for (const { session } of link.active.values()) {
      submitted = Math.min(submitted, session.req.submitPs);
      due = Math.min(due, session.nextDuePs());
      weight = Math.max(weight, session.req.priority ?? 1);
    }
    switch (this.options.policy) {
      case 'fifo':
        return [submitted];
      case 'edf':
        return [due, submitted];
      case 'weighted-fair':
        return [-weight, submitted];
    }
  }
}

/** Statistics of several supplies of one link (a switched link's stations) as one. */
export function combineStats(all: readonly SupplyStats[]): SupplyStats {
  if (all.length === 1) return all[0]!;
  const sum = (f: (s: SupplyStats) => number) => all.reduce((acc, s) => acc + f(s), 0);
  const attempts = sum((s) => s.attempts);
  const pairs = sum((s) => s.pairs);
  const elapsedPs = sum((s) => s.elapsedPs);
  const seconds = elapsedPs / PS_PER_S;
  const p = attempts > 0 ? pairs / attempts : Number.NaN;
  // Each supply's mean fidelity is over its own pairs: weigh by them.
  const counted = all.filter((s) => s.pairs > 0 && Number.isFinite(s.fidelity));
  const weight = counted.reduce((acc, s) => acc + s.pairs, 0);
  const fidelity =
    weight > 0 ? counted.reduce((acc, s) => acc + s.fidelity * s.pairs, 0) / weight : Number.NaN;
  const spread = counted.reduce(
    (acc, s) => acc + (s.pairs * (Number.isFinite(s.fidelityStdErr) ? s.fidelityStdErr : 0)) ** 2,
    0,
  );
  return {
    attempts,
    pairs,
    discarded: sum((s) => s.discarded),
    elapsedPs,
    successProbability: p,
    successProbabilityStdErr: attempts > 0 ? Math.sqrt((p * (1 - p)) / attempts) : Number.NaN,
    rateHz: seconds > 0 ? pairs / seconds : Number.NaN,
    rateStdErr: seconds > 0 ? Math.sqrt(pairs) / seconds : Number.NaN,
    fidelity,
    fidelityStdErr: weight > 0 ? Math.sqrt(spread) / weight : Number.NaN,
  };
}
