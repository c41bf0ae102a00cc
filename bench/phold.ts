// PHOLD (Fujimoto 1990), the standard discrete-event kernel benchmark: N logical processes (LPs) start
// with M events each; every event, when it fires at an LP, sends one new event to a uniformly random
// LP after lookahead + an exponential delay. The model is all kernel overhead and little work, so
// events per second measure the scheduler itself.
//
// One random stream (`phold`) serves every LP: draws happen in event order, which the kernel fixes, so
// runs stay reproducible, and it avoids an Rng lookup per event. (Per-LP streams would keep each LP's
// draws apart if LPs were added; this benchmark never adds any.)
import { type EventHandler, Simulation } from '../src/kernel/index.js';
import { median } from '../src/util/index.js';
import type { BenchRecord, SuiteOptions } from './record.js';

export interface PholdOptions {
  lps: number;
  eventsPerLp: number;
  /** The run stops after this many events. */
  totalEvents: number;
  seed: number;
  /** Mean of the exponential part of each hop's delay (default 1 µs). */
  meanDelayPs?: number | undefined;
  /** Fixed part of each hop's delay (default 0). */
  lookaheadPs?: number | undefined;
}

export interface PholdResult {
  events: number;
  simTimePs: number;
  /** FNV-1a over the (time, LP) sequence of fired events: equal hashes, equal runs. */
  hash: number;
  /** Wall time of the event loop alone (setup excluded). */
  wallSeconds: number;
  /** User + system CPU time of the event loop. */
  cpuSeconds: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TWO_POW_32 = 4_294_967_296;

export function runPhold(options: PholdOptions): PholdResult {
  const { lps, eventsPerLp, totalEvents, seed } = options;
  const meanDelayPs = options.meanDelayPs ?? 1_000_000;
  const lookaheadPs = options.lookaheadPs ?? 0;
  for (const [name, value] of Object.entries({ lps, eventsPerLp, totalEvents, lookaheadPs })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`PHOLD: ${name} = ${value}`);
  }
  if (lps < 1 || !(meanDelayPs > 0)) throw new RangeError('PHOLD: needs lps >= 1 and meanDelayPs > 0');

  const sim = new Simulation({ seed });
  const rng = sim.rng.child('phold');
  const delay = (): number => Math.max(1, lookaheadPs + Math.round(rng.exponential(meanDelayPs)));
  let hash = FNV_OFFSET;

  const hop: EventHandler = (s, lp) => {
    const t = s.nowPs;
    hash = Math.imul(hash ^ lp, FNV_PRIME);
    hash = Math.imul(hash ^ (t >>> 0), FNV_PRIME);
    hash = Math.imul(hash ^ ((t / TWO_POW_32) >>> 0), FNV_PRIME);
    const destination = rng.int(lps);
    s.after(delay(), hop, destination);
  };

  for (let lp = 0; lp < lps; lp++) {
    for (let k = 0; k < eventsPerLp; k++) sim.schedule(delay(), hop, lp);
  }

  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  const { events } = sim.run({ maxEvents: totalEvents });
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return {
    events,
    simTimePs: sim.nowPs,
    hash: hash >>> 0,
    wallSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

/** SeQUeNCe's published PHOLD-style kernel throughput, the peer figure the ratio compares against. */
const PEER = 'SeQUeNCe 18k–35k events/s';
const PEER_EVENTS_PER_SECOND = 35_000;

/** PHOLD throughput at three sizes, median over repetitions; the `kernel` benchmark suite. */
export function pholdSuite(opts: SuiteOptions): BenchRecord[] {
  const reps = opts.quick ? 3 : 5;
  const cases = [
    { lps: 100, eventsPerLp: 16, totalEvents: opts.quick ? 500_000 : 2_000_000 },
    { lps: 1000, eventsPerLp: 16, totalEvents: opts.quick ? 1_000_000 : 2_000_000 },
    { lps: 10_000, eventsPerLp: 4, totalEvents: opts.quick ? 500_000 : 2_000_000 },
  ];
  // Let the JIT settle before anything is timed.
  runPhold({ lps: 1000, eventsPerLp: 16, totalEvents: 200_000, seed: 0 });
  let done = 0;
  return cases.map(({ lps, eventsPerLp, totalEvents }) => {
    const runs = Array.from({ length: reps }, () => {
      const run = runPhold({ lps, eventsPerLp, totalEvents, seed: 1 });
      opts.onProgress?.(++done / (reps * cases.length));
      return run;
    });
    const value = median(runs.map((r) => r.events / r.wallSeconds));
    return {
      suite: 'kernel',
      case: `phold-n${lps}-m${eventsPerLp}`,
      metric: 'eventsPerSecond',
      value,
      unit: 'events/s',
      wallSeconds: median(runs.map((r) => r.wallSeconds)),
      cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
      events: totalEvents,
      reps,
      peer: PEER,
      ratio: value / PEER_EVENTS_PER_SECOND,
    };
  });
}
