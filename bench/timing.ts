// Timing helpers shared by the state-engine suites: wall and CPU time of a run, medians of several.
import { spawnSync } from 'node:child_process';
import { median } from '../src/util/index.js';

export interface Timed<T> {
  result: T;
  wallSeconds: number;
  /** User + system CPU time of this process during the run. */
  cpuSeconds: number;
}

export function timed<T>(run: () => T): Timed<T> {
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  const result = run();
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { result, wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Runs `run` `reps` times; medians of wall and CPU time, and the last result. */
export function medianOf<T>(reps: number, run: () => T): Timed<T> & { reps: number } {
  const runs = Array.from({ length: reps }, () => timed(run));
  return {
    result: runs[runs.length - 1]!.result,
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    reps,
  };
}

/**
 * Wall and CPU time of a whole `qnet ARGS...` process, start-up included, as a user would see it.
 * The child reports its own CPU time on exit, since Node cannot read a child's.
 */
export function timeCli(args: readonly string[]): { wallSeconds: number; cpuSeconds: number } {
  const main = new URL('../src/cli/main.js', import.meta.url).href;
  const script = `const { main } = await import(${JSON.stringify(main)});
const code = await main(${JSON.stringify(args)}, { stdout() {}, stdoutBytes() {}, stderr: (t) => process.stderr.write(t), stderrIsTTY: false, cwd: process.cwd() });
const u = process.cpuUsage();
process.stdout.write(JSON.stringify({ code, cpu: (u.user + u.system) / 1e6 }));`;
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`qnet ${args.join(' ')} failed: ${child.stderr}`);
  const { code, cpu } = JSON.parse(child.stdout) as { code: number; cpu: number };
  if (code !== 0) throw new Error(`qnet ${args.join(' ')} exited ${code}: ${child.stderr}`);
  return { wallSeconds, cpuSeconds: cpu };
}

/** Medians of `reps` whole-process runs of `qnet ARGS...`. */
export function medianCli(
  reps: number,
  args: readonly string[],
): { wallSeconds: number; cpuSeconds: number } {
  const runs = Array.from({ length: reps }, () => timeCli(args));
  return {
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
  };
}
