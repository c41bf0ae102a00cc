// Protocols are sans-IO state machines: they take a message or a timer and return the actions to
// perform. The kernel drives them in simulation; a real control plane could drive the same code with
// sockets and clocks.

/** Send `message` to the protocol of the same name at node `to` (routed hop by hop). */
export interface SendAction<M> {
  kind: 'send';
  to: string;
  message: M;
}

/** Call `onTimer(token)` after `delayPs`. */
export interface TimerAction {
  kind: 'timer';
  delayPs: number;
  token: number;
}

export type ProtocolAction<M> = SendAction<M> | TimerAction;

export interface Protocol<M> {
  /** Name shared by the peers of one protocol instance; messages are dispatched by it. */
  readonly name: string;
  start(nowPs: number): ProtocolAction<M>[];
  onMessage(from: string, message: M, nowPs: number): ProtocolAction<M>[];
  onTimer(token: number, nowPs: number): ProtocolAction<M>[];
}
