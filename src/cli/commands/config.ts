import type { Command } from 'commander';
import { changeSetting, changeSynonyms, listSynonyms, listSettings, parseSetting } from '../../app/config.js';
import { renderSettingChanged, renderSettings } from '../../ui/render-capital.js';
import { renderSynonyms } from '../../ui/render-ideas.js';
import { toSettingChangedView, toSettingView } from '../../ui/views.js';
import { UsageError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { toClock, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

export function registerConfig(program: Command, ctx: CliContext): void {
  const cmd = program.command('config [key] [value]').description(COMMAND_LIST.config.summary)
    .option('--remove', 'with synonyms: take the group given away');
  withExamples(cmd, ['net config', 'net config half-life', 'net config half-life 1y      # 30d to 10y; recomputes every balance', 'net config date-window 10   # list birthdays 10 days ahead', 'net config synonyms accountant=bookkeeper=cpa', 'net config synonyms accountant=bookkeeper=cpa --remove']).action((key: string | undefined, value: string | undefined, flags: { remove?: boolean }) => {
    if (flags.remove && key !== 'synonyms') throw new UsageError('--remove goes with synonyms', 'for example net config synonyms accountant=bookkeeper --remove');
    if (key === 'synonyms') {
      if (value === undefined) return ctx.out.emit(listSynonyms(ctx.store('read')), renderSynonyms);
      const store = ctx.store('write');
      return ctx.out.emit(store.tx(() => changeSynonyms(store, value, Boolean(flags.remove), toClock(ctx))), renderSynonyms);
    }
    if (key === undefined || value === undefined) {
      const settings = listSettings(ctx.store('read'), key).map(toSettingView);
      if (key === undefined) return ctx.out.emit(settings, renderSettings);
      return ctx.out.emit(settings[0]!, (s, p) => renderSettings([s], p));
    }
    const parsed = parseSetting(key, value);
    const store = ctx.store('write');
    const result = store.tx(() => changeSetting(store, key, parsed, toClock(ctx)));
    ctx.out.emit(toSettingChangedView(result), renderSettingChanged);
  });
}
