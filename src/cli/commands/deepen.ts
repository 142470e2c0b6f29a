import type { Command } from 'commander';
import { deepenContact, parseAnsweredIds, toDepthResult, type DeepenInput } from '../../app/deepen.js';
import { resolveContact } from '../../app/resolve.js';
import { ANSWERED_IDS, type ChecklistId } from '../../core/checklist.js';
import { UsageError } from '../../core/errors.js';
import { CHECKLIST_TEXT } from '../../ui/messages/checklist.js';
import { PROMPTS } from '../../ui/messages/prompts.js';
import { renderDepth } from '../../ui/render-capital.js';
import { toDepthView } from '../../ui/render-capital.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

interface DeepenFlags {
  holds?: ChecklistId[];
  not?: ChecklistId[];
  yes?: ChecklistId[];
  no?: ChecklistId[];
}

const ids = (flag: string) => (text: string, previous: ChecklistId[] = []) => [...previous, ...parseAnsweredIds(text, flag)];

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--holds <ids>', `points that hold, comma-separated: ${ANSWERED_IDS.join(', ')}`, ids('--holds'))
    .option('--not <ids>', 'points that do not hold, comma-separated', ids('--not'))
    // One flag, one meaning: --yes means "do not ask me" elsewhere (net rm). The old spellings still work here.
    .option('--yes <ids>', 'the same as --holds', ids('--yes'))
    .option('--no <ids>', 'the same as --not', ids('--no'));
  withExamples(cmd, ['net deepen jane                 # a checklist, on a terminal', 'net deepen jane --holds trust,enjoy-time --not call-at-night']).action(async (name: string, flags: DeepenFlags) => {
    const [holds, not] = [[...(flags.holds ?? []), ...(flags.yes ?? [])], [...(flags.not ?? []), ...(flags.no ?? [])]];
    const prompted = !holds.length && !not.length;
    if (prompted && (!ctx.interactive || ctx.out.json)) throw new UsageError('net deepen needs --holds or --not off a terminal', 'for example net deepen jane --holds trust,enjoy-time --not call-at-night');
    let answered: Omit<DeepenInput, 'contactId'> = { yes: holds, no: not };
    if (prompted) {
      // The checklist shows the answers as they are; the ticks replace them all, so a change meanwhile is overwritten.
      ctx.open('write');
      const depth = await ctx.read((store, answers) => toDepthResult(store, resolveContact(store, name, answers).id, ctx.today));
      const { askChoices } = await import('../../ui/prompts.js');
      const choices = depth.points.filter((p) => p.source === 'answer').map((p) => ({ name: CHECKLIST_TEXT[p.id], value: p.id, checked: p.state === 'yes', description: p.id }));
      const yes = await askChoices(PROMPTS.whichHold(depth.contact.name), choices);
      answered = { yes, no: ANSWERED_IDS.filter((id) => !yes.includes(id)) };
    }
    const result = await ctx.write((store, answers) => deepenContact(store, { ...answered, contactId: resolveContact(store, name, answers).id }, ctx.clock));
    ctx.out.emit(toDepthView(result), renderDepth);
  });
}
