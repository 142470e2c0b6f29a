import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => resolve(FIXTURES, name);

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

type Dump = { contacts: any[]; facts: any[] };
/** name -> [email, phone, company, role, tags] as the journal holds them. */
function people(): Record<string, unknown[]> {
  const { contacts, facts } = j.dump() as Dump;
  const tags = (id: string) => facts.filter((f) => f.contact_id === id && f.kind === 'tag').map((f) => f.text).sort();
  return Object.fromEntries(contacts.map((c) => [c.name, [c.email, c.phone, c.company, c.role, tags(c.id)]]));
}

/** name -> every email and phone as [kind, value, label], in their order (the main one of each kind first). */
function points(): Record<string, unknown[]> {
  const { contacts, contact_points } = j.dump() as Dump & { contact_points: any[] };
  const own = (id: string) =>
    contact_points
      .filter((p) => p.contact_id === id)
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.position - b.position)
      .map((p) => [p.kind, p.value, p.label]);
  return Object.fromEntries(contacts.map((c) => [c.name, own(c.id)]));
}

describe('net import: vCard', () => {
  it.each([
    ['google.vcf', { 'Jane Doe': ['jane@acme.example', '+44 7700 900123', 'Acme Ltd.', 'Estate agent', ['bni', 'clients']], 'Sam Lee': [null, '020 7946 0000', null, null, []] }],
    ['apple.vcf', { 'Ravi Patel': ['ravi@patel.example', '+44 7700 900456', 'Patel Bookkeeping', 'Bookkeeper', ['bni', 'referral-partners']] }],
    ['outlook-21.vcf', { 'Jürgen Müller': ['juergen@mueller.example', '+49 170 7654321', 'Müller GmbH', 'Geschäftsführer', []], 'Zofia Król': ['zofia@krol.example', '+48 22 123 45 67', null, null, ['suppliers']] }],
    ['v4.vcf', { 'Amélie Durand': ['amelie@studio.example', '+33-6-12-34-56-78', 'Studio Durand', 'Photographer', ['bni-paris', 'photographer']] }],
    ['n-without-fn.vcf', { 'Chidi Okafor': ['chidi@okafor.example', null, 'Okafor Dental', null, []] }],
  ])('%s imports the right name, email, phone, company, role and tags', (file, expected) => {
    const r = j.run('import', fixture(file));
    const n = Object.keys(expected).length;
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: `Imported ${file} (vCard): ${n} added, 0 updated, 0 skipped (unchanged).\n` });
    expect(people()).toEqual(expected);
  });

  it('keeps every email and phone as an entry with its label, and the note, the birthday and the profile URL', () => {
    j.run('import', fixture('google.vcf'));
    const { contacts } = j.dump() as Dump;
    expect(contacts.map((c) => [c.name, c.note, c.birthday, c.url])).toEqual([
      ['Jane Doe', 'Met at the BNI Tuesday breakfast, sits next to Ravi.\nLikes cycling and long walks.', '1985-04-12', 'https://www.linkedin.com/in/janedoe'],
      ['Sam Lee', null, null, null],
    ]);
    expect(points()).toEqual({
      'Jane Doe': [
        ['email', 'jane@acme.example', 'work'],
        ['email', 'jane.doe@mail.example', 'home'],
        ['phone', '+44 7700 900123', 'mobile'],
      ],
      'Sam Lee': [
        ['phone', '020 7946 0000', 'work'],
        ['phone', '07700 900999', 'mobile'],
      ],
    });
  });

  it('matches a contact by any of their emails, and adds what the file has that they lack', () => {
    j.run('add', 'J. Doe', '--email', 'home=JANE.DOE@mail.example');
    expect(j.run('import', fixture('google.vcf'))).toMatchObject({ code: 0, stdout: 'Imported google.vcf (vCard): 1 added, 1 updated, 0 skipped (unchanged).\n' });
    expect(points()['J. Doe']).toEqual([
      ['email', 'JANE.DOE@mail.example', 'home'],
      ['email', 'jane@acme.example', 'work'],
      ['phone', '+44 7700 900123', 'mobile'],
    ]);
  });

  it('leaves the journal as it was after the first time when the same file is imported twice', () => {
    expect(j.run('import', fixture('google.vcf')).code).toBe(0);
    const after = j.dump();
    expect(j.run('import', fixture('google.vcf'))).toMatchObject({ code: 0, stdout: 'Imported google.vcf (vCard): 0 added, 0 updated, 2 skipped (unchanged).\n' });
    expect(j.dump()).toEqual(after);
  });

  it('counts a value that differs only in capitals as unchanged, and keeps the journal\'s spelling', () => {
    expect(j.run('import', fixture('google.vcf')).code).toBe(0);
    // The journal's own spelling of every field an import may replace or add to, the labels of emails and phones too.
    const edit = ['--role', 'ESTATE AGENT', '--company', 'ACME LTD.', '--given-name', 'JANE', '--family-name', 'DOE', '--email', 'Work=jane@acme.example', '--phone', 'Mobile=+44 7700 900123', '--tag', 'Clients'];
    expect(j.run('edit', 'jane', ...edit).code).toBe(0);
    const url = 'HTTPS://WWW.LINKEDIN.COM/IN/JANEDOE';
    const note = (j.dump() as Dump).contacts.find((c) => c.name === 'Jane Doe').note.toUpperCase();
    const db = new Database(j.db);
    db.prepare("UPDATE contacts SET url = ?, note = ? WHERE name = 'Jane Doe'").run(url, note);
    db.close();
    const before = j.dump();
    expect(j.run('import', fixture('google.vcf'))).toEqual({ code: 0, stderr: '', stdout: 'Imported google.vcf (vCard): 0 added, 0 updated, 2 skipped (unchanged).\n' });
    expect(j.dump()).toEqual(before);
    // A CSV as an address book writes it: "cto" against the journal's "CTO" is no update; another role is one.
    expect(j.run('add', 'Ravi Patel', '--role', 'CTO', '--company', 'Patel & Co').code).toBe(0);
    const csv = resolve(j.dir, 'people.csv');
    writeFileSync(csv, 'name,role,company\nRavi Patel,cto,patel & co\n');
    expect(j.run('import', csv).stdout).toBe('Imported people.csv (CSV): 0 added, 0 updated, 1 skipped (unchanged).\n');
    expect(people()['Ravi Patel']).toEqual([null, null, 'Patel & Co', 'CTO', []]);
    writeFileSync(csv, 'name,role,company\nRavi Patel,chief technology officer,patel & co\n');
    expect(j.run('import', csv).stdout).toBe('Imported people.csv (CSV): 0 added, 1 updated, 0 skipped (unchanged).\n');
    expect(people()['Ravi Patel']).toEqual([null, null, 'Patel & Co', 'chief technology officer', []]);
  });

  it('updates a contact with the same email instead of doubling them', () => {
    j.run('add', 'Jane D.', '--email', 'JANE@acme.example', '--tag', 'bni', '--company', 'Old Co');
    const r = j.json('import', fixture('google.vcf'));
    expect(r).toMatchObject({ added: 1, updated: 1, skipped: 0, bad: [] });
    const p = people();
    expect(p['Jane D.']).toEqual(['JANE@acme.example', '+44 7700 900123', 'Acme Ltd.', 'Estate agent', ['bni', 'clients']]);
    expect(Object.keys(p).sort()).toEqual(['Jane D.', 'Sam Lee']);
  });

  it('matches by name when neither has an email', () => {
    j.run('add', 'Sam Lee', '--company', 'Lee Ltd');
    expect(j.json('import', fixture('google.vcf'))).toMatchObject({ added: 1, updated: 1 });
    expect(people()['Sam Lee']).toEqual([null, '020 7946 0000', 'Lee Ltd', null, []]);
  });

  it('imports a card without a name under its email address', () => {
    expect(j.run('import', fixture('bad-middle.vcf'))).toMatchObject({ code: 0, stderr: '', stdout: 'Imported bad-middle.vcf (vCard): 3 added, 0 updated, 0 skipped (unchanged).\n' });
    expect(Object.keys(people())).toEqual(['Ada First', 'nobody@nameless.example', 'Cy Third']);
  });

  it('refuses a damaged file (a card never closed), names the line and writes nothing; --skip-bad imports the intact cards', () => {
    const damaged = `${j.dir}/damaged.vcf`;
    writeFileSync(damaged, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada First\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half Card\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy Third\r\nEND:VCARD\r\n');
    j.run('add', 'Someone Else');
    const before = j.dump();
    expect(j.run('import', damaged)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'net: line 5 of damaged.vcf: the card has no END:VCARD; fix it and import again, or add --skip-bad to import the others; nothing was imported\n',
    });
    expect(j.dump()).toEqual(before);
    const r = j.run('import', damaged, '--skip-bad');
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'Imported damaged.vcf (vCard): 2 added, 0 updated, 0 skipped (unchanged).\nLeft out 1 malformed record:\n  line 5: the card has no END:VCARD\n' });
    expect(Object.keys(people())).toEqual(['Someone Else', 'Ada First', 'Cy Third']);
  });
});

