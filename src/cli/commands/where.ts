import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function registerWhere(program: Command, ctx: CliContext): void {
  withExamples(program.command('where').description('print which journal file is in use'), ['net where', 'net --db ~/work.db where']).action(() => {
    const { path, source } = ctx.journal();
    ctx.out.emit({ path, source, exists: existsSync(path) }, (w) => `${w.path}${w.exists ? '' : ' (not created yet: the first write creates it)'}`);
  });
}
