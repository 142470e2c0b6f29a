/** Text for `net asks --premature` and the report's section on premature asks. */
import type { Palette } from './palette.js';
import type { PrematureView } from './views.js';
import { PREMATURE_WORDS } from './messages/premature.js';
import { plural } from './messages/words.js';

/** The section's lines, without a title: the report gives its own. */
export function renderPrematureLines(v: PrematureView, p: Palette): string[] {
  if (!v.people.length && !v.outweighed.length) return [PREMATURE_WORDS.none(v.since)];
  const out: string[] = [];
  if (v.people.length) {
    const early = v.people.reduce((n, x) => n + x.asks.length, 0);
    out.push(`${plural(early, 'ask')} of ${v.asks} since ${v.since} came before the relationship was ready, with ${plural(v.people.length, 'person', 'people')}.`, PREMATURE_WORDS.habit);
    for (const person of v.people) {
      out.push('', p.bold(person.name));
      for (const a of person.asks) out.push(`  ${a.text}`);
      out.push(`  ${p.cyan('→')} ${person.repair}`);
    }
  } else out.push(PREMATURE_WORDS.none(v.since));
  if (v.outweighed.length) {
    out.push('', PREMATURE_WORDS.outweighed(v.latelyDays));
    for (const o of v.outweighed) out.push(`  ${p.bold(o.name)} ${p.cyan('→')} ${o.repair}`);
  }
  return out;
}

export function renderPremature(v: PrematureView, p: Palette): string {
  return renderPrematureLines(v, p).join('\n');
}
