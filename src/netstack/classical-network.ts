// Drives sans-IO protocols over classical channels: one channel per direction of every link, and
// hop-by-hop forwarding along the lowest-latency route. The same protocols could run on sockets.
import { ClassicalChannel } from '../kernel/channel.js';
import type { Simulation } from '../kernel/simulation.js';
import { QnetError } from '../util/errors.js';
import type { Protocol, ProtocolAction } from './protocol.js';
import { type Path, shortestPath } from './shortest-path.js';

export interface ClassicalLinkSpec {
  id: string;
  a: string;
  b: string;
  /** One-way latency of a hop: propagation plus processing, in ps. */
  delayPs: number;
  /** Standard deviation of the per-message delay jitter, in ps. */
  jitterPs: number;
}

interface Envelope {
  src: string;
  dst: string;
  protocol: string;
  message: unknown;
}

export class ClassicalNetwork {
  private readonly channels = new Map<string, ClassicalChannel<Envelope>>();
  private readonly protocols = new Map<string, Protocol<unknown>>();
  private readonly routes = new Map<string, Path | undefined>();
  // Pending timers, addressed by the kernel event's numeric argument; slots are reused.
  private readonly timers: ({ key: string; token: number } | undefined)[] = [];
  private readonly freeTimerSlots: number[] = [];
  private forwarded = 0;

  constructor(
    readonly sim: Simulation,
    readonly nodes: readonly string[],
    readonly links: readonly ClassicalLinkSpec[],
  ) {
    for (const link of links) {
      for (const [from, to] of [
        [link.a, link.b],
        [link.b, link.a],
      ] as const) {
        const channel = new ClassicalChannel<Envelope>(sim, {
          name: `${link.id}/${from}>${to}`,
          delayPs: link.delayPs,
          jitterPs: link.jitterPs,
          to: (envelope) => this.arrive(to, envelope),
        });
        this.channels.set(`${from}>${to}`, channel);
      }
    }
  }

  /** Messages relayed by intermediate nodes so far. */
  get forwardedCount(): number {
    return this.forwarded;
  }

  /** The lowest-latency route between two nodes, or undefined when they are not connected. */
  route(src: string, dst: string): Path | undefined {
    const key = `${src}>${dst}`;
    if (!this.routes.has(key)) {
      const byId = new Map(this.links.map((l) => [l.id, l]));
      const edges = this.links.map((l) => ({ id: l.id, a: l.a, b: l.b }));
      this.routes.set(
        key,
        shortestPath(this.nodes, edges, src, dst, (e) => byId.get(e.id)!.delayPs),
      );
    }
    return this.routes.get(key);
  }

  /** Installs `protocol` at `node`; its peers elsewhere share its name. */
  attach(node: string, protocol: Protocol<unknown>): void {
    const key = `${node}/${protocol.name}`;
    if (this.protocols.has(key)) throw new Error(`protocol ${protocol.name} is already attached at ${node}`);
    this.protocols.set(key, protocol);
  }

  /** Starts every attached protocol at the current time. */
  start(): void {
    for (const [key, protocol] of this.protocols) {
      this.perform(key.slice(0, key.indexOf('/')), protocol, protocol.start(this.sim.nowPs));
    }
  }

  private perform(node: string, protocol: Protocol<unknown>, actions: ProtocolAction<unknown>[]): void {
    for (const action of actions) {
      if (action.kind === 'send') {
        this.forward(node, { src: node, dst: action.to, protocol: protocol.name, message: action.message });
      } else {
        const slot = this.freeTimerSlots.pop() ?? this.timers.length;
        this.timers[slot] = { key: `${node}/${protocol.name}`, token: action.token };
        this.sim.after(action.delayPs, this.fireTimer, slot);
      }
    }
  }

  private readonly fireTimer = (_sim: Simulation, slot: number): void => {
    const { key, token } = this.timers[slot]!;
    this.timers[slot] = undefined;
    this.freeTimerSlots.push(slot);
    const protocol = this.protocols.get(key)!;
    this.perform(key.slice(0, key.indexOf('/')), protocol, protocol.onTimer(token, this.sim.nowPs));
  };

  private forward(at: string, envelope: Envelope): void {
    const path = this.route(at, envelope.dst);
    if (!path) {
      throw new QnetError('E_NO_ROUTE', `no classical route from ${at} to ${envelope.dst}`, {
        hint: 'add links so that the two nodes are connected',
      });
    }
    const next = path.nodes[1];
    if (next === undefined) {
      this.arrive(at, envelope);
      return;
    }
    this.channels.get(`${at}>${next}`)!.send(envelope);
  }

  private arrive(node: string, envelope: Envelope): void {
    if (envelope.dst !== node) {
      this.forwarded++;
      this.forward(node, envelope);
      return;
    }
    const protocol = this.protocols.get(`${node}/${envelope.protocol}`);
    if (!protocol) throw new Error(`message for protocol ${envelope.protocol} at ${node}, which has none`);
    this.perform(node, protocol, protocol.onMessage(envelope.src, envelope.message, this.sim.nowPs));
  }
}
