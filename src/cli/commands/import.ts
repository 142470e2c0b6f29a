import type { Command } from 'commander';
import { parseImportFormat, type ImportFormat } from '../../core/import/records.js';
import { createProgressBar } from '../../ui/progress.js';
import { renderImported, toImportView } from '../../ui/render-transfer.js';
import type { CliContext } from '../context.js';
import { withExamples, withText } from '../options.js';
import { toLocaleDateOrder } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { DEFAULT_ADD_UNKNOWN } from '../../core/touchpoints.js';
import type { TouchpointFormat } from '../../app/import-touchpoints.js';
import { parseCount } from '../options.js';
import { readOptionalDateFlag } from '../dates.js';

interface ImportFlags {
  format?: ImportFormat;
  dryRun?: boolean;
  skipBad?: boolean;
  since?: string;
  unknown?: boolean;
  addUnknown?: number | true;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--format <format>', 'vcf, linkedin, csv or json (default: recognised from the content)', parseImportFormat)
    .option('--dry-run', 'show what would be added, updated and skipped; write nothing')
    .option('--since <date>', 'calendars and mailboxes: only what happened on or after this day (YYYY-MM-DD, "3 months ago")')
    .option('--unknown', 'calendars and mailboxes: list the people met or written to who are not in the journal, most frequent first')
    .option('--add-unknown [n]', `calendars and mailboxes: add the N people not in the journal seen most often, with their history (default ${DEFAULT_ADD_UNKNOWN})`, parseCount('--add-unknown'))
    .option('--skip-bad', 'import the intact records of a damaged file (a card never closed) and list the broken ones (default: refuse it whole)');
  withText(cmd, '\nText that plain text has no place for (control characters, bidi overrides, line breaks outside notes) is taken out of what a file brings, and the summary lists the records it cleaned.');
  withExamples(cmd, [
    'net import ~/Downloads/contacts.vcf --dry-run',
    'net import ~/Downloads/Connections.csv          # LinkedIn: "Connected On" becomes when you met',
    'net import Outlook.csv                          # a value it cannot read is kept in the note, and listed',
    'net import damaged.vcf --skip-bad               # import the intact cards of a damaged file',
    'net import laptop-journal.json                  # merges by UUID; the newer version of a record wins',
    'net import ~/Downloads/calendar.ics             # meetings held become touchpoints (net config me first)',
    'net import ~/Mail/Sent.mbox --unknown           # emails you sent; lists the people not in your journal',
    'net import ~/.calendars/work --add-unknown 5    # a vdirsyncer/khal folder; adds the 5 people you meet most',
  ]).action(async (file: string, flags: ImportFlags) => {
    const { findTouchpointFormat } = await import('../../app/import-touchpoints.js');
    const touchpoints = flags.format ? undefined : await findTouchpointFormat(file);
    if (touchpoints) return importTouchpointsCommand(ctx, file, touchpoints, flags);
    if (flags.since !== undefined || flags.unknown || flags.addUnknown !== undefined) throw new UsageError('--since, --unknown and --add-unknown go with a calendar or a mailbox', 'for example net import calendar.ics --since 2026-01-01');
    const { importFile } = await import('../../app/import.js');
    const journal = ctx.open(flags.dryRun ? 'read' : 'write');
    const bar = await createProgressBar(process.stderr, !ctx.out.json);
    const input = { file, format: flags.format, dryRun: Boolean(flags.dryRun), skipBad: Boolean(flags.skipBad), localeOrder: toLocaleDateOrder(ctx.env) };
    let result;
    try {
      result = await journal.use((store) => importFile(store, input, ctx.clock, bar.update));
    } finally {
      bar.stop();
    }
    ctx.out.emit(toImportView(result), renderImported);
  });
}

/** A calendar or a mailbox: the user's own addresses are asked for once, on a terminal, when none are set. */
async function importTouchpointsCommand(ctx: CliContext, file: string, format: TouchpointFormat, flags: ImportFlags): Promise<void> {
  if (flags.skipBad) throw new UsageError('--skip-bad goes with contacts files (vCard, CSV)', 'a calendar or a mailbox is read whole or refused');
  const { importTouchpoints } = await import('../../app/import-touchpoints.js');
  const { readMyAddresses } = await import('../../app/touchpoints.js');
  const since = await readOptionalDateFlag(ctx, flags.since, 'past', flags.dryRun ? 'read' : 'write');
  if (!(await ctx.read((store) => readMyAddresses(store))).length && ctx.canAsk) {
    const { askMyAddresses } = await import('../../ui/flows/my-addresses-flow.js');
    const { changeMyAddresses } = await import('../../app/touchpoints.js');
    const addresses = await askMyAddresses();
    await ctx.write((store) => changeMyAddresses(store, addresses, false, ctx.clock));
  }
  const journal = ctx.open(flags.dryRun ? 'read' : 'write');
  const bar = await createProgressBar(process.stderr, !ctx.out.json);
  const addUnknown = flags.addUnknown === true ? DEFAULT_ADD_UNKNOWN : (flags.addUnknown ?? 0);
  const input = { file, format, dryRun: Boolean(flags.dryRun), since, listUnknown: Boolean(flags.unknown), addUnknown, now: ctx.now.getTime(), timeZone: toUserTimeZone(ctx.env) };
  let result;
  try {
    result = await journal.use((store) => importTouchpoints(store, input, ctx.clock, bar.update));
  } finally {
    bar.stop();
  }
  const { renderTouchpointImport } = await import('../../ui/render-touchpoints.js');
  ctx.out.emit(result, renderTouchpointImport);
}

/** The user's time zone: TZ when it names one, else the system's (what the process's clock shows). */
function toUserTimeZone(env: NodeJS.ProcessEnv): string {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz) {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
    } catch {
      // Not a zone Intl knows (a POSIX rule such as EST5EDT is): the system's.
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
