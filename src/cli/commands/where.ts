import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderWhere } from '../../ui/render-doctor.js';
import type { CliContext } from '../context.js';
import { mayCreateFolder } from '../journal-path.js';
import { withExamples } from '../options.js';

export function setup(cmd: Command, ctx: CliContext): void {
  withExamples(cmd, ['net where', 'net --db ~/work.db where']).action(() => {
    const where = ctx.journalPath();
    const { path, source } = where;
    const folderMissing = !existsSync(dirname(path)) && !mayCreateFolder(where);
    ctx.out.emit({ path, source, exists: existsSync(path), ...(folderMissing && { folderMissing }) }, renderWhere);
  });
}
