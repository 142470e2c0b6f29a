import type { Command } from 'commander';
import { removeByName } from '../../app/rm.js';
import { UsageError } from '../../core/errors.js';
import { PROMPTS } from '../../ui/messages/prompts.js';
import { renderRemoved, toRemovedRowsText } from '../../ui/render-change.js';
import { toRemovedView } from '../../ui/render-change.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function setup(cmd: Command, ctx: CliContext): void {
  cmd.option('-y, --yes', 'remove without asking');
  withExamples(cmd, ['net rm "Jane Doe"', 'net rm jane --yes']).action(async (name: string, flags: { yes?: boolean }) => {
    const remove = (agreed?: Parameters<typeof removeByName>[1]['agreed']) => ctx.write((store, answers) => removeByName(store, { name, yes: Boolean(flags.yes), agreed }, answers));
    let outcome = await remove();
    // Asked with no transaction open; removed only if the journal still holds what the question showed, else asked again.
    while (!outcome.removed) {
      const { contact, removed } = outcome.result;
      if (!ctx.canAsk) throw new UsageError(`net rm asks before removing ${contact.name}`, `add --yes to remove them without being asked: net rm ${JSON.stringify(contact.name)} --yes`);
      const rows = toRemovedRowsText(removed);
      const { askConfirm } = await import('../../ui/prompts.js');
      if (!(await askConfirm(PROMPTS.removeContact(contact.name, rows)))) return ctx.out.warn(PROMPTS.keptContact(contact.name));
      outcome = await remove(outcome.result);
    }
    ctx.out.emit(toRemovedView(outcome.result), renderRemoved);
  });
}
