import type { Command } from 'commander';
import { snoozeContact } from '../../app/snooze.js';
import { addDays, type IsoDate } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { parseInterval } from '../../core/intervals.js';
import { renderSnoozed } from '../../ui/render-due.js';
import { toSnoozeView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { readDateFlag } from '../dates.js';
import { resolveContact, toClock, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

/** "2w" and "10 days" are intervals from today; anything else is read as a date ("next monday", 2026-12-01). */
async function readUntil(ctx: CliContext, text: string, today: IsoDate): Promise<IsoDate> {
  let days: number | undefined;
  try {
    days = parseInterval(text);
  } catch {
    return readDateFlag(ctx, text, 'future');
  }
  return addDays(today, days);
}

export function registerSnooze(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('snooze <name> [until]')
    .description(COMMAND_LIST.snooze.summary)
    .option('--clear', 'end the snooze: due as usual again');
  withExamples(cmd, ['net snooze jane 2w', 'net snooze "Ravi Patel" "next monday"', 'net snooze jane 2026-12-01', 'net snooze jane --clear']).action(
    async (name: string, until: string | undefined, flags: { clear?: boolean }) => {
      if (flags.clear && until !== undefined) throw new UsageError('give a day to snooze until, or --clear, not both', 'for example net snooze jane 2w, or net snooze jane --clear');
      if (!flags.clear && until === undefined) throw new UsageError('snooze until when?', 'give a date or an interval, for example net snooze jane 2w; --clear ends a snooze');
      const day = until === undefined ? null : await readUntil(ctx, until, ctx.today);
      const store = ctx.store('write');
      const contact = await resolveContact(ctx, store, name);
      const result = store.tx(() => snoozeContact(store, { contactId: contact.id, until: day }, toClock(ctx)));
      ctx.out.emit(toSnoozeView(result), renderSnoozed);
    },
  );
}
