import type { Command } from 'commander';
import { deepenContact, parseAnsweredIds, toDepthResult, type DeepenInput } from '../../app/deepen.js';
import { ANSWERED_IDS, type ChecklistId } from '../../core/checklist.js';
import { UsageError } from '../../core/errors.js';
import { CHECKLIST_TEXT } from '../../ui/messages/checklist.js';
import { PROMPTS } from '../../ui/messages/prompts.js';
import { renderDepth } from '../../ui/render-capital.js';
import { toDepthView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { resolveContact, toClock, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

interface DeepenFlags {
  yes?: ChecklistId[];
  no?: ChecklistId[];
}

const ids = (flag: string) => (text: string, previous: ChecklistId[] = []) => [...previous, ...parseAnsweredIds(text, flag)];

export function registerDeepen(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('deepen <name>')
    .description(COMMAND_LIST.deepen.summary)
    .option('--yes <ids>', `points that hold, comma-separated: ${ANSWERED_IDS.join(', ')}`, ids('--yes'))
    .option('--no <ids>', 'points that do not hold, comma-separated', ids('--no'));
  withExamples(cmd, ['net deepen jane                 # a checklist, on a terminal', 'net deepen jane --yes trust,enjoy-time --no call-at-night']).action(async (name: string, flags: DeepenFlags) => {
    const prompted = !flags.yes && !flags.no;
    if (prompted && (!ctx.interactive || ctx.out.json)) throw new UsageError('net deepen needs --yes or --no off a terminal', 'for example net deepen jane --yes trust,enjoy-time --no call-at-night');
    const contact = await resolveContact(ctx, ctx.store('read'), name); // a missing journal stays missing
    let input: DeepenInput = { contactId: contact.id, yes: flags.yes ?? [], no: flags.no ?? [] };
    if (prompted) {
      const { askChoices } = await import('../../ui/prompts.js');
      const points = toDepthResult(ctx.store('read'), contact.id, ctx.today).points.filter((p) => p.source === 'answer');
      const choices = points.map((p) => ({ name: CHECKLIST_TEXT[p.id], value: p.id, checked: p.state === 'yes', description: p.id }));
      const yes = await askChoices(PROMPTS.whichHold(contact.name), choices);
      input = { contactId: contact.id, yes, no: ANSWERED_IDS.filter((id) => !yes.includes(id)) };
    }
    const store = ctx.store('write');
    const result = store.tx(() => deepenContact(store, input, toClock(ctx)));
    ctx.out.emit(toDepthView(result), renderDepth);
  });
}
