import type { Command } from 'commander';
import { addContactWithFacts, checkEmailFree, checkMetOn, checkNameFree, type AddInput } from '../../app/add.js';
import { UsageError } from '../../core/errors.js';
import { parseContactName } from '../../core/names.js';
import { findLogCandidates, logInteraction } from '../../app/log.js';
import { renderAdded, renderLogged } from '../../ui/render-contact.js';
import { toContactView } from '../../ui/contact-view.js';
import { toLoggedView } from '../../ui/render-contact.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';
import { addProfileFlags, toProfileFields, type ProfileFlags } from '../profile-flags.js';
import { findUserDateOrder } from '../dates.js';

export function setup(cmd: Command, ctx: CliContext): void {
  withExamples(addProfileFlags(cmd), [
    'net add "Jane Doe" --company Acme --role "estate agent" --tag bni --every 3w',
    'net add "Ravi Patel" --email ravi@example.com --met 2025-03-01 --how-met BNI',
    'net add "Sam Lee" --service bookkeeping --service payroll',
    'net add "Tom Baker" --note "met through Ravi; looking for a bookkeeper"',
    'net add            # guided, on a terminal',
  ]).action(async (name: string | undefined, flags: ProfileFlags) => {
    let input: AddInput;
    const guided = name === undefined && ctx.interactive;
    if (name !== undefined) input = { name: parseContactName(name), ...(await toProfileFields(ctx, flags)) };
    else if (guided) input = await askAddInput(ctx);
    else throw new UsageError('net add needs a name', 'for example net add "Jane Doe" --company Acme');
    const added = await ctx.write((store) => addContactWithFacts(store, input, ctx.clock));
    ctx.out.emit(toContactView(added.contact, added.facts, added.points), renderAdded);
    if (guided && ctx.canAsk) await offerToLogMeeting(ctx, added.contact);
  });
}

/** The guided add offers to log the meeting just had: the contact is in the journal already, the log is its own write. */
async function offerToLogMeeting(ctx: CliContext, contact: { id: string; name: string }): Promise<void> {
  const { confirmLogMeeting } = await import('../../ui/flows/add-flow.js');
  if (!(await confirmLogMeeting(contact.name))) return;
  const journal = ctx.open('write');
  const { askLogInput } = await import('../../ui/flows/log-flow.js');
  const input = await askLogInput(
    ctx.today,
    { findContacts: (term, limit) => journal.read((store) => findLogCandidates(store, term, limit)), checkNameFree: (n) => journal.read((store) => checkNameFree(store, n)) },
    () => findUserDateOrder(ctx, 'write'),
    { contact },
  );
  const result = await ctx.write((store, answers) => logInteraction(store, input, ctx.clock, answers));
  ctx.out.emit(toLoggedView(result), renderLogged);
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
