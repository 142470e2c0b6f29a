import type { Command } from 'commander';
import { addContactWithFacts, checkEmailFree, checkMetOn, checkNameFree, type AddInput } from '../../app/add.js';
import { UsageError } from '../../core/errors.js';
import { parseContactName } from '../../core/names.js';
import { renderAdded } from '../../ui/render-contact.js';
import { toContactView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';
import { addProfileFlags, toProfileFields, type ProfileFlags } from '../profile-flags.js';
import { findUserDateOrder } from '../dates.js';

export function setup(cmd: Command, ctx: CliContext): void {
  withExamples(addProfileFlags(cmd), [
    'net add "Jane Doe" --company Acme --role "estate agent" --tag bni --met 2025-03-01 --every 3w',
    'net add "Ravi Patel" --email ravi@example.com --how-met "chamber lunch" --service "bookkeeping"',
    'net add "Tom Baker" --note "met through Ravi; looking for a bookkeeper"',
    'net add            # guided, on a terminal',
  ]).action(async (name: string | undefined, flags: ProfileFlags) => {
    let input: AddInput;
    if (name !== undefined) input = { name: parseContactName(name), ...(await toProfileFields(ctx, flags)) };
    else if (ctx.interactive) input = await askAddInput(ctx);
    else throw new UsageError('net add needs a name', 'for example net add "Jane Doe" --company Acme');
    const added = await ctx.write((store) => addContactWithFacts(store, input, ctx.clock));
    ctx.out.emit(toContactView(added.contact, added.facts), renderAdded);
  });
}

/** Guided: each answer checked against the journal at once; addContact checks them again when it writes. */
async function askAddInput(ctx: CliContext): Promise<AddInput> {
  const journal = ctx.open('write');
  const { askAddInput } = await import('../../ui/flows/add-flow.js');
  return askAddInput({
    today: ctx.today,
    order: () => findUserDateOrder(ctx, 'write'),
    checkNameFree: (name) => journal.read((store) => checkNameFree(store, name)),
    checkEmailFree: (email) => journal.read((store) => checkEmailFree(store, email)),
    checkMetOn: (day) => checkMetOn(day, ctx.clock),
  });
}
