import type { Command } from 'commander';
import { EDIT_FLAGS, editContact, parseClearField, type ClearableField } from '../../app/edit.js';
import { resolveContact } from '../../app/resolve.js';
import { UsageError } from '../../core/errors.js';
import { parseContactName } from '../../core/names.js';
import { parseTag } from '../../core/profile.js';
import { parseFieldText } from '../../core/text.js';
import { renderEdited } from '../../ui/render-change.js';
import { toEditedView } from '../../ui/render-change.js';
import type { CliContext } from '../context.js';
import { collect, withExamples, withText } from '../options.js';
import { addProfileFlags, toProfileFields, type ProfileFlags } from '../profile-flags.js';

interface EditFlags extends ProfileFlags {
  name?: string;
  untag?: string[];
  forget?: string[];
  clear?: ClearableField[];
  need?: string[];
  ideal?: string[];
  metNeed?: string[];
  appendNote?: string;
  forgetEmail?: string[];
  forgetPhone?: string[];
}

const HOW_FACTS_CHANGE = `--tag, --service, --goal, --family, --email and --phone add to what is there (one already there is left
alone; the first email and phone are the main ones). Take them off with --untag <tag>, --forget <text>, --forget-email
<address> and --forget-phone <number>; empty a field with --clear <field> (--clear email removes every email, and
with --email puts the new one in their place).`;

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--name <new name>', 'rename them', parseContactName);
  addProfileFlags(cmd)
    .option('--append-note <text>', 'add a line at the end of the note', (s: string) => parseFieldText('note', s, '--append-note'))
    .option('--untag <tag>', 'take a tag off (repeatable)', collect(parseTag))
    .option('--forget-email <address>', 'remove one of their email addresses (repeatable)', collect((s: string) => s.trim()))
    .option('--forget-phone <number>', 'remove one of their phone numbers (repeatable)', collect((s: string) => s.trim()))
    .option('--need <text>', 'something they need now, e.g. "a wedding photographer" (repeatable; net ideas matches it)', collect((s: string) => parseFieldText('need', s, '--need')))
    .option('--ideal <text>', 'their ideal referral, e.g. "couples planning a spring wedding" (repeatable)', collect((s: string) => parseFieldText('ideal', s, '--ideal')))
    .option('--met-need <text>', 'mark a need met today: kept in the journal, never matched again (repeatable)', collect((s: string) => parseFieldText('need', s, '--met-need')))
    .option('--forget <text>', 'remove a service, goal, family member, need or ideal referral by its text (repeatable)', collect((s: string) => parseFieldText('service', s, '--forget')))
    .option('--clear <field>', 'empty a field: company, role, email, phone, met, how-met, every, birthday, given-name, family-name, note (repeatable)', collect(parseClearField));
  withText(cmd, `\n${HOW_FACTS_CHANGE}`);
  withExamples(cmd, [
    'net edit jane --company "Acme Homes" --service "home staging" --role agent',
    'net edit "Jane Doe" --name "Jane Doe-Smith" --tag client --untag prospect',
    'net edit jane --forget "home staging" --clear phone --clear every',
    'net edit jane --email home=jane@home.example --forget-email jane@old.example',
    'net edit jane --phone mobile="+44 7700 900123"',
    'net edit maria --need "a wedding photographer" --ideal "couples to marry"',
    'net edit maria --met-need "a wedding photographer"',
    'net edit "Dr. Ada Lovelace" --given-name Ada --family-name Lovelace   # the vCard export writes them as N',
    'net edit jane --append-note "her daughter starts university in June"',
  ]).action(async (query: string, flags: EditFlags) => {
    if (!Object.values(flags).some((v) => v !== undefined)) throw new UsageError('nothing to change', `give one or more of ${EDIT_FLAGS} (see net edit --help)`);
    const fields = await toProfileFields(ctx, flags);
    const input = { ...fields, appendNote: flags.appendNote, forgetEmails: flags.forgetEmail, forgetPhones: flags.forgetPhone, name: flags.name, untag: flags.untag, forget: flags.forget, clear: flags.clear, needs: flags.need, ideals: flags.ideal, metNeeds: flags.metNeed };
    const result = await ctx.write((store, answers) => editContact(store, { ...input, contactId: resolveContact(store, query, answers).id }, ctx.clock));
    ctx.out.emit(toEditedView(result), (v, p) => renderEdited(v, p, ctx.today));
  });
}
