// Where each remote diagonal gate runs, chosen exactly for given qubit homes. A gate runs where
// copies of both its runs meet (a run's copy tree spans its home and those places), so placing the
// gates is a covering problem over the runs' copy trees; on a line and on an all-to-all network it
// is a minimum cut, solved exactly here, where the partitioner's FM moves one gate at a time and
// stalls: shrinking a copy tree needs every gate at its far end moved together.
//
// Line: a run's copies span an interval around its home, so each run has a left reach and a right
// reach, paid one e-bit per link (Eisert et al., PRA 62, 052317, 2000: one e-bit per copy per hop).
// A gate whose qubits live at positions pa < pb needs a's right reach and b's left reach to
// overlap (a gate run at a third QPU where both copies meet) or, without such detached gates, one
// of them to reach the other's home. Per link these are clauses "b covers link p or a covers it";
// left reaches and right reaches never share a clause, so flipping the right ones turns every
// clause and every "covering a farther link implies covering the nearer one" into an implication,
// and the cheapest set closed under implications is a minimum cut (Picard, Management Science 22,
// 1976). All-to-all: a copy of run r at QPU Q costs one e-bit and a gate (a, b) needs a at b's home
// or b at a's; the pairs (run, QPU) with QPU above the run's home and those below form the two
// sides of a bipartite graph, whose minimum vertex cover is a minimum cut (König).
import type { Allocation } from './allocation.js';
import { type DistCircuit, runEndingQubit } from './dist-ir.js';
import { MaxFlow } from './max-flow.js';
import { isAllToAll, type Topology } from './topology.js';

/** The runs of diagonal gates under an allocation, and the two runs each diagonal op joins. */
interface RunSegments {
  /** Home QPU of each run (constant: a change of home ends the run, as in allocation-cost.ts). */
  readonly home: number[];
  /** Diagonal op index, first run, second run, for each diagonal op. */
  readonly gates: Int32Array;
  readonly numGates: number;
}

function runSegments(dc: DistCircuit, allocation: Allocation): RunSegments {
  const n = dc.numQubits;
  const { home, sliceOfOp } = allocation;
  const open = new Int32Array(n).fill(-1);
  const runHome: number[] = [];
  const gates: number[] = [];
  let slice = 0;
  const runOf = (q: number): number => {
    if (open[q]! < 0) {
      open[q] = runHome.length;
      runHome.push(home[slice * n + q]!);
    }
    return open[q]!;
  };
  dc.ops.forEach((op, i) => {
    const s = sliceOfOp[i]!;
    while (slice < s) {
      for (let q = 0; q < n; q++) if (home[slice * n + q] !== home[(slice + 1) * n + q]) open[q] = -1;
      slice++;
    }
    if (op.kind === 'diag') gates.push(i, runOf(op.qubits[0]), runOf(op.qubits[1]));
    else {
      const q = runEndingQubit(op);
      if (q >= 0) open[q] = -1;
    }
  });
  return { home: runHome, gates: Int32Array.from(gates), numGates: gates.length / 3 };
}

/** Position of each QPU along the path the links form, or null if they form no simple path. */
export function pathOrder(topology: Topology): Int32Array | null {
  const k = topology.names.length;
  if (topology.links.length !== k - 1) return null;
  const adj: number[][] = Array.from({ length: k }, () => []);
  for (const [a, b] of topology.links) {
    adj[a]!.push(b);
    adj[b]!.push(a);
  }
  if (adj.some((l) => l.length > 2)) return null;
  const start = k === 1 ? 0 : adj.findIndex((l) => l.length === 1);
  if (start < 0) return null;
  const pos = new Int32Array(k).fill(-1);
  let prev = -1;
  let cur = start;
  for (let p = 0; p < k; p++) {
    if (cur < 0 || pos[cur]! >= 0) return null;
    pos[cur] = p;
    const next = adj[cur]!.find((x) => x !== prev) ?? -1;
    prev = cur;
    cur = next;
  }
  return pos;
}

export interface GatePlacement {
  /** The allocation with the same homes and slices and the gates moved. */
  readonly allocation: Allocation;
  /** E-bits of cat copies under the new placement (teleports not included). */
  readonly copyEbits: number;
}

/**
 * The cheapest placement of the diagonal gates for the homes of `allocation`, keeping a gate
 * where it was whenever that is among the cheapest places; null when the network is neither a
 * line nor all-to-all. `detached`: on a line, gates may run at a QPU holding neither qubit (the
 * emitter needs two free qubits there; default when every QPU has two communication qubits).
 */
export function placeGates(
  dc: DistCircuit,
  topology: Topology,
  allocation: Allocation,
  options: { detached?: boolean } = {},
): GatePlacement | null {
  const k = topology.names.length;
  const pos = pathOrder(topology);
  const segments = runSegments(dc, allocation);
  if (pos !== null) {
    const detached = options.detached ?? topology.commQubits.every((c) => c >= 2);
    return placeOnLine(segments, allocation, pos, detached);
  }
  if (isAllToAll(topology)) return placeAllToAll(segments, allocation, k);
  return null;
}

