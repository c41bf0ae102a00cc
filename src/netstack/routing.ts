// Choosing the path an end-to-end pair is built along: Dijkstra (shortest-path.ts) with one of two
// additive link costs.
// - 'latency': expected time to produce a pair on the link, 1/rateHz, plus its classical delay. The
//   sum over links is the time of generating the links one after another, an upper bound on the
//   parallel protocol's time (Route.capacityHz gives that one) that keeps the cost additive.
// - 'fidelity': swapping Werner pairs multiplies their Werner parameters w = (4F − 1)/3, so the best
//   end-to-end fidelity maximises Π w, i.e. minimises Σ −ln w. Links with F <= 1/4 carry no
//   entanglement (w <= 0) and are left out.
import { QnetError } from '../util/errors.js';
import { PS_PER_S } from '../util/units.js';
import { shortestPath } from './shortest-path.js';

export interface QuantumLink {
  id: string;
  a: string;
  b: string;
  /** Rate of heralded pairs, Hz. */
  rateHz: number;
  /** Fidelity of the heralded pairs (taken as Werner states). */
  fidelity: number;
  lengthKm: number;
  /** One-way classical delay between the two ends, ps. */
  delayPs: number;
}

export interface QuantumGraph {
  nodes: readonly string[];
  links: readonly QuantumLink[];
}

export type RoutingCriterion = 'latency' | 'fidelity';

export interface Route {
  nodes: string[];
  links: string[];
  criterion: RoutingCriterion;
  /** Σ (1/rateHz + delayPs) over the links, ps: sequential generation (an upper bound). */
  latencyPs: number;
  /** End-to-end fidelity of swapping the links' Werner pairs, without memory or gate noise. */
  fidelity: number;
  /** Pairs per second when all links generate in parallel and swap once all are up. */
  capacityHz: number;
}

/** Werner parameter w = (4F − 1)/3: the weight of the pure part in F·Φ+ + (1−F)/3·(rest). */
export const wernerParameter = (fidelity: number): number => (4 * fidelity - 1) / 3;

/** Fidelity of a Werner state of parameter w. */
export const fidelityFromWernerParameter = (w: number): number => (3 * w + 1) / 4;

export function linkLatencyPs(link: QuantumLink): number {
  return PS_PER_S / link.rateHz + link.delayPs;
}

function checkGraph(graph: QuantumGraph): void {
  graph.links.forEach((link, i) => {
    const bad = (field: keyof QuantumLink, why: string) =>
      new QnetError('E_LINK', `link ${link.id}: ${field} = ${String(link[field])} ${why}`, {
        path: ['links', i, field],
      });
    if (!(link.rateHz > 0 && Number.isFinite(link.rateHz))) throw bad('rateHz', 'must be a positive rate');
    if (!(link.fidelity >= 0 && link.fidelity <= 1)) throw bad('fidelity', 'must be between 0 and 1');
    if (!(link.lengthKm >= 0)) throw bad('lengthKm', 'must be a length >= 0');
    if (!(link.delayPs >= 0 && Number.isFinite(link.delayPs))) throw bad('delayPs', 'must be a delay >= 0');
  });
}

/**
 * Mean time until every link of a route holds a pair when each generates independently as a Poisson
 * process and keeps its pair (the continuous-time version of repeater-chain.ts's protocol).
 */
export function expectedParallelWaitS(ratesHz: readonly number[]): number {
  if (ratesHz.length <= 16) {
    // Inclusion–exclusion on the maximum of independent exponentials: E[max] = Σ_{S≠∅} (−1)^{|S|+1} / Σ_{i∈S} r_i.
    let sum = 0;
    for (let mask = 1; mask < 1 << ratesHz.length; mask++) {
      let rate = 0;
      let bits = 0;
      for (let i = 0; i < ratesHz.length; i++) {
        if (mask & (1 << i)) {
          rate += ratesHz[i]!;
          bits++;
        }
      }
      sum += (bits % 2 === 1 ? 1 : -1) / rate;
    }
    return sum;
  }
  // Too many subsets: fall back on the sequential time, E[max] <= Σ E[T_i], so capacity is underestimated.
  return ratesHz.reduce((s, r) => s + 1 / r, 0);
}

/** The best route from `src` to `dst`; QnetError when a node is unknown or none connects them. */
export function findRoute(graph: QuantumGraph, src: string, dst: string, criterion: RoutingCriterion): Route {
  checkGraph(graph);
  const byId = new Map(graph.links.map((l) => [l.id, l]));
  const weight =
    criterion === 'latency'
      ? (e: { id: string }) => linkLatencyPs(byId.get(e.id)!)
      : (e: { id: string }) => {
          const w = wernerParameter(byId.get(e.id)!.fidelity);
          return w > 0 ? -Math.log(w) : Number.POSITIVE_INFINITY;
        };
  const path = shortestPath(graph.nodes, graph.links, src, dst, weight);
  if (!path) {
    throw new QnetError('E_NO_ROUTE', `no quantum route between ${src} and ${dst}`, {
      hint:
        criterion === 'fidelity'
          ? 'connect the two nodes with links of fidelity above 1/4'
          : 'add links so that the two nodes are connected',
    });
  }
  const links = path.edges.map((id) => byId.get(id)!);
  // REFERENCES.md, Swapping: F = F1F2 + (1−F1)(1−F2)/3, i.e. w = w1·w2 for Werner pairs.
  const w = links.reduce((acc, l) => acc * wernerParameter(l.fidelity), 1);
  return {
    nodes: path.nodes,
    links: path.edges,
    criterion,
    latencyPs: links.reduce((s, l) => s + linkLatencyPs(l), 0),
    fidelity: links.length === 0 ? 1 : fidelityFromWernerParameter(w),
    capacityHz:
      links.length === 0 ? Number.POSITIVE_INFINITY : 1 / expectedParallelWaitS(links.map((l) => l.rateHz)),
  };
}
