// The request API of the network layer: what an application asks for (pairs between two nodes, at a
// least fidelity, as a count or a rate, maybe by a deadline) and admission control, which refuses up
// front what the network cannot deliver instead of letting it starve later.
import { QnetError } from '../util/errors.js';
import { PS_PER_S } from '../util/units.js';
import { findRoute, type QuantumGraph, type Route } from './routing.js';

export interface EntanglementRequest {
  id: string;
  src: string;
  dst: string;
  /** Least acceptable fidelity of each delivered pair. */
  minFidelity: number;
  /** A number of pairs to deliver (exactly one of `pairs` and `rateHz`). */
  pairs?: number;
  /** A steady stream of pairs per second (exactly one of `pairs` and `rateHz`). */
  rateHz?: number;
  /**
   * Time allowed from submission, ps: all `pairs` delivered by then, or how long a stream lasts.
   * Relative, so a request can be written before it is known when it will be submitted.
   */
  deadlinePs?: number;
  /** Weight under weighted-fair scheduling (default 1): twice the weight, twice the share. */
  priority?: number;
}

type FieldPath = readonly (string | number)[];

const fail = (path: FieldPath, field: string, message: string, hint?: string): never => {
  throw new QnetError('E_REQUEST', `${field} ${message}`, {
    path: [...path, field],
    ...(hint === undefined ? {} : { hint }),
  });
};

function field(
  obj: Record<string, unknown>,
  name: string,
  path: FieldPath,
  kind: 'string' | 'number',
): unknown {
  const v = obj[name];
  if (v !== undefined && typeof v !== kind) fail(path, name, `must be a ${kind} (got ${JSON.stringify(v)})`);
  return v;
}

/** Checks an untrusted request (e.g. parsed JSON); QnetErrors name the offending field. */
export function validateRequest(input: unknown, path: FieldPath = []): EntanglementRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new QnetError('E_REQUEST', 'a request must be an object', { path });
  }
  const obj = input as Record<string, unknown>;
  const known = new Set(['id', 'src', 'dst', 'minFidelity', 'pairs', 'rateHz', 'deadlinePs', 'priority']);
  for (const k of Object.keys(obj)) {
    if (!known.has(k)) fail(path, k, 'is not a request field', `request fields: ${[...known].join(', ')}`);
  }
  const req: EntanglementRequest = { id: '', src: '', dst: '', minFidelity: 0 };
  for (const name of ['id', 'src', 'dst'] as const) {
    const v = field(obj, name, path, 'string');
    if (typeof v !== 'string' || v === '') fail(path, name, 'must be a non-empty string');
    req[name] = v as string;
  }
  if (req.src === req.dst) fail(path, 'dst', `equals src ('${req.src}')`, 'a pair joins two different nodes');
  const minFidelity = field(obj, 'minFidelity', path, 'number');
  if (typeof minFidelity !== 'number' || !(minFidelity >= 0 && minFidelity <= 1)) {
    fail(path, 'minFidelity', `must be a fidelity between 0 and 1 (got ${String(minFidelity)})`);
  }
  req.minFidelity = minFidelity as number;
  const pairs = field(obj, 'pairs', path, 'number');
  const rateHz = field(obj, 'rateHz', path, 'number');
  if (pairs === undefined && rateHz === undefined) {
    fail(
      path,
      'pairs',
      'is missing: give exactly one of pairs and rateHz',
      'pairs asks for a number of pairs, rateHz for a stream',
    );
  }
  if (pairs !== undefined && rateHz !== undefined) {
    fail(
      path,
      'rateHz',
      'cannot be given with pairs: give exactly one of pairs and rateHz',
      'pairs asks for a number of pairs, rateHz for a stream',
    );
  }
  if (pairs !== undefined) {
    if (!(Number.isSafeInteger(pairs) && (pairs as number) >= 1))
      fail(path, 'pairs', 'must be a whole number >= 1');
    req.pairs = pairs as number;
  }
  if (rateHz !== undefined) {
    if (!(Number.isFinite(rateHz) && (rateHz as number) > 0))
      fail(path, 'rateHz', 'must be a positive rate in Hz');
    req.rateHz = rateHz as number;
  }
  const deadlinePs = field(obj, 'deadlinePs', path, 'number');
  if (deadlinePs !== undefined) {
    if (!(Number.isSafeInteger(deadlinePs) && (deadlinePs as number) > 0)) {
      fail(
        path,
        'deadlinePs',
        'must be a whole number of picoseconds > 0',
        'the deadline counts from submission',
      );
    }
    req.deadlinePs = deadlinePs as number;
  }
  const priority = field(obj, 'priority', path, 'number');
  if (priority !== undefined) {
    if (!(Number.isFinite(priority) && (priority as number) > 0))
      fail(path, 'priority', 'must be a positive weight');
    req.priority = priority as number;
  }
  return req;
}

