// Merging raw error mechanisms into a model, and splitting each into graph-like components (at most
// two detectors each) the way Stim's --decompose_errors does. First within the channel: an error is
// split into two other Paulis of the same channel on the same qubits that are graph-like (a
// two-detector error into two one-detector ones where the channel has them); what is still not
// graph-like is then split into errors that exist on their own elsewhere in the model, allowing one
// new "remnant" component. This reproduces stim analyze_errors --decompose_errors on sc_d5 exactly.

import { QnetError } from '../util/errors.js';
import type { DemError, DemTerm } from './dem.js';
import { detectorCount, NO_SYMPTOMS, type Symptoms, symptomKey, xorSymptoms } from './dem-symptoms.js';

interface Plan {
  readonly pieces: Symptoms[];
  readonly graphlike: boolean;
}

/**
 * One noise channel on one target group: the symptoms of every Pauli on its one or two qubits
 * (indexed by Pauli bits x_a z_a x_b z_b) and their detector counts.
 */
export class ChannelGroup {
  readonly combos: Symptoms[];
  readonly detectors: Uint8Array;
  private plans: (Plan | undefined)[] | undefined;

  /** `basis`: symptoms of X_a, Z_a (and X_b, Z_b for a two-qubit channel). */
  constructor(basis: readonly Symptoms[], numDetectors: number) {
    const size = 1 << basis.length;
    const combos: Symptoms[] = [NO_SYMPTOMS];
    const detectors = new Uint8Array(size);
    for (let k = 1; k < size; k++) {
      const low = k & -k;
      const c = xorSymptoms(combos[k ^ low]!, basis[31 - Math.clz32(low)]!);
      combos.push(c);
      detectors[k] = Math.min(255, detectorCount(c, numDetectors));
    }
    this.combos = combos;
    this.detectors = detectors;
  }

  /**
   * The Pauli k1 splitting Pauli k into two graph-like Paulis k1, k ^ k1 of this channel, or 0.
   * A two-detector error splits only into two single-detector ones; a larger one into any two
   * graph-like ones with detectors.
   */
  splitOf(k: number): number {
    const det = this.detectors;
    const n = det[k]!;
    if (n <= 1) return 0;
    for (let k1 = 1; k1 < det.length; k1++) {
      const k2 = k ^ k1;
      if (k2 === 0 || k1 === k) continue;
      const d1 = det[k1]!;
      const d2 = det[k2]!;
      if (n === 2 ? d1 === 1 && d2 === 1 : d1 > 0 && d2 > 0 && d1 <= 2 && d2 <= 2) return k1;
    }
    return 0;
  }

  /** The within-channel split of Pauli k, reduced; `graphlike` when no piece needs more splitting. */
  plan(k: number, numDetectors: number): Plan {
    this.plans ??= new Array<Plan | undefined>(this.detectors.length);
    let p = this.plans[k];
    if (!p) {
      const pieces = reducePieces(this.split(k, 0));
      p = { pieces, graphlike: pieces.every((c) => detectorCount(c, numDetectors) <= 2) };
      this.plans[k] = p;
    }
    return p;
  }

  private split(k: number, depth: number): Symptoms[] {
    const k1 = depth > 3 ? 0 : this.splitOf(k);
    if (k1 === 0) return [this.combos[k]!];
    return [...this.split(k1, depth + 1), ...this.split(k ^ k1, depth + 1)];
  }
}

/** A mechanism waiting for the model-wide split, with the line of the operation that made it. */
interface RawMechanism {
  probability: number;
  symptoms: Symptoms;
  line: number | undefined;
}

export interface DecomposeContext {
  numDetectors: number;
  file: string | undefined;
}

const NONE: readonly number[] = Object.freeze([]);

function term(s: Symptoms, numDetectors: number): DemTerm {
  let split = s.length;
  while (split > 0 && s[split - 1]! >= numDetectors) split--;
  // Most terms flip no observable: they share one frozen empty list (and their id list itself).
  if (split === s.length) return { detectors: s, observables: NONE };
  return { detectors: s.slice(0, split), observables: s.slice(split).map((id) => id - numDetectors) };
}