describe('net import: LinkedIn and CSV', () => {
  it('imports every LinkedIn connection with the connection date as met, unless the journal knows an earlier one', () => {
    j.run('add', 'Maria Garcia', '--met', '2020-05-01');
    j.run('add', 'Tom Baker', '--email', 'tom@baker.example', '--met', '2024-06-01');
    const r = j.run('import', fixture('linkedin-connections.csv'));
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: 'Imported linkedin-connections.csv (LinkedIn connections): 1 added, 2 updated, 0 skipped (unchanged).\n' });
    const { contacts } = j.dump() as Dump;
    expect(contacts.map((c) => [c.name, c.met_on, c.company, c.role, c.url])).toEqual([
      ['Maria Garcia', '2020-05-01', 'Garcia Legal', 'Solicitor', 'https://www.linkedin.com/in/mariagarcia'],
      ['Tom Baker', '2023-01-03', 'Baker & Sons, Ltd', 'Owner', 'https://www.linkedin.com/in/tombaker'],
      ['Lena Schmidt', '2025-02-28', null, null, 'https://www.linkedin.com/in/lenaschmidt'],
    ]);
  });

  it('reads a spreadsheet with a BOM and quoted commas and newlines', () => {
    expect(j.run('import', fixture('spreadsheet.csv'))).toMatchObject({ code: 0, stdout: 'Imported spreadsheet.csv (CSV): 3 added, 0 updated, 0 skipped (unchanged).\n' });
    const { contacts } = j.dump() as Dump;
    expect(contacts[0]).toMatchObject({ name: 'Jane Doe', company: 'Acme, Inc.', met_on: '2025-03-01', note: 'Prefers mornings.\nTwo kids, both at school.' });
    expect(people()['Jane Doe']![4]).toEqual(['bni', 'client']);
  });

  it('imports a row with a value it cannot read, keeps the value in the note and says so', () => {
    expect(j.run('import', fixture('bad-middle.csv'))).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Imported bad-middle.csv (CSV): 3 added, 0 updated, 0 skipped (unchanged).\n1 value kept as text in the note: line 3 email "not-an-email".\n',
    });
    expect((j.dump() as Dump).contacts.map((c) => [c.name, c.email, c.note])).toEqual([
      ['Ada First', 'ada@first.example', null],
      ['Bea Second', null, 'Email: not-an-email'],
      ['Cy Third', 'cy@third.example', null],
    ]);
  });

  it('refuses a CSV whose quotes are broken, names the line and writes nothing', () => {
    const broken = `${j.dir}/broken.csv`;
    writeFileSync(broken, 'Name,Note\nAda,fine\nBea,"never closed\nCy,third\n');
    j.run('add', 'Someone Else');
    const before = j.dump();
    expect(j.run('import', broken)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: line \d+: cannot read the CSV: .*; check the quotes on that line; nothing was imported\n$/) });
    expect(j.dump()).toEqual(before);
  });

  it('reads a file as the format --format names', () => {
    const r = j.run('import', fixture('linkedin-connections.csv'), '--format', 'vcf');
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: line 1 of linkedin-connections.csv: text outside a card/) });
    expect(j.run('import', fixture('google.vcf'), '--format', 'xls')).toMatchObject({ code: 2, stderr: 'net: unknown format "xls"; --format takes one of: vcf, linkedin, csv, json\n' });
  });
});