export type AdmissionRefusal = 'no-route' | 'fidelity' | 'rate' | 'deadline';

export type Admission =
  | { admitted: true; route: Route }
  | { admitted: false; refusal: AdmissionRefusal; reason: string };

const show = (route: Route) => route.nodes.join('–');

/**
 * Admits `request` on `graph` or says why not. Candidate routes: the lowest-latency one and the
 * highest-fidelity one (not every path); of those reaching minFidelity without purification, the
 * one with the larger capacity serves. An unknown node is an error in the request, not a refusal.
 */
export function admitRequest(request: EntanglementRequest, graph: QuantumGraph): Admission {
  for (const end of ['src', 'dst'] as const) {
    if (!graph.nodes.includes(request[end])) {
      throw new QnetError('E_UNKNOWN_NODE', `request ${request.id}: no node named '${request[end]}'`, {
        path: [end],
        hint: `known nodes: ${graph.nodes.join(', ')}`,
      });
    }
  }
  const routeBy = (criterion: 'latency' | 'fidelity'): Route | undefined => {
    try {
      return findRoute(graph, request.src, request.dst, criterion);
    } catch (e) {
      if (e instanceof QnetError && e.code === 'E_NO_ROUTE') return undefined;
      throw e;
    }
  };
  const fast = routeBy('latency');
  if (!fast) {
    return {
      admitted: false,
      refusal: 'no-route',
      reason: `no quantum route between ${request.src} and ${request.dst}`,
    };
  }
  const faithful = routeBy('fidelity');
  const candidates = faithful ? [fast, faithful] : [fast];
  const best = candidates.reduce((a, b) => (b.fidelity > a.fidelity ? b : a));
  const good = candidates.filter((r) => r.fidelity >= request.minFidelity);
  if (good.length === 0) {
    return {
      admitted: false,
      refusal: 'fidelity',
      reason: `best achievable fidelity ${best.fidelity.toFixed(4)} (route ${show(best)}) is below minFidelity ${request.minFidelity}`,
    };
  }
  const route = good.reduce((a, b) => (b.capacityHz > a.capacityHz ? b : a));
  if (request.rateHz !== undefined && request.rateHz > route.capacityHz) {
    return {
      admitted: false,
      refusal: 'rate',
      reason: `rate ${request.rateHz} Hz exceeds the capacity ${route.capacityHz.toPrecision(4)} Hz of route ${show(route)}`,
    };
  }
  if (request.pairs !== undefined && request.deadlinePs !== undefined) {
    const neededPs = (request.pairs / route.capacityHz) * PS_PER_S;
    if (neededPs > request.deadlinePs) {
      return {
        admitted: false,
        refusal: 'deadline',
        reason: `${request.pairs} pairs take ${neededPs.toPrecision(4)} ps on average at ${route.capacityHz.toPrecision(4)} Hz (route ${show(route)}), more than deadlinePs ${request.deadlinePs}`,
      };
    }
  }
  return { admitted: true, route };
}
