/** Text for `net ideas`, `net intro` and `net config synonyms`. */
import type { Palette } from './palette.js';
import type { IdeasView, IdeaView, IntroView, SynonymsView } from './views.js';
import { toDayText } from './messages/words.js';

const score = (n: number) => n.toFixed(2);

function renderIdea(i: IdeaView, n: number, p: Palette): string {
  const head = `${String(n).padStart(2)}. ${i.ready ? '' : p.yellow('not ready: ')}${p.bold(i.action)}  ${p.dim(score(i.score))}`;
  const lines = [head, `    ${i.because}`];
  if (!i.ready) i.learnFirst.forEach((l, k) => lines.push(`    ${p.dim(k === 0 ? 'learn first:' : '            ')} ${l}`));
  else if (i.with) lines.push(`    ${p.dim(`net intro ${JSON.stringify(i.for)} ${JSON.stringify(i.with)}`)}`);
  return lines.join('\n');
}

export function renderIdeas(v: IdeasView, p: Palette): string {
  if (!v.contact && !v.ideas.length) {
    return v.wishes
      ? 'No one in your journal answers the needs you have recorded yet. Record what people offer: net edit <name> --service "…"'
      : 'No needs recorded yet: when someone tells you what they need, record it (net edit <name> --need "…"), then run net ideas again.';
  }
  const title = v.contact ? `Ways to help ${v.contact.name} (${v.contact.stage})` : 'Give opportunities this week';
  const more = v.total > v.ideas.length ? p.dim(`\n${v.total - v.ideas.length} more: --limit ${v.total}`) : '';
  return `${p.bold(title)}\n${v.ideas.map((i, n) => renderIdea(i, n + 1, p)).join('\n')}${more}`;
}

/** The warning before an introduction the user may not be ready to make. */
export function renderIntroCheck(v: IntroView, p: Palette): string {
  const lines = ['you may not know one of them well enough to vouch for them:'];
  for (const c of v.contacts.filter((c) => c.verdict !== 'ready')) {
    lines.push(`  ${p.bold(c.name)}: learn first`);
    for (const l of c.learnFirst) lines.push(`    - ${l}`);
  }
  return lines.join('\n');
}

/** After `--anyway`: one line that names who was not ready, and where to see why. */
export function renderIntroAnyway(v: IntroView, _p: Palette): string {
  const names = v.contacts.filter((c) => c.verdict !== 'ready').map((c) => c.name);
  const checks = names.map((n) => `net check ${JSON.stringify(n)} --to-refer`).join(' and ');
  return `recorded anyway, although you may not know ${names.join(' or ')} well enough yet to vouch for them (${checks} ${names.length > 1 ? 'say' : 'says'} what to learn first)`;
}

export function renderIntro(v: IntroView, p: Palette): string {
  const [a, b] = v.contacts;
  if (!v.recorded) return `Nothing recorded: introducing ${a.name} and ${b.name} looks premature. Learn more first, or add --anyway to record it all the same.`;
  const balances = v.contacts.map((c) => `${c.name} ${c.balance.toFixed(1)} → ${(c.balanceAfter ?? c.balance).toFixed(1)}`).join(', ');
  return [`${p.green('Introduced')} ${p.bold(a.name)} and ${p.bold(b.name)} on ${toDayText(v.date)}: a give to both.`, p.dim(`Balance: ${balances}.`)].join('\n');
}

export function renderSynonyms(v: SynonymsView, p: Palette): string {
  const line = (g: string[]) => `  ${g.join(' = ')}`;
  const lines: string[] = [];
  if (v.added) lines.push(`${p.green('Added')} ${v.added.join(' = ')}`);
  if (v.removed) lines.push(`${p.green('Removed')} ${v.removed.join(' = ')}`);
  lines.push(p.bold('Your synonyms'));
  for (const g of v.yours) lines.push(line(g));
  if (!v.yours.length) lines.push('  none yet: net config synonyms accountant=bookkeeper');
  lines.push(p.bold('Built in'));
  for (const g of v.builtIn) lines.push(line(g));
  return lines.join('\n');
}
