// Runs a distributed program: times it (with and without lookahead), lowers the timed program into
// one circuit over engine qubits and runs that on a state engine. Outcomes are keyed exactly as
// `qnet simulate` keys the source circuit's (OpenQASM bits, highest first), so both compare 1:1.
import type { Circuit, Instruction } from '../circuit/ir.js';
import type { DistributedProgram } from '../compiler/program.js';
import { getBit } from '../state/bit-table.js';
import { MAX_DENSITY_QUBITS } from '../state/density.js';
import { exactDistribution, MAX_OUTCOME_BITS } from '../state/exact-distribution.js';
import { sampleMeasurements } from '../state/frame.js';
import { runShot } from '../state/run-circuit.js';
import {
  createEngine,
  firstNonClifford,
  type SimulatorName,
  sampleFromDistribution,
  sortedRecord,
} from '../state/simulate.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { psToUs } from '../util/units.js';
import { type LoweredProgram, lowerProgram } from './lower.js';
import { idealNetwork, type RuntimeNetwork } from './network.js';
import { NoisePatterns } from './noise-patterns.js';
import { dataIdlePs, markTeleportedData, occupancies } from './slot-history.js';
import { simulateTiming, type Timeline } from './timing.js';

export type RuntimeEngine = 'auto' | 'statevector' | 'stabilizer';

export interface ExecuteOptions {
  seed: number;
  shots: number;
  /** No noise at all: perfect pairs, gates and readout, no decay (timing is still simulated). */
  ideal: boolean;
  probabilities: boolean;
  /** Make e-bits as soon as their slots are free (default true). */
  lookahead?: boolean;
  engine?: RuntimeEngine;
  /** Default: idealNetwork(program). */
  network?: RuntimeNetwork;
  /** Largest state-vector register to allocate (default 26). */
  maxEngineQubits?: number;
}

export interface TimingMetrics {
  timeToSolutionUs: number;
  /** Share of e-bits whose pair was ready when first needed (see timing.ts; 1 with no e-bits). */
  ebitsReadyShare: number;
  /** Idle time of data qubits, summed (see dataIdlePs in slot-history.ts). */
  dataIdleUs: number;
}

export interface ExecutionResult extends TimingMetrics {
  engine: string;
  engineQubits: number;
  qpus: number;
  ebits: number;
  shots: number;
  counts?: Record<string, number>;
  probabilities?: Record<string, number>;
  withoutLookahead: TimingMetrics;
}

export const DEFAULT_MAX_ENGINE_QUBITS = 26;

export function timingMetrics(program: DistributedProgram, timeline: Timeline): TimingMetrics {
  const occs = occupancies(program);
  markTeleportedData(program, timeline, occs);
  const ready = timeline.readyWhenNeeded.filter(Boolean).length;
  const n = timeline.readyWhenNeeded.length;
  return {
    timeToSolutionUs: psToUs(timeline.makespanPs),
    ebitsReadyShare: n === 0 ? 1 : ready / n,
    dataIdleUs: psToUs(dataIdlePs(program, timeline, occs)),
  };
}

function hasConditions(circuit: Circuit): boolean {
  return circuit.instructions.some((op) => 'condition' in op && op.condition !== undefined);
}

type EngineName = SimulatorName;

function chooseEngine(lowered: LoweredProgram, requested: RuntimeEngine, maxQubits: number): EngineName {
  const g = firstNonClifford(lowered.circuit);
  const clifford = g === undefined;
  if (requested === 'stabilizer' && !clifford) {
    throw new QnetError(
      'E_ENGINE',
      `the stabilizer engine runs Clifford programs only; '${g.gate}' is not Clifford`,
      { hint: "use engine 'statevector', or 'auto' to choose" },
    );
  }
  const name: EngineName = requested === 'auto' ? (clifford ? 'stabilizer' : 'statevector') : requested;
  if (name === 'statevector' && lowered.engineQubits > maxQubits) {
    throw new QnetError(
      'E_TOO_LARGE',
      `running this program needs ${lowered.engineQubits} engine qubits (data plus live e-bit halves); the state-vector limit is ${maxQubits}`,
      {
        hint: clifford
          ? "the program is Clifford: use engine 'stabilizer'"
          : 'raise maxEngineQubits if memory allows, or run a smaller circuit',
      },
    );
  }
  return name;
}

/** The outcome key over the first `numBits` bits (the source circuit's), highest first. */
function keyOfBits(bits: Uint8Array, numBits: number): string {
  let s = '';
  for (let i = numBits - 1; i >= 0; i--) s += bits[i] ? '1' : '0';
  return s;
}

/** A distribution over the lowered circuit's bits, summed over the extra leading ones. */
function marginal(dist: Map<string, number>, numBits: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, p] of dist) {
    const k = key.slice(key.length - numBits);
    out.set(k, (out.get(k) ?? 0) + p);
  }
  return out;
}

function checkOptions(options: ExecuteOptions): void {
  if (!(Number.isSafeInteger(options.shots) && options.shots >= 0)) {
    throw new QnetError('E_ARG', `shots = ${options.shots} is not a non-negative whole number`);
  }
  const max = options.maxEngineQubits;
  if (max !== undefined && !(Number.isSafeInteger(max) && max >= 1)) {
    throw new QnetError('E_ARG', `maxEngineQubits = ${max} is not a positive whole number`);
  }
}

