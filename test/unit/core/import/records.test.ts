import { describe, expect, it } from 'vitest';
import { emptyRecord, findBirthday, findExportDate, isNoDate, parseImportFormat, takeOtherPointLines, toContactRecord, toImportNote, toTag, type ImportRecord } from '../../../../src/core/import/records.js';

const TODAY = '2026-11-22';

describe('dates as exporters write them', () => {
  it.each([
    ['2024-03-12', 'dmy', '2024-03-12'],
    ['12 Mar 2024', 'dmy', '2024-03-12'],
    ['3 March 2024', 'dmy', '2024-03-03'],
    ['12-Mar-2024', 'dmy', '2024-03-12'],
    ['Mar 12, 2024', 'dmy', '2024-03-12'],
    ['20240312', 'dmy', '2024-03-12'],
    ['2024-03-12T10:00:00Z', 'dmy', '2024-03-12'],
    ['12.03.2024', 'mdy', '2024-03-12'], // dotted: day first wherever it is written
    ['3/14/1975', 'mdy', '1975-03-14'],
    ['14/3/1975', 'dmy', '1975-03-14'],
    ['3/4/1980', 'dmy', '1980-04-03'],
    ['3/4/1980', 'mdy', '1980-03-04'],
    ['3/14/1975', 'dmy', undefined], // never turned round: 14 is no month
    ['31 Feb 2024', 'dmy', undefined],
    ['soon', 'dmy', undefined],
  ] as const)('reads %s (%s) as %s', (text, order, expected) => {
    expect(findExportDate(text, order, TODAY)).toBe(expected);
  });

  it.each(['0/0/00', '00/00/0000', '0000-00-00', ' 0/0/00 '])('%j is an exporter\'s "no date"', (text) => {
    expect(isNoDate(text)).toBe(true);
  });

  it.each([
    ['--0229', '--02-29'],
    ['--12-31', '--12-31'],
    ['--1331', undefined],
    ['1990-01-05', '1990-01-05'],
    ['1604-03-14', '--03-14'], // Apple's "year unknown", with or without X-APPLE-OMIT-YEAR
    ['16040314', '--03-14'],
    ['1604-02-29', '--02-29'],
    ['0000-03-14', '--03-14'],
    ['2/29/1980', '1980-02-29'],
    ['2/29/1981', undefined],
    ['circa 1800', undefined],
  ])('reads the birthday %s as %s', (text, expected) => {
    expect(findBirthday(text, 'mdy', TODAY)).toBe(expected);
  });
});

describe('import records', () => {
  it.each([
    ['BNI', 'bni'],
    ['Referral Partners', 'referral-partners'],
    ['* myContacts', null],
    ['starred', null],
    ['(VIP)', 'vip'],
    ['  ', null],
  ])('the label %j is the tag %j', (label, tag) => {
    expect(toTag(label)).toBe(tag);
  });

  const record = (fields: Partial<ImportRecord>): ImportRecord => ({ ...emptyRecord(9, 'Ada L'), ...fields });

  it.each([
    [{ emails: ['not-an-email', 'ada@x.example'] }, { emails: ['ada@x.example'], kept: [{ line: 9, field: 'email', value: 'not-an-email' }] }],
    [{ phones: ['call me', '+44 20 1234'] }, { phones: ['+44 20 1234'], kept: [{ line: 9, field: 'phone', value: 'call me' }] }],
    [{ metOn: '2027-01-01' }, { metOn: null, kept: [{ line: 9, field: 'met', value: '2027-01-01' }] }],
    [{ company: 'x'.repeat(201) }, { company: null, kept: [{ line: 9, field: 'company', value: 'x'.repeat(201) }] }],
  ])('keeps what it cannot read as text and imports the rest: %j', (fields, expected) => {
    expect(toContactRecord(record(fields), TODAY)).toMatchObject({ name: 'Ada L', ...expected });
  });

  it.each([
    [{ name: null, company: 'Acme Plumbing' }, 'Acme Plumbing'],
    [{ name: '  ', emails: ['info@acme.example'] }, 'info@acme.example'],
    [{ name: null, givenName: 'Ada', familyName: 'Lovelace' }, 'Ada Lovelace'],
    [{ name: null, url: 'https://www.linkedin.com/in/nameless-example/' }, 'linkedin.com/in/nameless-example'],
    [{ name: null, phones: ['+44 20 7946 0100'] }, '+44 20 7946 0100'],
    [{ name: null, company: 'Acme', emails: ['a@acme.example'] }, 'Acme'],
  ])('names a record without a person\'s name by what else it gives: %j', (fields, name) => {
    expect(toContactRecord(record(fields), TODAY)).toMatchObject({ name });
  });

  it('keeps a name it cannot use as text, and names the record otherwise', () => {
    expect(toContactRecord(record({ name: 'x'.repeat(201), emails: ['a@x.example'] }), TODAY)).toMatchObject({ name: 'a@x.example', kept: [{ field: 'name', value: 'x'.repeat(201) }] });
  });

  it('leaves out a record with nothing to call them by, whatever else it holds', () => {
    expect(toContactRecord(record({ name: null, note: 'only a note', tags: ['bni'], birthday: '--01-02' }), TODAY)).toEqual({ line: 9, reason: 'unnamed' });
    expect(toContactRecord(record({ name: null, emails: ['not an email'] }), TODAY)).toEqual({ line: 9, reason: 'unnamed' });
  });

  it('cleans a good record: mailto prefixes, duplicate values, CRLF in notes', () => {
    const r = toContactRecord(record({ name: ' Ada  L ', emails: ['mailto:a@x.example', 'A@x.example'], phones: ['+44 20 1234', '+44 20 1234'], note: 'a\r\nb', tags: ['BNI', 'bni'] }), TODAY);
    expect(r).toMatchObject({ name: 'Ada L', emails: ['a@x.example'], phones: ['+44 20 1234'], note: 'a\nb', tags: ['bni'], kept: [] });
  });

  it('writes the note: its own, then each value kept as text (emails and phones are entries of their own)', () => {
    const note = toImportNote({
      note: 'Met at the chamber lunch.',
      kept: [
        { line: 2, field: 'phone', value: 'ask reception' },
        { line: 2, field: 'birthday', value: 'circa\n1800' },
      ],
    });
    expect(note).toBe('Met at the chamber lunch.\nPhone: ask reception\nBirthday: circa 1800');
    expect(toImportNote({ note: null, kept: [] })).toBeNull();
  });

  it.each([
    ['Met at the chamber.\nOther email: b@x.example, c@x.example\nOther phone: +1 555 0101,,12#', 'Met at the chamber.', ['b@x.example', 'c@x.example'], ['+1 555 0101,,12#']],
    ['Other email: b@x.example', null, ['b@x.example'], []],
    ['Own words\n\nBirthday: circa 1800\nOther email: b@x.example, not an address', 'Own words\n\nBirthday: circa 1800\nOther email: not an address', ['b@x.example'], []],
    ['Other emails are elsewhere', 'Other emails are elsewhere', [], []],
  ])('takes the "Other email" lines of imports before schema 10 out of %j', (note, left, emails, phones) => {
    expect(takeOtherPointLines(note)).toEqual({ note: left, emails, phones });
  });

  it.each([
    ['vcf', 'vcf'],
    ['vCard', 'vcf'],
    ['LinkedIn', 'linkedin'],
  ])('--format %s', (text, format) => {
    expect(parseImportFormat(text)).toBe(format);
  });

  it('refuses an unknown --format', () => {
    expect(() => parseImportFormat('xls')).toThrow('unknown format "xls"');
  });
});
