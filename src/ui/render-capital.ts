/** Check, ask, balance, deepen and config: their views (the JSON) and their text. */
import type { AskResult, OutcomeResult } from '../app/ask.js';
import type { BalanceResult } from '../app/balance.js';
import type { CheckOutcome } from '../app/check.js';
import type { SetResult, SettingEntry, SettingKey } from '../app/config.js';
import type { DeepenResult, DepthResult } from '../app/deepen.js';
import { round1, type BalanceLine, type CheckAdvice, type CheckReason, type NetworkShape, type Stage, type Verdict } from '../core/capital.js';
import type { DepthPoint } from '../core/checklist.js';
import { maxOf, toThousands } from '../core/numbers.js';
import type { Palette } from './palette.js';
import { toEventView, type EventView } from './contact-view.js';
import { describeCheckAdvice, describeCheckReason, describeCheckSubject, describeFirstStep, describeThanks } from './messages/check.js';
import { CHECKLIST_TEXT, describePointWhy } from './messages/checklist.js';
import { SETTING_WORDS } from './messages/settings.js';
import { askPhrase, describeUnusedTag, plural, toDayText } from './messages/words.js';
import { clip, TEXT_WIDTH, wrapInto, wrapText, wrapWords } from './wrap.js';

export interface PointView {
  id: string;
  text: string;
  state: DepthPoint['state'];
  /** journal: read from the journal; answer: the user's own answer (net deepen). */
  source: DepthPoint['source'];
  /** For journal points: why it holds or not. */
  why: string | null;
  answeredOn: string | null;
  /** An answer over a year old: people change. */
  stale: boolean;
}

export function toPointView(p: DepthPoint): PointView {
  return {
    id: p.id,
    text: CHECKLIST_TEXT[p.id],
    state: p.state,
    source: p.source,
    why: p.why ? describePointWhy(p.why) : null,
    answeredOn: p.answeredOn ?? null,
    stale: p.stale ?? false,
  };
}

export interface BalanceLineView {
  count: number;
  /** Before fading: values of gives, sizes of asks, TOUCH_DEPOSIT of touchpoints. */
  points: number;
  /** As of today. */
  faded: number;
  /** The events counted, as `net show` lists them. */
  eventIds: string[];
}

export interface CheckView {
  id: string;
  name: string;
  /** The ask judged; null with --to-refer. */
  ask: string | null;
  toRefer: boolean;
  verdict: Verdict;
  balance: number;
  /** Their investment in the user, faded like the balance. */
  received: number;
  depth: { score: number; of: number };
  stage: Stage;
  knownSince: string | null;
  lastTouch: string | null;
  needs: { balance: number | null; depth: number; knownDays: number };
  reasons: string[];
  /** Each reason marked: met, not-met, or info (the last touch, which is neither). */
  reasonMarks: ('met' | 'not-met' | 'info')[];
  /** What to do, in a few words, for the first line. */
  firstStep: string;
  /** What is checked: "ask Tom Baker for business", "refer Tom Baker to your contacts". */
  subject: string;
  suggestions: string[];
  /** What they gave you, as a reason to thank them and give: never among the reasons for your own ask. */
  thanks: string | null;
  points: PointView[];
  breakdown: { gave: BalanceLineView; touch: BalanceLineView; ask: BalanceLineView; received: BalanceLineView; asksSinceLastDeposit: number };
  halfLifeDays: number;
  /** What each reason is, beside its words (core/capital.ts CheckReason): known-for, balance, depth, … */
  reasonCodes: CheckReason['code'][];
  /** What each suggestion is: give-first, meet-first, farm, close-ask, point:<checklist id>, … */
  suggestionCodes: string[];
}

/** An advice's code; advice on a checklist point names the point: `point:knows-services`. */
export const toAdviceCode = (a: CheckAdvice) => (a.code === 'point' ? `point:${a.point}` : a.code);

