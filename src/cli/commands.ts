/**
 * The one command registry: every command's name, usage, one-line summary and the loader of its module, in the order
 * `net --help` lists them (the day's work first). The overview help is made from this table alone, so that
 * `net --help` loads no command's code; a command's module is loaded only when that command runs, and adds its options,
 * examples and action to the command made from its entry here (cli/program.ts).
 */
import type { Command } from 'commander';
import type { CliContext } from './context.js';

/** What a command's module exports: its options, examples and action, added to the command its entry made. */
export type Setup = (cmd: Command, ctx: CliContext) => void;

export interface CommandEntry {
  name: string;
  /** As the overview help shows it: "[options]" when the command has options, then its arguments. */
  usage: string;
  summary: string;
  load: () => Promise<{ setup: Setup }>;
  /**
   * Global flags that, written after this command, mean one of its own options, as they did before the command had
   * them: `net export --json file` is the export's format (--format json), `net --json export file` net's own output.
   */
  shadows?: Readonly<Record<string, string>>;
}

export const COMMANDS = [
  { name: 'add', usage: '[options] [name]', summary: 'add a contact (on a terminal, with no name: asks for the details)', load: () => import('./commands/add.js') },
  { name: 'log', usage: '[options] [name] [what...]', summary: 'record what happened: a touchpoint, a give, something received, a follow-up, in words or flags (guided on a terminal)', load: () => import('./commands/log.js') },
  { name: 'due', usage: '[options]', summary: 'whom to reach out to today, most urgent first: the reason and one next step for each', load: () => import('./commands/due.js') },
  { name: 'check', usage: '[options] <name>', summary: 'before you ask: is the relationship ready? Reasons, and what to do first (exit 0 ready, 3 premature)', load: () => import('./commands/check.js') },
  { name: 'ask', usage: '[options] <name>', summary: 'record an ask (checked first, like net check), or its outcome with --outcome', load: () => import('./commands/ask.js') },
  { name: 'ideas', usage: '[options] [name]', summary: 'who can I help? Ways to give to one contact, or the best introductions across your network', load: () => import('./commands/ideas.js') },
  { name: 'asks', usage: '[options]', summary: 'asks made before the relationship was ready, across your network, with the give that would repair each (--premature)', load: () => import('./commands/asks.js') },
  { name: 'intro', usage: '[options] <a> <b>', summary: 'record an introduction between two contacts: one give to each, linked (checked first, like net check --to-refer)', load: () => import('./commands/intro.js') },
  { name: 'show', usage: '[options] <name>', summary: "a contact's profile and the relationship's timeline, newest first (the latest 20 events; JSON has all)", load: () => import('./commands/show.js') },
  { name: 'search', usage: '[options] <words...>', summary: 'find contacts and events by what was written about them: names, companies, roles, services, notes…, best first', load: () => import('./commands/search.js') },
  { name: 'list', usage: '[options]', summary: 'list contacts in name order: role and company, tags, last touch', load: () => import('./commands/list.js') },
  { name: 'edit', usage: '[options] <name>', summary: 'change a contact: set fields, add or remove tags and facts, clear fields', load: () => import('./commands/edit.js') },
  { name: 'deepen', usage: '[options] <name>', summary: 'answer the checklist points only you can: how deep the relationship is (a checklist on a terminal)', load: () => import('./commands/deepen.js') },
  { name: 'balance', usage: '[options]', summary: 'every contact with balance, depth, stage and last touch; and the shape of your network', load: () => import('./commands/balance.js') },
  { name: 'snooze', usage: '[options] <name> [until]', summary: 'keep a contact off net due until a day (a date such as "next monday", or an interval such as 2w)', load: () => import('./commands/snooze.js') },
  { name: 'referral', usage: '[options] <name>', summary: "record how a referral went: the contact's latest open one, or the one --id picks", load: () => import('./commands/referral.js') },
  { name: 'referrals', usage: '[options]', summary: 'the referrals you gave and received, newest first: status, age and the business they closed', load: () => import('./commands/referrals.js') },
  { name: 'report', usage: '[options]', summary: 'look back: gives, touchpoints and asks per week, referrals won, relationships that grew or cooled, the network', load: () => import('./commands/report.js') },
  { name: 'merge', usage: '<a> <b>', summary: 'join two contacts that are one person (added on two machines): the second\'s history moves to the first, then it goes', load: () => import('./commands/merge.js') },
  { name: 'rm', usage: '[options] <name>', summary: 'remove a contact and everything logged with them (asks first; --yes when not at a terminal)', load: () => import('./commands/rm.js') },
  { name: 'import', usage: '[options] <file>', summary: 'bring contacts in from vCard (.vcf), LinkedIn Connections.csv or a spreadsheet (CSV); merge a net JSON export; touchpoints from a calendar (.ics) or mail you sent (mbox, Maildir, .eml)', load: () => import('./commands/import.js') },
  { name: 'export', usage: '[options] [file]', summary: 'write the whole journal as JSON (lossless, for net import), or the contacts as CSV or vCard 4.0; prints it without a file', load: () => import('./commands/export.js'), shadows: { '--json': '--format=json' } },
  { name: 'sync', usage: '[options] [init|status] [remote]', summary: 'one journal on every machine: pull, merge and push through a git remote of yours, end-to-end encrypted (init sets it up)', load: () => import('./commands/sync.js') },
  { name: 'backup', usage: '[options] [file]', summary: 'copy the journal file safely, even while another net writes (default: net-backup-YYYY-MM-DD.db here)', load: () => import('./commands/backup.js') },
  { name: 'config', usage: '[options] [key] [value...]', summary: 'show or change the journal settings (half-life: how fast investments fade; date-window: how early dates show; date-order: how 04/12 reads; synonyms: words net ideas treats as one; me: your own email addresses; announcement-recipients: when a message is an announcement)', load: () => import('./commands/config.js') },
  { name: 'doctor', usage: '[options]', summary: 'check the journal file: damage, schema version, permissions, orphan rows, summaries (exit 5 when something is wrong)', load: () => import('./commands/doctor.js') },
  { name: 'completion', usage: '<shell>', summary: 'print the tab completion script for bash, zsh or fish (see --help to install it)', load: () => import('./commands/completion.js') },
  { name: 'where', usage: '', summary: 'print which journal file is in use', load: () => import('./commands/where.js') },
  { name: 'version', usage: '', summary: 'print the version of net (as net --version, -V or -v do)', load: () => import('./commands/version.js') },
] as const satisfies readonly CommandEntry[];

export type CommandName = (typeof COMMANDS)[number]['name'];

export function findEntry(name: string | undefined): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
