import { describe, expect, it } from 'vitest';
import { NETWORK_CASES, networkSuite } from './network.js';

describe('network benchmark suite', () => {
  it('times every example, with Starlight’s requests and pairs beside SeQUeNCe’s', () => {
    const records = networkSuite({ quick: true });
    for (const name of NETWORK_CASES) {
      const metrics = records.filter((r) => r.case === name).map((r) => r.metric);
      expect(metrics).toEqual(expect.arrayContaining(['eventsPerSecond', 'simSecondsPerWallSecond']));
    }
    const starlight = records.find((r) => r.case === 'metro-starlight' && r.metric === 'seconds')!;
    const rate = records.find((r) => r.case === 'metro-starlight' && r.metric === 'simSecondsPerWallSecond')!;
    expect(rate.simulatedSeconds).toBe(20);
    expect(starlight.accepted).toBeGreaterThan(0);
    expect(starlight.pairsDelivered).toBeGreaterThan(0);
    expect(starlight.peerPairsDelivered).toBe(298);
    for (const r of records) expect(r.value).toBeGreaterThan(0);
  });
});