export function toCheckView(o: CheckOutcome): CheckView {
  const r = o.result;
  const line = (type: 'gave' | 'touch' | 'ask' | 'received', l: BalanceLine): BalanceLineView => ({
    count: l.count,
    points: l.points,
    faded: round1(l.faded),
    eventIds: o.eventIds[type],
  });
  const b = r.breakdown;
  return {
    id: o.contact.id,
    name: o.contact.name,
    ask: o.kind,
    toRefer: o.kind === null,
    verdict: r.verdict,
    balance: round1(r.balance),
    received: round1(r.received),
    depth: r.depth,
    stage: r.stage,
    knownSince: r.knownSince,
    lastTouch: r.lastTouch,
    needs: { balance: o.needs.balance ?? null, depth: o.needs.depth, knownDays: o.needs.knownDays },
    reasons: r.reasons.map(describeCheckReason),
    reasonMarks: r.reasons.map((x) => (x.code === 'last-touch' ? 'info' : x.ok ? 'met' : 'not-met')),
    firstStep: describeFirstStep(r.suggestions[0] ?? { code: 'keep-giving' }),
    subject: describeCheckSubject(o.contact.name, o.kind),
    suggestions: r.suggestions.map((a) => describeCheckAdvice(a, o.contact.name)),
    thanks: r.thanks ? describeThanks(o.contact.name, r.thanks) : null,
    points: r.points.map(toPointView),
    breakdown: { gave: line('gave', b.gave), touch: line('touch', b.touch), ask: line('ask', b.ask), received: line('received', b.received), asksSinceLastDeposit: b.asksSinceLastDeposit },
    halfLifeDays: o.halfLifeDays,
    reasonCodes: r.reasons.map((x) => x.code),
    suggestionCodes: r.suggestions.map(toAdviceCode),
  };
}

export interface AskView {
  contact: { id: string; name: string };
  /** False when the ask was premature and not confirmed: nothing was written. */
  recorded: boolean;
  premature: boolean;
  /** The ask as recorded, or null. */
  event: EventView | null;
  check: CheckView;
}

export function toAskView(check: CheckOutcome, recorded: AskResult | null): AskView {
  return {
    contact: { id: check.contact.id, name: check.contact.name },
    recorded: recorded !== null,
    premature: check.result.verdict === 'premature',
    event: recorded && toEventView(recorded.event),
    check: toCheckView(check),
  };
}

export interface OutcomeView {
  contact: { id: string; name: string };
  event: EventView;
  /** The outcome before: pending when the ask was open. */
  previous: string;
}

export function toOutcomeView(r: OutcomeResult): OutcomeView {
  return { contact: { id: r.contact.id, name: r.contact.name }, event: toEventView(r.event), previous: r.previous };
}

export interface BalanceEntryView {
  id: string;
  name: string;
  balance: number;
  /** Their investment in the user: what they gave, faded like the balance. */
  received: number;
  depth: { score: number; of: number };
  stage: Stage;
  lastTouch: string | null;
  knownSince: string | null;
}

export interface BalanceView {
  contacts: BalanceEntryView[];
  /** Contacts counted (all, or those with --tag), before --limit. */
  total: number;
  stages: Record<Stage, number>;
  shape: NetworkShape;
  halfLifeDays: number;
  /** The tag asked for, when no contact has it. */
  unusedTag?: string;
}

export function toBalanceView(r: BalanceResult): BalanceView {
  return {
    contacts: r.entries.map((e) => ({
      id: e.id,
      name: e.name,
      balance: round1(e.standing.balance),
      received: round1(e.standing.received),
      depth: e.standing.depth,
      stage: e.standing.stage,
      lastTouch: e.lastTouch,
      knownSince: e.standing.knownSince,
    })),
    total: r.total,
    stages: r.stages,
    shape: r.shape,
    halfLifeDays: r.halfLifeDays,
    ...(r.unusedTag !== undefined && { unusedTag: r.unusedTag }),
  };
}

export interface DepthView {
  id: string;
  name: string;
  depth: { score: number; of: number };
  stage: Stage;
  points: PointView[];
  /** What this command answered (empty when nothing changed). */
  answered: { id: string; answer: boolean }[];
}

export function toDepthView(r: DepthResult | DeepenResult): DepthView {
  return { id: r.contact.id, name: r.contact.name, depth: r.depth, stage: r.stage, points: r.points.map(toPointView), answered: 'answered' in r ? r.answered : [] };
}

export interface SettingView extends SettingEntry {
  /** What the setting means. */
  description: string;
}

export function toSettingView(s: SettingEntry): SettingView {
  return { ...s, description: SETTING_WORDS[s.key as SettingKey] ?? '' };
}

export interface SettingChangedView extends SettingView {
  recomputed: number;
}

export function toSettingChangedView(r: SetResult): SettingChangedView {
  return { ...toSettingView(r.setting), recomputed: r.recomputed };
}

const one = (n: number) => n.toFixed(1);

