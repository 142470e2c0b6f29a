/** The look-back report: its view (the JSON of `net --json report`) and its text, readable without colour. */
import type { ActivityCounts, ReportResult } from '../app/report.js';
import { STAGES, type NetworkShape, type Stage } from '../core/capital.js';
import { maxOf } from '../core/numbers.js';
import { formatAmount } from '../core/referrals.js';
import { toBar, toSparkline } from '../core/report.js';
import { SHAPE_WORDS } from './messages/report.js';
import type { Palette } from './palette.js';
import { giveKindPhrase, plural, toDayText } from './messages/words.js';
import { TEXT_WIDTH, wrapInto } from './wrap.js';
import { renderPrematureLines, toPrematureView, type PrematureView } from './render-premature.js';

export interface ActivityView {
  gives: number;
  touchpoints: number;
  asks: number;
  received: number;
}

export interface ReferralSideView {
  logged: number;
  stillOpen: number;
  won: number;
  lost: number;
  amountWon: number;
}

export interface StageMoveView {
  id: string;
  name: string;
  from: Stage;
  to: Stage;
  lastTouch: string | null;
}

export interface ReportView {
  since: string;
  until: string;
  days: number;
  weeks: ({ start: string } & ActivityView)[];
  totals: ActivityView;
  referrals: { given: ReferralSideView; received: ReferralSideView };
  movedUp: StageMoveView[];
  goingCold: StageMoveView[];
  movedUpMore: number;
  goingColdMore: number;
  newContacts: number;
  stages: Record<Stage, number>;
  shape: NetworkShape;
  /** What people gave you in the window, latest first: people to thank (it replaced topGivers, a ranking). */
  toThank: { id: string; name: string; kind: string; on: string; note: string | null; text: string }[];
  /** Asks made before the relationship was ready (as net asks --premature). */
  prematureAsks: PrematureView;
}

const toActivity = (a: ActivityCounts): ActivityView => ({ gives: a.gave, touchpoints: a.touch, asks: a.ask, received: a.received });

/** "Wendy Wu gave you a referral on Sun 2026-11-08: a client for my kitchen work". */
export function describeGift(t: { name: string; kind: string; on: string; note: string | null }): string {
  return `${t.name} gave you ${giveKindPhrase(t.kind)} on ${toDayText(t.on)}${t.note ? `: ${t.note.split('\n')[0]}` : ''}`;
}

export function toReportView(r: ReportResult): ReportView {
  return {
    since: r.since,
    until: r.until,
    days: r.days,
    weeks: r.weeks.map((w) => ({ start: w.start, ...toActivity(w) })),
    totals: toActivity(r.totals),
    referrals: r.referrals,
    movedUp: r.movedUp,
    goingCold: r.goingCold,
    movedUpMore: r.movedUpMore,
    goingColdMore: r.goingColdMore,
    newContacts: r.newContacts,
    stages: r.stages,
    shape: r.shape,
    toThank: r.toThank.map((t) => ({ ...t, text: describeGift(t) })),
    prematureAsks: toPrematureView(r.premature),
  };
}

export const ACTIVITY_ROWS: [keyof ActivityView, string][] = [
  ['gives', 'gives'],
  ['touchpoints', 'touchpoints'],
  ['asks', 'asks'],
  ['received', 'received'],
];

/** "Jane Doe (acquaintance → growing)", "Ravi Patel (growing; last touch 2026-07-01)". */
export function describeMove(m: StageMoveView, cold: boolean): string {
  if (!cold || m.from !== m.to) return `${m.name} (${m.from} → ${m.to})`;
  return `${m.name} (${m.to}; ${m.lastTouch ? `last touch ${m.lastTouch}` : 'no touch yet'})`;
}

/** The look-back on one screen; with `htmlFile`, the line that says where the HTML page went. */
export function renderReport(v: ReportView, p: Palette, htmlFile?: string): string {
  const out: string[] = [];
  out.push(p.bold(`Look-back: ${v.since} to ${v.until} (${plural(v.weeks.length, 'week')})`), '');
  out.push(`${p.bold('Per week')} ${p.dim(`from ${v.since}, one mark a week: · none, ▁ few … █ the busiest week`)}`);
  for (const [key, label] of ACTIVITY_ROWS) {
    const counts = v.weeks.map((w) => w[key]);
    const most = maxOf(counts, 0);
    out.push(`  ${label.padEnd(12)} ${toSparkline(counts)}  ${String(v.totals[key]).padStart(4)} in all${most ? `, at most ${most} a week` : ''}`);
  }

  const g = v.referrals.given;
  const r = v.referrals.received;
  const rows: [string, string, string][] = [
    ['logged', String(g.logged), String(r.logged)],
    ['still open', String(g.stillOpen), String(r.stillOpen)],
    ['won', String(g.won), String(r.won)],
    ['lost', String(g.lost), String(r.lost)],
    ['business won', formatAmount(g.amountWon), formatAmount(r.amountWon)],
  ];
  const w1 = maxOf(rows.map((x) => x[1].length), 5);
  const w2 = maxOf(rows.map((x) => x[2].length), 8);
  out.push('', `${p.bold('Referrals'.padEnd(15))} ${'given'.padStart(w1)}  ${'received'.padStart(w2)}`);
  for (const [label, a, b] of rows) out.push(`  ${label.padEnd(13)} ${a.padStart(w1)}  ${b.padStart(w2)}`);

  out.push('', p.bold('Relationships'));
  const list = (label: string, moves: StageMoveView[], more: number, cold: boolean, none: string) => {
    if (!moves.length) return out.push(`  ${label.padEnd(12)} ${p.dim(none)}`);
    moves.forEach((m, i) => wrapInto(out, describeMove(m, cold), ' '.repeat(17), `  ${(i === 0 ? label : '').padEnd(12)} `));
    if (more) out.push(`  ${''.padEnd(12)} ${p.dim(`and ${more} more`)}`);
  };
  list('moved up', v.movedUp, v.movedUpMore, false, 'none in this window');
  list('going cold', v.goingCold, v.goingColdMore, true, 'none: your closer relationships are tended');
  if (v.newContacts) out.push(`  ${'new'.padEnd(12)} ${plural(v.newContacts, 'contact')} added`);

  const total = STAGES.reduce((n, s) => n + v.stages[s], 0);
  out.push('');
  wrapInto(out, `${p.bold('Network shape:')} ${plural(total, 'contact')}, ${SHAPE_WORDS[v.shape]}`, ' '.repeat(15), '');
  const most = maxOf(STAGES.map((s) => v.stages[s]), 0);
  const width = String(most).length;
  for (const s of [...STAGES].reverse()) out.push(`  ${s.padEnd(13)}${String(v.stages[s]).padStart(width)} ${toBar(v.stages[s], most, 40)}`.trimEnd());

  out.push('', p.bold('People to thank'));
  if (!v.toThank.length) wrapInto(out, p.dim('nobody logged a give to you in this window (net log <name> --received referral)'), '    ', '  ');
  // A gift's note goes on at four columns, under the name that starts it.
  for (const t of v.toThank) wrapInto(out, t.text, '    ', '  ');

  out.push('', p.bold('Asks made before the relationship was ready'));
  for (const line of renderPrematureLines(v.prematureAsks, p, TEXT_WIDTH - 2)) out.push(line ? `  ${line}` : '');
  if (htmlFile !== undefined) {
    out.push('');
    wrapInto(out, `${p.green('Wrote')} the report to ${htmlFile}: open it in a browser.`, '  ', '');
  }
  return out.join('\n');
}
