/**
 * argv → the input each command hands to its app function, with the app mocked (as changesets' cli.test.ts does):
 * flags, defaults, dates read against a pinned today, and the usage errors a command raises before any app code runs.
 * The app's functions here only record what they were given.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliContext } from '../../../src/cli/context.js';
import { buildProgram } from '../../../src/cli/program.js';
import { report } from '../../../src/cli/run.js';
import { createOutput } from '../../../src/ui/output.js';
import { makePalette } from '../../../src/ui/palette.js';

// vi.mock factories run before the imports above, so what they use is made in vi.hoisted.
const { Called, STORE, ANSWERS, mockApp } = vi.hoisted(() => {
  /** What a mocked app function throws: the call it was given, so that the command stops there. */
  class Called extends Error {
    constructor(
      readonly fn: string,
      readonly args: unknown[],
    ) {
      super(fn);
    }
  }
  const STORE = { store: true };
  const ANSWERS = { answers: true };
  const record = (fn: string) => (...args: unknown[]) => {
    throw new Called(fn, args.filter((a) => a !== STORE).map((a) => (a === ANSWERS ? '<answers>' : typeof a === 'function' ? '<fn>' : a)));
  };
  const mockApp = (names: string[]) => async (original: () => Promise<Record<string, unknown>>) => ({ ...(await original()), ...Object.fromEntries(names.map((n) => [n, record(n)])) });
  return { Called, STORE, ANSWERS, mockApp };
});

vi.mock('../../../src/app/add.js', mockApp(['addContactWithFacts']));
vi.mock('../../../src/app/log.js', mockApp(['logInteraction']));
vi.mock('../../../src/app/due.js', mockApp(['listDue', 'listAllDue']));
vi.mock('../../../src/app/calendar.js', mockApp(['iterateCalendarEntries']));
vi.mock('../../../src/app/check.js', mockApp(['checkContact']));
vi.mock('../../../src/app/ask.js', mockApp(['askContact', 'closeAsk']));
vi.mock('../../../src/app/ideas.js', mockApp(['findIdeas']));
vi.mock('../../../src/app/intro.js', mockApp(['introduce']));
vi.mock('../../../src/app/show.js', mockApp(['showContact']));
vi.mock('../../../src/app/list.js', mockApp(['listContacts']));
vi.mock('../../../src/app/edit.js', mockApp(['editContact']));
vi.mock('../../../src/app/deepen.js', mockApp(['deepenContact']));
vi.mock('../../../src/app/balance.js', mockApp(['listBalances']));
vi.mock('../../../src/app/snooze.js', mockApp(['snoozeContact']));
vi.mock('../../../src/app/referral.js', mockApp(['updateReferral']));
vi.mock('../../../src/app/referrals.js', mockApp(['listReferralEntries']));
vi.mock('../../../src/app/report.js', mockApp(['buildReport']));
vi.mock('../../../src/app/rm.js', mockApp(['removeByName']));
vi.mock('../../../src/app/import.js', mockApp(['importFile']));
vi.mock('../../../src/app/export.js', mockApp(['exportJournal']));
vi.mock('../../../src/app/backup.js', mockApp(['backupJournal']));
vi.mock('../../../src/app/config.js', mockApp(['listSettings', 'changeSetting', 'listSynonyms', 'changeSynonyms']));
vi.mock('../../../src/app/doctor.js', mockApp(['examineJournal']));
// A name resolves to a stand-in id that says which name it was.
vi.mock('../../../src/app/resolve.js', async (original) => ({ ...(await original<Record<string, unknown>>()), resolveContact: (_: unknown, name: string) => ({ id: `id(${name})`, name }) }));

const TODAY = '2026-11-22'; // a Sunday
const CLOCK = { today: TODAY, timestamp: '2026-11-22T12:00:00.000Z' };