// Independent mechanisms with the same effect combine: it happens when exactly one of them does.
const combine = (p: number, q: number): number => p * (1 - q) + q * (1 - p);

/** Drops empty pieces and cancels equal pairs (their flips undo each other); canonical order. */
function reducePieces(pieces: readonly Symptoms[]): Symptoms[] {
  if (pieces.length === 1) return pieces[0]!.length === 0 ? [] : [pieces[0]!];
  const sorted = pieces.filter((p) => p.length > 0).sort(compareSymptoms);
  const out: Symptoms[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && compareSymptoms(last, p) === 0) out.pop();
    else out.push(p);
  }
  return out;
}

function compareSymptoms(a: Symptoms, b: Symptoms): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function hashInto(h: number, c: Symptoms): number {
  for (const id of c) h = Math.imul(h ^ id, 0x01000193);
  return Math.imul(h ^ 0x7fffffff, 0x01000193);
}

// MurmurHash3's finaliser spreads the bits into the low ones the table indexes by.
function finalHash(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function sameComponents(a: readonly Symptoms[], b: readonly Symptoms[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (compareSymptoms(a[i]!, b[i]!) !== 0) return false;
  return true;
}

/**
 * Errors keyed by their components: an open-addressing hash table over entry indices (about a
 * million insertions for sc_d25, where a Map of buckets or string keys costs several times more).
 */
class ErrorTable {
  readonly entries: { components: Symptoms[]; probability: number }[] = [];
  // hashes[e] for entry e; as long as the slot table, which is at least twice the entry count.
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1024);

  add(components: Symptoms[], probability: number): void {
    let h = 0x811c9dc5;
    for (const c of components) h = hashInto(h, c);
    this.insert(finalHash(h), components, undefined, probability);
  }

  /** `add([single], probability)` without allocating when the error is already known. */
  addSingle(single: Symptoms, probability: number): void {
    this.insert(finalHash(hashInto(0x811c9dc5, single)), undefined, single, probability);
  }

  private insert(
    h: number,
    components: Symptoms[] | undefined,
    single: Symptoms | undefined,
    probability: number,
  ): void {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) {
        this.hashes[this.entries.length] = h;
        this.entries.push({ components: components ?? [single!], probability });
        this.slots[i] = this.entries.length;
        if (this.entries.length * 2 > this.slots.length) this.grow();
        return;
      }
      if (this.hashes[slot - 1] !== h) continue;
      const e = this.entries[slot - 1]!;
      const same = components
        ? sameComponents(e.components, components)
        : e.components.length === 1 && compareSymptoms(e.components[0]!, single!) === 0;
      if (same) {
        e.probability = combine(e.probability, probability);
        return;
      }
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const hashes = new Int32Array(slots.length);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const mask = slots.length - 1;
    for (let e = 0; e < this.entries.length; e++) {
      let i = this.hashes[e]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = e + 1;
    }
    this.slots = slots;
  }
}

/**
 * Graph-like errors of the model indexed by detector, for splitting what the channel could not:
 * a depth-first search removes known graph-like errors made of the error's detectors.
 */
class GraphlikeIndex {
  private readonly byDetector = new Map<number, Symptoms[]>();
  private readonly known = new Set<string>();

  constructor(private readonly numDetectors: number) {}

  add(s: Symptoms): void {
    const k = symptomKey(s);
    if (this.known.has(k)) return;
    this.known.add(k);
    for (const id of s) {
      if (id >= this.numDetectors) break;
      const list = this.byDetector.get(id);
      if (list) list.push(s);
      else this.byDetector.set(id, [s]);
    }
  }

  /**
   * Known graph-like errors whose XOR is `s`, allowing one graph-like remnant that is not known
   * (Stim does the same unless told to block remnant edges), or undefined.
   */
  split(s: Symptoms): Symptoms[] | undefined {
    return this.search(s, 0, { nodes: 10_000 });
  }

