import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecord, isBad, type ImportRecord } from '../../../../src/core/import/records.js';
import { decodeQuotedPrintable, parseVcards, splitValue, toLogicalLines } from '../../../../src/core/import/vcard.js';

const TODAY = '2026-11-22';
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../../fixtures/import', name), 'utf8');

/** What `net import` keeps of each card: parsed, then checked as `net add` checks. */
function readCards(name: string): ImportRecord[] {
  const parsed = parseVcards(fixture(name));
  expect(parsed.bad).toEqual([]);
  return parsed.records.map((r) => {
    const checked = checkRecord(r, TODAY);
    if (isBad(checked)) throw new Error(checked.reason);
    return checked;
  });
}

const pick = (r: ImportRecord) => ({ name: r.name, emails: r.emails, phones: r.phones, company: r.company, role: r.role, tags: r.tags, birthday: r.birthday });

describe('vCard fixtures', () => {
  it.each([
    ['google.vcf', 0, { name: 'Jane Doe', emails: ['jane@acme.example', 'jane.doe@mail.example'], phones: ['+44 7700 900123'], company: 'Acme Ltd.', role: 'Estate agent', tags: ['bni', 'clients'], birthday: '1985-04-12' }],
    ['google.vcf', 1, { name: 'Sam Lee', emails: [], phones: ['020 7946 0000', '07700 900999'], company: null, role: null, tags: [], birthday: null }],
    ['apple.vcf', 0, { name: 'Ravi Patel', emails: ['ravi@patel.example', 'ravi@home.example'], phones: ['+44 7700 900456'], company: 'Patel Bookkeeping', role: 'Bookkeeper', tags: ['bni', 'referral-partners'], birthday: '--07-02' }],
    ['outlook-21.vcf', 0, { name: 'Jürgen Müller', emails: ['juergen@mueller.example'], phones: ['+49 170 7654321', '+49 30 1234567'], company: 'Müller GmbH', role: 'Geschäftsführer', tags: [], birthday: null }],
    ['outlook-21.vcf', 1, { name: 'Zofia Król', emails: ['zofia@krol.example'], phones: ['+48 22 123 45 67'], company: null, role: null, tags: ['suppliers'], birthday: null }],
    ['v4.vcf', 0, { name: 'Amélie Durand', emails: ['amelie@studio.example', 'amelie.d@mail.example'], phones: ['+33-6-12-34-56-78'], company: 'Studio Durand', role: 'Photographer', tags: ['photographer', 'bni-paris'], birthday: '--03-15' }],
    ['n-without-fn.vcf', 0, { name: 'Chidi Okafor', emails: ['chidi@okafor.example'], phones: [], company: 'Okafor Dental', role: null, tags: [], birthday: '1979-09-21' }],
  ])('%s card %i', (file, index, expected) => {
    expect(pick(readCards(file)[index]!)).toEqual(expected);
  });

  it('reads notes with escapes, folding and quoted-printable soft line breaks', () => {
    expect(readCards('google.vcf')[0]!.note).toBe('Met at the BNI Tuesday breakfast, sits next to Ravi.\nLikes cycling and long walks.');
    expect(readCards('outlook-21.vcf')[0]!.note).toBe('Kennt alle Bäcker in Kreuzberg und sucht Kunden für seine neue Filiale.\nZweite Zeile.');
    expect(readCards('v4.vcf')[0]!.note).toBe('Shoots weddings and corporate headshots; wants more B2B work, especially law firms.');
  });

  it('keeps a LinkedIn profile URL, also from an escaped Google URL or an Apple social profile', () => {
    expect(readCards('google.vcf')[0]!.url).toBe('https://www.linkedin.com/in/janedoe');
    expect(readCards('apple.vcf')[0]!.url).toBe('https://www.linkedin.com/in/ravipatel');
  });

  it('reports a card without a name at the line it starts on, and reads the others', () => {
    const parsed = parseVcards(fixture('bad-middle.vcf'));
    expect(parsed.records.map((r) => [r.line, r.name])).toEqual([[1, 'Ada First'], [11, 'Cy Third']]);
    expect(parsed.bad).toEqual([{ line: 6, reason: 'the card has no name (neither FN nor N)' }]);
  });
});

