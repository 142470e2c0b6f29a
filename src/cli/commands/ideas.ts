import type { Command } from 'commander';
import { findIdeas } from '../../app/ideas.js';
import { resolveContact } from '../../app/resolve.js';
import { renderIdeas } from '../../ui/render-ideas.js';
import { toIdeasView } from '../../ui/render-ideas.js';
import type { CliContext } from '../context.js';
import { parseCount, withExamples, withText } from '../options.js';

const HOW_IT_MATCHES = `
A need (net edit --need) matches another contact's services, role, tags and company by
meaning: its head ("florist" in "a florist for a wedding shoot") must be offered, whatever
words surround it; word forms ("photographer", "photography") and synonyms (net config
synonyms accountant=bookkeeper) match. An ideal referral (--ideal) matches people who are
such clients: their needs, role and tags.

An introduction is ready when you can vouch for the one recommended (net check --to-refer)
and have met the other; a pair you have introduced (net intro) is not suggested again.`;

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--limit <n>', 'show at most n ideas (default 10)', parseCount('--limit'), 10);
  withText(cmd, HOW_IT_MATCHES);
  withExamples(cmd, ['net ideas "Maria Lopez"       # introductions, referrals, plain gives', 'net ideas                      # pairs who could help each other', 'net ideas --limit 3 --json']).action(
    async (name: string | undefined, flags: { limit: number }) => {
      const ideas = await ctx.read((store, answers) => findIdeas(store, { contactId: name === undefined ? undefined : resolveContact(store, name, answers).id, limit: flags.limit }, ctx.today));
      const view = toIdeasView(ideas);
      ctx.out.emit(view, renderIdeas, (v) => v.ideas);
    },
  );
}
