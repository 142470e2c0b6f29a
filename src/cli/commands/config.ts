import type { Command } from 'commander';
import { changeSetting, changeSynonyms, listSynonyms, listSettings, parseSetting } from '../../app/config.js';
import { renderSettingChanged, renderSettings } from '../../ui/render-capital.js';
import { renderSynonyms } from '../../ui/render-ideas.js';
import { toSettingChangedView, toSettingView } from '../../ui/views.js';
import { UsageError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--remove', 'with synonyms: take the group given away');
  withExamples(cmd, ['net config', 'net config half-life', 'net config half-life 1y      # 30d to 10y; recomputes every balance', 'net config date-window 10   # list birthdays 10 days ahead', 'net config synonyms accountant=bookkeeper=cpa', 'net config synonyms accountant=bookkeeper=cpa --remove']).action(async (key: string | undefined, value: string | undefined, flags: { remove?: boolean }) => {
    if (flags.remove && key !== 'synonyms') throw new UsageError('--remove goes with synonyms', 'for example net config synonyms accountant=bookkeeper --remove');
    if (key === 'synonyms') {
      if (value === undefined) return ctx.out.emit(await ctx.read((store) => listSynonyms(store)), renderSynonyms);
      return ctx.out.emit(await ctx.write((store) => changeSynonyms(store, value, Boolean(flags.remove), ctx.clock)), renderSynonyms);
    }
    if (key === undefined || value === undefined) {
      const settings = (await ctx.read((store) => listSettings(store, key))).map(toSettingView);
      if (key === undefined) return ctx.out.emit(settings, renderSettings);
      return ctx.out.emit(settings[0]!, (s, p) => renderSettings([s], p));
    }
    const parsed = parseSetting(key, value);
    const result = await ctx.write((store) => changeSetting(store, key, parsed, ctx.clock));
    ctx.out.emit(toSettingChangedView(result), renderSettingChanged);
  });
}
