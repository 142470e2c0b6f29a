/** `net ideas`, `net intro` and `net config synonyms`: their views (the JSON) and their text. */
import type { IdeasResult } from '../app/ideas.js';
import type { IntroCheck, IntroResult } from '../app/intro.js';
import { round1, type Verdict } from '../core/capital.js';
import type { Palette } from './palette.js';
import { toEventView, type EventView } from './contact-view.js';
import { toAdviceCode } from './render-capital.js';
import { describeCheckAdvice } from './messages/check.js';
import { describeIdeaAction, describeIdeaReason, describeLearnFirst } from './messages/ideas.js';
import { toDayText } from './messages/words.js';
import { wrapInto, wrapText } from './wrap.js';

/** One way to give: `net ideas --json` prints an array of these, best first. */
export interface IdeaView {
  /** introduction, referral, goal (a pair); article, one-to-one, ask-how-to-help (one person). */
  kind: string;
  /** The one it helps first. */
  for: string;
  /** The other one of an introduction, or null. */
  with: string | null;
  action: string;
  because: string;
  score: number;
  /** False: the user should learn more about one of them before vouching. */
  ready: boolean;
  learnFirst: string[];
  forId: string;
  withId: string | null;
}

export interface IdeasView {
  /** The contact asked about; null for the whole network. */
  contact: { id: string; name: string; stage: string } | null;
  ideas: IdeaView[];
  /** Ideas found before --limit. */
  total: number;
  /** Open needs and ideal referrals the ideas come from. */
  wishes: number;
}

export function toIdeasView(r: IdeasResult): IdeasView {
  return {
    contact: r.contact,
    ideas: r.ideas.map((i) => ({
      kind: i.kind,
      for: i.for.name,
      with: i.with?.name ?? null,
      action: describeIdeaAction(i),
      because: describeIdeaReason(i.because),
      score: Math.round(i.score * 100) / 100,
      ready: i.ready,
      learnFirst: i.learnFirst.map(describeLearnFirst),
      forId: i.for.id,
      withId: i.with?.id ?? null,
    })),
    total: r.total,
    wishes: r.wishes,
  };
}

export interface IntroSideView {
  id: string;
  name: string;
  /** recommended: the introduction vouches for them (they must pass net check --to-refer); receiving: they are sent
   * to the one recommended (the user must have met them). */
  role: string;
  /** Ready in their role. */
  verdict: Verdict;
  /** Before, and after when recorded. */
  balance: number;
  balanceAfter: number | null;
  learnFirst: string[];
  /** What each of learnFirst is, as in `net check --json` suggestionCodes. */
  learnFirstCodes: string[];
}

export interface IntroView {
  /** False when not ready and not confirmed: nothing was written. */
  recorded: boolean;
  ready: boolean;
  date: string;
  note: string | null;
  contacts: [IntroSideView, IntroSideView];
  /** The two linked gives, when recorded. */
  events: EventView[];
}

export function toIntroView(check: IntroCheck, date: string, note: string | null, recorded: IntroResult | null): IntroView {
  const side = (i: 0 | 1): IntroSideView => {
    const o = check.checks[i];
    const s = check.sides[i];
    return {
      id: o.contact.id,
      name: o.contact.name,
      role: check.roles[i],
      verdict: s.ready ? 'ready' : 'premature',
      balance: round1(o.result.balance),
      balanceAfter: recorded ? round1(recorded.balances[i]) : null,
      learnFirst: s.learnFirst.map((a) => describeCheckAdvice(a, o.contact.name)),
      learnFirstCodes: s.learnFirst.map(toAdviceCode),
    };
  };
  return { recorded: recorded !== null, ready: check.ready, date, note, contacts: [side(0), side(1)], events: recorded ? recorded.events.map(toEventView) : [] };
}

export interface SynonymsView {
  /** The groups net knows without being told. */
  builtIn: string[][];
  /** The user's own groups (net config synonyms a=b). */
  yours: string[][];
  /** What this command changed. */
  added: string[] | null;
  removed: string[] | null;
}

/**
 * Two or three lines an idea: what to do, why, and either the command that does it or the one step to take first.
 * A step already printed for an earlier idea is named by that idea's number, never printed twice.
 */
function renderIdea(i: IdeaView, n: number, p: Palette, printed: Map<string, number>): string {
  // Each part within TEXT_WIDTH, going on at six columns, under the text of the part it belongs to.
  const lines: string[] = [];
  const part = (text: string, first = '    ') => wrapInto(lines, text, '      ', first);
  part(`${i.ready ? '' : p.yellow('not ready: ')}${p.bold(i.action)}`, `${String(n).padStart(2)}. `);
  part(i.because);
  if (i.ready && i.with) part(p.dim(`net intro ${JSON.stringify(i.for)} ${JSON.stringify(i.with)}`));
  else if (!i.ready && i.learnFirst.length) {
    const fresh = i.learnFirst.find((l) => !printed.has(l));
    if (fresh) {
      printed.set(fresh, n);
      part(`${p.dim('first,')} ${fresh}`);
    } else part(p.dim(`first, the same step as for idea ${printed.get(i.learnFirst[0]!)}`));
  }
  return lines.join('\n');
}

export function renderIdeas(v: IdeasView, p: Palette): string {
  if (!v.contact && !v.ideas.length) {
    return wrapText(
      v.wishes
        ? 'No one in your journal answers the needs you have recorded yet. Record what people offer: net edit <name> --service "…"'
        : 'No needs recorded yet: when someone tells you what they need, record it (net edit <name> --need "…"), then run net ideas again.',
    );
  }
  const title = wrapText(v.contact ? `Ways to help ${v.contact.name} (${v.contact.stage})` : 'Give opportunities this week', '  ', '');
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
    wrapInto(lines, `${p.bold(sideLine(c))}; first:`, '    ', '  ');
    for (const l of c.learnFirst) wrapInto(lines, l, '      ', '    - ');
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
