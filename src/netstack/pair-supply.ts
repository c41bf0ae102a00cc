// What the network layer needs of a link: a kernel-driven source of pairs that can be started and
// stopped as demand comes and goes. The link layer's EntanglementLink (link-layer.ts) is one; the
// network simulation (network-sim.ts) sees only this, so tests and other link models can stand in.
import type { HeldPair } from './held-pair.js';

/** A pair a link made: usable from `heraldedPs`, its state described at `statePs`. */
export interface SuppliedPair extends HeldPair {
  readonly id: number;
  /** When the successful attempt happened. */
  readonly createdPs: number;
  /** When the herald reached the later end. */
  readonly heraldedPs: number;
}

export interface SupplyStats {
  readonly attempts: number;
  /** Pairs usable at both ends. */
  readonly pairs: number;
  /** Pairs discarded at the cutoff without being taken. */
  readonly discarded: number;
  readonly successProbability: number;
  readonly successProbabilityStdErr: number;
  /** Pairs per second of generating time, and its Poisson standard error. */
  readonly rateHz: number;
  readonly rateStdErr: number;
  /** Mean fidelity of the pairs when heralded, and its standard error. */
  readonly fidelity: number;
  readonly fidelityStdErr: number;
  /** Time spent generating, ps. */
  readonly elapsedPs: number;
}

/** A link generating pairs under the kernel while started. */
export interface PairSupply {
  start(): void;
  /** Stops new attempts; pairs already heralded stay available until taken or cut off. */
  stop(): void;
  /** Calls `listener` whenever a new pair becomes usable at both ends. */
  onPair(listener: () => void): unknown;
  /** Usable pairs now. */
  readonly available: number;
  /** Takes a usable pair, its state brought to now, freeing its communication qubits. */
  take(): SuppliedPair | undefined;
  stats(): SupplyStats;
}
