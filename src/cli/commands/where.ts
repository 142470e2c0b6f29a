import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { renderWhere } from '../../ui/render-doctor.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

export function registerWhere(program: Command, ctx: CliContext): void {
  withExamples(program.command('where').description(COMMAND_LIST.where.summary), ['net where', 'net --db ~/work.db where']).action(() => {
    const { path, source } = ctx.journal();
    ctx.out.emit({ path, source, exists: existsSync(path) }, renderWhere);
  });
}
