import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDelimiter, parseCsvContacts, SlashOrderEvidence, toField } from '../../../../src/core/import/csv.js';
import { detectFormat } from '../../../../src/core/import/detect.js';
import { parseLinkedin } from '../../../../src/core/import/linkedin.js';
import { isLeftOut, toContactRecord, type ImportRecord, type NamedRecord } from '../../../../src/core/import/records.js';
import { decodeText } from '../../../../src/core/import/text.js';

const TODAY = '2026-11-30';
/** A fixture's text as net import decodes it (UTF-16 by its BOM, UTF-8, else Windows-1252 line by line). */
const fixture = (name: string) => decodeText(readFileSync(resolve(import.meta.dirname, '../../../fixtures/import', name))).text;
const checked = (records: ImportRecord[]) => records.map((r) => toContactRecord(r, TODAY)).map((r) => (isLeftOut(r) ? r : (r as NamedRecord)));

describe('LinkedIn Connections.csv', () => {
  it('skips the notes lines and reads every connection with its connection date as met', () => {
    const { records, bad } = parseLinkedin(fixture('linkedin-connections.csv'), { today: TODAY });
    expect(bad).toEqual([]);
    expect(records.map((r) => [r.line, r.name, r.emails, r.company, r.role, r.metOn, r.url])).toEqual([
      [5, 'Maria Garcia', [], 'Garcia Legal', 'Solicitor', '2024-03-12', 'https://www.linkedin.com/in/mariagarcia'],
      [6, 'Tom Baker', ['tom@baker.example'], 'Baker & Sons, Ltd', 'Owner', '2023-01-03', 'https://www.linkedin.com/in/tombaker'],
      [7, 'Lena Schmidt', [], null, null, '2025-02-28', 'https://www.linkedin.com/in/lenaschmidt'],
    ]);
  });
});

