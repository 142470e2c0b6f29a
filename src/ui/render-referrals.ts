/** Views and text for `net referral` and `net referrals`. */
import type { ReferralResult } from '../app/referral.js';
import type { ReferralsResult, ReferralTotals } from '../app/referrals.js';
import { maxOf } from '../core/numbers.js';
import { formatAmount, toShortId } from '../core/referrals.js';
import type { Palette } from './palette.js';
import { plural, toDayText } from './messages/words.js';
import { clip, TEXT_WIDTH } from './wrap.js';

export interface ReferralView {
  id: string;
  shortId: string;
  contact: { id: string; name: string };
  /** given: the user referred business to them; received: they referred business to the user. */
  direction: 'given' | 'received';
  date: string;
  value: number | null;
  note: string | null;
  prospect: string | null;
  status: string;
  statusOn: string | null;
  /** The business a won referral closed (reported, never scored); null otherwise. */
  amount: number | null;
  statusNote: string | null;
  /** Days since it was logged. */
  ageDays: number;
}

export interface ReferralChangedView extends ReferralView {
  previous: string;
}

export function toReferralChangedView(r: ReferralResult): ReferralChangedView {
  const e = r.event;
  return {
    id: e.id,
    shortId: toShortId(e.id),
    contact: { id: r.contact.id, name: r.contact.name },
    direction: e.type === 'gave' ? 'given' : 'received',
    date: e.occurredOn,
    value: e.value,
    note: e.note,
    prospect: e.prospect ?? null,
    status: e.status ?? 'open',
    statusOn: e.statusOn ?? null,
    amount: e.amount ?? null,
    statusNote: e.statusNote ?? null,
    ageDays: r.ageDays,
    previous: r.previous,
  };
}

export interface ReferralListView {
  referrals: ReferralView[];
  totals: ReferralTotals;
}

export function toReferralListView(r: ReferralsResult): ReferralListView {
  return {
    referrals: r.referrals.map((e) => ({
      id: e.id,
      shortId: toShortId(e.id),
      contact: { id: e.contactId, name: e.name },
      direction: e.direction,
      date: e.date,
      value: e.value,
      note: e.note,
      prospect: e.prospect,
      status: e.status,
      statusOn: e.statusOn,
      amount: e.amount,
      statusNote: e.statusNote,
      ageDays: e.ageDays,
    })),
    totals: r.totals,
  };
}

const days = (n: number) => plural(n, 'day');

/** "won 1,200", "open", "lost". */
export function describeStatus(status: string, amount: number | null): string {
  return status === 'won' && amount !== null ? `won ${formatAmount(amount)}` : status;
}

function toWho(v: Pick<ReferralView, 'direction' | 'contact' | 'prospect'>): string {
  const prospect = v.prospect ? ` (${v.prospect})` : '';
  return v.direction === 'given' ? `to ${v.contact.name}${prospect}` : `from ${v.contact.name}${prospect}`;
}

export function renderReferralChanged(v: ReferralChangedView, p: Palette): string {
  const what = `${v.direction === 'given' ? 'the referral you gave' : 'the referral you received'} ${toWho(v)} on ${v.date}`;
  const on = v.statusOn ? ` on ${toDayText(v.statusOn)}` : '';
  const lines = [`${p.green('Updated')} ${what}: ${v.previous} → ${p.bold(describeStatus(v.status, v.amount))}${on}${v.statusNote ? `: ${v.statusNote}` : ''}.`];
  if (v.status === 'won' && v.direction === 'received') lines.push(`Closed business: thank ${v.contact.name}. It stays on net due until you log a touchpoint or a give.`);
  if (v.amount !== null) lines.push(p.dim('The amount is reported in net referrals and net report; the balance counts the value you gave it, not the money.'));
  return lines.join('\n');
}

export function toTotalsText(t: ReferralTotals): string {
  const parts = [t.open ? `${t.open} open` : '', t.contacted ? `${t.contacted} contacted` : '', t.won ? `${t.won} won (${formatAmount(t.amountWon)})` : '', t.lost ? `${t.lost} lost` : ''].filter(Boolean);
  return `${plural(t.count, 'referral')}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** The columns of the list that give way to fit 80 columns, in turn, each to its least width: the prospect, whom with. */
const GIVES_WAY: [number, number][] = [
  [4, 12],
  [3, 16],
];

export function renderReferralList(v: ReferralListView, p: Palette): string {
  if (!v.referrals.length) return 'No referrals to list. Log one with net log jane --gave referral --prospect "Tom Baker, needs a bookkeeper".';
  const rows = v.referrals.map((r) => [r.date, r.shortId, r.direction === 'given' ? 'gave' : 'received', `${r.direction === 'given' ? 'to' : 'from'} ${r.contact.name}`, r.prospect ?? '', describeStatus(r.status, r.amount), days(r.ageDays)]);
  const widths = rows[0]!.map((_, i) => maxOf(rows.map((row) => row[i]!.length), 0));
  // Within 80 columns: the prospect (the freest text, whole in net show and --json) gives way first, to 12 columns
  // at least, then whom it was with, to 16.
  for (const [column, least] of GIVES_WAY) {
    const over = widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1) - TEXT_WIDTH;
    if (over <= 0) break;
    widths[column] = Math.max(least, widths[column]! - over);
    for (const row of rows) row[column] = clip(row[column]!, widths[column]!);
  }
  const lines = rows.map((row) => `${p.dim(row[0]!)}  ${p.dim(row[1]!)}  ${row.slice(2).map((cell, i) => (i === 4 ? cell.padStart(widths[i + 2]!) : cell.padEnd(widths[i + 2]!))).join('  ')}`.trimEnd());
  return [...lines, '', toTotalsText(v.totals)].join('\n');
}
