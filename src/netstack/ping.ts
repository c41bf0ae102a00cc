// Classical round trips between two nodes: the simplest control-plane exchange, and the yardstick
// for every later protocol's latency (heralds, swap results, corrections).
import type { Protocol, ProtocolAction } from './protocol.js';

export interface PingMessage {
  type: 'ping' | 'pong';
  seq: number;
  sentPs: number;
}

export interface PingConfig {
  name: string;
  target: string;
  count: number;
  intervalPs: number;
}

/** Sends `count` pings, one every `intervalPs`, and records each round-trip time. */
export class PingInitiator implements Protocol<PingMessage> {
  readonly name: string;
  readonly rttPs: number[] = [];
  private sent = 0;

  constructor(private readonly config: PingConfig) {
    this.name = config.name;
  }

  get sentCount(): number {
    return this.sent;
  }

  start(nowPs: number): ProtocolAction<PingMessage>[] {
    return this.config.count > 0 ? this.sendNext(nowPs) : [];
  }

  onTimer(_token: number, nowPs: number): ProtocolAction<PingMessage>[] {
    return this.sendNext(nowPs);
  }

  onMessage(_from: string, message: PingMessage, nowPs: number): ProtocolAction<PingMessage>[] {
    if (message.type === 'pong') this.rttPs.push(nowPs - message.sentPs);
    return [];
  }

  private sendNext(nowPs: number): ProtocolAction<PingMessage>[] {
    const seq = this.sent++;
    const actions: ProtocolAction<PingMessage>[] = [
      { kind: 'send', to: this.config.target, message: { type: 'ping', seq, sentPs: nowPs } },
    ];
    if (this.sent < this.config.count)
      actions.push({ kind: 'timer', delayPs: this.config.intervalPs, token: 0 });
    return actions;
  }
}

/** Answers each ping with a pong carrying the original send time. */
export class PingResponder implements Protocol<PingMessage> {
  constructor(readonly name: string) {}

  start(): ProtocolAction<PingMessage>[] {
    return [];
  }

  onTimer(): ProtocolAction<PingMessage>[] {
    return [];
  }

  onMessage(from: string, message: PingMessage): ProtocolAction<PingMessage>[] {
    return message.type === 'ping' ? [{ kind: 'send', to: from, message: { ...message, type: 'pong' } }] : [];
  }
}
