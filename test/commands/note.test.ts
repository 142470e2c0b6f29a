/** The contact's own note: written with add and edit, shown by show, carried by JSON, export and import. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

const noteOf = (name: string) => (j.dump().contacts as any[]).find((c) => c.name === name).note;

describe('the contact note', () => {
  it('is written by net add --note and printed by net show under the profile', () => {
    expect(j.run('add', 'Jane Doe', '--role', 'estate agent', '--note', 'met through Ravi; loves sailing')).toMatchObject({ code: 0, stderr: '' });
    expect(noteOf('Jane Doe')).toBe('met through Ravi; loves sailing');
    const shown = j.run('show', 'jane').stdout.split('\n');
    expect(shown.slice(0, 5)).toEqual(['Jane Doe  estate agent', '  every       not set (the default for the relationship)', '  last touch  no touch yet', '  note', '    met through Ravi; loves sailing']);
    expect(j.json('show', 'jane').contact.note).toBe('met through Ravi; loves sailing');
  });

  it('is replaced by net edit --note, added to by --append-note, emptied by --clear note', () => {
    j.run('add', 'Jane Doe', '--note', 'first line');
    const appended = j.run('edit', 'jane', '--append-note', 'daughter starts university in June');
    expect(appended).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Updated Jane Doe: note\n/) });
    expect(noteOf('Jane Doe')).toBe('first line\ndaughter starts university in June');
    expect(appended.stdout).toContain('  note\n    first line\n    daughter starts university in June');
    expect(j.json('edit', 'jane', '--note', 'all new').note).toBe('all new');
    expect(j.run('edit', 'jane', '--clear', 'note').stdout).toMatch(/^Updated Jane Doe: cleared note\n/);
    expect(noteOf('Jane Doe')).toBeNull();
    expect(j.json('edit', 'jane', '--append-note', 'starts a new note').note).toBe('starts a new note');
  });

  it('refuses --append-note with --note, and a note that would grow too long, writing nothing', () => {
    j.run('add', 'Jane Doe', '--note', 'x'.repeat(9_990));
    const before = j.dump();
    expect(j.run('edit', 'jane', '--note', 'a', '--append-note', 'b')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: --append-note goes without --note and --clear note; /) });
    expect(j.run('edit', 'jane', '--append-note', 'twenty more characters')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^net: the note would be longer than 10,000 characters; /) });
    expect(j.dump()).toEqual(before);
  });

  it('shows the NOTE a vCard brought, and goes out and back in through vCard, CSV and JSON', () => {
    const vcf = join(j.dir, 'in.vcf');
    writeFileSync(vcf, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ravi Patel\r\nNOTE:Bookkeeper\\, BNI Tuesday\\nprefers calls\r\nEND:VCARD\r\n');
    expect(j.run('import', vcf).code).toBe(0);
    expect(j.run('show', 'ravi').stdout).toContain('  note\n    Bookkeeper, BNI Tuesday\n    prefers calls\n');
    for (const format of ['vcf', 'csv', 'json']) {
      const file = join(j.dir, `out.${format}`);
      expect(j.run('export', '--format', format, file, '--force').code).toBe(0);
      const other = makeJournal(TODAY, 'in-process');
      try {
        expect(other.run('import', file).code).toBe(0);
        expect(other.json('show', 'ravi').contact.note).toBe('Bookkeeper, BNI Tuesday\nprefers calls');
      } finally {
        other.cleanup();
      }
    }
  });
});