describe('vCard pieces', () => {
  it.each([
    ['CRLF + space (3.0)', 'BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:ab\r\n cd\r\nEND:VCARD', 'abcd'],
    ['LF + tab (3.0)', 'BEGIN:VCARD\nVERSION:3.0\nNOTE:ab\n\tcd\nEND:VCARD', 'abcd'],
    ['2.1 keeps the folding whitespace', 'BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:ab\r\n cd\r\nEND:VCARD', 'ab cd'],
    ['2.1 quoted-printable soft break', 'BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:ab=\r\ncd\r\nEND:VCARD', 'NOTE;ENCODING=QUOTED-PRINTABLE:abcd'],
  ])('unfolds: %s', (_, text, expected) => {
    const note = toLogicalLines(text).find((l) => l.text.startsWith('NOTE'))!;
    expect(note.text.endsWith(expected)).toBe(true);
    expect(note.line).toBe(3);
  });

  it.each([
    ['=C3=A9', 'utf-8', 'é'],
    ['=E9', 'ISO-8859-1', 'é'],
    ['=E9', 'windows-1252', 'é'],
    ['caf=C3=A9 =3D ok', undefined, 'café = ok'],
    ['=E9', 'no-such-charset', '\uFFFD'],
  ])('decodes quoted-printable %s in %s', (text, charset, expected) => {
    expect(decodeQuotedPrintable(text, charset)).toBe(expected);
  });

  it.each([
    ['Doe;Jane;;;', ';', ['Doe', 'Jane', '', '', '']],
    ['Smith\\, Jones LLP;Sales', ';', ['Smith, Jones LLP', 'Sales']],
    ['a\\;b;c', ';', ['a;b', 'c']],
    ['line one\\nline two', ';', ['line one\nline two']],
    ['bni,client\\,s', ',', ['bni', 'client,s']],
  ])('splits %s on %s', (value, sep, expected) => {
    expect(splitValue(value, sep)).toEqual(expected);
  });

  const card = (...lines: string[]) => parseVcards(['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n'));

  it.each([
    ['BDAY:1985-04-12', '1985-04-12'],
    ['BDAY:19850412', '1985-04-12'],
    ['BDAY:--0412', '--04-12'],
    ['BDAY:--04-12', '--04-12'],
    ['BDAY;VALUE=date:1985-04-12T00:00:00Z', '1985-04-12'],
    ['BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12', '--04-12'],
  ])('reads %s', (line, expected) => {
    expect(card('FN:A B', line).records[0]!.birthday).toBe(expected);
  });

  it('refuses an unreadable birthday, naming its line', () => {
    expect(card('FN:A B', 'BDAY:sometime').bad).toEqual([{ line: 4, reason: 'cannot read the birthday "sometime"' }]);
  });

  it.each([
    ['TEL;WORK;PREF:+1 555 0100', 'TEL;HOME:+1 555 0199'],
    ['TEL;TYPE=work,pref:+1 555 0100', 'TEL;TYPE=home:+1 555 0199'],
    ['TEL;TYPE=work;TYPE=pref:+1 555 0100', 'TEL;TYPE=home:+1 555 0199'],
    ['TEL;PREF=1;TYPE="work,voice":+1 555 0100', 'TEL;TYPE=home:+1 555 0199'],
  ])('puts the preferred value first: %s', (preferred, other) => {
    expect(card('FN:A B', other, preferred).records[0]!.phones).toEqual(['+1 555 0100', '+1 555 0199']);
  });

  it('strips property groups and reads ORG without its department', () => {
    const r = card('N:Doe;Jane;;;', 'item1.EMAIL;type=INTERNET:jane@x.example', 'item1.X-ABLabel:work', 'ORG:Acme;Sales;EMEA').records[0]!;
    expect([r.name, r.emails, r.company]).toEqual(['Jane Doe', ['jane@x.example'], 'Acme']);
  });

  it('reports a card that is never closed', () => {
    expect(parseVcards('BEGIN:VCARD\r\nFN:A\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n').bad).toEqual([{ line: 1, reason: 'the card has no END:VCARD' }]);
  });
});
