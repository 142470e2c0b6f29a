/** Guided `net add`: the same AddInput that the flags build. Every question but the name can be skipped with Enter. */
import type { AddInput } from '../../app/add.js';
import type { DateOrder, IsoDate } from '../../core/dates.js';
import { readDate } from '../read-date.js';
import { parseInterval } from '../../core/intervals.js';
import { parseContactName } from '../../core/names.js';
import { parseEmail, parseLabelled, parsePhone, parseTag } from '../../core/profile.js';
import { parseFieldText, type TextField } from '../../core/text.js';
import { askConfirm, askParsed } from '../prompts.js';

/** "bni, client" -> ['bni', 'client'], each read as `--tag` reads it. */
export function parseTagList(text: string): string[] {
  return [...new Set(text.split(',').filter((t) => t.trim()).map(parseTag))];
}

/** The journal's checks, run on each answer (each throws a UsageError that the question shows): they are passed in,
 * so that the flow knows nothing of where the journal is; `net add` checks the input again when it writes. */
export interface AddFlowChecks {
  today: IsoDate;
  /** The order of slashed dates (net config date-order, else the locale); asked only when one is typed. */
  order(): DateOrder;
  checkNameFree(name: string): void;
  checkEmailFree(email: string): void;
  checkMetOn(day: IsoDate): void;
}

export async function askAddInput(checks: AddFlowChecks): Promise<AddInput> {
  const text = (field: TextField, what: string) => (s: string) => parseFieldText(field, s, what);
  const name = await askParsed(
    'Name:',
    (s) => {
      const n = parseContactName(s);
      checks.checkNameFree(n);
      return n;
    },
    { required: true },
  );
  const input: AddInput = { name: name! };
  input.company = await askParsed('Company (Enter to skip):', text('company', 'the company'));
  input.role = await askParsed('Role (Enter to skip):', text('role', 'the role'));
  const email = await askParsed('Email (Enter to skip):', (s) => {
    const labelled = parseLabelled(s, parseEmail);
    checks.checkEmailFree(labelled.value);
    return labelled;
  });
  const phone = await askParsed('Phone (Enter to skip):', (s) => parseLabelled(s, parsePhone));
  input.emails = email ? [email] : [];
  input.phones = phone ? [phone] : [];
  input.tags = (await askParsed('Tags, comma separated (Enter to skip):', parseTagList)) ?? [];
  input.metOn = await askParsed('When did you first meet? e.g. 2025-03-01, "last friday" (Enter to skip):', async (s) => {
    const day = await readDate(s, checks.today, { direction: 'past', order: checks.order });
    checks.checkMetOn(day);
    return day;
  });
  input.howMet = await askParsed('How did you meet? (Enter to skip):', text('howMet', 'how you met'));
  input.everyDays = await askParsed('How often to be in touch? e.g. 3w, 2m, 90d (Enter to skip):', parseInterval);
  return input;
}

/** After the guided add: the meeting that brought them into the journal is usually the first thing to log. */
export function confirmLogMeeting(name: string): Promise<boolean> {
  return askConfirm(`Log the meeting you just had with ${name}?`, true);
}
