import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { topologyOf } from './test-circuits.test-helper.js';
import { hopDistances, SteinerCost } from './topology-distance.js';

describe('hopDistances and SteinerCost', () => {
  it('measures hops on a line and spans sets with the fewest links', () => {
    const line = topologyOf(4, 'line', 1);
    const d = hopDistances(line);
    expect(d[0 * 4 + 3]).toBe(3);
    expect(d[2 * 4 + 1]).toBe(1);
    const s = new SteinerCost(line);
    expect(s.cost(0b1001)).toBe(3);
    expect(s.cost(0b0110)).toBe(1);
    expect(s.cost(0b0100)).toBe(0);
    expect(s.cost(0b1111)).toBe(3);
  });

  it('uses a Steiner point that is not a terminal (star)', () => {
    const star = {
      ...topologyOf(4, 'line', 1),
      links: [
        [0, 1],
        [0, 2],
        [0, 3],
      ] as [number, number][],
    };
    const s = new SteinerCost(star);
    expect(s.cost(0b1110)).toBe(3);
    expect(s.cost(0b0110)).toBe(2);
  });

  it('agrees with the exact table on a long line when the heuristic is used', () => {
    const s = new SteinerCost(topologyOf(16, 'line', 1));
    expect(s.table.length).toBe(0);
    for (const m of [0b1, 0b101, 0b1000_0000_0000_0001, 0b0110_0000_1000_0000]) {
      const bits = [...Array(16).keys()].filter((i) => m & (1 << i));
      expect(s.cost(m)).toBe(Math.max(...bits) - Math.min(...bits));
    }
  });

  it('names the QPUs a disconnected topology cannot reach', () => {
    const t = { ...topologyOf(4, 'line', 1), links: [[0, 1]] as [number, number][] };
    try {
      hopDistances(t);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QnetError);
      expect((e as QnetError).code).toBe('E_TOPOLOGY_DISCONNECTED');
      expect((e as QnetError).message).toContain('qpu2, qpu3');
    }
  });
});
