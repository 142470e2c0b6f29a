import type { Command } from 'commander';
import { checkBeforeIntro, recordIntro } from '../../app/intro.js';
import { parseFieldText } from '../../core/text.js';
import { parseValue } from '../../core/vocabulary.js';
import { renderIntro, renderIntroAnyway, renderIntroCheck } from '../../ui/render-ideas.js';
import { toIntroView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { readOptionalDate } from '../../ui/read-date.js';
import { resolveContact, toClock, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

interface IntroFlags {
  note?: string;
  date?: string;
  value?: number;
  anyway?: boolean;
}

export function registerIntro(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('intro <a> <b>')
    .description(COMMAND_LIST.intro.summary)
    .option('--note <text>', 'why you connected them', (s) => parseFieldText('note', s, '--note'))
    .option('--date <when>', 'when you introduced them (default today)')
    .option('--value <1-5>', 'what it is worth to each of them (default 2)', parseValue)
    .option('--anyway', 'record it even when you may not know one of them well enough (needed off a terminal)');
  withExamples(cmd, ['net intro "Maria Lopez" "Tom Baker" --note "wedding photos for June"', 'net intro maria tom --date yesterday --value 4', 'net intro maria sam --anyway   # recorded although not ready']).action(
    async (aName: string, bName: string, flags: IntroFlags) => {
      const store = ctx.store('write');
      const date = await readOptionalDate(flags.date, ctx.today);
      const [a, b] = [await resolveContact(ctx, store, aName), await resolveContact(ctx, store, bName)];
      const input = { aId: a.id, bId: b.id, note: flags.note, date, value: flags.value };
      const check = checkBeforeIntro(store, input, ctx.today);
      const day = date ?? ctx.today;
      const unready = toIntroView(check, day, flags.note ?? null, null);
      if (!check.ready && !flags.anyway) {
        ctx.out.warn(unready, renderIntroCheck);
        const confirmed = ctx.interactive && !ctx.out.json && (await (await import('../../ui/prompts.js')).askConfirm('Record this introduction anyway?'));
        if (!confirmed) {
          ctx.exitCode = 3;
          return ctx.out.emit(unready, renderIntro);
        }
      }
      const recorded = store.tx(() => recordIntro(store, input, toClock(ctx)));
      if (!check.ready && flags.anyway) ctx.out.warn(unready, renderIntroAnyway); // --anyway: they knew; one line is enough
      ctx.out.emit(toIntroView(check, day, flags.note ?? null, recorded), renderIntro);
    },
  );
}