describe('net import: a new contact is written whole at once', () => {
  /** The search documents as the journal holds them, and as its rows say they should be; FTS5's own check of the index. */
  function searchDocuments(): { held: unknown[]; fromRows: unknown[] } {
    const db = new Database(j.db);
    try {
      const held = db.prepare('SELECT contact_id, name, company, role, how_met, about, note FROM search_contact_docs ORDER BY contact_id').all();
      const fromRows = db
        .prepare(
          `SELECT c.id AS contact_id, c.name, c.company, c.role, c.how_met,
             (SELECT group_concat(text, char(10) ORDER BY kind, created_at, text_key) FROM facts WHERE contact_id = c.id) AS about, c.note
           FROM contacts c ORDER BY c.id`,
        )
        .all();
      db.prepare("INSERT INTO search_contacts (search_contacts, rank) VALUES ('integrity-check', 1)").run(); // throws if the index differs
      return { held, fromRows };
    } finally {
      db.close();
    }
  }

  it('keeps the emails, their labels, the main email and phone, the tags and the search documents as one at a time did', () => {
    const file = `${j.dir}/people.csv`;
    writeFileSync(
      file,
      [
        'name,email 1,email 1 label,email 2,email 2 label,email 3,email 3 label,phone,phone label,company,tags,note',
        // The same email twice: once, with its first label. The second record has the first's second email: the same person.
        'Ada Byron,ada@work.example,work,ADA@home.example,home,ada@work.example,office,+44 20 7946 0001,mobile,Engines Ltd,"bni, client",Writes programs',
        'Ada B.,ada@home.example,,,,,,,,,mentor,',
        'Cy Twombly,,,,,,,020 7946 0002,,Studio,,Paints',
      ].join('\n'),
    );
    expect(j.run('import', file)).toMatchObject({ code: 0, stderr: '', stdout: 'Imported people.csv (CSV): 2 added, 1 updated, 0 skipped (unchanged).\n' });
    expect(people()).toEqual({
      'Ada Byron': ['ada@work.example', '+44 20 7946 0001', 'Engines Ltd', null, ['bni', 'client', 'mentor']],
      'Cy Twombly': [null, '020 7946 0002', 'Studio', null, []],
    });
    expect(points()).toEqual({
      'Ada Byron': [
        ['email', 'ada@work.example', 'work'],
        ['email', 'ADA@home.example', 'home'],
        ['phone', '+44 20 7946 0001', 'mobile'],
      ],
      'Cy Twombly': [['phone', '020 7946 0002', null]],
    });
    const { held, fromRows } = searchDocuments();
    expect(held).toEqual(fromRows);
    expect(j.json('search', 'mentor').contacts.map((c: any) => c.name)).toEqual(['Ada Byron']);
    expect(j.run('search', 'programs', 'bni').stdout).toContain('Ada Byron');
  });
});

