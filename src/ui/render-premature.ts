/** `net asks --premature` and the report's section on premature asks: their view (the JSON) and their text. */
import type { PrematureResult } from '../app/premature.js';
import type { EarlyWhy, RepairGive } from '../core/premature.js';
import type { Palette } from './palette.js';
import { describeEarlyAsk, describeRepair, PREMATURE_WORDS } from './messages/premature.js';
import { plural } from './messages/words.js';
import { TEXT_WIDTH, wrapInto } from './wrap.js';

/** `net asks --premature` and the report's section: asks made before the relationship was ready. */
export interface PrematureView {
  since: string;
  until: string;
  /** Every ask in the window. */
  asks: number;
  /** Per contact, the contacts with the latest premature ask first. */
  people: { id: string; name: string; asks: { kind: string; on: string; note: string | null; why: EarlyWhy; text: string }[]; repair: string; repairCode: RepairGive }[];
  /** Where the user's asks outweigh what they gave in the last `latelyDays` days. */
  outweighed: { id: string; name: string; repair: string; repairCode: RepairGive }[];
  latelyDays: number;
}

export function toPrematureView(r: PrematureResult): PrematureView {
  return {
    since: r.since,
    until: r.until,
    asks: r.asks,
    people: r.habits.map((h) => ({ id: h.contactId, name: h.name, asks: h.asks.map((a) => ({ ...a, text: describeEarlyAsk(a) })), repair: describeRepair(h.repair, h.name), repairCode: h.repair })),
    outweighed: r.outweighed.map((o) => ({ id: o.contactId, name: o.name, repair: describeRepair(o.repair, o.name), repairCode: o.repair })),
    latelyDays: r.latelyDays,
  };
}

/** The section's lines, without a title (the report gives its own), each within `width` columns. */
export function renderPrematureLines(v: PrematureView, p: Palette, width = TEXT_WIDTH): string[] {
  const out: string[] = [];
  const wrap = (text: string, indent = '', first = indent) => wrapInto(out, text, indent, first, width);
  if (!v.people.length && !v.outweighed.length) {
    wrap(PREMATURE_WORDS.none(v.since));
    return out;
  }
  if (v.people.length) {
    const early = v.people.reduce((n, x) => n + x.asks.length, 0);
    wrap(`${plural(early, 'ask')} of ${v.asks} since ${v.since} came before the relationship was ready, with ${plural(v.people.length, 'person', 'people')}.`);
    wrap(PREMATURE_WORDS.habit);
    for (const person of v.people) {
      out.push('', p.bold(person.name));
      for (const a of person.asks) wrap(a.text, '    ', '  ');
      wrap(person.repair, '    ', `  ${p.cyan('→')} `);
    }
  } else wrap(PREMATURE_WORDS.none(v.since));
  if (v.outweighed.length) {
    out.push('');
    wrap(PREMATURE_WORDS.outweighed(v.latelyDays));
    for (const o of v.outweighed) wrap(`${p.bold(o.name)} ${p.cyan('→')} ${o.repair}`, '    ', '  ');
  }
  return out;
}

export function renderPremature(v: PrematureView, p: Palette): string {
  return renderPrematureLines(v, p).join('\n');
}
