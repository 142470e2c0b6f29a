/** Date flags as commands read them: in the direction the flag looks, slashed dates in the user's order. */
import { DATE_ORDER_SETTING, toLocaleDateOrder, toUserDateOrder, type DateDirection, type DateOrder, type IsoDate } from '../core/dates.js';
import { readDate } from '../ui/read-date.js';
import type { CliContext } from './context.js';

/** `net config date-order` when set, else the locale's order; reads the journal only when a slashed date is typed. */
export function findUserDateOrder(ctx: CliContext): DateOrder {
  return toUserDateOrder(ctx.store('read').findSetting(DATE_ORDER_SETTING), toLocaleDateOrder(ctx.env));
}

/** A date flag: what happened looks back (`past`), what is to come looks ahead (`future`). */
export function readDateFlag(ctx: CliContext, text: string, direction: DateDirection): Promise<IsoDate> {
  return readDate(text, ctx.today, { direction, order: () => findUserDateOrder(ctx) });
}

export async function readOptionalDateFlag(ctx: CliContext, text: string | undefined, direction: DateDirection): Promise<IsoDate | undefined> {
  return text === undefined ? undefined : readDateFlag(ctx, text, direction);
}