function makeContext(json: boolean, out: string[]): CliContext {
  const io = { env: {}, stdout: { write: (t: string) => void out.push(t) }, stderr: { write: (t: string) => void out.push(t) }, isTerminal: () => false };
  const session = { mode: 'write' as const, path: '/home/me/.local/share/net/journal.db', committed: false, read: (fn: (s: unknown) => unknown) => fn(STORE), write: (fn: (s: unknown) => unknown) => fn(STORE), use: (fn: (s: unknown) => unknown) => fn(STORE), close: () => undefined };
  return {
    now: new Date(`${TODAY}T12:00:00`),
    today: TODAY,
    clock: CLOCK,
    env: {},
    io,
    interactive: false,
    canAsk: false,
    out: createOutput(json, makePalette({ env: {}, isTTY: false, flagNoColor: true, json }), io),
    journalPath: () => ({ path: '/home/me/.local/share/net/journal.db', source: 'default' }),
    open: () => session,
    read: async (fn) => fn(STORE as never, ANSWERS as never),
    write: async (fn) => fn(STORE as never, ANSWERS as never),
    exitCode: 0,
    close: () => undefined,
    savedTo: () => undefined,
    openedPath: () => undefined,
    rawOutput: () => (t: string) => void out.push(t),
  } as CliContext;
}

/** Parses `net …args` and returns the app call the command made, or the usage error it raised first. */
async function parse(...args: string[]): Promise<{ fn: string; args: unknown[] } | { error: string; code: number }> {
  const out: string[] = [];
  const json = args.includes('--json');
  const ctx = makeContext(json, out);
  const program = await buildProgram(ctx, args);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    if (err instanceof Called) return { fn: err.fn, args: err.args };
    const lines: string[] = [];
    const code = report(err, false, args.find((a) => !a.startsWith('-')), { write: (t) => void lines.push(t) });
    return { error: lines.join('').trim(), code };
  }
  return { error: `no app call; printed ${out.join('')}`, code: -1 };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(`${TODAY}T12:00:00`), toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const call = (fn: string, ...args: unknown[]) => ({ fn, args });
const usage = (error: string) => ({ error, code: 2 });

const PROFILE_NONE = { company: undefined, role: undefined, emails: [], phones: [], metOn: undefined, howMet: undefined, everyDays: undefined, tags: [], services: [], goals: [], family: [], birthday: undefined, dates: [] };

