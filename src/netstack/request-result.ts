// What the network did for one request, as reports show it. Latency is per delivered pair: from the
// moment the request started waiting for that pair (its release, for a stream) to its delivery.
import type { AdmissionRefusal } from './requests.js';

export type NetworkRequestStatus = 'refused' | 'active' | 'completed' | 'expired' | 'ended';

export interface RequestResult {
  id: string;
  src: string;
  dst: string;
  minFidelity: number;
  /** Pairs asked for (a `pairs` request). */
  pairsRequested?: number;
  /** Pairs per second asked for (a stream). */
  requestedRateHz?: number;
  deadlineUs?: number;
  priority: number;
  submittedUs: number;
  status: NetworkRequestStatus;
  refusal?: { kind: AdmissionRefusal; reason: string };
  /** Nodes of the route the request was admitted on. */
  route: string[];
  pairsDelivered: number;
  /** Pairs delivered per second from submission to completion (or the deadline, or the run's end). */
  rateHz: number;
  latencyP50Us: number;
  latencyP99Us: number;
  latencyMeanUs: number;
  meanFidelity: number;
  /** Lowest fidelity of a delivered pair. */
  worstFidelity: number;
  /** Delivered pairs whose fidelity fell below minFidelity (memory decay while waiting). */
  pairsBelowMinFidelity: number;
  /** From submission to the last pair of a completed `pairs` request, µs. */
  completionUs?: number;
  /** 'none' without a deadline, or when refused; 'pending' while it can still go either way. */
  deadline: 'met' | 'missed' | 'pending' | 'none';
  /** Stream pairs delivered after their due time, plus those overdue and undelivered. */
  latePairs?: number;
}

/** Totals over all requests, for summaries and benchmarks. */
export interface RequestTotals {
  submitted: number;
  admitted: number;
  refused: number;
  completed: number;
  expired: number;
  active: number;
  deadlinesMet: number;
  deadlinesMissed: number;
  pairsDelivered: number;
  /** Mean over delivered pairs (not over requests). */
  meanFidelity: number;
  latencyP50Us: number;
  latencyP99Us: number;
}
