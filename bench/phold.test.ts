import { describe, expect, it } from 'vitest';
import { runPhold } from './phold.js';

describe('runPhold', () => {
  const tiny = { lps: 50, eventsPerLp: 4, totalEvents: 10_000 };

  it('is reproducible from its seed', () => {
    const a = runPhold({ ...tiny, seed: 1 });
    const b = runPhold({ ...tiny, seed: 1 });
    expect(a.events).toBe(10_000);
    expect(b.hash).toBe(a.hash);
    expect(b.simTimePs).toBe(a.simTimePs);
    const c = runPhold({ ...tiny, seed: 2 });
    expect(c.hash).not.toBe(a.hash);
  });

  it('honours the lookahead', () => {
    const r = runPhold({ ...tiny, seed: 1, lookaheadPs: 1_000_000, meanDelayPs: 10 });
    // Every hop takes at least the lookahead: a chain of k hops needs k microseconds.
    expect(r.simTimePs).toBeGreaterThanOrEqual(
      (tiny.totalEvents / (tiny.lps * tiny.eventsPerLp) - 1) * 1_000_000,
    );
  });
});
