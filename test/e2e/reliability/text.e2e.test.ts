/**
 * Text that reaches a terminal. Every text field is driven through the same hostile strings from every input path:
 * typed (flags), where it is refused with one line and nothing written; a CSV, a vCard and a JSON merge, where the
 * contact is imported with the odd characters taken out and the summary says so; and a journal written before these
 * rules (the text put in by SQL), whose text every reading command must show without a terminal obeying it.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine } from '../../helpers/journal-state.js';
import { findUnsafe, HOSTILE, HOSTILE_ALL } from '../../helpers/hostile-text.js';
import { makeJournal, TODAY, type Journal } from '../../helpers/run-net.js';

// The rules run in-process (net's own run(), as bin/net.js runs it); a journal written before them is read by real
// processes too.
let j: Journal;
beforeAll(() => {
  j = makeJournal(TODAY, 'in-process');
  for (const args of [
    ['add', 'Jane Doe', '--company', 'Acme'],
    ['add', 'Ravi Patel'],
    ['log', 'ravi', '--gave', 'referral', '--prospect', 'Tom Baker', '--date', '2026-10-01'],
  ]) {
    expect(j.run(...args)).toMatchObject({ code: 0, stderr: '' });
  }
});
afterAll(() => j.cleanup());

// ---- typed: refused (every field with every string in-process: test/unit/cli/text-fields.test.ts) --------------------

describe('typed text', () => {
  it.each(Object.entries(HOSTILE))('refuses %s with one line, exit 2, and writes nothing', (_what, value) => {
    for (const args of [['edit', 'jane', '--company', value], ['add', '--', `Name ${value}`]]) {
      const before = j.dump();
      const r = j.run(...args);
      if (args[0] === 'add' && /[\r\n]/.test(value)) {
        expect(r).toMatchObject({ code: 0, stderr: '' }); // a name folds white space: stored on one line
        expect(findUnsafe(r.stdout)).toBeNull();
        expect(j.run('rm', 'name', '--yes').code).toBe(0);
        continue;
      }
      expect({ code: r.code, problem: expectOneErrorLine(r) }).toEqual({ code: 2, problem: null });
      expect(r.stderr).toMatch(/cannot hold/);
      expect(findUnsafe(r.stderr)).toBeNull();
      expect(j.dump()).toEqual(before);
    }
  });

  it('a note keeps its line breaks, and net show prints them on its one line', () => {
    expect(j.run('log', 'jane', '--touch', 'call', '--note', 'first line\nFAKE second line')).toMatchObject({ code: 0 });
    expect(JSON.stringify(j.dump().events)).toContain('first line\\nFAKE second line');
    const shown = j.run('show', 'jane');
    expect(findUnsafe(shown.stdout)).toBeNull();
    expect(shown.stdout).toContain('first line↵FAKE second line');
  });

  it.each([
    ['a zero-width space', 'Jane\u200bDoe'],
    ['a word joiner', 'Jane\u2060 Doe'],
    ['a stray zero-width joiner', '\u200dJane Doe'],
    ['a soft hyphen', 'Ja\u00adne Doe'],
  ])('a name with %s is refused: two names must not look alike', (_what, name) => {
    const r = j.run('add', name);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'net: a name cannot hold invisible characters; type the name as plain text\n' });
  });

  it('a name that needs its joiners or its script is kept', () => {
    const names = ['Zoë Ünal', 'مریم‌السادات', '👩‍💻 Ada Lovelace', 'שרה לוי'];
    for (const name of names) expect(j.run('add', name), name).toMatchObject({ code: 0, stderr: '' });
    expect(j.json('list').map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(names));
  });
});

// ---- imported: cleaned ----------------------------------------------------------------------------------------------

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
const vcardText = (s: string) => s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\n|\r/g, '\\n');

/** Every text column of a journal, for "nothing unsafe was stored". */
function storedTexts(db: string): string[] {
  const conn = new Database(db, { readonly: true });
  try {
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return tables.flatMap((t) => conn.prepare(`SELECT * FROM "${t}"`).all().flatMap((row) => Object.values(row as object).filter((v): v is string => typeof v === 'string')));
  } finally {
    conn.close();
  }
}

