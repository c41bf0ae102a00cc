// What the cross-field checks share: the problems found so far and lookups over the scenario's
// nodes, so each group of checks (checks.ts, hardware-checks.ts, quantum-checks.ts) reports alike.
import { QnetError } from '../util/errors.js';
import { adjacency, reachable } from './graph.js';
import type { Problem } from './problems.js';
import type { Scenario, ScenarioNode } from './schema.js';
import { didYouMean, listNames } from './suggest.js';
import type { FieldPath } from './yaml-source.js';

export class Context {
  readonly problems: Problem[] = [];
  readonly nodeIds: string[];
  private readonly byId: Map<string, ScenarioNode>;
  private adj: ReturnType<typeof adjacency> | undefined;

  constructor(readonly scenario: Scenario) {
    this.nodeIds = [...new Set(scenario.nodes.map((n) => n.id))];
    this.byId = new Map();
    for (const n of scenario.nodes) if (!this.byId.has(n.id)) this.byId.set(n.id, n);
  }

  add(code: string, message: string, path: FieldPath, hint?: string, atKey = false): void {
    this.problems.push({
      code,
      message,
      path,
      ...(hint === undefined ? {} : { hint }),
      ...(atKey ? { atKey } : {}),
    });
  }

  /** Records a QnetError at `path` (or at its own path when it names one). */
  addError(e: unknown, path: FieldPath): void {
    if (!(e instanceof QnetError)) throw e;
    const at = e.where.path ?? path;
    // The same bad preset can be reached from several places; report it once.
    if (this.problems.some((p) => p.message === e.message && samePath(p.path, at))) return;
    this.add(e.code, e.message, at, e.hint);
  }

  node(id: string): ScenarioNode | undefined {
    return this.byId.get(id);
  }

  /** Reports `id` at `path` unless it names a node; true when it does. */
  nodeRef(id: string, path: FieldPath, role: string): boolean {
    if (this.byId.has(id)) return true;
    this.add(
      'E_SCENARIO_REF',
      `unknown node '${id}' in ${role}`,
      path,
      `${didYouMean(id, this.nodeIds)}known nodes: ${listNames(this.nodeIds)}`,
    );
    return false;
  }

  /** Reports `id` at `path` unless it names a qpu node; true when it does. */
  qpuRef(id: string, path: FieldPath, role: string): boolean {
    if (!this.nodeRef(id, path, role)) return false;
    const kind = this.byId.get(id)!.kind;
    if (kind === 'qpu') return true;
    const qpus = this.scenario.nodes.filter((n) => n.kind === 'qpu').map((n) => n.id);
    this.add(
      'E_SCENARIO_INVALID',
      `node '${id}' in ${role} is a ${kind}, not a qpu`,
      path,
      `entangled pairs end in QPUs; qpu nodes: ${listNames(qpus)}`,
    );
    return false;
  }

  reachableFrom(id: string): string[] {
    this.adj ??= adjacency(this.scenario.nodes, this.scenario.links);
    return reachable(this.adj, id);
  }
}

function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
