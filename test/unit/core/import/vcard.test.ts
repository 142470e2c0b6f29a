import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLeftOut, toContactRecord, type ImportRecord, type NamedRecord } from '../../../../src/core/import/records.js';
import { decodeText } from '../../../../src/core/import/text.js';
import { decodeQuotedPrintable, parseVcards, splitValue, VcardReader } from '../../../../src/core/import/vcard.js';

const TODAY = '2026-11-22';
/** A fixture's text as net import decodes it (UTF-8, else Windows-1252 line by line). */
const fixture = (name: string) => decodeText(readFileSync(resolve(import.meta.dirname, '../../../fixtures/import', name))).text;
const OPTIONS = { order: 'dmy' as const, today: TODAY };

/** What `net import` keeps of each card: parsed, then checked as `net add` checks. */
function readCards(name: string): NamedRecord[] {
  const parsed = parseVcards(fixture(name), OPTIONS);
  expect(parsed.bad).toEqual([]);
  return parsed.records.map((r) => {
    const checked = toContactRecord(r, TODAY);
    if (isLeftOut(checked)) throw new Error(checked.reason);
    return checked;
  });
}

const pick = (r: ImportRecord) => ({ name: r.name, emails: r.emails, phones: r.phones, company: r.company, role: r.role, tags: r.tags, birthday: r.birthday });
const parts = (r: ImportRecord) => [r.name, r.givenName, r.familyName];

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

  it('imports a card without a name under its email, at the line it starts on', () => {
    expect(readCards('bad-middle.vcf').map((r) => [r.line, r.name, r.phones])).toEqual([
      [1, 'Ada First', []],
      [6, 'nobody@nameless.example', ['+44 20 7946 0100']],
      [11, 'Cy Third', []],
    ]);
  });

  it('keeps the given and family names a card gives, and none when it gives only FN', () => {
    expect(readCards('google.vcf').map(parts)).toEqual([['Jane Doe', 'Jane', 'Doe'], ['Sam Lee', 'Sam', 'Lee']]);
    expect(readCards('n-without-fn.vcf').map(parts)).toEqual([['Chidi Okafor', 'Chidi', 'Okafor']]);
    expect(readCards('06-vcard4-tel-uri-ext.vcf').map(parts)).toEqual([['Rémi Tremblay', 'Rémi', 'Tremblay']]);
    expect(parseVcards('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kate Brown\\, MBA\r\nEND:VCARD').records.map(parts)).toEqual([['Kate Brown, MBA', null, null]]);
    expect(parseVcards('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kate Brown\\, MBA\r\nN:Brown\\, MBA;Kate;;;\r\nEND:VCARD').records.map(parts)).toEqual([['Kate Brown, MBA', 'Kate', 'Brown, MBA']]);
  });
});

describe('vCard exporters, handed and in their real shapes', () => {
  it('reads Outlook\'s quoted-printable in Windows-1252 without a CHARSET, never as U+FFFD (02-outlook-qp-cp1252.vcf)', () => {
    const [r] = readCards('02-outlook-qp-cp1252.vcf');
    expect([r!.name, r!.givenName, r!.familyName, r!.company, r!.role, r!.emails]).toEqual(['Jürgen Weiß', 'Jürgen', 'Weiß', 'Möbel Händler AG', 'Geschäftsführer', ['j.weiss@example.de']]);
    expect(JSON.stringify(r)).not.toContain('\\ufffd');
  });

  it('reads the RFC 6350 example card: a tel: URI with an extension, --MMDD, an anniversary (06-vcard4-tel-uri-ext.vcf)', () => {
    const [r] = readCards('06-vcard4-tel-uri-ext.vcf');
    expect(r).toMatchObject({ phones: ['+1-418-555-0100 ext. 102', '+1-418-555-0101'], birthday: '--02-03', company: 'Exemplaire Inc', url: 'http://example.org/remi', kept: [] });
    expect(r!.dates).toEqual([{ label: 'anniversary', date: '2009-08-08' }]);
  });

  it('leaves a KIND:group card out, keeps an unreadable birthday, email and phone as text, and reads pause-dial and vanity numbers', () => {
    const parsed = parseVcards(fixture('vcard4-rfc6350.vcf'), OPTIONS);
    expect(parsed.leftOut).toEqual([{ line: 1, reason: 'group' }]);
    const checked = parsed.records.map((r) => toContactRecord(r, TODAY));
    expect(checked.map((r) => (isLeftOut(r) ? r : r.name))).toEqual(['John Doe', 'ABC Marketing', 'Jane Doe', { line: 35, reason: 'unnamed' }]);
    const john = checked[0] as NamedRecord;
    expect(john.phones).toEqual(['+1-555-555-5555', '+1 555 123 4567,,102#', '1-800-FLOWERS']);
    expect(john.emails).toEqual(['john@doe.example']);
    expect(john.kept).toEqual([
      { line: 8, field: 'birthday', value: 'circa 1800' },
      { line: 8, field: 'email', value: 'john at doe dot example' },
      { line: 8, field: 'phone', value: 'ask reception' },
    ]);
    expect(checked[1]).toMatchObject({ name: 'ABC Marketing', company: 'ABC, Inc.', givenName: null });
    expect(checked[2]).toMatchObject({ birthday: '--04-15', dates: [{ label: 'anniversary', date: '1996-04-15' }] });
  });

  it('reads an iCloud export: 1604 years, a company card, labelled dates, a folded photo, and leaves its group card out', () => {
    const parsed = parseVcards(fixture('apple-icloud.vcf'), OPTIONS);
    expect(parsed.leftOut).toEqual([{ line: 54, reason: 'group' }]);
    const cards = parsed.records.map((r) => toContactRecord(r, TODAY) as NamedRecord);
    expect(cards.map((r) => [r.name, r.company, r.birthday, r.phones[0] ?? null])).toEqual([
      ['Hana Nakamura', 'Nakamura Design', '--11-03', '+81 90-1234-5678'],
      ['Sakura Printing Co.', 'Sakura Printing Co.', null, '+81 3-9876-5432'],
      ['Tunde Okoro', null, '--02-29', null],
    ]);
    expect(cards[0]!.dates).toEqual([{ label: 'anniversary', date: '2015-04-18' }]);
    expect(cards[0]!.note).toBe('Met at Tokyo design week.\nIntroduced by Ravi, who knows everyone.');
  });
});

