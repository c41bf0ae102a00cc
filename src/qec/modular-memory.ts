// A surface-code memory spread over modules: the d × d patch cut into vertical slabs, one per module,
// joined by noisy links (Ramette, Sinclair, Breuckmann, Vuletić, npj Quantum Inf. 10, 58 (2024),
// arXiv:2302.01296). Bulk operations keep the bulk noise; only what crosses a cut carries the
// interface error. Three ways to cross:
// - 'direct': each CX between qubits of different modules is a noisy nonlocal gate, DEPOLARIZE2 with
//   the interface probability in place of the bulk one (Ramette et al.'s model: interface noise on the
//   two-qubit gates that act across the interface, the rest of the circuit at bulk noise);
// - 'cat': a check that straddles a cut is read by two measure qubits, one per side, sharing a Bell
//   pair (Werner, DEPOLARIZE2(interfaceP)); each does the CXs with the data on its side and the check is
//   the parity of the two results, so no feedback is needed;
// - 'teleported': each crossing CX is teleported through its own Bell pair (cat-entangler and
//   disentangler, Eisert, Jacobs, Papadopoulos, Plenio, PRA 62, 052317 (2000)), corrections by feedback.
import type { Circuit, Instruction } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import { teleportedRound } from './modular-teleport.js';
import { checkProbability } from './noise-knobs.js';
import {
  assembleMemory,
  type CheckRecord,
  gate,
  type IndexedStabiliser,
  type RoundCircuit,
  syndromeRound,
  tick,
} from './surface-code-circuit.js';
import type { Point } from './surface-code-layout.js';
import {
  type MemoryOptions,
  numberedPatch,
  resolveNoiseModel,
  validateMemoryOptions,
} from './surface-code-memory.js';
import { type NoiseModel, noiseOp } from './surface-code-noise.js';

export type InterfaceScheme = 'direct' | 'cat' | 'teleported';

export interface ModularMemoryOptions extends MemoryOptions {
  modules: number;
  /** Two-qubit depolarising probability of whatever crosses a cut (nonlocal CX or Bell pair). */
  interfaceP: number;
  /** How checks are measured across a cut (default 'direct'). */
  scheme?: InterfaceScheme;
}

const SCHEMES: readonly InterfaceScheme[] = ['direct', 'cat', 'teleported'];

/**
 * Where the cuts fall: for each of the modules − 1 cuts, the number of data columns to its left
 * (slabs as even as rounding allows). On the doubled grid the cut runs through the measure-qubit
 * column x = 2·k, whose measure qubits belong to the module on the right.
 */
export function cutColumns(distance: number, modules: number): number[] {
  if (!Number.isInteger(modules) || modules < 2 || modules > distance)
    throw new QnetError(
      'E_QEC_MODULES',
      `modules must be a whole number from 2 to the distance (${distance}), got ${modules}`,
      {
        path: ['modules'],
        hint: 'each module holds at least one column of data qubits; for one module use surfaceCodeMemory',
      },
    );
  const cuts: number[] = [];
  for (let j = 1; j < modules; j++) cuts.push(Math.round((j * distance) / modules));
  return cuts;
}

/** The module (0 = leftmost) holding the qubit at doubled-grid column `x`. */
export function moduleOf(x: number, cuts: readonly number[]): number {
  let m = 0;
  for (const k of cuts) if (x >= 2 * k) m++;
  return m;
}

/**
 * The DEPOLARIZE2 probability that turns |Φ+⟩ into a Werner pair of fidelity F: of the 15 Paulis, each
 * with p/15, XX, YY and ZZ leave |Φ+⟩ alone, so F = 1 − 12p/15 and p = 5(1 − F)/4 (derived here; the
 * Werner form is Bennett, DiVincenzo, Smolin, Wootters, PRA 54, 3824 (1996)).
 */
