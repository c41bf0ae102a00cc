// One syndrome round in which every CX that crosses a module cut is teleported through a Bell pair:
// CX control→link, measure the link (Z) and flip the far link on a 1, CX far link→target, measure the
// far link in X and apply Z to the control on a 1 (the cat-entangler/disentangler of Eisert, Jacobs,
// Papadopoulos, Plenio, PRA 62, 052317 (2000)). Corrections are Stim feedback (`CX rec[-k] q`), so the
// detectors are those of the plain round.
import type { Instruction } from '../circuit/ir.js';
import {
  closeRound,
  cxLayers,
  gate,
  type IndexedStabiliser,
  idleQubits,
  measure,
  type RoundCircuit,
  tick,
} from './surface-code-circuit.js';
import { type NoiseModel, noiseOp } from './surface-code-noise.js';

export interface TeleportedRoundSpec {
  readonly allQubits: readonly number[];
  readonly data: readonly number[];
  readonly stabilisers: readonly IndexedStabiliser[];
  readonly noise: NoiseModel;
  /** DEPOLARIZE2 probability of each Bell pair. */
  readonly interfaceP: number;
  /** The two link qubits a check uses for a crossing CX whose control is `control`. */
  readonly linkFor: (ancilla: number, control: number) => { atControl: number; atTarget: number };
  readonly crosses: (a: number, b: number) => boolean;
}

export function teleportedRound(spec: TeleportedRoundSpec): RoundCircuit {
  const { allQubits, data, stabilisers, noise, interfaceP, crosses } = spec;
  const ancillaOf = new Map<string, number>();
  for (const s of stabilisers)
    for (const q of s.layers)
      if (q !== undefined) ancillaOf.set(`${Math.min(q, s.ancilla)},${Math.max(q, s.ancilla)}`, s.ancilla);
  const xAncillas = stabilisers
    .filter((s) => s.type === 'X')
    .map((s) => s.ancilla)
    .sort((a, b) => a - b);
  const out: Instruction[] = [tick(), ...noise.beforeRound(data)];
  let measured = 0;
  const layer1 = (targets: readonly number[]): void => {
    out.push(
      ...gate('h', targets),
      ...noise.afterGate1(targets),
      ...noise.idle('gate1', idleQubits(allQubits, targets)),
    );
  };
  const layer2 = (pairs: readonly number[]): void => {
    out.push(
      tick(),
      ...gate('cx', pairs),
      ...noise.afterGate2(pairs),
      ...noise.idle('gate2', idleQubits(allQubits, pairs)),
    );
  };
  // Measures `targets`, then applies `pauli` to correction[i] when result i reads 1.
  const measureAndCorrect = (
    basis: 'X' | 'Z',
    targets: readonly number[],
    pauli: 'x' | 'z',
    corrections: readonly number[],
  ): void => {
    out.push(tick(), ...noise.beforeMeasure(basis, targets), measure(basis, targets, false));
    out.push(...noise.idle('measure', idleQubits(allQubits, targets)));
    measured += targets.length;
    for (let i = 0; i < targets.length; i++)
      out.push({
        kind: 'gate',
        gate: pauli,
        targets: [corrections[i]!],
        params: [],
        recordControl: targets.length - i,
      });
  };

  layer1(xAncillas);
  for (const pairs of cxLayers(stabilisers)) {
    const local: number[] = [];
    const remote: [number, number][] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const c = pairs[i]!;
      const t = pairs[i + 1]!;
      if (crosses(c, t)) remote.push([c, t]);
      else local.push(c, t);
    }
    layer2(local);
    if (remote.length === 0) continue;
    const links = remote.map(([c, t]) => {
      const ancilla = ancillaOf.get(`${Math.min(c, t)},${Math.max(c, t)}`);
      if (ancilla === undefined) throw new Error(`CX ${c} ${t} belongs to no check`);
      return spec.linkFor(ancilla, c);
    });
    const atControl = links.map((l) => l.atControl);
    const atTarget = links.map((l) => l.atTarget);
    const bell = links.flatMap((l) => [l.atControl, l.atTarget]);
    // The Bell pair, made ideally and then depolarised: the link's whole error is interfaceP.
    out.push(
      tick(),
      { kind: 'reset', basis: 'Z', targets: [...atControl, ...atTarget] },
      ...gate('h', atControl),
    );
    out.push(tick(), ...gate('cx', bell), ...noiseOp('depolarize2', interfaceP, bell));
    layer2(remote.flatMap(([c], i) => [c, atControl[i]!]));
    measureAndCorrect('Z', atControl, 'x', atTarget);
    layer2(remote.flatMap(([, t], i) => [atTarget[i]!, t]));
    measureAndCorrect(
      'X',
      atTarget,
      'z',
      remote.map(([c]) => c),
    );
  }
  out.push(tick());
  layer1(xAncillas);
  return closeRound(out, spec, measured);
}
