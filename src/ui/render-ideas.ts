/** Text for `net ideas`, `net intro` and `net config synonyms`. */
import type { Palette } from './palette.js';
import type { IdeasView, IdeaView, IntroView, SynonymsView } from './views.js';
import { toDayText } from './messages/words.js';

/**
 * Two or three lines an idea: what to do, why, and either the command that does it or the one step to take first.
 * A step already printed for an earlier idea is named by that idea's number, never printed twice.
 */
function renderIdea(i: IdeaView, n: number, p: Palette, printed: Map<string, number>): string {
  const lines = [`${String(n).padStart(2)}. ${i.ready ? '' : p.yellow('not ready: ')}${p.bold(i.action)}`, `    ${i.because}`];
  if (i.ready && i.with) lines.push(`    ${p.dim(`net intro ${JSON.stringify(i.for)} ${JSON.stringify(i.with)}`)}`);
  else if (!i.ready && i.learnFirst.length) {
    const fresh = i.learnFirst.find((l) => !printed.has(l));
    if (fresh) {
      printed.set(fresh, n);
      lines.push(`    ${p.dim('first,')} ${fresh}`);
    } else lines.push(`    ${p.dim(`first, the same step as for idea ${printed.get(i.learnFirst[0]!)}`)}`);
  }
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
  const printed = new Map<string, number>();
  return `${p.bold(title)}\n${v.ideas.map((i, n) => renderIdea(i, n + 1, p, printed)).join('\n')}${more}`;
}

/** What holds a side back: the one recommended must be someone the user can vouch for; the other, someone they have met. */
const sideLine = (c: IntroView['contacts'][number]) => (c.role === 'receiving' ? `${c.name}: you have not met them yet` : `${c.name}: you cannot vouch for them yet`);

/** The warning before an introduction the user may not be ready to make. */
export function renderIntroCheck(v: IntroView, p: Palette): string {
  const lines = ['not ready to introduce them yet:'];
  for (const c of v.contacts.filter((c) => c.verdict !== 'ready')) {
    lines.push(`  ${p.bold(sideLine(c))}; first:`);
    for (const l of c.learnFirst) lines.push(`    - ${l}`);
  }
  return lines.join('\n');
}

/** After `--anyway`: one line that names who was not ready, and where to see why. */
export function renderIntroAnyway(v: IntroView, _p: Palette): string {
  const held = v.contacts.filter((c) => c.verdict !== 'ready');
  const vouched = held.filter((c) => c.role !== 'receiving').map((c) => c.name);
  const unmet = held.filter((c) => c.role === 'receiving').map((c) => c.name);
  const checks = vouched.map((n) => `net check ${JSON.stringify(n)} --to-refer`);
  const why = [
    vouched.length ? `you may not know ${vouched.join(' or ')} well enough yet to vouch for them` : '',
    unmet.length ? `you have not met ${unmet.join(' or ')} yet` : '',
  ].filter(Boolean);
  const see = checks.length ? ` (${checks.join(' and ')} ${checks.length > 1 ? 'say' : 'says'} what to learn first)` : '';
  return `recorded anyway, although ${why.join(', and ')}${see}`;
}

export function renderIntro(v: IntroView, p: Palette): string {
  const [a, b] = v.contacts;
  if (!v.recorded) return `Nothing recorded: introducing ${a.name} and ${b.name} looks premature. Learn more first, or add --anyway to record it all the same.`;
  // No balances here: two people's numbers side by side invite the comparison givers gain warns against.
  return `${p.green('Introduced')} ${p.bold(a.name)} and ${p.bold(b.name)} on ${toDayText(v.date)}: a give to both.`;
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
