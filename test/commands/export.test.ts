import Database from 'better-sqlite3';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
let k: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  k = makeJournal(TODAY, 'in-process');
});
afterEach(() => {
  j.cleanup();
  k.cleanup();
});

/** A journal with a bit of everything: profile facts, events of each type, a follow-up. */
function fill(journal: Journal): void {
  expect(journal.run('add', 'Jane Doe', '--company', 'Acme', '--email', 'jane@acme.example', '--tag', 'bni', '--service', 'conveyancing', '--met', '2025-03-01', '--every', '3w').code).toBe(0);
  expect(journal.run('add', 'Ravi Patel', '--phone', '+44 20 7946 0958', '--family', 'Priya, wife', '--goal', 'open a second office').code).toBe(0);
  expect(journal.runWith({ now: '2026-10-01' }, 'log', 'jane', '--touch', 'coffee', '--gave', 'article', '--value', '3', '--note', 'pricing "piece", part 1\nand 2', '--next', '2026-12-01').code).toBe(0);
  expect(journal.run('log', 'ravi', '--received', 'introduction', '--value', '4').code).toBe(0);
}

const withoutStamp = (json: string) => json.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "-"');

describe('net export --json', () => {
  it('export, import into an empty journal, export again: the same JSON but for the export time', () => {
    fill(j);
    const first = j.run('export', '--json');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const file = join(k.dir, 'journal.json');
    writeFileSync(file, first.stdout);
    expect(k.runWith({ now: '2027-01-15' }, 'import', file)).toMatchObject({ code: 0, stderr: '' });
    const second = k.runWith({ now: '2027-01-15T08:00:00Z' }, 'export', '--json');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toBe(first.stdout);
    expect(withoutStamp(second.stdout)).toBe(withoutStamp(first.stdout));
    const byId = (rows: any[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId((k.dump() as { contacts: any[] }).contacts)).toEqual(byId((j.dump() as { contacts: any[] }).contacts)); // summaries recomputed alike
  });

  it('carries UUIDs, timestamps, a format version and every table', () => {
    fill(j);
    const data = JSON.parse(j.run('export').stdout);
    expect(data).toMatchObject({ format: 'net-journal', version: 1, schema: expect.any(Number), exportedAt: '2026-11-22T12:00:00.000Z' });
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['settings', 'contacts', 'facts', 'events', 'followUps', 'answers']));
    const jane = data.contacts.find((c: any) => c.name === 'Jane Doe');
    expect(jane).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Jane Doe', metOn: '2025-03-01', everyDays: 21, createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect(jane).not.toHaveProperty('touchCount');
    expect(data.events.map((e: any) => [e.type, e.kind, e.value]).sort()).toEqual([['gave', 'article', 3], ['received', 'introduction', 4], ['touch', 'coffee', null]]);
    expect(data.followUps).toMatchObject([{ dueOn: '2026-12-01', scheduledOn: '2026-10-01' }]);
  });

  it('merges by UUID: nothing doubled, the newer record wins, and a second import changes nothing', () => {
    fill(j);
    const file = join(j.dir, 'laptop.json');
    expect(j.run('export', file).code).toBe(0);
    expect(k.run('import', file).code).toBe(0);
    // The laptop edits Jane later; the desktop adds someone of its own.
    const laptop = JSON.parse(readFileSync(file, 'utf8'));
    const [jane, ravi] = ['Jane Doe', 'Ravi Patel'].map((n) => laptop.contacts.find((c: any) => c.name === n));
    jane.company = 'Acme Holdings';
    jane.updatedAt = '2026-11-23T09:00:00.000Z';
    ravi.company = 'stale edit';
    ravi.updatedAt = '2020-01-01T00:00:00.000Z';
    writeFileSync(file, JSON.stringify(laptop));
    k.run('add', 'Desk Only');
    const r = k.run('import', file);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Merged laptop.json (net journal): 0 added, 1 updated,');
    const once = k.dump() as { contacts: any[] };
    expect(once.contacts.map((c) => [c.name, c.company]).sort()).toEqual([['Desk Only', null], ['Jane Doe', 'Acme Holdings'], ['Ravi Patel', null]]);
    expect(k.run('import', file).stdout).toContain('0 added, 0 updated,');
    expect(k.dump()).toEqual(once);
  });

  it('refuses an export with a broken record, names its line and writes nothing', () => {
    fill(j);
    const text = j.run('export').stdout;
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('"type":"gave"'));
    lines[at] = lines[at]!.replace(/"contactId":"[^"]*"/, '"contactId":"no-such-contact"');
    const file = join(k.dir, 'broken.json');
    writeFileSync(file, lines.join('\n'));
    k.run('add', 'Already Here');
    const before = k.dump();
    const r = k.run('import', file);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(new RegExp(`^net: line ${at + 1} of broken.json: events\\[\\d\\]: its contact no-such-contact is neither in the file nor in the journal; .*nothing was imported\\n$`));
    expect(k.dump()).toEqual(before);
  });
});

