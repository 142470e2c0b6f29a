import type { Command } from 'commander';
import { showContact } from '../../app/show.js';
import { renderShow } from '../../ui/render-show.js';
import { toShowView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { resolveContact, withExamples } from '../options.js';

export function registerShow(program: Command, ctx: CliContext): void {
  const cmd = program.command('show <name>').description("a contact's profile and the relationship's timeline, newest first");
  withExamples(cmd, ['net show jane', 'net --json show "Jane Doe"']).action(async (query: string) => {
    const store = ctx.store('read');
    const contact = await resolveContact(ctx, store, query);
    ctx.out.emit(toShowView(showContact(store, contact.id, ctx.today)), (v, p) => renderShow(v, p, ctx.today));
  });
}
