import type { Command } from 'commander';
import { showContact } from '../../app/show.js';
import { renderShow } from '../../ui/render-show.js';
import { toShowView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { resolveContact, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

const SHOW_LATEST = 20;

export function registerShow(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('show <name>')
    .description(COMMAND_LIST.show.summary)
    .option('--all', 'the whole timeline');
  withExamples(cmd, ['net show jane', 'net show jane --all', 'net --json show "Jane Doe"']).action(async (query: string, flags: { all?: boolean }) => {
    const store = ctx.store('read');
    const contact = await resolveContact(ctx, store, query);
    const limit = flags.all || ctx.out.json ? undefined : SHOW_LATEST;
    ctx.out.emit(toShowView(showContact(store, contact.id, ctx.today, limit)), (v, p) => renderShow(v, p, ctx.today));
  });
}
