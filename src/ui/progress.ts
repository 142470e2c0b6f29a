/** A progress bar on stderr for long imports: only on a terminal, never with --json. cli-progress is loaded only then. */
import type { Progress } from '../app/import.js';

/** Below this total (rows of a JSON merge, bytes of a streamed file) an import is over before a bar would help. */
export const PROGRESS_THRESHOLD = 300;

export interface ProgressBar {
  update: Progress;
  stop(): void;
}

const silent: ProgressBar = { update: () => undefined, stop: () => undefined };

export async function createProgressBar(stream: NodeJS.WriteStream, enabled: boolean): Promise<ProgressBar> {
  if (!enabled || !stream.isTTY) return silent;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  let bar: InstanceType<typeof SingleBar> | undefined;
  return {
    update(done, total) {
      if (total <= PROGRESS_THRESHOLD) return;
      if (!bar) {
        bar = new SingleBar({ stream, format: 'importing [{bar}] {percentage}%', hideCursor: true, clearOnComplete: true, synchronousUpdate: true }, Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}