/** What a terminal would show of a whole journal: every reading command, as text. */
const READERS: string[][] = [
  ['list'],
  ['show', 'hostile'],
  ['due', '--all'],
  ['due', '--explain', '--all'],
  ['balance'],
  ['check', 'hostile'],
  ['check', 'hostile', '--to-refer'],
  ['ideas'],
  ['ideas', 'hostile'],
  ['referrals'],
  ['report', '--since', '2020-01-01'],
  ['deepen', 'hostile', '--yes', 'trust'],
  ['snooze', 'hostile', '1w'],
  ['doctor'],
];

function expectSafeReading(k: Journal, env: Record<string, string> = {}): void {
  for (const args of READERS) {
    const r = k.runWith({ env }, ...args);
    const what = `net ${args.join(' ')}`;
    expect([0, 3, 5], `${what}: ${r.stderr}`).toContain(r.code); // 3: a premature check; 5: doctor finds the hand-made rows
    expect(findUnsafe(r.stdout, Boolean(env.FORCE_COLOR)), what).toBeNull();
    expect(findUnsafe(r.stderr, Boolean(env.FORCE_COLOR)), what).toBeNull();
  }
}

describe('imported text with every hostile string at once', () => {
  const h = HOSTILE_ALL;

  /** Imports a file of one hostile contact: added, the summary names the cleaned fields, nothing unsafe stored or shown. */
  function importHostile(name: string, content: string, format: string, fields: string): void {
    const k = makeJournal(TODAY, 'in-process');
    try {
      const file = join(k.dir, name);
      writeFileSync(file, content);
      const r = k.run('import', file);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(new RegExp(`^Imported ${name.replace('.', '\\.')} \\(${format}\\): 1 added`));
      expect(r.stdout).toMatch(/\nCleaned 1 record, taking out what plain text has no place for \(control characters, bidi overrides, line breaks outside notes\):\n {2}line \d, Hostile [^\n]*: (.*)\n$/);
      expect(r.stdout.trimEnd().split(': ').at(-1)).toBe(fields);
      expect(findUnsafe(r.stdout)).toBeNull();
      expect(storedTexts(k.db).filter((t) => findUnsafe(t.replace(/\n/g, ' ')))).toEqual([]);
      expectSafeReading(k);
    } finally {
      k.cleanup();
    }
  }

  it('from a CSV: each field cleaned, the contact kept, the summary says so, nothing unsafe stored or shown', () => {
    const row = [`Hostile ${h}`, 'h@example.com', h, h, h, `https://example.com/${h}`, h].map(csvCell).join(',');
    importHostile('hostile.csv', `name,email,company,role,note,url,tags\n${row}\n`, 'CSV', 'name, company, role, note, url, tags');
  });

  it('from a vCard: the same', () => {
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:Hostile ${vcardText(h)}`, `ORG:${vcardText(h)}`, `TITLE:${vcardText(h)}`, `NOTE:${vcardText(h)}`, `CATEGORIES:${vcardText(h)}`, 'EMAIL:h@example.com', 'END:VCARD'];
    importHostile('hostile.vcf', `${lines.join('\r\n')}\r\n`, 'vCard', 'name, company, role, note, tags');
  });

  it('from a JSON merge: every text column cleaned, every row kept', () => {
    const source = makeJournal(TODAY, 'in-process');
    const k = makeJournal(TODAY, 'in-process');
    try {
      seedEveryField(source);
      const exported = join(source.dir, 'export.json');
      const rows = source.dump();
      poison(source.db, h);
      expect(source.run('export', exported).code).toBe(0);
      const r = k.run('import', exported);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/\nCleaned \d+ records, [^\n]*\n(?: {2}\S+\n)*? {2}contacts\[\d\]: name, company, role, howMet, (?:note, )?url\n/);
      expect(findUnsafe(r.stdout)).toBeNull();
      const merged = k.dump();
      for (const table of ['contacts', 'events', 'facts', 'follow_ups', 'dates']) expect(merged[table], table).toHaveLength(rows[table]!.length);
      expect(storedTexts(k.db).filter((t) => findUnsafe(t.replace(/\n/g, ' ')))).toEqual([]);
      expectSafeReading(k);
    } finally {
      source.cleanup();
      k.cleanup();
    }
  });

  it('in a journal written before these rules: every reading command shows it safely, with and without colour', () => {
    const k = makeJournal();
    try {
      seedEveryField(k);
      poison(k.db, h);
      expect(storedTexts(k.db).some((t) => t.includes(h))).toBe(true);
      expectSafeReading(k);
      expectSafeReading(k, { FORCE_COLOR: '1', NO_COLOR: '' });
      expect(JSON.parse(k.run('--json', 'show', 'hostile').stdout).contact.company).toBe(h); // JSON stays exact: it escapes
      const list = k.run('list');
      expect(list.stdout.trimEnd().split('\n')).toHaveLength(2); // no row faked by a field
      const ambiguous = k.run('show', 'h');
      expect({ code: ambiguous.code, problem: expectOneErrorLine(ambiguous) }).toEqual({ code: 4, problem: null });
      expect(findUnsafe(ambiguous.stderr)).toBeNull();
    } finally {
      k.cleanup();
    }
  });
});

/** A contact with every text field set, and the rows that carry text: facts, an event with a note and a prospect, a follow-up, a date. */
function seedEveryField(k: Journal): void {
  for (const args of [
    ['add', 'Hostile One', '--company', 'Acme', '--role', 'agent', '--how-met', 'breakfast', '--service', 'staging', '--goal', 'grow', '--family', 'Sam', '--tag', 'bni', '--date-of', 'anniversary=2019-05-01', '--email', 'one@example.com'],
    ['add', 'Helper Two', '--service', 'photography'],
    ['edit', 'hostile', '--need', 'a photographer', '--ideal', 'couples'],
    ['log', 'hostile', '--gave', 'referral', '--prospect', 'Tom', '--note', 'coffee chat', '--next', 'in 2 weeks', '--date', '2026-10-01'],
    ['referral', 'hostile', '--status', 'won', '--amount', '100', '--note', 'signed'],
    ['log', 'hostile', '--received', 'idea', '--note', 'a tip', '--date', '2026-11-01'],
  ]) {
    expect(k.run(...args), args.join(' ')).toMatchObject({ code: 0 });
  }
}

/** Puts `h` into every free-text column, as a journal written before the rules (or edited by hand) could hold it. */
function poison(db: string, h: string): void {
  const conn = new Database(db);
  try {
    const now = '2026-11-22T12:00:00.000Z';
    conn.prepare(`UPDATE contacts SET name = ? || name, company = ?, role = ?, how_met = ?, note = ?, url = ?, updated_at = ? WHERE name = 'Hostile One'`).run(`${h} `, h, h, h, h, `https://x/${h}`, now);
    conn.prepare('UPDATE facts SET text = text || ?, updated_at = ?').run(` ${h}`, now);
    conn.prepare('UPDATE events SET note = ? , prospect = CASE WHEN prospect IS NULL THEN NULL ELSE ? END, status_note = CASE WHEN status_note IS NULL THEN NULL ELSE ? END, updated_at = ?').run(h, h, h, now);
    conn.prepare('UPDATE follow_ups SET note = ?, updated_at = ?').run(h, now);
    conn.prepare('UPDATE dates SET label = label || ?, updated_at = ?').run(` ${h}`, now);
  } finally {
    conn.close();
  }
}