describe('net import --dry-run', () => {
  it('shows what would be added, updated and skipped, and writes nothing', () => {
    j.run('add', 'Jane Doe', '--email', 'jane@acme.example');
    j.run('import', fixture('n-without-fn.vcf'));
    j.run('import', fixture('spreadsheet.csv'), '--skip-bad');
    const before = j.dump();
    const r = j.run('import', fixture('google.vcf'), '--dry-run');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      '  update  Jane Doe  line 1  givenName, familyName, company, url, birthday, note, emails, phones, tags\n' +
        '  add     Sam Lee   line 17\n' +
        'Dry run of google.vcf (vCard): would add 1, update 1, skip 0 unchanged. Nothing was written.\n',
    );
    expect(j.dump()).toEqual(before);
    expect(j.json('import', fixture('n-without-fn.vcf'), '--dry-run')).toMatchObject({ dryRun: true, added: 0, updated: 0, skipped: 1, items: [{ line: 1, name: 'Chidi Okafor', action: 'skip' }] });
  });

  it('does not create a journal that does not exist yet', () => {
    expect(j.run('import', fixture('google.vcf'), '--dry-run').code).toBe(0);
    expect(existsSync(j.db)).toBe(false);
  });
});

describe('net import: errors and output', () => {
  it('says when the file cannot be read', () => {
    expect(j.run('import', fixture('missing.vcf'))).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: cannot read .*missing\.vcf: no such file; give the path/) });
  });

  it('prints a JSON summary with --json and no progress bar off a terminal', () => {
    const r = j.run('--json', 'import', fixture('linkedin-connections.csv'));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({
      file: fixture('linkedin-connections.csv'),
      format: 'linkedin',
      dryRun: false,
      added: 3,
      updated: 0,
      skipped: 0,
      bad: [],
      badCount: 0,
      kept: [],
      keptCount: 0,
      leftOut: [],
      leftOutCount: 0,
      warnings: [],
      cleaned: [],
      cleanedCount: 0,
      items: [],
      tables: [],
    });
  });
});

