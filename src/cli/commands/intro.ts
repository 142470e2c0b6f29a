import type { Command } from 'commander';
import { introduce, type IntroRequest } from '../../app/intro.js';
import { parseFieldText } from '../../core/text.js';
import { parseValue } from '../../core/vocabulary.js';
import { PROMPTS } from '../../ui/messages/prompts.js';
import { renderIntro, renderIntroAnyway, renderIntroCheck } from '../../ui/render-ideas.js';
import { toIntroView } from '../../ui/render-ideas.js';
import type { CliContext } from '../context.js';
import { readOptionalDateFlag } from '../dates.js';
import { withExamples } from '../options.js';

interface IntroFlags {
  note?: string;
  date?: string;
  value?: number;
  anyway?: boolean;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--note <text>', 'why you connected them', (s) => parseFieldText('note', s, '--note'))
    .option('--date <when>', 'when you introduced them (default today)')
    .option('--value <1-5>', 'what it is worth to each of them (default 2)', parseValue)
    .option('--anyway', 'record it even when you may not know one of them well enough (needed off a terminal)');
  withExamples(cmd, ['net intro "Maria Lopez" "Tom Baker" --note "wedding photos for June"', 'net intro maria tom --date yesterday --value 4', 'net intro nina tom             # Nina needs a bookkeeper; you can vouch for Tom, a bookkeeper']).action(
    async (aName: string, bName: string, flags: IntroFlags) => {
      const date = await readOptionalDateFlag(ctx, flags.date, 'past', 'write');
      const request: IntroRequest = { a: aName, b: bName, note: flags.note, date, value: flags.value, anyway: Boolean(flags.anyway) };
      const introduceThem = (anyway: boolean) => ctx.write((store, answers) => introduce(store, { ...request, anyway }, ctx.clock, answers));
      let outcome = await introduceThem(request.anyway);
      const [day, note] = [date ?? ctx.today, flags.note ?? null];
      if (!outcome.recorded) ctx.out.warn(toIntroView(outcome.check, day, note, null), renderIntroCheck);
      // On a terminal, the person decides; both are then checked again as it is recorded (see cli/context.ts).
      if (!outcome.recorded && ctx.canAsk && (await (await import('../../ui/prompts.js')).askConfirm(PROMPTS.recordIntroAnyway))) {
        outcome = await introduceThem(true);
      }
      if (!outcome.recorded) ctx.exitCode = 3;
      else if (!outcome.check.ready && request.anyway) ctx.out.warn(toIntroView(outcome.check, day, note, null), renderIntroAnyway); // --anyway: they knew; one line is enough
      ctx.out.emit(toIntroView(outcome.check, day, note, outcome.recorded), renderIntro);
    },
  );
}