describe('writing files', () => {
  it('creates the file owner-only and refuses to overwrite it without --force', () => {
    fill(j);
    const file = join(j.dir, 'out.json');
    expect(j.run('--json', 'export', '--format', 'json', file)).toMatchObject({ code: 0, stderr: '', stdout: `{\n  "format": "json",\n  "file": "${file}",\n  "contacts": 2,\n  "records": 12\n}\n` });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = readFileSync(file, 'utf8');
    expect(j.run('export', file)).toEqual({ code: 2, stdout: '', stderr: `net: ${file} already exists; choose another file name, or add --force to replace it\n` });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(j.run('export', '--csv', file, '--force')).toMatchObject({ code: 0, stdout: `Exported contacts as CSV (2 contacts) to ${file}\n` });
    expect(readFileSync(file, 'utf8')).toMatch(/^name,given name,family name,email,/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('never writes over the journal itself', () => {
    fill(j);
    expect(j.run('export', j.db, '--force')).toMatchObject({ code: 2, stderr: `net: ${j.db} is the journal itself; write to another file\n` });
  });
});

describe('net export --csv and --vcf', () => {
  it('writes one row per contact with balance, stage and last touch', () => {
    fill(j);
    const r = j.run('export', '--csv');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('name,given name,family name,email,phone,company,role,tags,met,last touch,balance,stage,url,birthday,note');
    expect(lines[1]).toMatch(/^Jane Doe,,,jane@acme\.example,,Acme,,bni,2025-03-01,2026-10-01,\d+(\.\d)?,[a-z]+,,,$/);
    expect(lines[2]).toMatch(/^Ravi Patel,,,,\+44 20 7946 0958,,,,,,0,[a-z]+,,,$/);
  });

  it('writes vCard 4.0 that net import reads back', () => {
    fill(j);
    writeFileSync(join(j.dir, 'empty.csv'), '');
    expect(j.run('import', join(j.dir, 'empty.csv'), '--format', 'csv')).toMatchObject({ code: 2, stderr: 'net: the CSV file is empty; export the spreadsheet with a header row and one row per contact\n' });
    const r = j.run('export', '--vcf');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    // No N without the name parts: net does not guess them from the display name.
    expect(r.stdout).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\nUID:urn:uuid:[0-9a-f-]{36}\r\nFN:Jane Doe\r\nEMAIL:jane@acme\.example\r\nORG:Acme\r\nCATEGORIES:bni\r\n/);
    const file = join(k.dir, 'contacts.vcf');
    writeFileSync(file, r.stdout);
    expect(k.run('import', file)).toMatchObject({ code: 0, stdout: 'Imported contacts.vcf (vCard): 2 added, 0 updated, 0 skipped (unchanged).\n' });
    const conn = new Database(k.db, { readonly: true });
    expect(conn.prepare('SELECT name, email, phone, company FROM contacts ORDER BY name').all()).toEqual([
      { name: 'Jane Doe', email: 'jane@acme.example', phone: null, company: 'Acme' },
      { name: 'Ravi Patel', email: null, phone: '+44 20 7946 0958', company: null },
    ]);
    conn.close();
  });

  it('writes N from the given and family names a source or the user gave, never from the display name', () => {
    expect(j.run('import', join(import.meta.dirname, '../fixtures/import/09-linkedin-connections.csv')).code).toBe(0);
    expect(j.run('add', 'Dr. Ada Lovelace', '--given-name', 'Ada', '--family-name', 'Lovelace').code).toBe(0);
    expect(j.run('add', 'Prince')).toMatchObject({ code: 0 });
    const vcf = j.run('export', '--vcf').stdout;
    expect(vcf).toContain('FN:Kate Brown\\, MBA\r\nN:Brown\\, MBA;Kate;;;\r\n');
    expect(vcf).toContain('FN:Omar El-Sayed 🚀\r\nN:El-Sayed 🚀;Omar;;;\r\n');
    expect(vcf).toContain('FN:Dr. Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n');
    expect(vcf).toMatch(/FN:Prince\r\nREV:/);
    expect(j.run('export', '--csv').stdout).toContain('\r\n"Kate Brown, MBA",Kate,"Brown, MBA",,,Brown Consulting,Founder,');
    // The parts travel through a JSON export too, and come back from a vCard or CSV export.
    const json = join(j.dir, 'journal.json');
    expect(j.run('export', '--json', json).code).toBe(0);
    expect(readFileSync(json, 'utf8')).toContain('"givenName":"Kate","familyName":"Brown, MBA"');
    const file = join(k.dir, 'contacts.vcf');
    writeFileSync(file, vcf);
    expect(k.run('import', file).code).toBe(0);
    const conn = new Database(k.db, { readonly: true });
    expect(conn.prepare("SELECT name, given_name, family_name FROM contacts WHERE name IN ('Kate Brown, MBA', 'Prince', 'Dr. Ada Lovelace') ORDER BY name").raw().all()).toEqual([
      ['Dr. Ada Lovelace', 'Ada', 'Lovelace'],
      ['Kate Brown, MBA', 'Kate', 'Brown, MBA'],
      ['Prince', null, null],
    ]);
    conn.close();
  });

  it('takes the format from --format, --csv or --vcf; --json after export is the format, before it the output', () => {
    fill(j);
    expect(j.run('export', '--format', 'csv').stdout).toMatch(/^name,given name,family name,email,/);
    expect(j.run('export', '--format', 'VCF').stdout).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    expect(JSON.parse(j.run('export', '--format', 'json').stdout)).toMatchObject({ format: 'net-journal' });
    const file = join(j.dir, 'journal.json');
    // One flag, one meaning: the confirmation of `net export --json file` is text, that of `net --json export file` JSON.
    expect(j.run('export', '--json', file)).toEqual({ code: 0, stderr: '', stdout: `Exported the journal as JSON (2 contacts and 10 other records) to ${file}\n` });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'net-journal' });
    expect(JSON.parse(j.run('--json', 'export', file, '--force').stdout)).toEqual({ format: 'json', file, contacts: 2, records: 12 });
    expect(j.run('export', '--format', 'xml')).toEqual({ code: 2, stdout: '', stderr: 'net: cannot export as "xml"; --format takes one of: json, csv, vcf\n' });
    expect(j.run('export', '--format', 'csv', '--vcf')).toMatchObject({ code: 2, stderr: 'net: --format csv and --vcf ask for two formats; export one at a time\n' });
  });

  it('refuses two formats at once', () => {
    expect(j.run('export', '--csv', '--vcf')).toMatchObject({ code: 2, stdout: '', stderr: 'net: --csv and --vcf ask for two formats; export one at a time\n' });
  });
});
