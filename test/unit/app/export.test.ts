import { describe, expect, it } from 'vitest';
import { escapeVcard, foldVcardLine, toCsvCell } from '../../../src/app/export.js';
import { toExportFormat } from '../../../src/cli/commands/export.js';

describe('export helpers', () => {
  it.each([
    ['plain', 'plain'],
    ['Acme, Inc.', '"Acme, Inc."'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    [null, ''],
    [3.5, '3.5'],
    [-2.5, '-2.5'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+cmd|calc', "'+cmd|calc"],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['-', '-'],
  ])('CSV cell %j -> %j', (value, cell) => {
    expect(toCsvCell(value)).toBe(cell);
  });

  it.each([
    ['a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['one\ntwo', 'one\\ntwo'],
  ])('vCard escape %j -> %j', (text, escaped) => {
    expect(escapeVcard(text)).toBe(escaped);
  });

  it('folds at 75 octets without splitting a character, and unfolds back', () => {
    const line = `NOTE:${'é'.repeat(100)}`;
    const folded = foldVcardLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldVcardLine('FN:Jane')).toBe('FN:Jane');
  });

  it.each([
    [{}, undefined, false, 'json'],
    [{}, undefined, true, 'json'],
    [{ csv: true }, undefined, false, 'csv'],
    [{ vcf: true }, 'x.json', false, 'vcf'],
    [{}, 'contacts.CSV', false, 'csv'],
    [{}, 'contacts.vcf', true, 'vcf'],
    [{}, 'journal.json', false, 'json'],
    [{ format: 'csv' }, 'x.json', false, 'csv'],
    [{ format: 'json' }, undefined, true, 'json'],
    [{ format: 'vcf', vcf: true }, undefined, false, 'vcf'],
  ] as const)('flags %j, file %s, --json %s -> %s', (flags, file, json, format) => {
    expect(toExportFormat(flags as Parameters<typeof toExportFormat>[0], file, json)).toBe(format);
  });

  it('refuses --json with --csv when printing', () => {
    expect(() => toExportFormat({ csv: true }, undefined, true)).toThrow('--json and --csv both ask for the format of what is printed');
    expect(() => toExportFormat({ format: 'vcf' }, undefined, true)).toThrow('--json and --format vcf both ask for the format of what is printed');
  });

  it('refuses two formats', () => {
    expect(() => toExportFormat({ format: 'json', csv: true }, 'x', false)).toThrow('--format json and --csv ask for two formats');
  });
});
