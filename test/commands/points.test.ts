/** Several emails and phones per contact, each with its label: add, edit, show, export, import, merge, upgrade. */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

const pointsOf = (journal: Journal, name: string) => {
  const { contacts, contact_points } = journal.dump() as { contacts: any[]; contact_points: any[] };
  const id = contacts.find((c) => c.name === name).id;
  return contact_points
    .filter((p) => p.contact_id === id)
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.position - b.position)
    .map((p) => `${p.kind}:${p.value}${p.label ? ` (${p.label})` : ''}`);
};

describe('emails and phones', () => {
  it('are added with their labels by net add, the first of each the main one, and shown by net show', () => {
    const r = j.run('add', 'Jane Doe', '--email', 'work=jane@acme.example', '--email', 'jane@home.example', '--phone', 'mobile=+44 7700 900123', '--phone', '020 7946 0000');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(pointsOf(j, 'Jane Doe')).toEqual(['email:jane@acme.example (work)', 'email:jane@home.example', 'phone:+44 7700 900123 (mobile)', 'phone:020 7946 0000']);
    expect((j.dump().contacts as any[])[0]).toMatchObject({ email: 'jane@acme.example', phone: '+44 7700 900123' });
    expect(j.run('show', 'jane').stdout.split('\n').slice(0, 5)).toEqual([
      'Jane Doe',
      '  email       jane@acme.example (work)',
      '              jane@home.example',
      '  phone       +44 7700 900123 (mobile)',
      '              020 7946 0000',
    ]);
    expect(j.json('show', 'jane').contact).toMatchObject({
      email: 'jane@acme.example',
      phone: '+44 7700 900123',
      emails: [{ address: 'jane@acme.example', label: 'work' }, { address: 'jane@home.example', label: null }],
      phones: [{ number: '+44 7700 900123', label: 'mobile' }, { number: '020 7946 0000', label: null }],
    });
  });

  it('are added, relabelled and removed by net edit; --clear email with --email replaces them all', () => {
    j.run('add', 'Jane Doe', '--email', 'jane@acme.example', '--phone', '555 0100');
    expect(j.run('edit', 'jane', '--email', 'home=jane@home.example', '--email', 'work=JANE@acme.example').stdout).toMatch(/^Updated Jane Doe: email\n/);
    expect(pointsOf(j, 'Jane Doe')).toEqual(['email:jane@acme.example (work)', 'email:jane@home.example (home)', 'phone:555 0100']);
    expect(j.run('edit', 'jane', '--forget-email', 'JANE@ACME.example', '--forget-phone', '555-0100').stdout).toMatch(/^Updated Jane Doe: cleared email, cleared phone\n/);
    expect(pointsOf(j, 'Jane Doe')).toEqual(['email:jane@home.example (home)']);
    expect((j.dump().contacts as any[])[0]).toMatchObject({ email: 'jane@home.example', phone: null });
    expect(j.run('edit', 'jane', '--clear', 'email', '--email', 'jane@new.example')).toMatchObject({ code: 0, stderr: '' });
    expect(pointsOf(j, 'Jane Doe')).toEqual(['email:jane@new.example']);
  });

  it('refuses an email another contact has, and one to forget that the contact lacks, writing nothing', () => {
    j.run('add', 'Jane Doe', '--email', 'jane@acme.example');
    j.run('add', 'Ravi Patel');
    const before = j.dump();
    expect(j.run('add', 'Jane Roe', '--email', 'x@y.example', '--email', 'JANE@acme.example')).toMatchObject({ code: 2, stderr: 'net: JANE@acme.example already belongs to Jane Doe; each contact has their own email address\n' });
    expect(j.run('edit', 'ravi', '--forget-email', 'ravi@x.example')).toMatchObject({ code: 2, stderr: 'net: Ravi Patel has no email ravi@x.example; they have no email yet\n' });
    expect(j.dump()).toEqual(before);
  });

  it('go out with their labels in vCard (TYPE, PREF), CSV and JSON, and come back the same through net import', () => {
    j.run('add', 'Jane Doe', '--email', 'work=jane@acme.example', '--email', 'home=jane@home.example', '--phone', 'mobile=+44 7700 900123', '--phone', 'assistant=020 7946 0000');
    j.run('add', 'Ravi Patel', '--email', 'ravi@patel.example');
    const vcf = j.run('export', '--vcf').stdout;
    expect(vcf).toContain('EMAIL;PREF=1;TYPE=work:jane@acme.example\r\nEMAIL;TYPE=home:jane@home.example\r\nTEL;VALUE=text;PREF=1;TYPE=cell:+44 7700 900123\r\nTEL;VALUE=text;TYPE="x-assistant":020 7946 0000\r\n');
    expect(vcf).toContain('EMAIL:ravi@patel.example\r\n');
    const csv = j.run('export', '--csv').stdout.split('\r\n');
    expect(csv[0]).toBe('name,given name,family name,email,phone,company,role,tags,met,last touch,balance,stage,url,birthday,note,email label,email 2,email 2 label,phone label,phone 2,phone 2 label');
    expect(csv[1]).toMatch(/^Jane Doe,,,jane@acme\.example,\+44 7700 900123,.*,work,jane@home\.example,home,mobile,020 7946 0000,assistant$/);
    for (const format of ['vcf', 'csv', 'json']) {
      const file = join(j.dir, `out.${format}`);
      if (format === 'json') expect(j.run('export', '--format', 'json', file).code).toBe(0);
      else writeFileSync(file, format === 'vcf' ? vcf : csv.join('\r\n'));
      const other = makeJournal(TODAY, 'in-process');
      try {
        expect(other.run('import', file).code).toBe(0);
        expect(pointsOf(other, 'Jane Doe')).toEqual(pointsOf(j, 'Jane Doe'));
        expect(pointsOf(other, 'Ravi Patel')).toEqual(['email:ravi@patel.example']);
      } finally {
        other.cleanup();
      }
    }
  });

  it('are upgraded from a journal of schema 9, whose imports wrote them into the note', () => {
    const db = new Database(j.db);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 9));
    db.prepare('INSERT INTO contacts (id, name, name_key, email, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run('c1', 'Jane Doe', 'jane doe', 'jane@acme.example', 'Sits next to Ravi.\nOther email: jane.doe@mail.example\nOther phone: 07700 900999', 't', 't');
    db.close();
    expect(j.run('show', 'jane').stdout).toContain('  email       jane@acme.example\n              jane.doe@mail.example\n  phone       07700 900999\n');
    expect(j.json('show', 'jane').contact.note).toBe('Sits next to Ravi.');
    expect(j.run('edit', 'jane', '--forget-email', 'jane.doe@mail.example').code).toBe(0);
  });

  it('come from an export of schema 9 merged into the journal, "Other email" lines included', () => {
    const old = {
      format: 'net-journal', version: 1, schema: 9, exportedAt: '2026-01-01T00:00:00.000Z',
      contacts: [{ id: 'c1', name: 'Jane Doe', email: 'jane@acme.example', phone: '+44 7700 900123', note: 'Likes sailing.\nOther email: jane.doe@mail.example', createdAt: 't', updatedAt: 't' }],
    };
    const file = join(j.dir, 'old.json');
    writeFileSync(file, JSON.stringify(old));
    expect(j.run('import', file).code).toBe(0);
    expect(pointsOf(j, 'Jane Doe')).toEqual(['email:jane@acme.example', 'email:jane.doe@mail.example', 'phone:+44 7700 900123']);
    expect(j.json('show', 'jane').contact.note).toBe('Likes sailing.');
    const after = j.dump();
    expect(j.run('import', file).code).toBe(0); // twice: nothing doubled
    expect(j.dump()).toEqual(after);
    expect(readFileSync(file, 'utf8')).toContain('Other email');
  });
});
