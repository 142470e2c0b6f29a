import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { findOddCharacters, parseFieldText, toCleanRecord, toCleanRow, toCleanText, type OddCharacters, type TextField } from '../../../src/core/text.js';

describe('findOddCharacters: what typed text may not hold', () => {
  it.each<[TextField, string, OddCharacters | undefined]>([
    ['company', 'Acme & Sons', undefined],
    ['company', 'Co\u001b[2J', 'control'],
    ['company', 'a\nb', 'line-break'],
    ['company', 'a\rb', 'line-break'],
    ['company', 'a\u2028b', 'line-break'],
    ['company', 'a\tb', 'control'],
    ['company', 'x\u009b', 'control'],
    ['company', 'x\u007f', 'control'],
    ['company', 'abc\u202edcba', 'bidi'],
    ['company', 'abc\u2066x\u2069', 'bidi'],
    ['company', 'zero\u200bwidth', undefined], // invisible characters matter in names only
    ['note', 'line one\nline two\tindented', undefined],
    ['note', 'bell\u0007', 'control'],
    ['name', 'Jane\u200bDoe', 'invisible'],
    ['name', '\u200dJane', 'invisible'],
    ['name', 'Jane\u00adDoe', 'invisible'],
    ['name', '👩‍💻 Ada', undefined],
    ['name', 'مریم‌السادات', undefined],
    ['name', 'שרה\u200f לוי', undefined], // a right-to-left mark is not an override
  ])('%s %j: %s', (field, text, odd) => {
    expect(findOddCharacters(field, text)).toBe(odd);
  });
});

describe('parseFieldText', () => {
  it('trims, keeps a note on several lines with \\n line ends, and bounds each field', () => {
    expect(parseFieldText('role', '  agent  ', '--role')).toBe('agent');
    expect(parseFieldText('note', 'one\r\ntwo\rthree', '--note')).toBe('one\ntwo\nthree');
    expect(() => parseFieldText('role', 'x'.repeat(201), '--role')).toThrow('--role is longer than 200 characters');
    expect(() => parseFieldText('role', '   ', '--role')).toThrow('--role is empty');
  });

  it('refuses with a UsageError that names the flag', () => {
    const err = (() => {
      try {
        parseFieldText('company', 'Co\u001b[2J', '--company');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(UsageError);
    expect(err).toMatchObject({ message: '--company cannot hold control characters', hint: 'type it as plain text on one line', exitCode: 2 });
  });
});

describe('toCleanText: what a file brings', () => {
  it.each<[TextField, string, string, boolean]>([
    ['company', 'Acme', 'Acme', false],
    ['company', 'Co\u001b[2J\u001b]0;T\u0007', 'Co[2J]0;T', true],
    ['role', 'r\nFAKE', 'r FAKE', true],
    ['role', 'a\tb', 'a b', true],
    ['note', 'one\r\ntwo', 'one\ntwo', false], // line endings are not a change worth reporting
    ['note', 'one\u0000two', 'onetwo', true],
    ['name', 'Jane\u200b Doe\u202e', 'Jane Doe', true],
    ['company', 'zero\u200bwidth', 'zero\u200bwidth', false],
  ])('%s %j -> %j (changed: %s)', (field, text, clean, changed) => {
    expect(toCleanText(field, text)).toEqual({ text: clean, changed });
  });

  it('cleans every text of an import record by its field, and says which', () => {
    const record = { line: 3, name: 'Jane\u0007 Doe', emails: ['jane@example.com\u0000'], phones: [], company: 'Acme', role: null, note: 'a\nb', tags: ['bni\u001b'] };
    expect(toCleanRecord(record)).toEqual({ value: { ...record, name: 'Jane Doe', emails: ['jane@example.com'], tags: ['bni'] }, fields: ['name', 'emails', 'tags'] });
  });

  it('cleans a JSON row by its table and column, a fact by its kind', () => {
    expect(toCleanRow('contacts', { id: 'x', name: 'A\nB', note: 'one\ntwo' })).toEqual({ value: { id: 'x', name: 'A B', note: 'one\ntwo' }, fields: ['name'] });
    expect(toCleanRow('facts', { kind: 'service', text: 'web\u001b design' })).toEqual({ value: { kind: 'service', text: 'web design' }, fields: ['text'] });
    expect(toCleanRow('events', { note: 'a\u202eb', kind: 'idea\n' })).toEqual({ value: { note: 'ab', kind: 'idea ' }, fields: ['note', 'kind'] });
  });
});
