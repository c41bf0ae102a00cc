// One end of an entanglement link as a sans-IO state machine: it takes heralds (messages), cutoff
// timers and the consumer's releases, and returns what to do. Each end decides alone: both ends
// compute the same deadline from the herald, so no message is needed to discard a pair together.
// The kernel drives it in simulation (link-layer.ts); a real node could drive it from its own herald
// receiver and clock.

/** Sent by the station (or, for a midpoint source, relayed from the other end) when an attempt succeeded. */
export interface HeraldMessage {
  readonly type: 'herald';
  readonly link: string;
  readonly pairId: number;
  /** Which communication-qubit pair holds the pair. */
  readonly slot: number;
  /** Station tick of the successful attempt, ps. */
  readonly createdPs: number;
  /** The pair must be discarded at this time (absent: no cutoff), ps. */
  readonly deadlinePs?: number;
}

export type LinkEndpointAction =
  /** Call `onTimer(token)` after `delayPs` (the cutoff). */
  | { readonly kind: 'timer'; readonly delayPs: number; readonly token: number }
  /** This end now holds the pair in `slot` and knows it. */
  | { readonly kind: 'ready'; readonly pairId: number; readonly slot: number }
  /** The cutoff passed: the qubit was reset and `slot` is free at this end. */
  | { readonly kind: 'expired'; readonly pairId: number; readonly slot: number }
  /** The consumer took the pair: `slot` is free at this end. */
  | { readonly kind: 'released'; readonly pairId: number; readonly slot: number };

export class LinkEndpoint {
  // pairId → slot and deadline, for the pairs this end holds.
  private readonly holding = new Map<number, { slot: number; deadlinePs: number }>();
  private readonly slotBusy = new Set<number>();

  constructor(
    readonly node: string,
    readonly link: string,
  ) {}

  /** Pairs this end holds (heralded, neither taken nor expired). */
  get held(): number {
    return this.holding.size;
  }

  holds(pairId: number): boolean {
    return this.holding.has(pairId);
  }

  onHerald(message: HeraldMessage, nowPs: number): LinkEndpointAction[] {
    if (message.link !== this.link) throw new Error(`herald for link ${message.link} reached ${this.link}`);
    if (this.slotBusy.has(message.slot)) {
      throw new Error(
        `link ${this.link} at ${this.node}: herald for slot ${message.slot}, which holds a pair`,
      );
    }
    const deadlinePs = message.deadlinePs ?? Number.POSITIVE_INFINITY;
    this.holding.set(message.pairId, { slot: message.slot, deadlinePs });
    this.slotBusy.add(message.slot);
    const actions: LinkEndpointAction[] = [{ kind: 'ready', pairId: message.pairId, slot: message.slot }];
    if (deadlinePs !== Number.POSITIVE_INFINITY) {
      actions.push({ kind: 'timer', delayPs: Math.max(0, deadlinePs - nowPs), token: message.pairId });
    }
    return actions;
  }

  /** The cutoff timer of pair `token`: expires it if still held. */
  onTimer(token: number, nowPs: number): LinkEndpointAction[] {
    const h = this.holding.get(token);
    if (!h || nowPs < h.deadlinePs) return [];
    this.drop(token, h.slot);
    return [{ kind: 'expired', pairId: token, slot: h.slot }];
  }

  /** The consumer took pair `pairId` (its qubit leaves the communication qubit). */
  release(pairId: number): LinkEndpointAction[] {
    const h = this.holding.get(pairId);
    if (!h) throw new Error(`link ${this.link} at ${this.node}: pair ${pairId} is not held here`);
    this.drop(pairId, h.slot);
    return [{ kind: 'released', pairId, slot: h.slot }];
  }

  private drop(pairId: number, slot: number): void {
    this.holding.delete(pairId);
    this.slotBusy.delete(slot);
  }
}
