// A pool of heralding stations behind one optical switch (the datacenter architecture: QPUs on the
// switch's inputs, each station's two arms on two outputs). A link between two QPUs may run only
// while it holds a station and both QPUs' switch ports; the pool grants them by the scheduling
// policy's ranking and reconfigures the switch, whose delay passes before attempts start.
//
// Connections are left in place when a link lets its station go, so the same link asking again gets
// it back at no delay. A new path disturbs only the ports it uses: other links keep their light (a
// non-blocking circuit switch), although OpticalSwitch prices any change as a full reconfiguration.
import { OpticalSwitch, type OpticalSwitchParams, type SwitchPair } from '../hardware/optical-switch.js';
import { QnetError } from '../util/errors.js';

export interface PoolStation {
  readonly id: string;
  /** The switch outputs leading to the station's two arms. */
  readonly outputs: readonly [number, number];
}

export interface StationPoolParams {
  readonly id: string;
  readonly switch: OpticalSwitchParams;
  readonly stations: readonly PoolStation[];
  /** The switch input each QPU's fibre arrives on. */
  readonly inputOf: ReadonlyMap<string, number>;
}

/** A link that wants a station. */
export interface PoolClient {
  readonly key: string;
  readonly ends: readonly [string, string];
  /** Lower ranks are served first; compared element by element. */
  rank(): readonly number[];
  /** The station `index` is the client's; light flows after `delayPs`. */
  granted(index: number, delayPs: number): void;
}

export interface PoolStats {
  grants: number;
  reconfigurations: number;
  reconfigurationPs: number;
}

export class StationPool {
  readonly params: StationPoolParams;
  private readonly optical: OpticalSwitch;
  private readonly holder: (PoolClient | undefined)[];
  /** The client each station's paths were last set up for. */
  private readonly configuredFor: (string | undefined)[];
  private readonly waiting = new Set<PoolClient>();
  private readonly busyNodes = new Set<string>();
  private grants = 0;
  private reconfigurations = 0;
  private reconfigurationPs = 0;

  constructor(params: StationPoolParams) {
    this.params = params;
    this.optical = new OpticalSwitch(params.switch);
    this.holder = params.stations.map(() => undefined);
    this.configuredFor = params.stations.map(() => undefined);
  }

  want(client: PoolClient): void {
    for (const end of client.ends) {
      if (!this.params.inputOf.has(end)) {
        throw new QnetError('E_POOL', `node '${end}' has no port on switch ${this.params.id}`, {
          hint: 'join every QPU of a switched link to the switch with a fibre',
        });
      }
    }
    this.waiting.add(client);
    this.allocate();
  }

  /** The client no longer wants a station it has not been granted. */
  unwant(client: PoolClient): void {
    this.waiting.delete(client);
  }

  /** The client is done with its station. */
  release(client: PoolClient): void {
    const i = this.holder.indexOf(client);
    if (i < 0) throw new Error(`pool ${this.params.id}: ${client.key} holds no station`);
    this.holder[i] = undefined;
    for (const end of client.ends) this.busyNodes.delete(end);
    this.allocate();
  }

  stats(): PoolStats {
    return {
      grants: this.grants,
      reconfigurations: this.reconfigurations,
      reconfigurationPs: this.reconfigurationPs,
    };
  }

  private allocate(): void {
    if (this.waiting.size === 0) return;
    const queue = [...this.waiting].sort((a, b) => compareRanks(a.rank(), b.rank()));
    for (const client of queue) {
      if (!this.holder.includes(undefined)) return;
      if (client.ends.some((n) => this.busyNodes.has(n))) continue;
      const index = this.pickStation(client.key);
      this.waiting.delete(client);
      this.holder[index] = client;
      for (const end of client.ends) this.busyNodes.add(end);
      const delayPs = this.connect(index, client);
      this.grants++;
      if (delayPs > 0) {
        this.reconfigurations++;
        this.reconfigurationPs += delayPs;
      }
      client.granted(index, delayPs);
    }
  }

  /** A free station: the one already set up for this client, else one never used, else the first. */
  private pickStation(key: string): number {
    const free = this.holder.flatMap((h, i) => (h === undefined ? [i] : []));
    return (
      free.find((i) => this.configuredFor[i] === key) ??
      free.find((i) => this.configuredFor[i] === undefined) ??
      free[0]!
    );
  }

  private connect(index: number, client: PoolClient): number {
    const station = this.params.stations[index]!;
    const inputs = client.ends.map((n) => this.params.inputOf.get(n)!);
    const kept = this.optical
      .connections()
      .filter(([i, o]) => !inputs.includes(i) && !station.outputs.includes(o));
    const wanted: SwitchPair[] = [
      [inputs[0]!, station.outputs[0]],
      [inputs[1]!, station.outputs[1]],
    ];
    this.configuredFor.forEach((k, i) => {
      // A station that loses a path is no longer set up for anyone.
      if (i !== index && k !== undefined && this.params.stations[i]!.outputs.some((o) => lost(o))) {
        this.configuredFor[i] = undefined;
      }
    });
    this.configuredFor[index] = client.key;
    return this.optical.reconfigure([...kept, ...wanted]);

    function lost(output: number): boolean {
      return kept.every(([, o]) => o !== output);
    }
  }
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    // Not a subtraction: ranks may be infinite (no deadline), and ∞ − ∞ is NaN.
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
