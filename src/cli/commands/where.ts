import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { renderWhere } from '../../ui/render-doctor.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function setup(cmd: Command, ctx: CliContext): void {
  withExamples(cmd, ['net where', 'net --db ~/work.db where']).action(() => {
    const { path, source } = ctx.journalPath();
    ctx.out.emit({ path, source, exists: existsSync(path) }, renderWhere);
  });
}
