/** Date flags as commands read them: in the direction the flag looks, slashed dates in the user's order. */
import { DATE_ORDER_SETTING, toLocaleDateOrder, toUserDateOrder, type DateDirection, type DateOrder, type IsoDate } from '../core/dates.js';
import { readDate } from '../ui/read-date.js';
import type { CliContext } from './context.js';

/** How the command holds the journal: the setting is read on the connection that the command then uses. */
type JournalMode = 'read' | 'write';

/** `net config date-order` when set, else the locale's order; reads the journal only when a slashed date is typed. */
export function findUserDateOrder(ctx: CliContext, mode: JournalMode): DateOrder {
  const setting = ctx.open(mode).read((store) => store.findSetting(DATE_ORDER_SETTING));
  return toUserDateOrder(setting, toLocaleDateOrder(ctx.env));
}

/** A date flag: what happened looks back (`past`), what is to come looks ahead (`future`). */
export function readDateFlag(ctx: CliContext, text: string, direction: DateDirection, mode: JournalMode): Promise<IsoDate> {
  return readDate(text, ctx.today, { direction, order: () => findUserDateOrder(ctx, mode) });
}

export async function readOptionalDateFlag(ctx: CliContext, text: string | undefined, direction: DateDirection, mode: JournalMode): Promise<IsoDate | undefined> {
  return text === undefined ? undefined : readDateFlag(ctx, text, direction, mode);
}
