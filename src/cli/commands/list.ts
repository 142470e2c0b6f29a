import type { Command } from 'commander';
import { listContacts } from '../../app/list.js';
import { parseTag } from '../../core/profile.js';
import { renderList } from '../../ui/render-list.js';
import { toContactViews } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

export function registerList(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('list')
    .description(COMMAND_LIST.list.summary)
    .option('--tag <tag>', 'only contacts with this tag', parseTag);
  withExamples(cmd, ['net list', 'net list --tag bni', 'net --json list --tag client']).action((flags: { tag?: string }) => {
    const store = ctx.store('read');
    const result = listContacts(store, flags);
    const views = toContactViews(result.contacts, result.factsByContact);
    ctx.out.emit(views, (v, p) => renderList(v, p, { today: ctx.today, tag: flags.tag, journalEmpty: result.journalEmpty }));
  });
}
