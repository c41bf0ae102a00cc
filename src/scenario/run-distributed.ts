// A distributed workload of a scenario: build its circuit, compile it for the workload's QPUs, and
// run the program with e-bits at the rate and fidelity the scenario's links were characterised at
// (the link model's expected figures: every link is assumed to hold its station and switch ports
// for the whole job). Output fidelity is measured against the circuit's known ideal outcomes.

import { fourierCheckCircuit, ghzCircuit, randomCliffordCircuit } from '../circuit/generators.js';
import type { Circuit } from '../circuit/ir.js';
import { compileCircuit } from '../compiler/compile.js';
import type { Topology } from '../compiler/topology.js';
import { Simulation } from '../kernel/simulation.js';
import { ClassicalNetwork } from '../netstack/classical-network.js';
import { executeProgram, type RuntimeNetwork, runtimeQpu } from '../runtime/index.js';
import { hellingerFidelity } from '../runtime/output-fidelity.js';
import { simulateCircuit } from '../state/simulate.js';
import { Rng } from '../util/rng.js';
import { type BuiltLink, buildNetwork } from './build-network.js';
import { classicalLinkSpecs } from './classical-links.js';
import { entanglementLinkResult } from './entanglement-results.js';
import { DEFAULT_HARDWARE } from './hardware-presets.js';
import { resolveHardware } from './hardware-resolve.js';
import { DEFAULT_COMMUNICATION_QUBITS, type Scenario } from './schema.js';
import type { DistributedWorkload } from './workloads.js';

/** Largest register whose ideal distribution is worked out by simulation when not known in closed form. */
const MAX_IDEAL_QUBITS = 20;

interface Timing {
  timeToSolutionUs: number;
  ebitsReadyShare: number;
  dataIdleUs: number;
}

export interface DistributedResult extends Timing {
  kind: 'distributed';
  label: string;
  circuit: string;
  qubits: number;
  qpus: string[];
  qubitsPerQpu: number;
  twoQubitGates: number;
  ebits: number;
  remoteGates: number;
  catCopies: number;
  teleportations: number;
  engine: string;
  engineQubits: number;
  shots: number;
  lookahead: boolean;
  withoutLookahead: Timing;
  /** Hellinger fidelity of the sampled outcomes to the ideal distribution (NaN when unknown). */
  fidelityToIdeal: number;
  /**
   * For circuits with one right answer (qft-check, clifford-mirror): the share of output bits that
   * came out wrong, which stays informative where whole-string fidelity is ~0 on 1,000 qubits.
   */
  bitErrorRate?: number;
  /** The e-bit supply each pair of QPUs was run with. */
  links: { qpus: [string, string]; rateHz: number; fidelity: number }[];
}

/** The default qft-check value: alternating bits 0101…, so every qubit has work to do. */
const alternating = (n: number): number => Math.floor((2 ** n - 1) / 3);

function buildCircuit(
  w: DistributedWorkload,
  rng: Rng,
): { circuit: Circuit; ideal?: Record<string, number> } {
  const n = w.qubits;
  switch (w.circuit) {
    case 'ghz':
      return { circuit: ghzCircuit(n), ideal: { ['0'.repeat(n)]: 0.5, ['1'.repeat(n)]: 0.5 } };
    case 'qft-check': {
      const x = w.value || alternating(n);
      return { circuit: fourierCheckCircuit(n, x), ideal: { [x.toString(2).padStart(n, '0')]: 1 } };
    }
    case 'clifford-mirror':
      return {
        circuit: randomCliffordCircuit(n, { depth: w.depth, local: w.local, mirror: true }, rng),
        ideal: { ['0'.repeat(n)]: 1 },
      };
    case 'clifford-random':
      return { circuit: randomCliffordCircuit(n, { depth: w.depth, local: w.local, mirror: false }, rng) };
  }
}

export interface DistributedSetup {
  topology: Topology;
  network: RuntimeNetwork;
  links: DistributedResult['links'];
}

/**
 * The compiler's topology and the runtime's network for the QPUs `ids`, each giving `perQpu` data
 * qubits: entanglement links at their model rate and heralded fidelity, QPUs from their presets,
 * classical latency along the fibres.
 */
