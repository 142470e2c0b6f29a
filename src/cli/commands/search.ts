import type { Command } from 'commander';
import { searchJournal } from '../../app/search.js';
import { renderSearch, toSearchView } from '../../ui/render-search.js';
import type { CliContext } from '../context.js';
import { parseCount, withExamples, withText } from '../options.js';

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--limit <n>', 'the most contacts and the most events shown (default 10 of each)', parseCount('--limit'));
  withText(cmd, `
Finds contacts by their name, company, role, how you met, services, goals, needs, family, tags and note, and events by
their note, the prospect of a referral and how it went. Every word must be found, as the start of a word; case and
accents do not matter ("cafe" finds "Café"). Best matches first.`);
  withExamples(cmd, ['net search mortgage chamber', 'net search "wedding photo"', 'net search müller --limit 30', 'net --json search bookkeeper']).action(
    async (words: string[], flags: { limit?: number }) => {
      const result = await ctx.read((store) => searchJournal(store, { text: words.join(' '), limit: flags.limit ?? 10 }));
      ctx.out.emit(toSearchView(result), renderSearch);
    },
  );
}
