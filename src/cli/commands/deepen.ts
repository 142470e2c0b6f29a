import type { Command } from 'commander';
import { deepenContact, parseAnsweredIds, toDepthResult, type DeepenInput } from '../../app/deepen.js';
import { resolveContact } from '../../app/resolve.js';
import { ANSWERED_IDS, type ChecklistId } from '../../core/checklist.js';
import { UsageError } from '../../core/errors.js';
import { CHECKLIST_TEXT } from '../../ui/messages/checklist.js';
import { PROMPTS } from '../../ui/messages/prompts.js';
import { renderDepth } from '../../ui/render-capital.js';
import { toDepthView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

interface DeepenFlags {
  yes?: ChecklistId[];
  no?: ChecklistId[];
}

const ids = (flag: string) => (text: string, previous: ChecklistId[] = []) => [...previous, ...parseAnsweredIds(text, flag)];

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--yes <ids>', `points that hold, comma-separated: ${ANSWERED_IDS.join(', ')}`, ids('--yes'))
    .option('--no <ids>', 'points that do not hold, comma-separated', ids('--no'));
  withExamples(cmd, ['net deepen jane                 # a checklist, on a terminal', 'net deepen jane --yes trust,enjoy-time --no call-at-night']).action(async (name: string, flags: DeepenFlags) => {
    const prompted = !flags.yes && !flags.no;
    if (prompted && (!ctx.interactive || ctx.out.json)) throw new UsageError('net deepen needs --yes or --no off a terminal', 'for example net deepen jane --yes trust,enjoy-time --no call-at-night');
    let answered: Omit<DeepenInput, 'contactId'> = { yes: flags.yes ?? [], no: flags.no ?? [] };
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
