import { describe, expect, it } from 'vitest';
import { checkRecord, emptyRecord, findBirthday, findExportDate, parseImportFormat, toTag } from '../../../../src/core/import/records.js';

const TODAY = '2026-11-22';

describe('import records', () => {
  it.each([
    ['2024-03-12', '2024-03-12'],
    ['12 Mar 2024', '2024-03-12'],
    ['3 March 2024', '2024-03-03'],
    ['20240312', '2024-03-12'],
    ['2024-03-12T10:00:00Z', '2024-03-12'],
    ['31 Feb 2024', undefined],
    ['12/03/2024', undefined],
    ['soon', undefined],
  ])('reads the date %s as %s', (text, expected) => {
    expect(findExportDate(text)).toBe(expected);
  });

  it.each([
    ['--0229', '--02-29'],
    ['--12-31', '--12-31'],
    ['--1331', undefined],
    ['1990-01-05', '1990-01-05'],
  ])('reads the birthday %s as %s', (text, expected) => {
    expect(findBirthday(text)).toBe(expected);
  });

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

  it.each([
    [{ emails: ['not-an-email'] }, '"not-an-email" is not an email address'],
    [{ phones: ['call me'] }, '"call me" is not a phone number'],
    [{ metOn: '2027-01-01' }, 'the date met, 2027-01-01, is in the future'],
    [{ name: '   ' }, 'a contact needs a name'],
  ])('refuses %j', (fields, reason) => {
    expect(checkRecord({ ...emptyRecord(9, 'Ada L'), ...fields }, TODAY)).toEqual({ line: 9, reason });
  });

  it('cleans a good record: mailto and tel prefixes, duplicate values, CRLF in notes', () => {
    const r = checkRecord({ ...emptyRecord(1, ' Ada  L '), emails: ['mailto:a@x.example', 'a@x.example'], phones: ['tel:+44 20 1234'], note: 'a\r\nb', tags: ['BNI', 'bni'] }, TODAY);
    expect(r).toMatchObject({ name: 'Ada L', emails: ['a@x.example'], phones: ['+44 20 1234'], note: 'a\nb', tags: ['bni'] });
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
