/** Text for a calendar or mailbox import (issue 18) and for `net config me`. The views are the app results themselves. */
import type { TouchpointImportResult } from '../app/import-touchpoints.js';
import type { MyAddressesResult } from '../app/touchpoints.js';
import { maxOf, toThousands } from '../core/numbers.js';
import type { Palette } from './palette.js';
import { plural } from './messages/words.js';

const FORMAT_NAMES: Record<TouchpointImportResult['format'], string> = { ics: 'calendar', mbox: 'mbox', maildir: 'Maildir', eml: 'message' };

const count = (n: number, one: string, many?: string) => plural(n, one, many, toThousands);

const span = (first: string, last: string) => (first === last ? first : `${first} to ${last}`);

/** What was read and what was left out, in one line. */
function renderRead(r: TouchpointImportResult): string {
  const out: string[] = [];
  if (r.calendar) {
    const c = r.calendar;
    if (c.cancelled) out.push(`${toThousands(c.cancelled)} cancelled`);
    if (c.declined) out.push(`${toThousands(c.declined)} you declined`);
    if (c.alone) out.push(`${toThousands(c.alone)} with no one else`);
    if (c.future) out.push(`${toThousands(c.future)} yet to come`);
    if (c.before) out.push(`${toThousands(c.before)} before --since`);
    const read = `Read ${count(c.meetings, 'meeting')} held with others${c.files > 1 ? ` in ${count(c.files, 'file')}` : ''}`;
    return out.length ? `${read}; left out ${out.join(', ')}.` : `${read}.`;
  }
  const m = r.mail!;
  if (m.announcements) out.push(`${count(m.announcements, 'announcement')} (to more than ${m.threshold} people)`);
  if (m.drafts) out.push(count(m.drafts, 'draft'));
  if (m.undated) out.push(`${toThousands(m.undated)} with no date net can read`);
  if (m.before) out.push(`${toThousands(m.before)} before --since`);
  const read = `Read ${count(m.messages, 'message')}: ${toThousands(m.sent)} you sent to others`;
  return out.length ? `${read}; left out ${out.join(', ')}.` : `${read}.`;
}

function renderCounts(r: TouchpointImportResult): string {
  const parts = r.dryRun ? [`would add ${count(r.added, 'touchpoint')}`] : [`${count(r.added, 'touchpoint')} added`];
  if (r.moved) parts.push(r.dryRun ? `would move ${toThousands(r.moved)} (meetings moved to another day)` : `${toThousands(r.moved)} moved with their meetings`);
  const more = [r.joined ? `${toThousands(r.joined)} joined a touchpoint of the same day` : '', r.unchanged ? `${toThousands(r.unchanged)} already imported` : ''].filter(Boolean);
  return `${parts.join(', ')} with ${count(r.contacts.length, 'contact')}${more.length ? `; ${more.join(', ')}` : ''}`;
}

export function renderTouchpointImport(r: TouchpointImportResult, p: Palette): string {
  const lines: string[] = [];
  const file = r.file.replace(/[\\/]+$/, '').split(/[\\/]/).pop();
  const what = `${file} (${FORMAT_NAMES[r.format]})`;
  if (r.dryRun) {
    const width = Math.min(30, maxOf(r.contacts.map((c) => c.name.length), 0));
    for (const c of r.contacts) {
      const changes = [c.added ? `+${count(c.added, 'touchpoint')}` : '', c.moved ? `${toThousands(c.moved)} moved` : '', c.joined ? `${toThousands(c.joined)} joined that day's` : '', c.unchanged ? `${toThousands(c.unchanged)} already imported` : ''].filter(Boolean).join(', ');
      lines.push(`  ${c.name.padEnd(width)}  ${changes}  ${p.dim(span(c.first, c.last))}${c.isNew ? p.green('  (new contact)') : ''}`.trimEnd());
    }
    lines.push(`${p.bold('Dry run')} of ${what}: ${renderCounts(r)}. Nothing was written.`);
  } else {
    lines.push(`${p.green('Imported')} ${what}: ${renderCounts(r)}.`);
  }
  lines.push(p.dim(renderRead(r)));
  if (r.addedContacts.length) lines.push(`${r.dryRun ? p.bold('Would add') : p.green('Added')} ${count(r.addedContacts.length, 'contact')} with their history: ${r.addedContacts.map((c) => (c.name === c.email ? c.email : `${c.name} <${c.email}>`)).join(', ')}.`);
  if (r.unknown.length) {
    lines.push(`${p.bold('Not in your journal')} (${toThousands(r.unknownCount)}), most frequent first:`);
    const nameWidth = Math.min(30, maxOf(r.unknown.map((u) => (u.name ?? '').length), 0));
    const emailWidth = Math.min(40, maxOf(r.unknown.map((u) => u.email.length), 0));
    for (const u of r.unknown) {
      const seen = [u.meetings ? count(u.meetings, 'meeting') : '', u.messages ? count(u.messages, 'message') : ''].filter(Boolean).join(', ');
      lines.push(`  ${(u.name ?? '').padEnd(nameWidth)}  ${u.email.padEnd(emailWidth)}  ${seen.padEnd(24)}  ${p.dim(span(u.first, u.last))}`.trimEnd());
    }
    if (r.unknownCount > r.unknown.length) lines.push(`  and ${toThousands(r.unknownCount - r.unknown.length)} more (net --json import lists them)`);
  } else if (r.unknownCount) {
    const people = r.format === 'ics' ? 'people you met are' : 'people you wrote to are';
    const one = r.format === 'ics' ? 'person you met is' : 'person you wrote to is';
    lines.push(`${toThousands(r.unknownCount)} ${r.unknownCount === 1 ? one : people} not in your journal: --unknown lists them, --add-unknown [N] adds the N seen most.`);
  }
  return lines.join('\n');
}

export function renderMyAddresses(r: MyAddressesResult, p: Palette): string {
  const lines: string[] = [];
  if (r.added.length) lines.push(`${p.green('Added')} ${r.added.join(', ')} to your addresses.`);
  if (r.removed.length) lines.push(`${p.green('Removed')} ${r.removed.join(', ')} from your addresses.`);
  if (!r.addresses.length) lines.push('You have set no addresses of your own: net config me you@example.com you@work.example');
  else lines.push(`Your addresses: ${r.addresses.join(', ')}`);
  return lines.join('\n');
}
