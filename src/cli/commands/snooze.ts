import type { Command } from 'commander';
import { resolveContact } from '../../app/resolve.js';
import { snoozeContact } from '../../app/snooze.js';
import { addDays, type IsoDate } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { parseInterval } from '../../core/intervals.js';
import { renderSnoozed } from '../../ui/render-due.js';
import { toSnoozeView } from '../../ui/render-due.js';
import type { CliContext } from '../context.js';
import { readDateFlag } from '../dates.js';
import { withExamples } from '../options.js';

/** "2w" and "10 days" are intervals from today; anything else is read as a date ("next monday", 2026-12-01). */
async function readUntil(ctx: CliContext, text: string, today: IsoDate): Promise<IsoDate> {
  let days: number | undefined;
  try {
    days = parseInterval(text);
  } catch {
    return readDateFlag(ctx, text, 'future', 'write');
  }
  return addDays(today, days);
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--clear', 'end the snooze: due as usual again');
  // The date example is days ahead of today (NET_NOW in tests): a fixed one would one day suggest a date in the past.
  // A tree built with no clock (tests that read only the help) shows the date's form.
  const ahead = ctx.today ? addDays(ctx.today, 10) : 'YYYY-MM-DD';
  withExamples(cmd, ['net snooze jane 2w', 'net snooze "Ravi Patel" "next monday"', `net snooze jane ${ahead}`, 'net snooze jane --clear']).action(
    async (name: string, until: string | undefined, flags: { clear?: boolean }) => {
      if (flags.clear && until !== undefined) throw new UsageError('give a day to snooze until, or --clear, not both', 'for example net snooze jane 2w, or net snooze jane --clear');
      if (!flags.clear && until === undefined) throw new UsageError('snooze until when?', 'give a date or an interval, for example net snooze jane 2w; --clear ends a snooze');
      const day = until === undefined ? null : await readUntil(ctx, until, ctx.today);
      const result = await ctx.write((store, answers) => snoozeContact(store, { contactId: resolveContact(store, name, answers).id, until: day }, ctx.clock));
      ctx.out.emit(toSnoozeView(result), renderSnoozed);
    },
  );
}
