import type { Command } from 'commander';
import { listContacts } from '../../app/list.js';
import { parseTag } from '../../core/profile.js';
import { renderList } from '../../ui/render-list.js';
import { toContactViews } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--tag <tag>', 'only contacts with this tag', parseTag);
  withExamples(cmd, ['net list', 'net list --tag bni', 'net --json list --tag client']).action(async (flags: { tag?: string }) => {
    const result = await ctx.read((store) => listContacts(store, flags));
    const views = toContactViews(result.contacts, result.factsByContact);
    ctx.out.emit(views, (v, p) => renderList(v, p, { today: ctx.today, tag: flags.tag, journalEmpty: result.journalEmpty }));
  });
}
