import type { Command } from 'commander';
import { previewRemoval, removeContact } from '../../app/rm.js';
import { UsageError } from '../../core/errors.js';
import { PROMPTS } from '../../ui/messages/prompts.js';
import { renderRemoved, toRemovedRowsText } from '../../ui/render-change.js';
import { toRemovedView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { resolveContact, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

export function registerRm(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('rm <name>')
    .description(COMMAND_LIST.rm.summary)
    .option('-y, --yes', 'remove without asking');
  withExamples(cmd, ['net rm "Jane Doe"', 'net rm jane --yes']).action(async (query: string, flags: { yes?: boolean }) => {
    const contact = await resolveContact(ctx, ctx.store('read'), query); // a missing journal stays missing
    const store = ctx.store('write');
    if (!flags.yes) {
      if (!ctx.interactive || ctx.out.json) throw new UsageError(`net rm asks before removing ${contact.name}`, `add --yes to remove them without being asked: net rm ${JSON.stringify(contact.name)} --yes`);
      const rows = toRemovedRowsText(previewRemoval(store, contact.id).removed);
      const { askConfirm } = await import('../../ui/prompts.js');
      if (!(await askConfirm(PROMPTS.removeContact(contact.name, rows)))) {
        ctx.out.warn(PROMPTS.keptContact(contact.name));
        return;
      }
    }
    const result = store.tx(() => removeContact(store, contact.id));
    ctx.out.emit(toRemovedView(result), renderRemoved);
  });
}
