// The compiler's entry: circuit + topology → distributed program. Pure and deterministic: the same
// circuit, topology and seed give the same program.
import type { Circuit } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import { allocateCandidates } from './allocate.js';
import type { Allocation } from './allocation.js';
import type { DistCircuit } from './dist-ir.js';
import { emitProgram } from './emit.js';
import { naiveAllocation } from './naive-allocation.js';
import type { DistributedProgram } from './program.js';
import { toDistCircuit } from './rewrite.js';
import type { Topology } from './topology.js';
import { checkCapacity, checkTopology } from './topology-shapes.js';

export interface CompileOptions {
  seed?: number;
  /** Let qubits move between QPUs by teleportation when that saves e-bits (default true). */
  teleport?: boolean;
  /** 'partition' (default): multilevel hypergraph partitioning; 'naive': contiguous blocks. */
  allocator?: 'partition' | 'naive';
}

export interface CompileResult {
  readonly program: DistributedProgram;
  readonly allocation: Allocation;
  readonly dist: DistCircuit;
}

export function compileCircuit(
  circuit: Circuit,
  topology: Topology,
  options: CompileOptions = {},
): CompileResult {
  checkTopology(topology);
  checkCapacity(topology, circuit.numQubits, circuit.source?.file);
  const dist = toDistCircuit(circuit);
  const naive = naiveAllocation(dist, topology);
  if (options.allocator === 'naive')
    return { program: emitProgram(dist, topology, naive), allocation: naive, dist };
  const seed = options.seed ?? 1;
  const teleport = options.teleport ?? true;
  // Candidates, best first: the partitioner's answers (one per family it grows, see
  // allocateCandidates); if none of their qubit exchanges can be emitted with the QPUs' few free
  // qubits, the static partitions; and contiguous blocks in index order, which circuits written
  // with locality in mind (QFT, adders) can already be at their best in.
  const rounds: (() => Allocation[])[] = [
    () => allocateCandidates(dist, topology, { seed, teleport }).map((c) => c.allocation),
    ...(teleport
      ? [() => allocateCandidates(dist, topology, { seed, teleport: false }).map((c) => c.allocation)]
      : []),
  ];
  let best: CompileResult | undefined;
  let refusal: unknown;
  // Each allocation is emitted as planned and with gates moved to where copies are open, layer by
  // layer and (static allocations) in the source's order; the last two win when communication
  // qubits are scarce. The fewest e-bits is kept.
  const consider = (allocation: Allocation): boolean => {
    let found = false;
    const variants = [false, true, 'reuse' as const].flatMap((reroute) =>
      (allocation.numSlices === 1 ? [false, true] : [false]).map((sourceOrder) => ({ reroute, sourceOrder })),
    );
    for (const variant of variants) {
      try {
        const program = emitProgram(dist, topology, allocation, variant);
        found = true;
        if (!best || program.stats.ebits < best.program.stats.ebits) best = { program, allocation, dist };
      } catch (e) {
        if (!(e instanceof QnetError) || e.code !== 'E_COMPILE_COMM') throw e;
        refusal ??= e;
      }
    }
    return found;
  };
  for (const make of rounds) {
    let found = false;
    for (const allocation of make()) found = consider(allocation) || found;
    if (found) break;
  }
  consider(naive);
  if (!best) throw refusal;
  return best;
}