export function distributedSetup(
  scenario: Scenario,
  ids: readonly string[],
  perQpu: number | undefined,
  classicalDelayPs: (a: string, b: string) => number,
  built: readonly BuiltLink[],
): DistributedSetup {
  const nodes = ids.map((id) => scenario.nodes.find((n) => n.id === id)!);
  const supply: DistributedResult['links'] = [];
  const links: [number, number][] = [];
  for (const b of built) {
    const i = ids.indexOf(b.spec.ends[0]);
    const j = ids.indexOf(b.spec.ends[1]);
    if (i < 0 || j < 0 || links.some(([x, y]) => (x === i && y === j) || (x === j && y === i))) continue;
    const expected = entanglementLinkResult(b).expected;
    links.push(i < j ? [i, j] : [j, i]);
    supply.push({ qpus: [ids[i]!, ids[j]!], rateHz: expected.rateHz, fidelity: expected.fidelityAtHerald });
  }
  const topology: Topology = {
    names: ids,
    capacity: nodes.map((n) => perQpu ?? n.qubits ?? 0),
    commQubits: nodes.map((n) => n.communicationQubits ?? DEFAULT_COMMUNICATION_QUBITS),
    links,
  };
  const network: RuntimeNetwork = {
    links: links.map((qpus, k) => ({ qpus, rateHz: supply[k]!.rateHz, fidelity: supply[k]!.fidelity })),
    classicalDelayPs: (a: number, b: number) => classicalDelayPs(ids[a]!, ids[b]!),
    qpus: nodes.map((n) => runtimeQpu(resolveHardware(scenario, 'qpu', n.qpu ?? DEFAULT_HARDWARE.qpu))),
  };
  return { topology, network, links: supply };
}

/** The setup for a scenario's QPUs without running it (for `qnet execute --scenario`). */
export function scenarioDistributedSetup(scenario: Scenario, perQpu: number | undefined): DistributedSetup {
  const sim = new Simulation({ seed: scenario.seed });
  const classical = new ClassicalNetwork(
    sim,
    scenario.nodes.map((n) => n.id),
    classicalLinkSpecs(scenario),
  );
  const quantum = buildNetwork(sim, scenario);
  const ids = scenario.nodes.filter((n) => n.kind === 'qpu').map((n) => n.id);
  return distributedSetup(scenario, ids, perQpu, (a, b) => classical.route(a, b)?.cost ?? 0, quantum.links);
}

/** Wrong bits per output bit, when the ideal outcome is a single string. */
function bitErrorRateOf(
  counts: Readonly<Record<string, number>> | undefined,
  ideal: Readonly<Record<string, number>> | undefined,
): { bitErrorRate?: number } {
  const keys = ideal ? Object.keys(ideal) : [];
  if (!counts || keys.length !== 1) return {};
  const right = keys[0]!;
  let wrong = 0;
  let bits = 0;
  for (const [key, c] of Object.entries(counts)) {
    for (let i = 0; i < key.length; i++) if (key[i] !== right[i]) wrong += c;
    bits += c * key.length;
  }
  return bits > 0 ? { bitErrorRate: wrong / bits } : {};
}

export function runDistributedWorkload(
  scenario: Scenario,
  w: DistributedWorkload,
  index: number,
  classicalDelayPs: (a: string, b: string) => number,
  built: readonly BuiltLink[],
): DistributedResult {
  const rng = Rng.fromSeed(scenario.seed).child(`workload/${index}`);
  const ids = w.qpus ?? scenario.nodes.filter((n) => n.kind === 'qpu').map((n) => n.id);
  const perQpu = w.qubitsPerQpu ?? Math.ceil(w.qubits / ids.length);
  const {
    topology,
    network,
    links: supply,
  } = distributedSetup(scenario, ids, perQpu, classicalDelayPs, built);
  const { circuit, ideal } = buildCircuit(w, rng.child('circuit'));
  const { program } = compileCircuit(circuit, topology, { seed: scenario.seed });
  const result = executeProgram(program, {
    seed: rng.child('execute').int(2 ** 31),
    shots: w.shots,
    ideal: w.ideal,
    probabilities: false,
    lookahead: w.lookahead,
    network,
  });
  const idealDistribution =
    ideal ??
    (w.qubits <= MAX_IDEAL_QUBITS
      ? simulateCircuit(circuit, { probabilities: true, seed: 1 }).probabilities
      : undefined);
  const s = program.stats;
  return {
    kind: 'distributed',
    label: w.label ?? `${w.circuit} ${w.qubits} qubits on ${ids.length} QPUs`,
    circuit: w.circuit,
    qubits: w.qubits,
    qpus: ids,
    qubitsPerQpu: perQpu,
    twoQubitGates: s.twoQubitGates,
    ebits: s.ebits,
    remoteGates: s.remoteGates,
    catCopies: s.catCopies,
    teleportations: s.teleportations,
    engine: result.engine,
    engineQubits: result.engineQubits,
    shots: result.shots,
    lookahead: w.lookahead,
    timeToSolutionUs: result.timeToSolutionUs,
    ebitsReadyShare: result.ebitsReadyShare,
    dataIdleUs: result.dataIdleUs,
    withoutLookahead: result.withoutLookahead,
    ...bitErrorRateOf(result.counts, idealDistribution),
    fidelityToIdeal:
      idealDistribution && result.counts ? hellingerFidelity(result.counts, idealDistribution) : Number.NaN,
    links: supply,
  };
}
