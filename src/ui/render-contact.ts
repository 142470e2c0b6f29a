/** The commands that write a contact or an interaction: their view (the JSON) and their text. */
import type { LogResult } from '../app/log.js';
import type { Palette } from './palette.js';
import { toEventView, type ContactView, type EventView } from './contact-view.js';
import { describeLogged, plural, toDayText } from './messages/words.js';
import { toAbout } from './render-list.js';

export interface LoggedView {
  contact: { id: string; name: string };
  events: EventView[];
  followUp: { id: string; dueOn: string; note: string | null } | null;
  closedFollowUps: number;
}

export function toLoggedView(r: LogResult): LoggedView {
  return {
    contact: { id: r.contact.id, name: r.contact.name },
    events: r.events.map(toEventView),
    followUp: r.followUp && { id: r.followUp.id, dueOn: r.followUp.dueOn, note: r.followUp.note },
    closedFollowUps: r.closedFollowUps,
  };
}

export function renderAdded(c: ContactView, p: Palette): string {
  const about = toAbout(c);
  const tags = c.tags.length ? p.dim(`  #${c.tags.join(' #')}`) : '';
  const met = c.metOn ? `, met on ${toDayText(c.metOn)}` : '';
  return `${p.green('Added')} ${p.bold(c.name)}${about ? ` (${about})` : ''}${met}${tags}`;
}

export function renderLogged(v: LoggedView, p: Palette): string {
  const lines: string[] = [];
  if (v.events.length) {
    lines.push(`${p.green('Logged')} ${describeLogged(v.events, p.bold(v.contact.name), toDayText(v.events[0]!.date))}.`);
  }
  const note = v.events[0]?.note ?? v.followUp?.note;
  if (note) lines.push(`${p.dim('Note:')} ${note}`);
  if (v.closedFollowUps) lines.push(p.dim(`Closed ${v.closedFollowUps === 1 ? 'the follow-up' : plural(v.closedFollowUps, 'follow-up')} you had scheduled.`));
  if (v.followUp) lines.push(`${v.events.length ? 'Follow-up' : `${p.green('Scheduled')} a follow-up with ${p.bold(v.contact.name)}`} on ${toDayText(v.followUp.dueOn)}.`);
  return lines.join('\n');
}