export function interfacePFromBellFidelity(fidelity: number): number {
  if (typeof fidelity !== 'number' || !(fidelity >= 0.25 && fidelity <= 1))
    throw new QnetError('E_QEC_FIDELITY', `a Bell-pair fidelity must be in [1/4, 1], got ${fidelity}`, {
      path: ['fidelity'],
      hint: 'fidelity 1/4 is the maximally mixed pair; below that the pair is closer to another Bell state',
    });
  return (5 * (1 - fidelity)) / 4;
}

/** The inverse: fidelity with |Φ+⟩ after DEPOLARIZE2(p). */
export function bellFidelityFromInterfaceP(p: number): number {
  return 1 - (4 * p) / 5;
}

/** Replaces the bulk two-qubit noise of crossing pairs by DEPOLARIZE2(interfaceP), keeping the order. */
export function withInterfaceNoise(
  base: NoiseModel,
  crosses: (a: number, b: number) => boolean,
  interfaceP: number,
): NoiseModel {
  return {
    ...base,
    afterGate2: (pairs) => {
      const out: Instruction[] = [];
      let run: number[] = [];
      let runCrosses = false;
      const flush = (): void => {
        if (run.length > 0)
          out.push(...(runCrosses ? noiseOp('depolarize2', interfaceP, run) : base.afterGate2(run)));
        run = [];
      };
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const a = pairs[i]!;
        const b = pairs[i + 1]!;
        const c = crosses(a, b);
        if (c !== runCrosses) flush();
        runCrosses = c;
        run.push(a, b);
      }
      flush();
      return mergeNoise(out);
    },
  };
}

// Adjacent noise instructions of one channel and probability become one, so interfaceP = bulk p gives
// back the plain circuit.
function mergeNoise(ops: Instruction[]): Instruction[] {
  const out: Instruction[] = [];
  for (const op of ops) {
    const last = out.at(-1);
    if (
      last?.kind === 'noise' &&
      op.kind === 'noise' &&
      last.channel === op.channel &&
      last.probabilities.length === op.probabilities.length &&
      last.probabilities.every((p, i) => p === op.probabilities[i])
    )
      out[out.length - 1] = { ...last, targets: [...last.targets, ...op.targets] };
    else out.push(op);
  }
  return out;
}

export function validateModularOptions(options: ModularMemoryOptions): InterfaceScheme {
  validateMemoryOptions(options);
  cutColumns(options.distance, options.modules);
  checkProbability(options.interfaceP, ['interfaceP']);
  const scheme = options.scheme ?? 'direct';
  if (!SCHEMES.includes(scheme))
    throw new QnetError('E_QEC_SCHEME', `unknown interface scheme '${String(scheme)}'`, {
      path: ['scheme'],
      hint: `one of ${SCHEMES.join(', ')}`,
    });
  return scheme;
}

