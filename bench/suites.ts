// The registry of benchmark suites behind `qnet bench SUITE` and `npm run bench`.
import { dqcSuite } from './dqc.js';
import { frameSuite } from './frame.js';
import { networkSuite } from './network.js';
import { pholdSuite } from './phold.js';
import { qecSuite } from './qec.js';
import type { BenchRecord, SuiteOptions } from './record.js';
import { stabilizerSuite } from './stabilizer.js';
import { statevectorSuite } from './statevector.js';

export type Suite = (opts: SuiteOptions) => BenchRecord[] | Promise<BenchRecord[]>;

export const SUITES: Readonly<Record<string, Suite>> = {
  kernel: pholdSuite,
  statevector: statevectorSuite,
  stabilizer: stabilizerSuite,
  frame: frameSuite,
  network: networkSuite,
  dqc: dqcSuite,
  qec: qecSuite,
};
