// Every example shipped in examples/ must load: they are the first thing users copy.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './load.js';

const dir = new URL('../../examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('examples', () => {
  it('has examples', () => {
    expect(files).toContain('two-nodes-ping.yaml');
  });

  it.each(files)('%s parses', (file) => {
    const scenario = parseScenario(readFileSync(new URL(file, dir), 'utf8'), `examples/${file}`);
    expect(scenario.name).toBeTruthy();
  });

  it('two-nodes-ping is two hosts, one 10 km link and one ping', () => {
    const s = parseScenario(readFileSync(new URL('two-nodes-ping.yaml', dir), 'utf8'), 'two-nodes-ping.yaml');
    expect(s.nodes.map((n) => n.kind)).toEqual(['host', 'host']);
    expect(s.links).toHaveLength(1);
    expect(s.links[0]?.lengthKm).toBe(10);
    expect(s.workloads).toEqual([{ kind: 'ping', from: 'alice', to: 'bob', count: 10, intervalUs: 100 }]);
  });
});