/** Marks that read without colour: met, not met, and a plain fact. */
const MARKS = { met: '✓', 'not-met': '✗', info: '·' } as const;

/** The first line says what to do: "PREMATURE  give first, before you ask Wendy Wu for a referral". */
function verdictLine(v: CheckView, p: Palette): string {
  if (v.verdict === 'ready') return `${p.green.bold('READY')}  ${v.subject}`;
  return `${p.yellow.bold('PREMATURE')}  ${v.firstStep}, before you ${v.subject}`;
}

export function renderCheck(v: CheckView, p: Palette): string {
  const facts = [v.stage, `balance ${one(v.balance)}`, `depth ${v.depth.score} of ${v.depth.of}`];
  const mark = (m: CheckView['reasonMarks'][number]) => (m === 'met' ? p.green(MARKS.met) : m === 'not-met' ? p.yellow(MARKS['not-met']) : p.dim(MARKS.info));
  // Within TEXT_WIDTH: a reason or a suggestion goes on under its own first word, clear of the marks.
  const lines = [...wrapWords(verdictLine(v, p), TEXT_WIDTH, '  '), ...wrapWords(p.dim(`${v.name}: ${facts.join(' · ')}`), TEXT_WIDTH, '  '), ''];
  v.reasons.forEach((r, i) => wrapInto(lines, r, '    ', `  ${mark(v.reasonMarks[i] ?? 'info')} `));
  if (v.suggestions.length) {
    lines.push('', v.verdict === 'premature' ? 'What to do first:' : 'Keep investing:');
    for (const s of v.suggestions) wrapInto(lines, s, '    ', '  - ');
  }
  if (v.thanks) {
    lines.push('');
    wrapInto(lines, v.thanks, '');
  }
  return lines.join('\n');
}

export function renderAsk(v: AskView, p: Palette): string {
  const kind = v.check.ask ?? 'favour';
  if (!v.recorded || !v.event) return `Nothing recorded: asking ${v.contact.name} for ${askPhrase(kind)} looks premature. Invest first, or add --anyway to record it all the same.`;
  const marked = v.event.premature ? p.yellow(', marked premature') : '';
  return [
    `${p.green('Asked')} ${p.bold(v.contact.name)} for ${askPhrase(kind)} on ${toDayText(v.event.date)} (size ${v.event.value}/5)${marked}.`,
    p.dim(`When you hear back: net ask "${v.contact.name}" --outcome yes|no`),
  ].join('\n');
}

/** After --anyway: one line, and where the reasons are, as net intro --anyway says it. */
export function renderAskAnyway(v: AskView, _p: Palette): string {
  return `recorded anyway, although the relationship is not ready yet: ${v.check.firstStep} (net check ${JSON.stringify(v.contact.name)}${v.check.ask && v.check.ask !== 'favour' ? ` --for ${v.check.ask}` : ''} says why)`;
}

/** "3f2a9c1e: business, asked 2026-11-22 (buy my course)": an open ask as a choice. */
export function describeOpenAsk(a: { id: string; kind: string; occurredOn: string; note: string | null }): string {
  return `${a.id.slice(0, 8)}: ${askPhrase(a.kind)}, asked ${a.occurredOn}${a.note ? ` (${a.note.split('\n')[0]})` : ''}`;
}

export function renderOutcome(v: OutcomeView, p: Palette): string {
  const ask = `your ask for ${askPhrase(v.event.kind)} of ${v.event.date}`;
  if (v.event.outcome === 'pending') return `${p.bold(v.contact.name)}: ${ask} is ${v.previous === 'pending' ? 'still open' : 'open again'}.`;
  const said = `${v.event.outcome === 'yes' ? p.green('said yes') : 'said no'}${v.event.outcomeOn ? ` on ${toDayText(v.event.outcomeOn)}` : ''}`;
  return `${p.bold(v.contact.name)} ${said} to ${ask}${v.event.outcome === 'yes' ? ': thank them, and keep giving.' : '. Keep giving: the relationship matters more than the ask.'}`;
}

function pad(text: string, width: number, right = false): string {
  const cut = clip(text, width);
  return right ? cut.padStart(width) : cut.padEnd(width);
}

const STAGE_WORDS: Record<keyof BalanceView['stages'], [string, string]> = {
  deep: ['deep', 'deep'],
  growing: ['growing', 'growing'],
  acquaintance: ['acquaintance', 'acquaintances'],
  stranger: ['stranger', 'strangers'],
};

