import { existsSync } from 'node:fs';
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

  it('keeps the extra emails and phones in the note, with the birthday and the profile URL', () => {
    j.run('import', fixture('google.vcf'));
    const { contacts } = j.dump() as Dump;
    expect(contacts.map((c) => [c.name, c.note, c.birthday, c.url])).toEqual([
      ['Jane Doe', 'Met at the BNI Tuesday breakfast, sits next to Ravi.\nLikes cycling and long walks.\nOther email: jane.doe@mail.example', '1985-04-12', 'https://www.linkedin.com/in/janedoe'],
      ['Sam Lee', 'Other phone: 07700 900999', null, null],
    ]);
  });

  it('leaves the journal as it was after the first time when the same file is imported twice', () => {
    expect(j.run('import', fixture('google.vcf')).code).toBe(0);
    const after = j.dump();
    expect(j.run('import', fixture('google.vcf'))).toMatchObject({ code: 0, stdout: 'Imported google.vcf (vCard): 0 added, 0 updated, 2 skipped (unchanged).\n' });
    expect(j.dump()).toEqual(after);
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

  it('refuses a file with a malformed card in the middle, names the line and writes nothing', () => {
    j.run('add', 'Someone Else');
    const before = j.dump();
    expect(j.run('import', fixture('bad-middle.vcf'))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'net: line 6 of bad-middle.vcf: the card has no name (neither FN nor N); fix it and import again, or add --skip-bad to import the others; nothing was imported\n',
    });
    expect(j.dump()).toEqual(before);
  });

  it('imports the good cards and lists the bad one with --skip-bad', () => {
    const r = j.run('import', fixture('bad-middle.vcf'), '--skip-bad');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Imported bad-middle.vcf (vCard): 2 added, 0 updated, 0 skipped (unchanged).\nLeft out 1 malformed record:\n  line 6: the card has no name (neither FN nor N)\n');
    expect(Object.keys(people())).toEqual(['Ada First', 'Cy Third']);
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

  it('refuses a CSV with a malformed row in the middle, names the line and writes nothing', () => {
    j.run('add', 'Someone Else');
    const before = j.dump();
    expect(j.run('import', fixture('bad-middle.csv'))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'net: line 3 of bad-middle.csv: "not-an-email" is not an email address; fix it and import again, or add --skip-bad to import the others; nothing was imported\n',
    });
    expect(j.dump()).toEqual(before);
  });

  it('reads a file as the format --format names', () => {
    const r = j.run('import', fixture('linkedin-connections.csv'), '--format', 'vcf');
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: line 1 of linkedin-connections.csv: text outside a card/) });
    expect(j.run('import', fixture('google.vcf'), '--format', 'xls')).toMatchObject({ code: 2, stderr: 'net: unknown format "xls"; --format takes one of: vcf, linkedin, csv, json\n' });
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
      '  update  Jane Doe  line 1  company, url, birthday, note, tags\n' +
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
    expect(JSON.parse(r.stdout)).toEqual({ file: fixture('linkedin-connections.csv'), format: 'linkedin', dryRun: false, added: 3, updated: 0, skipped: 0, bad: [], cleaned: [], items: [], tables: [] });
  });
});
