import { describe, expect, it } from 'vitest';
import { OPTICAL_SWITCH_PRESETS } from '../hardware/optical-switch.js';
import { type PoolClient, StationPool } from './station-pool.js';

const MEMS_PS = 10_000 * 1_000_000;

function pool(stations = 2) {
  return new StationPool({
    id: 'sw',
    switch: OPTICAL_SWITCH_PRESETS['mems-switch'].params,
    stations: Array.from({ length: stations }, (_, k) => ({
      id: `s${k}`,
      outputs: [2 * k, 2 * k + 1] as const,
    })),
    inputOf: new Map(['A', 'B', 'C', 'D', 'E'].map((n, i) => [n, i])),
  });
}

function client(a: string, b: string, rank: number, grants: [string, number, number][]): PoolClient {
  const key = `${a}${b}`;
  return { key, ends: [a, b], rank: () => [rank], granted: (i, d) => grants.push([key, i, d]) };
}

describe('StationPool', () => {
  it('grants stations in rank order, never sharing a QPU, after the switch reconfigures', () => {
    const p = pool(2);
    const grants: [string, number, number][] = [];
    const ab = client('A', 'B', 3, grants);
    const ac = client('A', 'C', 1, grants);
    const de = client('D', 'E', 2, grants);
    p.want(ab);
    expect(grants).toEqual([['AB', 0, MEMS_PS]]);
    p.release(ab);
    // A–B takes its station back at once; A–C, ranked first, must wait for A; D–E takes the other.
    p.want(ab);
    p.want(ac);
    p.want(de);
    expect(grants.slice(1)).toEqual([
      ['AB', 0, 0],
      ['DE', 1, MEMS_PS],
    ]);
    p.release(ab);
    expect(grants.slice(3)).toEqual([['AC', 0, MEMS_PS]]);
    expect(p.stats()).toEqual({ grants: 4, reconfigurations: 3, reconfigurationPs: 3 * MEMS_PS });
  });

  it('gives a link back the station it last used at no delay, unless its paths were taken', () => {
    const p = pool(1);
    const grants: [string, number, number][] = [];
    const ab = client('A', 'B', 1, grants);
    const cd = client('C', 'D', 1, grants);
    p.want(ab);
    p.release(ab);
    p.want(ab);
    p.release(ab);
    p.want(cd);
    p.release(cd);
    p.want(ab);
    expect(grants.map(([k, , d]) => [k, d])).toEqual([
      ['AB', MEMS_PS],
      ['AB', 0],
      ['CD', MEMS_PS],
      ['AB', MEMS_PS],
    ]);
  });

  it('serves the best-ranked waiting link first', () => {
    const p = pool(1);
    const grants: [string, number, number][] = [];
    const ab = client('A', 'B', 0, grants);
    p.want(ab);
    p.want(client('C', 'D', 2, grants));
    p.want(client('E', 'A', 1, grants));
    p.release(ab);
    expect(grants.map(([k]) => k)).toEqual(['AB', 'EA']);
  });

  it('forgets a waiting link that no longer wants a station', () => {
    const p = pool(1);
    const grants: [string, number, number][] = [];
    const ab = client('A', 'B', 1, grants);
    const cd = client('C', 'D', 2, grants);
    p.want(ab);
    p.want(cd);
    p.unwant(cd);
    p.release(ab);
    expect(grants.map(([k]) => k)).toEqual(['AB']);
  });
});