describe.each<[string, string[], unknown]>([
  // add
  ['add with a name', ['add', '  Jane   Doe '], call('addContactWithFacts', { name: 'Jane Doe', ...PROFILE_NONE }, CLOCK)],
  [
    'add with the profile',
    ['add', 'Jane Doe', '--company', 'Acme', '--tag', 'bni', '--tag', 'client', '--met', '2025-03-01', '--every', '3w', '--service', 'staging', '--birthday', 'May 17', '--date-of', 'work anniversary=2019-05-01'],
    call('addContactWithFacts', { ...PROFILE_NONE, name: 'Jane Doe', company: 'Acme', tags: ['bni', 'client'], metOn: '2025-03-01', everyDays: 21, services: ['staging'], birthday: '--05-17', dates: [{ label: 'work anniversary', date: '2019-05-01' }] }, CLOCK),
  ],
  ['add with the name parts', ['add', 'Ada Lovelace', '--given-name', 'Ada', '--family-name', 'Lovelace'], call('addContactWithFacts', { ...PROFILE_NONE, name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace' }, CLOCK)],
  ['add without a name off a terminal', ['add'], usage('net: net add needs a name; for example net add "Jane Doe" --company Acme')],
  // log
  [
    'log a touch and a give',
    ['log', 'jane', '--touch', 'coffee', '--gave', 'article', '--value', '3', '--note', 'pricing', '--date', 'yesterday', '--next', 'in 2 weeks'],
    call('logInteraction', { name: 'jane', touch: 'coffee', gave: 'article', received: undefined, value: 3, note: 'pricing', prospect: undefined, date: '2026-11-21', next: '2026-12-06' }, CLOCK, '<answers>'),
  ],
  ['log a referral with its prospect', ['log', 'ravi', '--gave', 'referral', '--prospect', 'Tom Baker'], call('logInteraction', { name: 'ravi', touch: undefined, gave: 'referral', received: undefined, value: undefined, note: undefined, prospect: 'Tom Baker', date: undefined, next: undefined }, CLOCK, '<answers>')],
  [
    'log with a weekday each way: the last tuesday, the coming friday',
    ['log', 'jane', '--touch', 'call', '--date', 'tuesday', '--next', 'friday'],
    call('logInteraction', { name: 'jane', touch: 'call', gave: undefined, received: undefined, value: undefined, note: undefined, prospect: undefined, date: '2026-11-17', next: '2026-11-27' }, CLOCK, '<answers>'),
  ],
  ['log on a dotted date, day first', ['log', 'jane', '--touch', 'call', '--date', '01.11.2026'], call('logInteraction', { name: 'jane', touch: 'call', gave: undefined, received: undefined, value: undefined, note: undefined, prospect: undefined, date: '2026-11-01', next: undefined }, CLOCK, '<answers>')],
  ['log without a name off a terminal', ['log'], usage('net: net log needs a name; for example net log jane coffee')],
  // due
  ['due', ['due'], call('listDue', { day: TODAY, tag: undefined, limit: 10 })],
  ['due --all --tag', ['due', '--all', '--tag', 'BNI'], call('listAllDue', { day: TODAY, tag: 'bni' })],
  ['due --on next monday --limit 3', ['due', '--on', 'next monday', '--limit', '3'], call('listDue', { day: '2026-11-23', tag: undefined, limit: 3 })],
  ['due --ics', ['due', '--ics', '--tag', 'bni'], call('iterateCalendarEntries', { day: TODAY, tag: 'bni' })],
  ['due --limit with --all', ['due', '--all', '--limit', '3'], usage('net: --limit and --all do not go together; give one of them')],
  ['due --force without a file', ['due', '--ics', '--force'], usage('net: --force goes with --ics <file>; for example net due --ics due.ics --force')],
  // check
  ['check', ['check', 'jane'], call('checkContact', { kind: 'favour', toRefer: undefined, eventIds: false, contactId: 'id(jane)' }, TODAY)],
  ['check --for with --json', ['--json', 'check', 'jane', '--for', 'introduction'], call('checkContact', { kind: 'introduction', toRefer: undefined, eventIds: true, contactId: 'id(jane)' }, TODAY)],
  ['check --to-refer', ['check', 'ravi', '--to-refer'], call('checkContact', { kind: 'favour', toRefer: true, eventIds: false, contactId: 'id(ravi)' }, TODAY)],
  ['check --for with --to-refer', ['check', 'ravi', '--to-refer', '--for', 'business'], usage('net: --for and --to-refer judge different things; give one of them')],
  // ask
  ['ask', ['ask', 'jane', '--for', 'favour', '--note', 'feedback'], call('askContact', { name: 'jane', kind: 'favour', size: undefined, note: 'feedback', date: undefined, anyway: false, eventIds: false }, CLOCK, '<answers>')],
  ['ask --anyway --size --date', ['ask', 'ravi', '--for', 'introduction', '--anyway', '--size', '4', '--date', '2026-11-20'], call('askContact', { name: 'ravi', kind: 'introduction', size: 4, note: undefined, date: '2026-11-20', anyway: true, eventIds: false }, CLOCK, '<answers>')],
  ['ask --outcome', ['ask', 'jane', '--outcome', 'yes', '--date', 'yesterday'], call('closeAsk', { contactId: 'id(jane)', outcome: 'yes', date: '2026-11-21', note: undefined, id: undefined }, CLOCK)],
  ['ask without --for: a favour', ['ask', 'jane', '--note', 'a review'], call('askContact', { name: 'jane', kind: 'favour', size: undefined, note: 'a review', date: undefined, anyway: false, eventIds: false }, CLOCK, '<answers>')],
  ['ask --outcome --note --id', ['ask', 'jane', '--outcome', 'no', '--note', 'not now', '--id', '3f2a'], call('closeAsk', { contactId: 'id(jane)', outcome: 'no', date: undefined, note: 'not now', id: '3f2a' }, CLOCK)],
  ['ask --outcome with --for', ['ask', 'jane', '--outcome', 'no', '--for', 'favour'], usage('net: --outcome closes an ask; --for, --size and --anyway record a new one; give one or the other')],
  // ideas
  ['ideas', ['ideas'], call('findIdeas', { contactId: undefined, limit: 10 }, TODAY)],
  ['ideas for one', ['ideas', 'maria', '--limit', '3'], call('findIdeas', { contactId: 'id(maria)', limit: 3 }, TODAY)],
  // intro
  ['intro', ['intro', 'maria', 'tom', '--note', 'June wedding', '--value', '4'], call('introduce', { a: 'maria', b: 'tom', note: 'June wedding', date: undefined, value: 4, anyway: false }, CLOCK, '<answers>')],
  ['intro --anyway --date', ['intro', 'maria', 'sam', '--anyway', '--date', '2026-11-01'], call('introduce', { a: 'maria', b: 'sam', note: undefined, date: '2026-11-01', value: undefined, anyway: true }, CLOCK, '<answers>')],
  // show
  ['show', ['show', 'jane'], call('showContact', 'id(jane)', TODAY, 20)],
  ['show --all', ['show', 'jane', '--all'], call('showContact', 'id(jane)', TODAY, undefined)],
  ['show --json', ['--json', 'show', 'jane'], call('showContact', 'id(jane)', TODAY, undefined)],
  // list
  ['list', ['list'], call('listContacts', {})],
  ['list --tag', ['list', '--tag', 'BNI'], call('listContacts', { tag: 'bni' })],
  // edit
  [
    'edit',
    ['edit', 'jane', '--company', 'Acme Homes', '--untag', 'prospect', '--forget', 'staging', '--clear', 'phone', '--need', 'a photographer', '--name', 'Jane Doe-Smith'],
    call('editContact', { ...PROFILE_NONE, company: 'Acme Homes', name: 'Jane Doe-Smith', untag: ['prospect'], forget: ['staging'], clear: ['phone'], needs: ['a photographer'], ideals: undefined, metNeeds: undefined, contactId: 'id(jane)' }, CLOCK),
  ],
  ['edit with nothing to change', ['edit', 'jane'], usage(expect.stringMatching(/^net: nothing to change; give one or more of --name, --given-name, --family-name, --company/))],
  // deepen
  ['deepen', ['deepen', 'jane', '--yes', 'trust,enjoy-time', '--no', 'call-at-night'], call('deepenContact', { yes: ['trust', 'enjoy-time'], no: ['call-at-night'], contactId: 'id(jane)' }, CLOCK)],
  ['deepen without answers off a terminal', ['deepen', 'jane'], usage('net: net deepen needs --holds or --not off a terminal; for example net deepen jane --holds trust,enjoy-time --not call-at-night')],
  // balance
  ['balance', ['balance'], call('listBalances', { sort: 'balance', limit: undefined, tag: undefined }, TODAY)],
  ['balance --sort --limit --tag', ['balance', '--sort', 'Depth', '--limit', '20', '--tag', 'bni'], call('listBalances', { sort: 'depth', limit: 20, tag: 'bni' }, TODAY)],
  // snooze
  ['snooze for an interval', ['snooze', 'jane', '2w'], call('snoozeContact', { contactId: 'id(jane)', until: '2026-12-06' }, CLOCK)],
  ['snooze until a day', ['snooze', 'jane', 'next monday'], call('snoozeContact', { contactId: 'id(jane)', until: '2026-11-23' }, CLOCK)],
  ['snooze --clear', ['snooze', 'jane', '--clear'], call('snoozeContact', { contactId: 'id(jane)', until: null }, CLOCK)],
  ['snooze without a day', ['snooze', 'jane'], usage('net: snooze until when?; give a date or an interval, for example net snooze jane 2w; --clear ends a snooze')],
  // referral, referrals
  ['referral', ['referral', 'ravi', '--status', 'won', '--amount', '1200', '--note', 'a year'], call('updateReferral', { status: 'won', amount: 1200, note: 'a year', id: undefined, contactId: 'id(ravi)' }, CLOCK)],
  ['referral without --status', ['referral', 'ravi'], usage('net: --status is missing; say how it went: --status contacted|won|lost')],
  ['referrals', ['referrals'], call('listReferralEntries', { openOnly: false, direction: undefined, since: undefined }, TODAY)],
  ['referrals --open --given --since', ['referrals', '--open', '--given', '--since', '2026-01-01'], call('listReferralEntries', { openOnly: true, direction: 'given', since: '2026-01-01' }, TODAY)],
  ['referrals --given --received', ['referrals', '--given', '--received'], usage('net: --given and --received do not go together; leave both out to list every referral')],
  // report
  ['report', ['report'], call('buildReport', { since: '2026-08-24', until: TODAY })],
  ['report --since 6m', ['report', '--since', '6m'], call('buildReport', { since: '2026-05-26', until: TODAY })],
  // rm
  ['rm', ['rm', 'jane'], call('removeByName', { name: 'jane', yes: false, agreed: undefined }, '<answers>')],
  ['rm --yes', ['rm', 'jane', '-y'], call('removeByName', { name: 'jane', yes: true, agreed: undefined }, '<answers>')],
  // import, export, backup
  ['import', ['import', 'contacts.vcf'], call('importFile', { file: 'contacts.vcf', format: undefined, dryRun: false, skipBad: false, localeOrder: 'dmy' }, CLOCK, '<fn>')],
  ['import --format --dry-run --skip-bad', ['import', 'c.txt', '--format', 'LinkedIn', '--dry-run', '--skip-bad'], call('importFile', { file: 'c.txt', format: 'linkedin', dryRun: true, skipBad: true, localeOrder: 'dmy' }, CLOCK, '<fn>')],
  ['export', ['export'], call('exportJournal', { format: 'json', file: undefined, force: false, journal: '/home/me/.local/share/net/journal.db' }, CLOCK, '<fn>')],
  ['export --format csv', ['export', 'out.txt', '--format', 'csv', '--force'], call('exportJournal', { format: 'csv', file: 'out.txt', force: true, journal: '/home/me/.local/share/net/journal.db' }, CLOCK, '<fn>')],
  ['export by extension', ['export', 'contacts.vcf'], call('exportJournal', { format: 'vcf', file: 'contacts.vcf', force: false, journal: '/home/me/.local/share/net/journal.db' }, CLOCK, '<fn>')],
  ['export --json after export', ['export', '--json', 'journal.txt'], call('exportJournal', { format: 'json', file: 'journal.txt', force: false, journal: '/home/me/.local/share/net/journal.db' }, CLOCK, '<fn>')],
  ['export --csv --vcf', ['export', '--csv', '--vcf'], usage('net: --csv and --vcf ask for two formats; export one at a time')],
  ['backup', ['backup'], call('backupJournal', { file: undefined, force: false }, CLOCK)],
  ['backup --force', ['backup', 'copy.db', '--force'], call('backupJournal', { file: 'copy.db', force: true }, CLOCK)],
  // config
  ['config', ['config'], call('listSettings', undefined, 'dmy')],
  ['config one setting', ['config', 'half-life'], call('listSettings', 'half-life', 'dmy')],
  ['config a new value', ['config', 'half-life', '1y'], call('changeSetting', 'half-life', 365, CLOCK, 'dmy')],
  ['config synonyms', ['config', 'synonyms'], call('listSynonyms')],
  ['config synonyms --remove', ['config', 'synonyms', 'bakery=patisserie', '--remove'], call('changeSynonyms', 'bakery=patisserie', true, CLOCK)],
  ['config --remove without synonyms', ['config', 'half-life', '1y', '--remove'], usage('net: --remove goes with synonyms or me; for example net config synonyms accountant=bookkeeper --remove')],
  // doctor
  ['doctor --fix', ['doctor', '--fix'], call('examineJournal', { path: '/home/me/.local/share/net/journal.db', ownFolder: true, fix: true })],
])('net %s', (_, args, expected) => {
  it(`${args.join(' ')}`, async () => {
    expect(await parse(...args)).toEqual(expected);
  });
});

describe('net where', () => {
  it('prints the journal in use without opening it', async () => {
    const out: string[] = [];
    const ctx = makeContext(false, out);
    await (await buildProgram(ctx, ['where'])).parseAsync(['where'], { from: 'user' });
    expect(out.join('')).toBe('/home/me/.local/share/net/journal.db (not created yet: the first write creates it)\n');
  });
});
