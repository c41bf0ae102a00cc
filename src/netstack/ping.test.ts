import { describe, expect, it } from 'vitest';
import { PingInitiator, PingResponder } from './ping.js';

describe('ping protocol (sans-IO)', () => {
  it('sends count pings spaced by the interval and measures round trips from pongs', () => {
    const a = new PingInitiator({ name: 'p', target: 'B', count: 2, intervalPs: 100 });
    const b = new PingResponder('p');
    const first = a.start(0);
    expect(first).toEqual([
      { kind: 'send', to: 'B', message: { type: 'ping', seq: 0, sentPs: 0 } },
      { kind: 'timer', delayPs: 100, token: 0 },
    ]);
    const reply = b.onMessage('A', { type: 'ping', seq: 0, sentPs: 0 });
    expect(reply).toEqual([{ kind: 'send', to: 'A', message: { type: 'pong', seq: 0, sentPs: 0 } }]);
    a.onMessage('B', { type: 'pong', seq: 0, sentPs: 0 }, 42);
    expect(a.onTimer(0, 100)).toEqual([
      { kind: 'send', to: 'B', message: { type: 'ping', seq: 1, sentPs: 100 } },
    ]);
    expect(a.rttPs).toEqual([42]);
    expect(a.sentCount).toBe(2);
  });
});