describe('vCard pieces', () => {
  it.each([
    ['CRLF + space (3.0)', 'BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:ab\r\n cd\r\nEND:VCARD', 'abcd'],
    ['LF + tab (3.0)', 'BEGIN:VCARD\nVERSION:3.0\nNOTE:ab\n\tcd\nEND:VCARD', 'abcd'],
    ['2.1 keeps the folding whitespace', 'BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:ab\r\n cd\r\nEND:VCARD', 'ab cd'],
    ['2.1 quoted-printable soft break', 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nNOTE;ENCODING=QUOTED-PRINTABLE:ab=\r\ncd\r\nEND:VCARD', 'abcd'],
  ])('unfolds: %s', (_, text, expected) => {
    expect(parseVcards(`${text.replace(/NOTE/, 'FN:A\r\nNOTE').replace('FN:A\r\nFN:A', 'FN:A')}`).records[0]!.note).toBe(expected);
  });

  it('unfolds one property of 100,000 lines in linear time', () => {
    const cardOf = (n: number) => ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Long Note', 'NOTE:start', ...Array.from({ length: n }, (_, i) => ` line ${i}`), 'END:VCARD'].join('\r\n');
    const time = (n: number) => {
      const text = cardOf(n);
      const started = performance.now();
      const parsed = parseVcards(text);
      const ms = performance.now() - started;
      expect(parsed.records[0]!.note).toMatch(new RegExp(`^startline 0line 1.*line ${n - 1}$`));
      return ms;
    };
    time(1000); // warm up
    const small = time(25_000);
    const large = time(100_000);
    // Four times the lines: about four times the time (quadratic unfolding took 16 times, and minutes for 100,000).
    expect(large).toBeLessThan(8 * small + 100);
  });

  it('gives each property the line it starts on', () => {
    const props: number[] = [];
    const reader = new VcardReader({ record: () => undefined, leftOut: () => undefined, bad: (b) => props.push(b.line) }, OPTIONS);
    ['FN:x', ' y', 'BEGIN:VCARD', 'FN:A', 'END:VCARD', 'stray'].forEach((l, i) => reader.pushLine(l, i + 1));
    reader.end();
    expect(props).toEqual([1, 6]);
  });

  it.each([
    ['=C3=A9', 'utf-8', 'é'],
    ['=E9', 'ISO-8859-1', 'é'],
    ['=E9', 'windows-1252', 'é'],
    ['caf=C3=A9 =3D ok', undefined, 'café = ok'],
    ['J=FCrgen Wei=DF', undefined, 'Jürgen Weiß'],
    ['=E9', 'no-such-charset', 'é'],
  ])('decodes quoted-printable %s in %s, never to U+FFFD', (text, charset, expected) => {
    expect(decodeQuotedPrintable(text, charset)).toEqual({ text: expected, unreadable: 0 });
  });

  it('reads a byte no character set has as "?", and counts it', () => {
    expect(decodeQuotedPrintable('Caf=E9 =81', undefined)).toEqual({ text: 'Café ?', unreadable: 1 });
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
    ['BDAY;X-APPLE-OMIT-YEAR="1604";VALUE=date:16040412', '--04-12'],
    ['BDAY;VALUE=date:1604-04-12', '--04-12'],
    ['BDAY:1604-02-29', '--02-29'],
    ['BDAY:0000-04-12', '--04-12'],
  ])('reads %s', (line, expected) => {
    expect(card('FN:A B', line).records[0]!.birthday).toBe(expected);
  });

  it.each([
    ['BDAY:sometime', 'sometime'],
    ['BDAY;VALUE=text:circa 1800', 'circa 1800'],
    ['BDAY:1985-02-30', '1985-02-30'],
  ])('keeps an unreadable birthday as text: %s', (line, value) => {
    const { records, bad } = card('FN:A B', line);
    expect(bad).toEqual([]);
    expect(records[0]).toMatchObject({ birthday: null, kept: [{ line: 1, field: 'birthday', value }] });
  });

  it.each([
    ['TEL;VALUE=uri:tel:+1-418-555-0100;ext=102', '+1-418-555-0100 ext. 102'],
    ['TEL:tel:+44-20-7946-0958', '+44-20-7946-0958'],
    ['TEL;VALUE=uri:tel:+1-201-555-0123;phone-context=example.com', '+1-201-555-0123'],
    ['TEL;TYPE=work:+1 555 123 4567,,102#', '+1 555 123 4567,,102#'],
  ])('reads %s as %s', (line, phone) => {
    expect(toContactRecord(card('FN:A B', line).records[0]!, TODAY)).toMatchObject({ phones: [phone], kept: [] });
  });

  it.each(['KIND:group', 'KIND:Group', 'X-ADDRESSBOOKSERVER-KIND:group'])('leaves %s out: not a person', (kind) => {
    expect(card('FN:Family', kind, 'MEMBER:urn:uuid:1')).toEqual({ records: [], bad: [], leftOut: [{ line: 1, reason: 'group' }] });
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
