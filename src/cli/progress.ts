import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

export interface Progress {
  /** Fraction done in [0, 1]. */
  update(fraction: number): void;
  stop(): void;
}

const SHOW_AFTER_MS = 1_000;

/**
 * A bar on stderr for work that lasts more than a second; nothing at all with --json or when
 * stderr is not a terminal, so pipes and CI logs stay clean.
 */
export function createProgress(io: CliIo, label: string, enabled: boolean): Progress {
  if (!enabled || !io.stderrIsTTY) return { update: () => {}, stop: () => {} };
  const startMs = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(fraction) {
      if (!bar) {
        if (Date.now() - startMs < SHOW_AFTER_MS) return;
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {percentage}% | {eta_formatted} left`,
            stream: process.stderr,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(1000, 0);
      }
      bar.update(Math.round(1000 * Math.min(1, Math.max(0, fraction))));
    },
    stop() {
      bar?.stop();
    },
  };
}
