import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDelimiter, parseCsvContacts, toField } from '../../../../src/core/import/csv.js';
import { detectFormat } from '../../../../src/core/import/detect.js';
import { parseLinkedin } from '../../../../src/core/import/linkedin.js';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../../fixtures/import', name), 'utf8');

describe('LinkedIn Connections.csv', () => {
  it('skips the notes lines and reads every connection with its connection date as met', () => {
    const { records, bad } = parseLinkedin(fixture('linkedin-connections.csv'));
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

  it('builds the name from first and last name columns', () => {
    expect(parseCsvContacts('First Name,Last Name,E-mail 1 - Value\nAda,Lovelace,ada@x.example\n').records[0]).toMatchObject({ name: 'Ada Lovelace', emails: ['ada@x.example'] });
  });

  it('reads semicolon-separated files', () => {
    expect(parseCsvContacts('Name;Company\n"Ada L";Engines; Ltd\n').records[0]).toMatchObject({ name: 'Ada L', company: 'Engines' });
  });

  it.each([
    ['Name,Met\nAda,someday\n', { line: 2, reason: 'cannot read the date met "someday" (write it as YYYY-MM-DD)' }],
    ['Name,Email\n,ada@x.example\n', { line: 2, reason: 'the row has no name' }],
    ['Name,Birthday\nAda,31/31\n', { line: 2, reason: 'cannot read the birthday "31/31" (write it as YYYY-MM-DD or --MM-DD)' }],
  ])('reports a bad row: %j', (text, expected) => {
    expect(parseCsvContacts(text).bad).toEqual([expected]);
  });

  it('refuses a file whose header names no name column', () => {
    expect(() => parseCsvContacts('Email,Phone\na@x.example,123\n')).toThrow(/line 1: the header row has no name column/);
  });

  it.each([
    ['Name', 'name'],
    ['Full name', 'name'],
    ['Given Name', 'first'],
    ['Family Name', 'last'],
    ['E-mail 2 - Value', 'email'],
    ['E-mail 1 - Type', undefined],
    ['Phone 1 - Value', 'phone'],
    ['Mobile', 'phone'],
    ['Job Title', 'role'],
    ['Labels', 'tags'],
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

describe('format detection', () => {
  it.each([
    ['google.vcf', 'vcf'],
    ['outlook-21.vcf', 'vcf'],
    ['linkedin-connections.csv', 'linkedin'],
    ['spreadsheet.csv', 'csv'],
    ['bad-middle.csv', 'csv'],
  ])('%s is %s', (file, format) => {
    expect(detectFormat(fixture(file))).toBe(format);
  });

  it('recognises a JSON export and refuses plain text', () => {
    expect(detectFormat('\n  {"format": "net-journal"}')).toBe('json');
    expect(() => detectFormat('hello there\n')).toThrow(/cannot tell what kind of file this is/);
  });
});