function placeOnLine(
  seg: RunSegments,
  allocation: Allocation,
  pos: Int32Array,
  detached: boolean,
): GatePlacement {
  const k = pos.length;
  const links = Math.max(1, k - 1);
  const at = new Int32Array(k);
  pos.forEach((p, q) => {
    at[p] = q;
  });
  const runs = seg.home.length;
  const place = seg.home.map((h) => pos[h]!);
  // Variable (r, p): run r's copies cross link p (between positions p and p + 1). Left of the home
  // it is itself a cut vertex; right of the home the vertex stands for its negation.
  const v = (r: number, p: number) => r * links + p;
  const source = runs * links;
  const sink = source + 1;
  const flow = new MaxFlow(runs * links + 2);
  // Links each run may have to reach, left and right (p in [lo, home) and [home, hi]).
  const lo = Int32Array.from(place);
  const hi = Int32Array.from(place, (p) => p - 1);
  const { gates, numGates } = seg;
  for (let g = 0; g < numGates; g++) {
    let a = gates[3 * g + 1]!;
    let b = gates[3 * g + 2]!;
    if (place[a] === place[b]) continue;
    if (place[a]! > place[b]!) [a, b] = [b, a];
    const pa = place[a]!;
    const pb = place[b]!;
    // Clause "b crosses link p leftwards or a crosses it rightwards": (not a) implies b.
    if (detached) for (let p = pa; p < pb; p++) flow.addEdge(v(a, p), v(b, p), Number.POSITIVE_INFINITY);
    else flow.addEdge(v(a, pb - 1), v(b, pa), Number.POSITIVE_INFINITY);
    lo[b] = Math.min(lo[b]!, pa);
    hi[a] = Math.max(hi[a]!, pb - 1);
  }
  for (let r = 0; r < runs; r++) {
    const h = place[r]!;
    for (let p = lo[r]!; p < h; p++) {
      flow.addEdge(v(r, p), sink, 1);
      if (p + 1 < h) flow.addEdge(v(r, p), v(r, p + 1), Number.POSITIVE_INFINITY);
    }
    for (let p = h; p <= hi[r]!; p++) {
      flow.addEdge(source, v(r, p), 1);
      if (p > h) flow.addEdge(v(r, p - 1), v(r, p), Number.POSITIVE_INFINITY);
    }
  }
  const copyEbits = flow.run(source, sink);
  const side = flow.sourceSide(source);
  // Each run's reach: leftmost and rightmost positions its copies get to.
  const left = Int32Array.from(place);
  const right = Int32Array.from(place);
  for (let r = 0; r < runs; r++) {
    const h = place[r]!;
    for (let p = h - 1; p >= lo[r]! && side[v(r, p)]; p--) left[r] = p;
    for (let p = h; p <= hi[r]! && !side[v(r, p)]; p++) right[r] = p + 1;
  }
  const gateQpu = allocation.gateQpu.slice();
  for (let g = 0; g < numGates; g++) {
    const op = gates[3 * g]!;
    let a = gates[3 * g + 1]!;
    let b = gates[3 * g + 2]!;
    if (place[a]! > place[b]!) [a, b] = [b, a];
    const from = Math.max(place[a]!, left[b]!);
    const to = Math.min(right[a]!, place[b]!);
    if (from > to) throw new Error('placeGates: the cut left a gate uncovered');
    const was = pos[gateQpu[op]!] ?? -1;
    if (was >= from && was <= to) continue;
    // A home when one is reachable (no third QPU's free qubits needed), else where the copies meet.
    const p = to === place[b] ? to : from;
    gateQpu[op] = at[p]!;
  }
  return { allocation: { ...allocation, gateQpu }, copyEbits };
}

function placeAllToAll(seg: RunSegments, allocation: Allocation, k: number): GatePlacement {
  const runs = seg.home.length;
  const { gates, numGates, home } = seg;
  // Vertex (r, Q): a copy of run r at QPU Q. Q above r's home: source side; below: sink side.
  const v = (r: number, q: number) => r * k + q;
  const source = runs * k;
  const sink = source + 1;
  const flow = new MaxFlow(runs * k + 2);
  const wired = new Uint8Array(runs * k);
  const wire = (x: number, up: boolean) => {
    if (wired[x]) return;
    wired[x] = 1;
    if (up) flow.addEdge(source, x, 1);
    else flow.addEdge(x, sink, 1);
  };
  for (let g = 0; g < numGates; g++) {
    let a = gates[3 * g + 1]!;
    let b = gates[3 * g + 2]!;
    if (home[a] === home[b]) continue;
    if (home[a]! > home[b]!) [a, b] = [b, a];
    const up = v(a, home[b]!);
    const down = v(b, home[a]!);
    wire(up, true);
    wire(down, false);
    flow.addEdge(up, down, Number.POSITIVE_INFINITY);
  }
  const copyEbits = flow.run(source, sink);
  const side = flow.sourceSide(source);
  // König: the cover is the source-side vertices cut off from the source plus the sink-side ones reached.
  const copied = (r: number, q: number) => (q > home[r]! ? !side[v(r, q)] : side[v(r, q)] === 1);
  const gateQpu = allocation.gateQpu.slice();
  for (let g = 0; g < numGates; g++) {
    const op = gates[3 * g]!;
    const a = gates[3 * g + 1]!;
    const b = gates[3 * g + 2]!;
    const ha = home[a]!;
    const hb = home[b]!;
    if (ha === hb) {
      gateQpu[op] = ha;
      continue;
    }
    const atB = copied(a, hb);
    const atA = copied(b, ha);
    if (!atA && !atB) throw new Error('placeGates: the cut left a gate uncovered');
    if ((gateQpu[op] === hb && atB) || (gateQpu[op] === ha && atA)) continue;
    gateQpu[op] = atB ? hb : ha;
  }
  return { allocation: { ...allocation, gateQpu }, copyEbits };
}
