import type { Command } from 'commander';
import { changeSetting, changeSynonyms, listSynonyms, listSettings, parseSetting } from '../../app/config.js';
import { renderSettingChanged, renderSettings } from '../../ui/render-capital.js';
import { renderSynonyms } from '../../ui/render-ideas.js';
import { toSettingChangedView, toSettingView } from '../../ui/render-capital.js';
import { UsageError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';
import { toLocaleDateOrder } from '../../core/dates.js';

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--remove', 'with synonyms: take the group given away; with me: the addresses given');
  withExamples(cmd, ['net config', 'net config half-life', 'net config half-life 1y      # 30d to 10y; recomputes every balance', 'net config date-window 10   # list birthdays 10 days ahead', 'net config date-order mdy   # 04/12/2026 is April 12; dmy: 4 December; auto: your locale', 'net config synonyms accountant=bookkeeper=cpa', 'net config synonyms accountant=bookkeeper=cpa --remove', 'net config me jane@acme.example jane@home.example   # your own addresses, for calendar and mail imports', 'net config me jane@old-job.example --remove', 'net config announcement-recipients 8   # a message to more than 8 people is an announcement']).action(async (key: string | undefined, values: string[], flags: { remove?: boolean }) => {
    if (key === 'me') return configMe(ctx, values, Boolean(flags.remove));
    if (values.length > 1) throw new UsageError(`${key} takes one value`, `for example net config ${key} ${values[0]}`);
    const value = values[0];
    if (flags.remove && key !== 'synonyms') throw new UsageError('--remove goes with synonyms or me', 'for example net config synonyms accountant=bookkeeper --remove');
    if (key === 'synonyms') {
      if (value === undefined) return ctx.out.emit(await ctx.read((store) => listSynonyms(store)), renderSynonyms);
      return ctx.out.emit(await ctx.write((store) => changeSynonyms(store, value, Boolean(flags.remove), ctx.clock)), renderSynonyms);
    }
    if (key === undefined || value === undefined) {
      const settings = (await ctx.read((store) => listSettings(store, key, toLocaleDateOrder(ctx.env)))).map(toSettingView);
      if (key === undefined) return ctx.out.emit(settings, renderSettings);
      return ctx.out.emit(settings[0]!, (s, p) => renderSettings([s], p));
    }
    const parsed = parseSetting(key, value);
    const result = await ctx.write((store) => changeSetting(store, key, parsed, ctx.clock, toLocaleDateOrder(ctx.env)));
    ctx.out.emit(toSettingChangedView(result), renderSettingChanged);
  });
}

/** `net config me`: the user's own addresses, listed, added or (--remove) taken away. */
async function configMe(ctx: CliContext, values: string[], remove: boolean): Promise<void> {
  const { changeMyAddresses, readMyAddresses } = await import('../../app/touchpoints.js');
  const { renderMyAddresses } = await import('../../ui/render-touchpoints.js');
  if (remove && !values.length) throw new UsageError('--remove needs the addresses to take away', 'for example net config me jane@old-job.example --remove');
  if (!values.length) return ctx.out.emit(await ctx.read((store) => ({ addresses: readMyAddresses(store), added: [], removed: [] })), renderMyAddresses);
  return ctx.out.emit(await ctx.write((store) => changeMyAddresses(store, values, remove, ctx.clock)), renderMyAddresses);
}