describe('spreadsheet CSV', () => {
  it('reads a BOM, quoted commas and newlines, and gives each row the line it starts on', () => {
    const { records, bad } = parseCsvContacts(fixture('spreadsheet.csv'));
    expect(bad).toEqual([]);
    expect(records.map((r) => [r.line, r.name, r.emails, r.phones, r.company, r.tags, r.metOn])).toEqual([
      [2, 'Jane Doe', ['jane@acme.example'], ['+44 7700 900123'], 'Acme, Inc.', ['bni', 'client'], '2025-03-01'],
      [4, 'Bob Roe', [], [], 'Roe & Co', ['bni'], null],
      [6, 'Carla Diaz', ['carla@diaz.example'], [], null, [], '2024-03-12'],
    ]);
    expect(records[0]!.note).toBe('Prefers mornings.\nTwo kids, both at school.');
    expect(records[2]!.note).toBe('She said "call me" anytime');
  });

  it('builds the name from first and last name columns, and keeps them as given and family names', () => {
    expect(parseCsvContacts('First Name,Last Name,E-mail 1 - Value\nAda,Lovelace,ada@x.example\n').records[0]).toMatchObject({ name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace', emails: ['ada@x.example'] });
  });

  it('reads semicolon-separated files', () => {
    expect(parseCsvContacts('Name;Company\n"Ada L";Engines; Ltd\n').records[0]).toMatchObject({ name: 'Ada L', company: 'Engines' });
  });

  it.each([
    ['Name,Met\nAda,someday\n', { name: 'Ada', kept: [{ line: 2, field: 'met', value: 'someday' }] }],
    ['Name,Birthday\nAda,31/31\n', { name: 'Ada', kept: [{ line: 2, field: 'birthday', value: '31/31' }] }],
    ['Name,Birthday\nAda,0/0/00\n', { name: 'Ada', birthday: null, kept: [] }],
    ['Name,Email\n,ada@x.example\n', { name: null, emails: ['ada@x.example'] }],
  ])('reads a row with a value it cannot read, keeping that as text: %j', (text, expected) => {
    const { records, bad } = parseCsvContacts(text, { today: TODAY });
    expect(bad).toEqual([]);
    expect(records[0]).toMatchObject(expected);
  });

  it('reads a file without a name column, and refuses one with no column it knows', () => {
    expect(checked(parseCsvContacts('Email,Phone\na@x.example,123 456\n').records)).toMatchObject([{ name: 'a@x.example', phones: ['123 456'] }]);
    expect(() => parseCsvContacts('Shoe size,Colour\n42,red\n')).toThrow(/line 1: the header row names no column net reads/);
  });

  it('reads a stray quote inside a cell as text', () => {
    expect(parseCsvContacts('Name,Note\nAda,has a 5" screen\n').records[0]).toMatchObject({ name: 'Ada', note: 'has a 5" screen' });
  });

  it.each([
    ['Name', 'name'],
    ['Full name', 'name'],
    ['Given Name', 'first'],
    ['Family Name', 'last'],
    ['E-mail 2 - Value', 'email'],
    ['E-mail 1 - Type', 'emailLabel'],
    ['E-mail Address', 'email'],
    ['E-mail 3 Address', 'email'],
    ['E-mail Display Name', undefined],
    ['Email Address', 'email'],
    ['Phone 1 - Value', 'phone'],
    ['Phone 1 - Label', 'phoneLabel'],
    ['Mobile', 'phone'],
    ['Business Phone', 'phone'],
    ['Home Phone 2', 'phone'],
    ['Other Phone', 'phone'],
    ['Business Fax', 'phone'],
    ["Assistant's Phone", 'phone'],
    ['Job Title', 'role'],
    ['Organization Title', 'role'],
    ['Organization 1 - Title', 'role'],
    ['Organization Name', 'company'],
    ['Organization 1 - Name', 'company'],
    ['Organization 1 - Yomi Name', undefined],
    ['Given Name Yomi', undefined],
    ['Phonetic First Name', undefined],
    ['Labels', 'tags'],
    ['Group Membership', 'tags'],
    ['Categories', 'tags'],
    ['Web Page', 'url'],
    ['Website 1 - Value', 'url'],
    ['Anniversary', 'anniversary'],
    ['Connected On', 'met'],
    ['met_on', 'met'],
    ['Shoe size', undefined],
  ])('header %s is %s', (header, field) => {
    expect(toField(header)).toBe(field);
  });

  it.each([
    ['a,b;c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
  ])('the delimiter of %j is %j', (line, d) => {
    expect(findDelimiter(line)).toBe(d);
  });
});

describe('CSV exporters, handed and in their real shapes', () => {
  const pick = (r: NamedRecord) => [r.name, r.givenName, r.familyName, r.emails, r.phones, r.company, r.role, r.birthday];

  it('reads every column of an Outlook export: each phone and email, Title as Mr or Dr, 0/0/00 as no date (11-outlook-contacts.csv)', () => {
    const rows = checked(parseCsvContacts(fixture('11-outlook-contacts.csv'), { today: TODAY }).records) as NamedRecord[];
    expect(rows.map(pick)).toEqual([
      ['Derek Hollis', 'Derek', 'Hollis', ['derek@example.com'], ['07700 900111', '+44 113 496 0000'], 'Hollis Mortgages', 'Mortgage Broker', '1975-03-14'],
      ['Fiona Grant', 'Fiona', 'Grant', ['fiona@example.org'], [], null, null, null],
    ]);
    expect(rows[0]).toMatchObject({ tags: ['bni', 'referral-partners'], note: 'Prefers calls', kept: [], dates: [] });
  });

  it('reads Outlook\'s full column set, in Windows-1252: a company row, an email-only row, faxes, extensions, vanity numbers', () => {
    const rows = checked(parseCsvContacts(fixture('outlook-full.csv'), { today: TODAY }).records);
    expect(rows.map((r) => (isLeftOut(r) ? r : pick(r)))).toEqual([
      ['Renée Lefèvre', 'Renée', 'Lefèvre', ['renee@lefevre.example', 'renee.perso@mail.example'], ['+33 6 12 34 56 78', '+33 1 42 68 53 00', '+33 1 45 55 00 00', '+33 1 42 68 53 01'], 'Lefèvre Conseil', 'Directrice générale', '1980-02-29'],
      ['Acme Plumbing Ltd', null, null, [], ['+44 161 496 0000'], 'Acme Plumbing Ltd', null, null],
      ['info@orphan.example', null, null, ['info@orphan.example'], [], null, null, null],
      { line: 6, reason: 'unnamed' },
      ['Bob Vance', 'Bob', 'Vance', [], ['1-800-FLOWERS', '+1 555 123 4567,,102#'], 'Vance Refrigeration', null, null],
    ]);
    expect(rows[0]).toMatchObject({
      url: 'https://lefevre.example',
      note: 'Met at the chamber lunch.\nLikes sailing.',
      dates: [{ label: 'anniversary', date: '2005-06-21' }],
      kept: [{ line: 2, field: 'email', value: 'renee at home' }, { line: 2, field: 'phone', value: 'ask reception' }],
    });
  });

  it("reads an en-GB Outlook export's slashed dates day-first, as its own 14/3/1975 shows", () => {
    const rows = checked(parseCsvContacts(fixture('outlook-uk.csv'), { today: TODAY, order: 'mdy' }).records) as NamedRecord[];
    expect(rows.map((r) => [r.name, r.birthday])).toEqual([['Aoife Byrne', '1975-03-14'], ['Callum Reid', '1980-04-03'], ['Dara Ness', null]]);
  });

  it('reads Google Contacts\' current layout: Labels, " ::: " lists, --MM-DD birthdays, a row named by its organisation', () => {
    const rows = checked(parseCsvContacts(fixture('google-contacts.csv'), { today: TODAY }).records) as NamedRecord[];
    expect(rows.map(pick)).toEqual([
      ['Priya Shah', 'Priya', 'Shah', ['priya@shah.example', 'priya@mail.example'], ['+44 7700 900321', '+44 7700 900322', '020 7946 0321'], 'Shah Architects', 'Principal', '1984-07-09'],
      ['Cafe Nero Soho', null, null, [], ['020 7946 0999'], 'Cafe Nero Soho', null, null],
      ['Marco Bellini', 'Marco', 'Bellini', ['marco@bellini.example'], [], null, null, '--12-24'],
    ]);
    expect(rows.map((r) => r.tags)).toEqual([['bni', 'architects'], [], []]);
    expect(rows[0]!.url).toBe('https://www.linkedin.com/in/priyashah');
  });

  it('reads Google Contacts\' older layout in UTF-16: Name beside Given and Family Name, Organization 1, Group Membership', () => {
    const rows = checked(parseCsvContacts(fixture('google-contacts-old.csv'), { today: TODAY }).records) as NamedRecord[];
    expect(rows.map(pick)).toEqual([
      ['Dr. Kwame Mensah', 'Kwame', 'Mensah', ['kwame@mensah.example', 'kwame@mail.example'], ['+233 20 123 4567', '+233 30 222 3344'], 'Mensah Dental', 'Principal Dentist', '1979-05-02'],
      ['Ines Duarte', 'Ines', 'Duarte', ['ines@duarte.example'], [], null, null, null],
    ]);
    expect(rows[0]).toMatchObject({ tags: ['dentists'], url: 'https://mensah.example', note: 'Sponsors the chapter breakfast' });
  });

  it('reads a European Excel file: Windows-1252, semicolons, dotted dates', () => {
    const rows = checked(parseCsvContacts(fixture('excel-ansi-semicolon.csv'), { today: TODAY }).records) as NamedRecord[];
    expect(rows.map((r) => [r.name, r.company, r.birthday, r.metOn])).toEqual([['Zoë Müller', 'Müller & Söhne GmbH', '1980-05-17', '2024-03-02'], ['Åsa Berg', null, null, null]]);
  });

  it.each([
    ['14/3/1975 and 3/4/1980', 'mdy', 'dmy'],
    ['3/14/1975 and 3/4/1980', 'dmy', 'mdy'],
    ['3/4/1980', 'dmy', 'dmy'],
    ['3/4/1980', 'mdy', 'mdy'],
    ['14/3/1975 and 3/14/1975', 'mdy', 'mdy'],
    ['version 1/2/3/4 and 2024/12/25', 'mdy', 'mdy'],
  ] as const)('a file with %s, for a user whose order is %s, reads %s', (text, user, order) => {
    const evidence = new SlashOrderEvidence();
    evidence.add(text);
    expect(evidence.order(user)).toBe(order);
  });
});

describe('LinkedIn layouts', () => {
  it('imports the handed export whole: a member who hides their name comes in under the profile URL (09-linkedin-connections.csv)', () => {
    const rows = checked(parseLinkedin(fixture('09-linkedin-connections.csv'), { today: TODAY }).records) as NamedRecord[];
    expect(rows.map((r) => [r.line, r.name, r.givenName, r.familyName, r.company, r.role, r.metOn])).toEqual([
      [5, 'Sarah Chen', 'Sarah', 'Chen', 'Acme Robotics', 'VP, Engineering', '2021-08-15'],
      [6, 'Omar El-Sayed 🚀', 'Omar', 'El-Sayed 🚀', 'Smith, Jones & Co', 'Partner | M&A, Tax', '2019-02-03'],
      [7, 'linkedin.com/in/nameless-example', null, null, null, 'Ghost Co', '2020-01-01'],
      [8, 'Kate Brown, MBA', 'Kate', 'Brown, MBA', 'Brown Consulting', 'Founder', '2024-02-29'],
      [9, "Zoë O'Neill", 'Zoë', "O'Neill", null, null, '2025-11-07'],
    ]);
  });

  it('reads the older layout without URL or notes', () => {
    expect(detectFormat(fixture('linkedin-old.csv'))).toBe('linkedin');
    const rows = checked(parseLinkedin(fixture('linkedin-old.csv'), { today: TODAY }).records) as NamedRecord[];
    expect(rows.map((r) => [r.name, r.emails, r.company, r.role, r.metOn])).toEqual([
      ['Hugo Lindqvist', ['hugo@lindqvist.example'], 'Lindqvist AB', 'CEO', '2018-03-12'],
      ['Stealth Startup', [], 'Stealth Startup', 'Founder', '2019-11-05'],
      ['Anya Petrova', [], 'Petrova, Ivanova & Partners', 'Partner, Tax', '2019-02-28'],
    ]);
  });
});

describe('format detection', () => {
  it.each([
    ['google.vcf', 'vcf'],
    ['outlook-21.vcf', 'vcf'],
    ['linkedin-connections.csv', 'linkedin'],
    ['spreadsheet.csv', 'csv'],
    ['bad-middle.csv', 'csv'],
    ['09-linkedin-connections.csv', 'linkedin'],
    ['11-outlook-contacts.csv', 'csv'],
    ['google-contacts-old.csv', 'csv'],
    ['06-vcard4-tel-uri-ext.vcf', 'vcf'],
  ])('%s is %s', (file, format) => {
    expect(detectFormat(fixture(file))).toBe(format);
  });

  it('recognises a JSON export and refuses plain text', () => {
    expect(detectFormat('\n  {"format": "net-journal"}')).toBe('json');
    expect(() => detectFormat('hello there\n')).toThrow(/cannot tell what kind of file this is/);
  });
});
