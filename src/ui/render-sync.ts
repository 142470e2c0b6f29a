/** What `net sync` and `net merge` say. The views are the app results themselves: plain data with camelCase keys. */
import type { MergeContactsResult } from '../app/merge.js';
import type { ConflictItem, DuplicateItem, RemovalKeptItem, SyncResult, SyncStatus } from '../app/sync.js';
import { maxOf } from '../core/numbers.js';
import type { Palette } from './palette.js';
import { plural } from './messages/words.js';
import { clip } from './wrap.js';

/** The first 8 characters of an id: enough to tell two contacts apart in `net merge`. */
export const toShortId = (id: string) => id.slice(0, 8);

const quoteValue = (v: ConflictItem['kept']) => (v === null || v === '' ? 'nothing' : JSON.stringify(clip(String(v), 60)));
const toMinute = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : 'before sync');

const FIELD_WORDS: Record<string, string> = { met_on: 'met', how_met: 'how met', every_days: 'every', snoozed_until: 'snoozed until', given_name: 'given name', family_name: 'family name', occurred_on: 'date', due_on: 'due', done_on: 'done', status_on: 'status date', status_note: 'status note', outcome_on: 'outcome date', answered_on: 'answered' };
const TABLE_WORDS: Record<string, string> = { contacts: '', events: 'an event\'s ', follow_ups: 'a follow-up\'s ', facts: 'a fact\'s ', answers: 'a checklist answer\'s ', dates: 'an important date\'s ', settings: 'the setting ' };

function renderConflict(c: ConflictItem): string {
  const whose = c.table === 'settings' ? `setting ${c.field}` : `${c.contact ?? 'a removed contact'}: ${TABLE_WORDS[c.table] ?? ''}${FIELD_WORDS[c.field] ?? c.field.replace(/_/g, ' ')}`;
  return `  ${whose}: kept ${quoteValue(c.kept)} (${c.keptBy}, ${toMinute(c.keptAt)}), not ${quoteValue(c.lost)} (${c.lostBy}, ${toMinute(c.lostAt)})`;
}

function renderRemovalKept(r: RemovalKeptItem): string {
  const why = r.rows ? `${plural(r.rows, 'row')} of theirs written elsewhere meanwhile keep them` : 'changed after that: kept';
  return `  ${r.contact}: removed on ${r.removedBy}, but ${why} (net rm ${JSON.stringify(r.contact)} removes them)`;
}

const DUPLICATE_WORDS: Record<DuplicateItem['reason'], string> = { 'same-email': 'the same email', 'same-name-and-phone': 'the same name and phone', 'same-name': 'the same name' };

function renderDuplicate(d: DuplicateItem): string {
  return `  ${d.a.name} (${toShortId(d.a.id)}) and ${d.b.name} (${toShortId(d.b.id)}): ${DUPLICATE_WORDS[d.reason]}; net merge ${toShortId(d.a.id)} ${toShortId(d.b.id)} joins them`;
}

export function renderSynced(r: SyncResult, p: Palette): string {
  const lines: string[] = [];
  const moved = `${plural(r.pulled.added + r.pulled.changed + r.pulled.removed, 'record')} in, ${plural(r.pushed.records, 'record')} out`;
  if (r.action === 'published') lines.push(`${p.green('Published')} this journal to ${r.remote}: on another machine, net sync init ${r.remote} brings it down.`);
  else if (r.action === 'joined') lines.push(`${p.green('Joined')} ${r.remote} as ${r.label}: ${moved}.`);
  else if (!r.pulled.batches && !r.pushed.records) lines.push(`${p.green('Up to date')} with ${r.remote}.`);
  else lines.push(`${p.green('Synced')} with ${r.remote}: ${moved}.`);
  if (r.conflicts.length) {
    lines.push(`${p.yellow(plural(r.conflicts.length, 'field'))} changed on two machines; the later change is kept:`);
    for (const c of r.conflicts) lines.push(renderConflict(c));
  }
  if (r.removalsKept.length) {
    lines.push(`${p.yellow('Kept')}, though removed on another machine:`);
    for (const k of r.removalsKept) lines.push(renderRemovalKept(k));
  }
  if (r.duplicates.length) {
    lines.push(`${p.yellow('Likely the same person')}, added on two machines:`);
    for (const d of r.duplicates) lines.push(renderDuplicate(d));
  }
  return lines.join('\n');
}

export function renderSyncStatus(s: SyncStatus, p: Palette): string {
  if (!s.set) return 'Sync is not set up for this journal: net sync init <remote> publishes it to a git repository of yours.';
  const lines = [
    `Syncing with ${s.remote} as ${s.label} (${s.machine}); files encrypted ${s.keys === 'passphrase' ? 'with a key your passphrase unlocks' : 'to your age identity file'}.`,
    `Last sync: ${s.syncedAt ? toMinute(s.syncedAt) : 'never'}.`,
    s.unpushed.records || s.unpushed.batches ? `${p.yellow('Not yet pushed')}: ${plural(s.unpushed.records + s.unpushed.batches, 'change')} (net sync pushes them).` : 'Everything is pushed.',
    'Machines:',
  ];
  const width = maxOf(s.machines.map((m) => (m.label ?? m.machine).length + (m.self ? 15 : 0)), 10);
  for (const m of s.machines) {
    const name = `${m.label ?? m.machine}${m.self ? ' (this machine)' : ''}`;
    lines.push(`  ${name.padEnd(width)}  ${plural(m.batches, 'batch', 'batches').padEnd(12)}  last change ${toMinute(m.lastChangeAt)}`);
  }
  return lines.join('\n');
}

export function renderMerged(r: MergeContactsResult, p: Palette): string {
  const moved = Object.entries(r.moved).filter(([, n]) => n > 0).map(([what, n]) => plural(n, MOVED_WORDS[what as keyof MergeContactsResult['moved']]![0], MOVED_WORDS[what as keyof MergeContactsResult['moved']]![1]));
  const lines = [`${p.green('Merged')} ${r.removed.name} (${toShortId(r.removed.id)}) into ${r.kept.name} (${toShortId(r.kept.id)})${moved.length ? `: ${moved.join(', ')} moved` : ''}.`];
  if (r.filled.length) lines.push(`Taken from ${r.removed.name}: ${r.filled.join(', ')}.`);
  for (const d of r.differing) lines.push(`${p.yellow('Kept')} ${r.kept.name}'s ${d.field} ${JSON.stringify(d.kept)}; ${r.removed.name}'s was ${JSON.stringify(d.dropped)}.`);
  return lines.join('\n');
}

const MOVED_WORDS: Record<keyof MergeContactsResult['moved'], [string, string]> = {
  events: ['event', 'events'],
  followUps: ['follow-up', 'follow-ups'],
  facts: ['fact', 'facts'],
  answers: ['checklist answer', 'checklist answers'],
  dates: ['important date', 'important dates'],
  points: ['email or phone', 'emails and phones'],
};
