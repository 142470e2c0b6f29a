/** The profile flags that `net add` and `net edit` share, and their conversion to typed fields. */
import type { Command } from 'commander';
import type { FactLists, PointLists, ProfileFields } from '../app/add.js';
import { parseInterval } from '../core/intervals.js';
import { parseBirthday, parseDateOf, type ImportantDate } from '../core/important-dates.js';
import { parseNamePart } from '../core/names.js';
import { parseEmail, parseLabelled, parsePhone, parseTag, type Labelled } from '../core/profile.js';
import { parseFieldText, type TextField } from '../core/text.js';
import type { CliContext } from './context.js';
import { readOptionalDateFlag } from './dates.js';
import { collect } from './options.js';

export interface ProfileFlags {
  givenName?: string;
  familyName?: string;
  company?: string;
  role?: string;
  email?: Labelled[];
  phone?: Labelled[];
  met?: string;
  howMet?: string;
  every?: number;
  tag?: string[];
  service?: string[];
  goal?: string[];
  family?: string[];
  birthday?: string;
  dateOf?: ImportantDate[];
  note?: string;
}

const text = (field: TextField, flag: string) => (s: string) => parseFieldText(field, s, flag);

export function addProfileFlags(cmd: Command): Command {
  return cmd
    .option('--given-name <name>', 'their given (first) name, for address books (net never guesses it from the name)', (s) => parseNamePart(s, '--given-name'))
    .option('--family-name <name>', 'their family (last) name, for address books', (s) => parseNamePart(s, '--family-name'))
    .option('--company <name>', 'where they work', text('company', '--company'))
    .option('--role <title>', 'what they do there', text('role', '--role'))
    .option('--email <address>', 'an email address, with its label if you like: work=jane@acme.example (repeatable; the first is the main one)', collect((s: string) => parseLabelled(s, parseEmail)))
    .option('--phone <number>', 'a phone number, with its label if you like: mobile="+44 7700 900123" (repeatable)', collect((s: string) => parseLabelled(s, parsePhone)))
    .option('--tag <tag>', 'a label such as bni or client (repeatable)', collect(parseTag))
    .option('--met <date>', 'when you first met: known since (YYYY-MM-DD, "last friday", 24.11.2026)')
    .option('--how-met <text>', 'how you met, e.g. "BNI Tuesday breakfast"', text('howMet', '--how-met'))
    .option('--every <interval>', 'how often to be in touch, e.g. 3w, 2m, 90d', parseInterval)
    .option('--note <text>', 'your note about them: how you know them, what matters to them (on edit: replaces the note)', text('note', '--note'))
    .option('--service <text>', 'a product or service they offer (repeatable)', collect(text('service', '--service')))
    .option('--goal <text>', 'one of their goals this year (repeatable)', collect(text('goal', '--goal')))
    .option('--family <text>', 'a family member, e.g. "Maria, wife" (repeatable)', collect(text('family', '--family')))
    .option('--birthday <date>', 'their birthday, the year optional: 1980-05-17, 05-17 or "May 17"')
    .option('--date-of <label=date>', 'a day to remember, e.g. "work anniversary=2019-05-01" (repeatable)', collect(parseDateOf));
}

export async function toProfileFields(ctx: CliContext, flags: ProfileFlags): Promise<ProfileFields & FactLists & PointLists & { dates: ImportantDate[] }> {
  return {
    givenName: flags.givenName,
    familyName: flags.familyName,
    company: flags.company,
    role: flags.role,
    emails: flags.email ?? [],
    phones: flags.phone ?? [],
    metOn: await readOptionalDateFlag(ctx, flags.met, 'past', 'write'), // add and edit write
    howMet: flags.howMet,
    everyDays: flags.every,
    note: flags.note,
    tags: flags.tag ?? [],
    services: flags.service ?? [],
    goals: flags.goal ?? [],
    family: flags.family ?? [],
    birthday: flags.birthday === undefined ? undefined : parseBirthday(flags.birthday, ctx.today),
    dates: flags.dateOf ?? [],
  };
}
