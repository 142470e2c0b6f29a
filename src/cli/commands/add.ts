import type { Command } from 'commander';
import { addContact, type AddInput } from '../../app/add.js';
import { UsageError } from '../../core/errors.js';
import { parseContactName } from '../../core/names.js';
import { renderAdded } from '../../ui/render-contact.js';
import { toContactView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { toClock, withExamples } from '../options.js';
import { addProfileFlags, toProfileFields, type ProfileFlags } from '../profile-flags.js';
import { COMMAND_LIST } from '../command-list.js';
import { findUserDateOrder } from '../dates.js';

export function registerAdd(program: Command, ctx: CliContext): void {
  const cmd = program.command('add [name]').description(COMMAND_LIST.add.summary);
  withExamples(addProfileFlags(cmd), [
    'net add "Jane Doe" --company Acme --role "estate agent" --tag bni --met 2025-03-01 --every 3w',
    'net add "Ravi Patel" --email ravi@example.com --how-met "chamber lunch" --service "bookkeeping"',
    'net add            # guided, on a terminal',
  ]).action(async (name: string | undefined, flags: ProfileFlags) => {
    let input: AddInput;
    if (name !== undefined) input = { name: parseContactName(name), ...(await toProfileFields(ctx, flags)) };
    else if (ctx.interactive) input = await (await import('../../ui/flows/add-flow.js')).askAddInput(ctx.store('read'), toClock(ctx), () => findUserDateOrder(ctx));
    else throw new UsageError('net add needs a name', 'for example net add "Jane Doe" --company Acme');
    const store = ctx.store('write');
    const contact = store.tx(() => addContact(store, input, toClock(ctx)));
    ctx.out.emit(toContactView(contact, store.listFacts(contact.id)), renderAdded);
  });
}
