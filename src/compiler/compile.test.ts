import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { parseCircuit } from '../circuit/parse-circuit.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { allocate } from './allocate.js';
import { allocationCost } from './allocation-cost.js';
import { compileCircuit } from './compile.js';
import { emitProgram } from './emit.js';
import { programListing } from './program-listing.js';
import { toDistCircuit } from './rewrite.js';
import { shapedTopology } from './topology-shapes.js';

const load = (name: string) =>
  parseCircuit(readFileSync(dataPath('qasmbench', `${name}.qasm`), 'utf8'), name);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof QnetError) return e.code;
    throw e;
  }
  return undefined;
}

describe('compileCircuit', () => {
  it.each(['qft_n18', 'adder_n10', 'ising_n10', 'multiply_n13'])(
    '%s: the emitted e-bits are what the allocation costs (all-to-all, ample communication qubits)',
    (name) => {
      const c = load(name);
      const dist = toDistCircuit(c);
      for (const k of [2, 3]) {
        const t = shapedTopology('all-to-all', k, Math.ceil(c.numQubits / k) + 1, c.numQubits);
        const allocation = allocate(dist, t, { seed: 3 });
        expect(emitProgram(dist, t, allocation).stats.ebits).toBe(allocationCost(dist, t, allocation));
      }
    },
  );

  it('is deterministic and never worse than contiguous blocks', () => {
    const c = load('qft_n18');
    const t = shapedTopology('line', 3, 6, 2);
    const a = compileCircuit(c, t, { seed: 5 });
    expect(compileCircuit(c, t, { seed: 5 }).program).toEqual(a.program);
    const naive = compileCircuit(c, t, { allocator: 'naive' });
    expect(a.program.stats.ebits).toBeLessThanOrEqual(naive.program.stats.ebits);
  });

  it('keeps every QPU within its qubits and every e-bit on a link', () => {
    const c = load('multiplier_n15');
    const t = shapedTopology('line', 4, 4, 2);
    const { program } = compileCircuit(c, t, { seed: 1 });
    program.qpus.forEach((q) => {
      expect(q.slots).toBeLessThanOrEqual(q.capacity + q.commQubits);
    });
    for (const e of program.ebits) expect(t.links).toContainEqual(e.qpus);
    // Both ends of every e-bit name it, once each.
    const ends = new Map<number, number>();
    for (const q of program.qpus)
      for (const ins of q.instructions) if (ins.op === 'ebit') ends.set(ins.id, (ends.get(ins.id) ?? 0) + 1);
    expect([...ends.values()].every((n) => n === 2)).toBe(true);
    expect(ends.size).toBe(program.stats.ebits);
    expect(programListing(program)).toMatch(/^# distributed program: 15 qubits on 4 QPUs/);
  });

  it('does not thrash when communication qubits are few (QFT, 4 QPUs, 2 communication qubits each)', () => {
    // Layer by layer, every qubit's run is open at once and copies would be closed and reopened
    // over a thousand times; in the source's order one copy at a time serves a whole run.
    const c = load('qft_n63');
    const scarce = compileCircuit(c, shapedTopology('all-to-all', 4, 16, 2), { seed: 1 }).program.stats.ebits;
    const ample = compileCircuit(c, shapedTopology('all-to-all', 4, 16, 63), { seed: 1 }).program.stats.ebits;
    expect(scarce).toBeLessThanOrEqual(1.1 * ample);
  });

  it('cuts a ripple-carry adder along its carry chain whatever its qubit indices (adder_n28)', () => {
    // Published (Burt, Chen & Leung, DISQCO data): 6 e-bits on a 4-QPU line, 2.4 on 2 QPUs (best
    // run 2), floor(n/K)+1 data qubits per QPU; a chain cut costs a teleport there and back.
    const text = readFileSync(dataPath('qasmbench', 'adder_n28.qasm'), 'utf8');
    const rng = Rng.fromSeed(11);
    const perm = Array.from({ length: 28 }, (_, i) => i);
    for (let i = 27; i > 0; i--) {
      const j = rng.int(i + 1);
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    const scrambled = text
      .split('\n')
      .map((l) => (l.startsWith('qreg') ? l : l.replace(/q\[(\d+)\]/g, (_, d) => `q[${perm[Number(d)]}]`)))
      .join('\n');
    for (const c of [parseCircuit(text, 'adder_n28'), parseCircuit(scrambled, 'adder_n28')]) {
      const line = compileCircuit(c, shapedTopology('line', 4, 8, 28), { seed: 1 }).program.stats.ebits;
      expect(line).toBeLessThanOrEqual(7);
      const pair = compileCircuit(c, shapedTopology('all-to-all', 2, 15, 28), { seed: 1 }).program.stats
        .ebits;
      expect(pair).toBeLessThanOrEqual(2);
    }
  });

  it('a program survives a JSON round trip', () => {
    const { program } = compileCircuit(load('qft_n4'), shapedTopology('all-to-all', 2, 2, 2));
    expect(JSON.parse(JSON.stringify(program))).toEqual(program);
  });

  it('refuses a circuit larger than the QPUs, K < 1, a disconnected topology and unsupported operations', () => {
    const c = load('qft_n18');
    expect(codeOf(() => compileCircuit(c, shapedTopology('all-to-all', 2, 8, 2)))).toBe('E_COMPILE_CAPACITY');
    expect(codeOf(() => shapedTopology('line', 0, 8, 2))).toBe('E_COMPILE_QPUS');
    const apart = {
      names: ['a', 'b', 'c'],
      capacity: [9, 9, 9],
      commQubits: [2, 2, 2],
      links: [[0, 1]] as [number, number][],
    };
    expect(codeOf(() => compileCircuit(c, apart))).toBe('E_TOPOLOGY_DISCONNECTED');
    const stim = parseCircuit('H 0\nCX 0 1\nX_ERROR(0.1) 1\nM 0 1\n', 'n.stim');
    expect(codeOf(() => compileCircuit(stim, shapedTopology('all-to-all', 2, 1, 2)))).toBe(
      'E_COMPILE_UNSUPPORTED',
    );
  });
});
