import { describe, expect, it } from 'vitest';
import { LinkEndpoint } from './link-endpoint.js';

describe('LinkEndpoint (sans-IO)', () => {
  it('accepts a herald, arms the cutoff timer, expires the pair at its deadline', () => {
    const e = new LinkEndpoint('A', 'ab');
    expect(
      e.onHerald({ type: 'herald', link: 'ab', pairId: 7, slot: 2, createdPs: 100, deadlinePs: 1_000 }, 150),
    ).toEqual([
      { kind: 'ready', pairId: 7, slot: 2 },
      { kind: 'timer', delayPs: 850, token: 7 },
    ]);
    expect(e.held).toBe(1);
    expect(e.onTimer(7, 1_000)).toEqual([{ kind: 'expired', pairId: 7, slot: 2 }]);
    expect(e.held).toBe(0);
    // A late timer for a pair already gone does nothing.
    expect(e.onTimer(7, 2_000)).toEqual([]);
  });

  it('releases a taken pair, so its later timer is a no-op; no timer without a cutoff', () => {
    const e = new LinkEndpoint('B', 'ab');
    expect(e.onHerald({ type: 'herald', link: 'ab', pairId: 1, slot: 0, createdPs: 0 }, 10)).toEqual([
      { kind: 'ready', pairId: 1, slot: 0 },
    ]);
    expect(e.release(1)).toEqual([{ kind: 'released', pairId: 1, slot: 0 }]);
    expect(e.onTimer(1, 1e9)).toEqual([]);
    expect(() => e.release(1)).toThrow();
  });

  it('refuses a herald for a slot that still holds a pair, or for another link', () => {
    const e = new LinkEndpoint('A', 'ab');
    e.onHerald({ type: 'herald', link: 'ab', pairId: 1, slot: 0, createdPs: 0 }, 0);
    expect(() => e.onHerald({ type: 'herald', link: 'ab', pairId: 2, slot: 0, createdPs: 5 }, 5)).toThrow();
    expect(() => e.onHerald({ type: 'herald', link: 'cd', pairId: 3, slot: 1, createdPs: 5 }, 5)).toThrow();
  });

  it('messages survive JSON (serialisable control plane)', () => {
    const m = { type: 'herald', link: 'ab', pairId: 4, slot: 1, createdPs: 12, deadlinePs: 99 } as const;
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