/** A memory experiment on a patch cut into `modules` slabs (see the file comment for the schemes). */
export function modularSurfaceCodeMemory(options: ModularMemoryOptions): Circuit {
  const scheme = validateModularOptions(options);
  const { distance, interfaceP } = options;
  const noise = resolveNoiseModel(options.noise);
  const cuts = cutColumns(distance, options.modules);
  const p = numberedPatch(distance);
  const pointOf = new Map(p.numbering.entries());
  const moduleOfQubit = (q: number): number => {
    const pt = pointOf.get(q);
    if (pt === undefined) throw new Error(`qubit ${q} has no position`);
    return moduleOf(pt.x, cuts);
  };
  const crosses = (a: number, b: number): boolean => moduleOfQubit(a) !== moduleOfQubit(b);
  const straddles = (s: IndexedStabiliser): boolean =>
    s.layers.some((q) => q !== undefined && crosses(q, s.ancilla));
  const straddling = p.stabilisers.filter(straddles).sort((a, b) => a.ancilla - b.ancilla);

  // Extra qubits (link qubits) go after the patch's, with positions half a step off the grid.
  const coords: [number, Point][] = p.numbering.entries();
  let next = p.numbering.numQubits;
  const addQubit = (pt: Point): number => {
    const q = next++;
    coords.push([q, pt]);
    pointOf.set(q, pt);
    return q;
  };

  let round: RoundCircuit;
  if (scheme === 'direct') {
    const allQubits = coords.map(([q]) => q);
    round = syndromeRound({
      allQubits,
      data: p.data,
      stabilisers: p.stabilisers,
      noise: withInterfaceNoise(noise, crosses, interfaceP),
    });
  } else if (scheme === 'cat') {
    const partner = new Map<number, number>();
    for (const s of straddling) partner.set(s.ancilla, addQubit({ x: s.coords.x - 0.5, y: s.coords.y }));
    const halves: IndexedStabiliser[] = [];
    for (const s of p.stabilisers) {
      const b = partner.get(s.ancilla);
      if (b === undefined) {
        halves.push(s);
        continue;
      }
      const home = moduleOfQubit(s.ancilla);
      halves.push({
        ...s,
        layers: s.layers.map((q) => (q !== undefined && moduleOfQubit(q) === home ? q : undefined)),
      });
      halves.push({
        type: s.type,
        ancilla: b,
        coords: { x: s.coords.x - 0.5, y: s.coords.y },
        layers: s.layers.map((q) => (q !== undefined && moduleOfQubit(q) !== home ? q : undefined)),
      });
    }
    halves.sort((a, b) => a.coords.x - b.coords.x || a.coords.y - b.coords.y);
    const as = [...partner.keys()];
    const pairs = as.flatMap((a) => [a, partner.get(a)!]);
    // The Bell pairs, made ideally and then depolarised: the link's whole error is interfaceP.
    const prelude: Instruction[] = [
      ...gate('h', as),
      tick(),
      ...gate('cx', pairs),
      ...noiseOp('depolarize2', interfaceP, pairs),
      tick(),
    ];
    const raw = syndromeRound({
      allQubits: coords.map(([q]) => q),
      data: p.data,
      stabilisers: halves,
      noise,
      prelude,
    });
    round = { ...raw, checks: mergeHalves(raw.checks, partner) };
  } else {
    const links = new Map<number, { left: number; right: number }>();
    for (const s of straddling)
      links.set(s.ancilla, {
        left: addQubit({ x: s.coords.x - 0.5, y: s.coords.y }),
        right: addQubit({ x: s.coords.x + 0.5, y: s.coords.y }),
      });
    round = teleportedRound({
      allQubits: coords.map(([q]) => q),
      data: p.data,
      stabilisers: p.stabilisers,
      noise,
      interfaceP,
      // The left link sits in the module of the check's left data, the right one with its measure qubit.
      linkFor: (ancilla, control) => {
        const l = links.get(ancilla);
        if (l === undefined) throw new Error(`check ${ancilla} has no link`);
        return moduleOfQubit(control) === moduleOfQubit(ancilla)
          ? { atControl: l.right, atTarget: l.left }
          : { atControl: l.left, atTarget: l.right };
      },
      crosses,
    });
  }
  const ancillas = coords.map(([q]) => q).filter((q) => !p.data.includes(q));
  return assembleMemory({
    numQubits: next,
    coords: coords.map(([q, c]) => [q, [c.x, c.y]] as const),
    data: p.data,
    ancillas,
    round,
    observable: p.observable(options.basis),
    basis: options.basis,
    rounds: options.rounds,
    noise,
  });
}

// Each straddling check was read by two measure qubits; its value is the parity of both.
function mergeHalves(checks: readonly CheckRecord[], partner: ReadonlyMap<number, number>): CheckRecord[] {
  const byAncilla = new Map(checks.map((c) => [c.ancillas[0]!, c]));
  const partners = new Set(partner.values());
  const out: CheckRecord[] = [];
  for (const c of checks) {
    const a = c.ancillas[0]!;
    if (partners.has(a)) continue;
    const b = partner.get(a);
    const half = b === undefined ? undefined : byAncilla.get(b);
    if (half === undefined) out.push(c);
    else
      out.push({
        type: c.type,
        coords: c.coords,
        data: [...c.data, ...half.data],
        records: [...c.records, ...half.records],
        ancillas: [a, b!],
      });
  }
  return out;
}
