import type { Command } from 'commander';
import { checkReferralInput, updateReferral } from '../../app/referral.js';
import { resolveContact } from '../../app/resolve.js';
import { parseFieldText } from '../../core/text.js';
import { parseAmount, parseReferralStatus, REFERRAL_UPDATES, type ReferralUpdate } from '../../core/referrals.js';
import { UsageError } from '../../core/errors.js';
import { renderReferralChanged, toReferralChangedView } from '../../ui/render-referrals.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

interface ReferralFlags {
  status?: ReferralUpdate;
  amount?: number;
  note?: string;
  id?: string;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--status <status>', `${REFERRAL_UPDATES.join(', ')}`, parseReferralStatus)
    .option('--amount <number>', 'with --status won: the business it closed (reported, never scored)', parseAmount)
    .option('--note <text>', 'what happened', (s) => parseFieldText('note', s, '--note'))
    .option('--id <id>', 'the referral, by the id net show prints (the latest open one without it)');
  withExamples(cmd, ['net referral ravi --status contacted', 'net referral jane --status won --amount 1200 --note "signed for a year"', 'net referral jane --id 1a2b3c4d --status lost']).action(
    async (name: string, flags: ReferralFlags) => {
      if (flags.status === undefined) throw new UsageError('--status is missing', `say how it went: --status ${REFERRAL_UPDATES.join('|')}`);
      const what = { status: flags.status, amount: flags.amount, note: flags.note, id: flags.id };
      checkReferralInput(what);
      const result = await ctx.write((store, answers) => updateReferral(store, { ...what, contactId: resolveContact(store, name, answers).id }, ctx.clock));
      ctx.out.emit(toReferralChangedView(result), renderReferralChanged);
    },
  );
}
