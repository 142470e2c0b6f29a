/**
 * What `net export --vcf` and `--csv` write, `net import` reads back unchanged (issue 14): every field each format
 * carries, for any contacts net can hold. vCard carries the address-book fields (not when you met, which has no
 * vCard property); CSV carries those and the met date.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportJournal, type ExportFormat } from '../../../src/app/export.js';
import { importFile } from '../../../src/app/import.js';
import { newId } from '../../../src/app/ids.js';
import { findIsoDate } from '../../../src/core/dates.js';
import { parseContactName, parseNamePart, toNameKey } from '../../../src/core/names.js';
import { findPhone, parseEmail, parseTag } from '../../../src/core/profile.js';
import { emptyMemoryJournal } from '../../helpers/memory-journal.js';
import { Store } from '../../../src/store/store.js';
import { runs } from '../../helpers/property-runs.js';

const TODAY = '2026-11-22';
const clock = { today: TODAY, timestamp: `${TODAY}T12:00:00.000Z` };
const dir = mkdtempSync(join(tmpdir(), 'net-round-trip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const valid = <T>(parse: (s: string) => T) => (s: string): T | undefined => {
  try {
    return parse(s);
  } catch {
    return undefined;
  }
};

// Printable text of any script, with the characters files and terminals make special: , ; : " ' \ = + - @ and spaces.
const CHARS = fc.oneof(
  fc.constantFrom(...'aZé ,;:"\'\\=+-@#./()&|ßøЖ日本😀'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => !/[\p{Cc}\p{Cs}\u{FFFD}\u2028\u2029]/u.test(c)),
);
const text = (max: number) => fc.array(CHARS, { minLength: 1, maxLength: max }).map((cs) => cs.join('').normalize('NFC'));
const line = (max: number) => text(max).map((t) => t.trim().replace(/\s+/g, ' ')).filter((t) => t.length > 0);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const dateArb = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const phoneArb = fc
  .tuple(fc.constantFrom('+44 ', '+1-', '0', '(555) ', ''), fc.stringMatching(/^[0-9]{3,9}$/), fc.constantFrom('', ' ext. 12', ',,102#', ' x 7', ';9', ' FLOWERS'))
  .map(([a, b, c]) => findPhone(`${a}${b}${c}`))
  .filter((p): p is string => p !== undefined);
const emailArb = fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,10}$/), fc.stringMatching(/^[a-z0-9-]{1,8}$/)).map(([l, d]) => valid(parseEmail)(`${l}@${d}.example`)).filter((e): e is string => e !== undefined);
// Address books add groups of their own (starred, myContacts…), which net leaves out: a tag of that name is not a round trip.
const tagArb = line(12).map(valid(parseTag)).filter((t): t is string => t !== undefined && !['mycontacts', 'my-contacts', 'starred', 'imported', 'card', 'other-contacts'].includes(t));
const noteArb = fc.array(line(30), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const urlArb = fc.stringMatching(/^[a-z0-9-]{1,10}$/).map((s) => `https://www.example.org/in/${s}`);

const contactArb = fc.record({
  name: line(40).map(valid(parseContactName)).filter((n): n is string => n !== undefined),
  givenName: optional(line(20).map(valid((s) => parseNamePart(s, 'x'))).filter((n): n is string => n !== undefined)),
  familyName: optional(line(20).map(valid((s) => parseNamePart(s, 'x'))).filter((n): n is string => n !== undefined)),
  email: optional(emailArb),
  phone: optional(phoneArb),
  company: optional(line(40)),
  role: optional(line(40)),
  metOn: optional(dateArb),
  url: optional(urlArb),
  birthday: optional(fc.oneof(dateArb, dateArb.map((d) => `--${d.slice(5)}`))),
  note: optional(noteArb),
  tags: fc.uniqueArray(tagArb, { maxLength: 3, selector: (t) => t.toLowerCase() }),
});
type Generated = typeof contactArb extends fc.Arbitrary<infer T> ? T : never;

/** As net holds them: names and emails unique, as net add keeps them. */
const journalArb = fc.uniqueArray(contactArb, { minLength: 1, maxLength: 6, selector: (c) => toNameKey(c.name) }).filter((cs) => {
  const emails = cs.flatMap((c) => (c.email ? [c.email.toLowerCase()] : []));
  return new Set(emails).size === emails.length;
});

function fill(store: Store, contacts: readonly Generated[]): void {
  for (const c of contacts) {
    const id = newId();
    const { tags, ...fields } = c;
    store.insertContact({ id, ...fields, howMet: null, everyDays: null, snoozedUntil: null, createdAt: clock.timestamp, updatedAt: clock.timestamp }, toNameKey(c.name));
    for (const text of tags) store.insertFact({ id: newId(), contactId: id, kind: 'tag', text, createdAt: clock.timestamp, updatedAt: clock.timestamp });
    store.refreshSummary(id);
  }
}

/** Every field a format carries, by name, tags in order. */
function read(store: Store, format: ExportFormat) {
  const tags = store.listTagsByContact();
  return Object.fromEntries(
    store.listContacts().map((c) => [
      c.name,
      { givenName: c.givenName, familyName: c.familyName, email: c.email, phone: c.phone, company: c.company, role: c.role, url: c.url, birthday: c.birthday, note: c.note, tags: [...(tags.get(c.id) ?? [])].sort(), ...(format === 'csv' ? { metOn: c.metOn } : {}) },
    ]),
  );
}

let run = 0;
describe('net export, then net import into an empty journal', () => {
  it.each(['vcf', 'csv'] as const)('gives back every contact unchanged: --%s', async (format) => {
    await fc.assert(
      fc.asyncProperty(journalArb, async (contacts) => {
        const source = new Store(emptyMemoryJournal(), null);
        const target = new Store(emptyMemoryJournal(), null);
        const file = join(dir, `contacts-${run++}.${format}`);
        try {
          fill(source, contacts);
          exportJournal(source, { format, file, force: true }, clock, () => undefined);
          const result = await importFile(target, { file, dryRun: false, skipBad: false, localeOrder: 'mdy' }, clock);
          expect(result).toMatchObject({ added: contacts.length, updated: 0, keptCount: 0, leftOutCount: 0, badCount: 0, warnings: [] });
          expect(read(target, format)).toEqual(read(source, format));
        } finally {
          source.close();
          target.close();
        }
      }),
      // 150 journals of up to six contacts a format: every field of both formats many times, in about 2 s.
      { numRuns: runs(150) },
    );
  });
});