export function renderShape(v: BalanceView): string {
  if (v.shape === 'empty') return 'No contacts to show yet: add one with net add.';
  const counts = (Object.keys(STAGE_WORDS) as (keyof BalanceView['stages'])[]).map((s) => {
    return plural(v.stages[s], STAGE_WORDS[s][0], STAGE_WORDS[s][1], toThousands);
  });
  const head = `${plural(v.total, 'contact', 'contacts', toThousands)}: ${counts.join(', ')}.`;
  const say: Record<Exclude<BalanceView['shape'], 'empty'>, string> = {
    'wide-shallow': 'A mile wide and an inch deep, for now: a few deeper relationships will do more than many new ones. Pick three people to meet one to one this month.',
    deep: 'Deep where it counts: keep tending the relationships that carry you.',
    // Not 'Growing:', which reads as the stage beside its own count ("0 growing. Growing: …").
    growing: 'Still young: keep giving first, and these relationships will deepen.',
  };
  return wrapText(`${head} ${say[v.shape]}`);
}

export function renderBalance(v: BalanceView, p: Palette): string {
  if (v.unusedTag !== undefined) return describeUnusedTag(v.unusedTag, 'See everyone with: net balance');
  if (!v.contacts.length) return renderShape(v);
  const nameWidth = Math.min(28, maxOf(v.contacts.map((c) => c.name.length), 4));
  // No column of what they gave beside your balance: two numbers side by side invite the "I'm ahead" comparison.
  const header = `${pad('NAME', nameWidth)}  ${pad('BALANCE', 7, true)}  ${pad('DEPTH', 5, true)}  ${pad('STAGE', 12)}  LAST TOUCH`;
  const rows = v.contacts.map((c) =>
    [
      pad(c.name, nameWidth),
      pad(one(c.balance), 7, true),
      pad(`${c.depth.score}/${c.depth.of}`, 5, true),
      pad(c.stage, 12),
      c.lastTouch ?? '-',
    ].join('  '),
  );
  const more = v.contacts.length < v.total ? [p.dim(`Showing ${v.contacts.length} of ${toThousands(v.total)}.`)] : [];
  return [p.bold(header), ...rows, '', ...more, renderShape(v)].join('\n');
}

function pointMark(pt: PointView): string {
  return pt.state === 'yes' ? '[x]' : pt.state === 'no' ? '[ ]' : '[?]';
}

function pointNote(pt: PointView, p: Palette): string {
  if (pt.source === 'journal') return p.dim(`journal: ${pt.why ?? ''}`);
  if (pt.state === 'unanswered') return p.dim('not answered yet');
  return pt.stale ? p.yellow(`answered ${pt.answeredOn}, over a year ago: still true?`) : p.dim(`answered ${pt.answeredOn}`);
}

export function renderDepth(v: DepthView, p: Palette): string {
  const width = maxOf(v.points.map((pt) => pt.id.length), 0);
  const lines = v.points.map((pt) => `  ${pointMark(pt)} ${pad(pt.id, width)}  ${pt.text}\n      ${pointNote(pt, p)}`);
  const on = v.points.find((pt) => v.answered.some((a) => a.id === pt.id))?.answeredOn;
  const changed = v.answered.length ? [p.green(`Answered ${plural(v.answered.length, 'point')} for ${v.name}${on ? ` on ${toDayText(on)}` : ''}.`)] : [];
  return [...changed, `${p.bold(v.name)}: depth ${v.depth.score}/${v.depth.of}, ${v.stage}`, ...lines].join('\n');
}

export function renderSettings(list: SettingView[], p: Palette): string {
  const effective = (s: SettingView) => (s.effective && s.value === 'auto' ? ` (${s.effective} from your locale)` : '');
  const lines: string[] = [];
  for (const s of list) {
    lines.push(`${s.key} = ${s.value}${effective(s)}${s.isDefault ? p.dim(' (default)') : p.dim(` (default ${s.defaultValue})`)}`);
    wrapInto(lines, p.dim(s.description), '  ');
  }
  return lines.join('\n');
}

export function renderSettingChanged(v: SettingChangedView, p: Palette): string {
  const recomputed = v.key === 'half-life' ? `; recomputed the balances of ${plural(v.recomputed, 'contact', 'contacts', toThousands)}` : '';
  const effective = v.effective && v.value === 'auto' ? ` (${v.effective} from your locale)` : '';
  return `${p.green('Set')} ${v.key} = ${v.value}${effective}${recomputed}.`;
}
