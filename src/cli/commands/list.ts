import type { Command } from 'commander';
import { listContacts, type ListedContact } from '../../app/list.js';
import { parseTag } from '../../core/profile.js';
import { renderEmptyList, renderListLine } from '../../ui/render-list.js';
import { toContactView } from '../../ui/contact-view.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';
import { openListSink } from '../pager.js';

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--tag <tag>', 'only contacts with this tag', parseTag)
    .option('--no-pager', 'on a terminal, print the list instead of paging it ($NET_PAGER, $PAGER, else less)');
  withExamples(cmd, ['net list', 'net list --tag bni', 'net list | grep -i acme        # into a pipe: every line, never paged', 'net --json list --tag client']).action(
    async (flags: { tag?: string; pager: boolean }) => {
      // No transaction: the list is printed while it is read (a pager may hold it for minutes); one statement reads it.
      const result = ctx.open('read').use((store) => listContacts(store, { tag: flags.tag }));
      if (result.widths.none) {
        ctx.out.emit([], () => renderEmptyList({ today: ctx.today, tag: flags.tag, journalEmpty: result.journalEmpty }));
        return;
      }
      const sink = await openListSink(ctx, flags.pager);
      const line = (c: ListedContact, p: Parameters<typeof renderListLine>[2]) => renderListLine(c, result.widths, p, ctx.today);
      try {
        await ctx.out.stream(result.contacts, sink, line, (c) => toContactView(c, result.factsOf(c.id)));
      } finally {
        await sink.end();
      }
    },
  );
}