describe('net import: real exports import whole (issue 14)', () => {
  type Row = Record<string, unknown>;
  const contacts = () => (j.dump() as { contacts: Row[] }).contacts;
  const columns = (...keys: string[]) => contacts().map((c) => keys.map((k) => c[k]));

  it("02-outlook-qp-cp1252.vcf: Outlook's quoted-printable in Windows-1252 without CHARSET, never U+FFFD", () => {
    expect(j.run('import', fixture('02-outlook-qp-cp1252.vcf'))).toEqual({ code: 0, stderr: '', stdout: 'Imported 02-outlook-qp-cp1252.vcf (vCard): 1 added, 0 updated, 0 skipped (unchanged).\n' });
    expect(columns('name', 'given_name', 'family_name', 'company', 'role', 'email')).toEqual([['Jürgen Weiß', 'Jürgen', 'Weiß', 'Möbel Händler AG', 'Geschäftsführer', 'j.weiss@example.de']]);
    expect(JSON.stringify(j.dump())).not.toContain('\\ufffd');
  });

  it('06-vcard4-tel-uri-ext.vcf: the RFC 6350 card with a tel: URI and its extension', () => {
    expect(j.run('import', fixture('06-vcard4-tel-uri-ext.vcf'))).toEqual({ code: 0, stderr: '', stdout: 'Imported 06-vcard4-tel-uri-ext.vcf (vCard): 1 added, 0 updated, 0 skipped (unchanged).\n' });
    expect(columns('name', 'phone', 'email', 'company', 'birthday', 'url', 'note')).toEqual([
      ['Rémi Tremblay', '+1-418-555-0100 ext. 102', 'remi.tremblay@example.ca', 'Exemplaire Inc', '--02-03', 'http://example.org/remi', null],
    ]);
    expect(points()['Rémi Tremblay']).toEqual([
      ['email', 'remi.tremblay@example.ca', 'work'],
      ['phone', '+1-418-555-0100 ext. 102', 'work'],
      ['phone', '+1-418-555-0101', 'work'],
    ]);
    expect((j.dump() as { dates: Row[] }).dates.map((d) => [d.label, d.date])).toEqual([['anniversary', '2009-08-08']]);
  });

  it('09-linkedin-connections.csv: every connection, the one who hides their name under the profile URL', () => {
    expect(j.run('import', fixture('09-linkedin-connections.csv'))).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Imported 09-linkedin-connections.csv (LinkedIn connections): 5 added, 0 updated, 0 skipped (unchanged).\n',
    });
    expect(columns('name', 'given_name', 'family_name', 'email', 'company', 'role', 'met_on')).toEqual([
      ['Sarah Chen', 'Sarah', 'Chen', null, 'Acme Robotics', 'VP, Engineering', '2021-08-15'],
      ['Omar El-Sayed 🚀', 'Omar', 'El-Sayed 🚀', 'omar@example.com', 'Smith, Jones & Co', 'Partner | M&A, Tax', '2019-02-03'],
      ['linkedin.com/in/nameless-example', null, null, null, null, 'Ghost Co', '2020-01-01'],
      ['Kate Brown, MBA', 'Kate', 'Brown, MBA', null, 'Brown Consulting', 'Founder', '2024-02-29'],
      ["Zoë O'Neill", 'Zoë', "O'Neill", 'zoe@example.ie', null, null, '2025-11-07'],
    ]);
  });

  it('11-outlook-contacts.csv: M/D/YYYY birthdays, 0/0/00 as no date, every phone kept', () => {
    expect(j.run('import', fixture('11-outlook-contacts.csv'))).toEqual({ code: 0, stderr: '', stdout: 'Imported 11-outlook-contacts.csv (CSV): 2 added, 0 updated, 0 skipped (unchanged).\n' });
    expect(columns('name', 'email', 'phone', 'company', 'role', 'birthday', 'note')).toEqual([
      ['Derek Hollis', 'derek@example.com', '07700 900111', 'Hollis Mortgages', 'Mortgage Broker', '1975-03-14', 'Prefers calls'],
      ['Fiona Grant', 'fiona@example.org', null, null, null, null, null],
    ]);
    expect(people()['Derek Hollis']![4]).toEqual(['bni', 'referral-partners']);
    expect(points()['Derek Hollis']).toEqual([
      ['email', 'derek@example.com', null],
      ['phone', '07700 900111', 'mobile'],
      ['phone', '+44 113 496 0000', 'work'],
    ]);
  });

  it('says in one or two lines what was kept as text and what was left out, and why; --json lists them', () => {
    const r = j.run('import', fixture('vcard4-rfc6350.vcf'));
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'Imported vcard4-rfc6350.vcf (vCard): 3 added, 0 updated, 0 skipped (unchanged).\n' +
        '3 values kept as text in the note: line 8 birthday "circa 1800", line 8 email "john at doe dot example", line 8 phone "ask reception".\n' +
        'Left out 2 records: line 1 (a group, not a person), line 35 (nothing to call them by).\n',
    });
    expect(columns('name', 'phone', 'note')[0]).toEqual(['John Doe', '+1-555-555-5555', 'Email: john at doe dot example\nPhone: ask reception\nBirthday: circa 1800']);
    expect(points()['John Doe']).toEqual([
      ['email', 'john@doe.example', null],
      ['phone', '+1-555-555-5555', 'mobile'],
      ['phone', '+1 555 123 4567,,102#', 'work'],
      ['phone', '1-800-FLOWERS', 'work'],
    ]);
    const k = makeJournal('2026-11-30', 'in-process');
    try {
      expect(k.json('import', fixture('vcard4-rfc6350.vcf'))).toMatchObject({
        added: 3,
        keptCount: 3,
        kept: [
          { line: 8, field: 'birthday', value: 'circa 1800' },
          { line: 8, field: 'email', value: 'john at doe dot example' },
          { line: 8, field: 'phone', value: 'ask reception' },
        ],
        leftOutCount: 2,
        leftOut: [{ line: 1, reason: 'group' }, { line: 35, reason: 'unnamed' }],
      });
    } finally {
      k.cleanup();
    }
  });

  it("reads Outlook's full column set in Windows-1252 and Google's older layout in UTF-16", () => {
    expect(j.run('import', fixture('outlook-full.csv'))).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Imported outlook-full\.csv \(CSV\): 4 added, 0 updated, 0 skipped \(unchanged\)\.\n2 values kept as text in the note: line 2 email "renee at home", line 2 phone "ask reception"\.\nLeft out 1 record: line 6 \(nothing to call them by\)\.\n$/) });
    expect(j.run('import', fixture('google-contacts-old.csv'))).toMatchObject({ code: 0, stderr: '', stdout: 'Imported google-contacts-old.csv (CSV): 2 added, 0 updated, 0 skipped (unchanged).\n' });
    expect(columns('name', 'given_name', 'family_name', 'phone', 'company', 'role')).toEqual([
      ['Renée Lefèvre', 'Renée', 'Lefèvre', '+33 6 12 34 56 78', 'Lefèvre Conseil', 'Directrice générale'],
      ['Acme Plumbing Ltd', null, null, '+44 161 496 0000', 'Acme Plumbing Ltd', null],
      ['info@orphan.example', null, null, null, null, null],
      ['Bob Vance', 'Bob', 'Vance', '1-800-FLOWERS', 'Vance Refrigeration', null],
      ['Dr. Kwame Mensah', 'Kwame', 'Mensah', '+233 20 123 4567', 'Mensah Dental', 'Principal Dentist'],
      ['Ines Duarte', 'Ines', 'Duarte', null, null, null],
    ]);
  });

  it('reads the slashed dates of a file in the order its own dates show, whatever the locale', () => {
    for (const env of [{ LANG: 'en_US.UTF-8' }, { LANG: 'en_GB.UTF-8' }]) {
      const k = makeJournal('2026-11-30', 'in-process');
      try {
        expect(k.runWith({ env }, 'import', fixture('outlook-uk.csv')).code).toBe(0);
        expect((k.dump() as { contacts: Row[] }).contacts.map((c) => c.birthday)).toEqual(['1975-03-14', '1980-04-03', null]);
      } finally {
        k.cleanup();
      }
    }
  });

  it('warns about bytes no character set fits, and stores "?" for them', () => {
    expect(j.run('import', fixture('outlook-qp-undefined-byte.vcf'))).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Imported outlook-qp-undefined-byte.vcf (vCard): 1 added, 0 updated, 0 skipped (unchanged).\nUnreadable bytes (no character set fits them) read as "?" on line 5.\n',
    });
    expect(columns('name', 'note')).toEqual([['Björn Schön', 'Straße 5, Café ? am Eck']]);
  });
});
