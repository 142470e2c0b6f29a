import type { Command } from 'commander';
import { changeSetting, listSettings, parseSetting } from '../../app/config.js';
import { renderSettingChanged, renderSettings } from '../../ui/render-capital.js';
import { toSettingChangedView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { toClock, withExamples } from '../options.js';

export function registerConfig(program: Command, ctx: CliContext): void {
  const cmd = program.command('config [key] [value]').description('show or change the journal settings (half-life: how fast investments fade)');
  withExamples(cmd, ['net config', 'net config half-life', 'net config half-life 1y      # 30d to 10y; recomputes every balance']).action((key: string | undefined, value: string | undefined) => {
    if (key === undefined || value === undefined) {
      const settings = listSettings(ctx.store('read'), key);
      if (key === undefined) return ctx.out.emit(settings, renderSettings);
      return ctx.out.emit(settings[0]!, (s, p) => renderSettings([s], p));
    }
    const parsed = parseSetting(key, value);
    const store = ctx.store('write');
    const result = store.tx(() => changeSetting(store, key, parsed, toClock(ctx)));
    ctx.out.emit(toSettingChangedView(result), renderSettingChanged);
  });
}