/** Runs `program`; see ExecuteOptions. Same seed, same program, same network: same result. */
export function executeProgram(program: DistributedProgram, options: ExecuteOptions): ExecutionResult {
  checkOptions(options);
  const network = options.network ?? idealNetwork(program);
  const lookahead = options.lookahead ?? true;
  const rng = Rng.fromSeed(options.seed);
  // Both timings draw from the same link streams (common random numbers), so their difference is
  // the policy's, not the luck's.
  const timeline = simulateTiming(program, network, lookahead, rng.child('timing'));
  const other = lookahead ? simulateTiming(program, network, false, rng.child('timing')) : timeline;
  // Noise comes from this single timing realisation: every shot sees the same gaps.
  const lowered = lowerProgram(program, network, timeline, options.ideal);
  const engine = chooseEngine(
    lowered,
    options.engine ?? 'auto',
    options.maxEngineQubits ?? DEFAULT_MAX_ENGINE_QUBITS,
  );
  const n = Math.max(1, lowered.engineQubits);
  const circuit = lowered.circuit;
  const result: ExecutionResult = {
    engine,
    engineQubits: lowered.engineQubits,
    qpus: program.qpus.length,
    ebits: program.ebits.length,
    shots: options.shots,
    ...timingMetrics(program, timeline),
    withoutLookahead: timingMetrics(program, other),
  };

  const exact = (name: EngineName): Map<string, number> => {
    if (program.numBits === 0) return new Map([['', 1]]);
    const dist = exactDistribution(() => createEngine(name, n), circuit, {
      sampled: {
        measurements: lowered.protocolMeasurements as ReadonlySet<Instruction>,
        rng: rng.child('protocol'),
      },
    });
    // Keys are over the source's bits; protocol bits only fed the record.
    return marginal(dist, program.numBits);
  };

  let exactDist: Map<string, number> | undefined;
  if (options.probabilities) {
    // Noisy pure-state runs would branch on every noise term; the density matrix carries them exactly.
    const name: EngineName =
      !options.ideal && options.engine === undefined && n <= MAX_DENSITY_QUBITS ? 'density' : engine;
    if (name === 'density') result.engine = `${engine} (density for probabilities)`;
    exactDist = exact(name);
    result.probabilities = sortedRecord(exactDist);
  }
  if (options.shots > 0) result.counts = sortedRecord(sampleCounts());
  return result;

  function sampleCounts(): Map<string, number> {
    const shots = options.shots;
    if (program.numBits === 0) return new Map([['', shots]]);
    if (options.ideal && engine === 'statevector') {
      // Ideal: the corrections make the outcome independent of the protocol draws, so one exact
      // distribution serves every shot.
      return sampleFromDistribution(exactDist ?? exact('statevector'), shots, rng.child('shots'));
    }
    const counts = new Map<string, number>();
    if (engine === 'stabilizer' && !hasConditions(circuit)) {
      const table = sampleMeasurements(circuit, shots, rng.child('frames'));
      const bits = new Uint8Array(program.numBits);
      for (let s = 0; s < shots; s++) {
        bits.fill(0);
        lowered.bitOfRecord.forEach((b, k) => {
          if (b >= 0 && b < bits.length) bits[b] = getBit(table, s, k);
        });
        const key = keyOfBits(bits, program.numBits);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    }
    if (engine === 'statevector') return samplePatterns(shots);
    for (let s = 0; s < shots; s++) {
      const key = keyOfBits(
        runShot(createEngine(engine, n), circuit, rng.child(`shot/${s}`)).bits,
        program.numBits,
      );
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }

  /** State-vector shots grouped by their noise events (see noise-patterns.ts). */
  function samplePatterns(shots: number): Map<string, number> {
    const patterns = new NoisePatterns(circuit, lowered.protocolMeasurements);
    const noiseRng = rng.child('noise');
    const groups = new Map<string, number>();
    for (let s = 0; s < shots; s++) {
      const key = patterns.draw(noiseRng);
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    const counts = new Map<string, number>();
    const add = (key: string, c: number) => counts.set(key, (counts.get(key) ?? 0) + c);
    let g = 0;
    for (const [events, count] of groups) {
      const groupRng = rng.child(`pattern/${g++}`);
      const real = patterns.realise(events);
      if (count > 1 && program.sourceBits <= MAX_OUTCOME_BITS) {
        try {
          const dist = exactDistribution(() => createEngine('statevector', n), real.circuit, {
            // More branches than shots would cost more than running the shots.
            maxBranches: count,
            sampled: { measurements: real.protocolMeasurements, rng: groupRng.child('protocol') },
          });
          for (const [key, c] of sampleFromDistribution(
            marginal(dist, program.numBits),
            count,
            groupRng.child('shots'),
          ))
            add(key, c);
          continue;
        } catch (e) {
          if (!(e instanceof QnetError && e.code === 'E_TOO_MANY_BRANCHES')) throw e;
        }
      }
      for (let s = 0; s < count; s++) {
        add(
          keyOfBits(
            runShot(createEngine('statevector', n), real.circuit, groupRng.child(`shot/${s}`)).bits,
            program.numBits,
          ),
          1,
        );
      }
    }
    return counts;
  }
}