  private search(s: Symptoms, depth: number, budget: { nodes: number }): Symptoms[] | undefined {
    if (s.length === 0) return [];
    const detectors = detectorCount(s, this.numDetectors);
    if (detectors > 0 && detectors <= 2 && (depth > 0 || this.known.has(symptomKey(s)))) return [s];
    if (detectors === 0 || depth >= 8 || --budget.nodes < 0) return undefined;
    const inside = new Set(s);
    // Known errors holding the lowest detector first; the remnant may hold it, so then the others.
    for (const d of s) {
      if (d >= this.numDetectors) break;
      for (const g of this.byDetector.get(d) ?? []) {
        let fits = true;
        for (const id of g) {
          if (id < this.numDetectors && !inside.has(id)) {
            fits = false;
            break;
          }
        }
        if (!fits) continue;
        const rest = this.search(xorSymptoms(s, g), depth + 1, budget);
        if (rest) return [g, ...rest];
      }
    }
    return undefined;
  }
}

/**
 * Collects mechanisms as the backward pass finds them: each is split within its channel and merged
 * at once; the few that need errors from elsewhere in the model wait for `finish`.
 */
export class DemBuilder {
  private readonly table = new ErrorTable();
  private readonly deferred: { m: RawMechanism; pieces: Symptoms[] }[] = [];

  constructor(
    private readonly ctx: DecomposeContext,
    private readonly decompose: boolean,
  ) {}

  /** A mechanism of a noise channel: Pauli `pauli` of `group`. */
  addPauli(probability: number, group: ChannelGroup, pauli: number, line: number | undefined): void {
    const symptoms = group.combos[pauli]!;
    if (symptoms.length === 0) return;
    if (!this.decompose || (group.detectors[pauli]! <= 2 && group.splitOf(pauli) === 0)) {
      this.table.addSingle(symptoms, probability);
      return;
    }
    const plan = group.plan(pauli, this.ctx.numDetectors);
    if (plan.graphlike) this.table.add(plan.pieces, probability);
    else this.deferred.push({ m: { probability, symptoms, line }, pieces: plan.pieces });
  }

  /** A mechanism with the given symptoms and no channel structure (a measurement flip). */
  addSymptoms(probability: number, symptoms: Symptoms, line: number | undefined): void {
    if (symptoms.length === 0) return;
    if (!this.decompose || detectorCount(symptoms, this.ctx.numDetectors) <= 2) {
      this.table.addSingle(symptoms, probability);
    } else {
      this.deferred.push({ m: { probability, symptoms, line }, pieces: [symptoms] });
    }
  }

  finish(): DemError[] {
    const nd = this.ctx.numDetectors;
    if (this.deferred.length > 0) {
      const index = new GraphlikeIndex(nd);
      for (const e of this.table.entries) for (const c of e.components) index.add(c);
      for (const { m, pieces } of this.deferred) {
        const out: Symptoms[] = [];
        for (const p of pieces) {
          if (detectorCount(p, nd) <= 2) {
            out.push(p);
            continue;
          }
          const found = index.split(p);
          if (!found) throw undecomposable(m, p, this.ctx);
          out.push(...found);
        }
        this.table.add(reducePieces(out), m.probability);
      }
    }
    // Components shared between errors (boundary pieces of many decompositions) share their term.
    const terms = new Map<Symptoms, DemTerm>();
    const termOf = (c: Symptoms): DemTerm => {
      const known = terms.get(c);
      if (known) return known;
      const t = term(c, nd);
      terms.set(c, t);
      return t;
    };
    return this.table.entries.map((e) => ({
      probability: e.probability,
      components: e.components.length === 1 ? [term(e.components[0]!, nd)] : e.components.map(termOf),
    }));
  }
}

function undecomposable(m: RawMechanism, piece: Symptoms, ctx: DecomposeContext): QnetError {
  const t = term(piece, ctx.numDetectors);
  const names = [...t.detectors.map((d) => `D${d}`), ...t.observables.map((o) => `L${o}`)].join(' ');
  const opts: { file?: string; line?: number; hint: string } = {
    hint: 'a matching decoder needs every error to be a combination of errors with at most two detectors: check the detectors, or extract without decompose',
  };
  if (ctx.file !== undefined) opts.file = ctx.file;
  if (m.line !== undefined) opts.line = m.line;
  return new QnetError(
    'E_DEM_DECOMPOSE',
    `the error at line ${m.line ?? '?'} flips ${names}, which is not a combination of graph-like errors of the model`,
    opts,
  );
}
