import type { Command } from 'commander';
import { iterateCalendarEntries, loadIcsWriter, type CalendarInput } from '../../app/calendar.js';
import { writeFileSafely } from '../../app/write-file.js';
import { listAllDue, listDue } from '../../app/due.js';
import { UsageError } from '../../core/errors.js';
import { parseTag } from '../../core/profile.js';
import { renderCalendarWritten, renderDue, renderDueHeading, renderDueItem } from '../../ui/render-due.js';
import { toDueItemView, toDueListView, type DueItemView } from '../../ui/render-due.js';
import type { IsoDate } from '../../core/dates.js';
import type { DueItem } from '../../core/due.js';
import type { CliContext } from '../context.js';
import { readDateFlag } from '../dates.js';
import { parseCount, withExamples } from '../options.js';

/** The morning list stays short: the few people to reach out to today. */
export const DEFAULT_DUE_LIMIT = 10;

interface DueFlags {
  limit?: number;
  all?: boolean;
  tag?: string;
  on?: string;
  explain?: boolean;
  ics?: string | true;
  force?: boolean;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--limit <n>', `how many to show (default ${DEFAULT_DUE_LIMIT})`, parseCount('--limit'))
    .option('--all', 'show everyone who is due')
    .option('--tag <tag>', 'only contacts with this tag', parseTag)
    .option('--on <date>', 'the list as it will be on that day: YYYY-MM-DD, "next monday", "in 1 week"')
    .option('--explain', 'show how each urgency is made: value × weight of each term')
    .option('--ics [file]', 'the follow-ups and next due days as an iCalendar file (to stdout without a file)')
    .option('--force', 'with --ics <file>: replace the file if it exists');
  withExamples(cmd, ['net due', 'net due --tag bni --limit 5', 'net due --on "next monday"', 'net due --explain', 'net due --ics ~/net-due.ics', 'net --json due --limit 3      # reasonCodes and nextActionCode beside the words']).action(async (flags: DueFlags) => {
    if (flags.all && flags.limit !== undefined) throw new UsageError('--limit and --all do not go together', 'give one of them');
    const day = flags.on === undefined ? ctx.today : await readDateFlag(ctx, flags.on, 'future', 'read');
    if (flags.force && typeof flags.ics !== 'string') throw new UsageError('--force goes with --ics <file>', 'for example net due --ics due.ics --force');
    if (flags.ics !== undefined) return emitCalendar(ctx, { day, tag: flags.tag }, flags.ics, Boolean(flags.force));
    const on = flags.on === undefined ? null : day;
    const explain = Boolean(flags.explain);
    if (flags.all) return emitAll(ctx, { day, tag: flags.tag }, on, explain);
    const result = await ctx.read((store) => listDue(store, { day, tag: flags.tag, limit: flags.limit ?? DEFAULT_DUE_LIMIT }));
    ctx.out.emit(toDueListView(result, { on, explain }), renderDue, (v) => v.items);
  });
}

/**
 * `--all`: everyone due, printed as each is scored (text or JSON, as `net due` prints its page), in one read
 * transaction, so that memory does not grow with the number due.
 */
async function emitAll(ctx: CliContext, input: { day: IsoDate; tag?: string }, on: string | null, explain: boolean): Promise<void> {
  await ctx.read((store) => {
    const result = listAllDue(store, input);
    if (result.total === 0) return ctx.out.emit(toDueListView({ ...result, items: [] }, { on, explain }), renderDue, (v) => v.items);
    if (on !== null && !ctx.out.json) ctx.io.stdout.write(`${renderDueHeading(on, ctx.out.palette)}\n`);
    for (const text of ctx.out.format(views(result.items, result.day, explain), renderDueItem, (v) => v)) ctx.io.stdout.write(text);
  });
}

function* views(items: Iterable<DueItem>, day: IsoDate, explain: boolean): Generator<DueItemView> {
  for (const item of items) yield toDueItemView(item, day, explain);
}

/** `--ics`: the calendar to stdout, or to a file (then --json prints what was written). */
async function emitCalendar(ctx: CliContext, input: CalendarInput, file: string | true, force: boolean): Promise<void> {
  if (file === true && ctx.out.json) throw new UsageError('--ics without a file prints the calendar itself, not JSON', 'give a file (net --json due --ics due.ics) or leave out --json');
  const writeIcs = await loadIcsWriter(ctx.now);
  // One read transaction: a consistent snapshot even while another net writes; one event at a time.
  if (file === true) return void (await ctx.read((store) => writeIcs(iterateCalendarEntries(store, input), ctx.rawOutput())));
  const target = { file, force, journal: ctx.journalPath().path };
  const events = await ctx.read((store) => writeFileSafely(target, (write) => writeIcs(iterateCalendarEntries(store, input), write)));
  ctx.out.emit({ file, events }, renderCalendarWritten);
}
