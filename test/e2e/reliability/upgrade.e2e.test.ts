/**
 * A journal made by the first schema (test/fixtures/journal-v1.db, built by make-journal-v1.mjs) opens with today's
 * net, is upgraded in place with every row kept; a journal claiming a newer schema is refused and left untouched.
 */
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../src/store/migrations.js';
import { dumpJournal, expectOneErrorLine, readPathState } from '../../helpers/journal-state.js';
import { makeJournal, type Journal } from '../../helpers/run-net.js';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/journal-v1.db');

const versionOf = (file: string) => {
  const conn = new Database(file, { readonly: true });
  try {
    return conn.pragma('user_version', { simple: true });
  } finally {
    conn.close();
  }
};

let j: Journal;
beforeEach(() => {
  j = makeJournal('2025-02-01');
  copyFileSync(FIXTURE, j.db);
  chmodSync(j.db, 0o600);
});
afterEach(() => j.cleanup());

describe('a journal from the first schema', () => {
  it('is the fixture it claims to be', () => {
    expect(versionOf(j.db)).toBe(1);
    const rows = dumpJournal(j.db);
    expect(Object.fromEntries(Object.entries(rows).map(([t, r]) => [t, r.length]))).toEqual({ answers: 2, contacts: 3, events: 5, facts: 4, follow_ups: 2, settings: 1 });
  });

  it('opens with today’s net, is migrated in place, and keeps every row', () => {
    const before = dumpJournal(j.db);
    const list = j.run('--json', 'list');
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(list.stdout).map((c: { name: string }) => c.name)).toEqual(['Jane Doe', 'Ola Nordmann', 'Ravi Patel']);
    expect(versionOf(j.db)).toBe(LATEST_VERSION);

    const after = dumpJournal(j.db);
    for (const [table, rows] of Object.entries(before)) {
      expect(after[table], table).toHaveLength(rows.length);
      rows.forEach((row, i) => expect(after[table]![i], `${table}[${i}]`).toMatchObject(row as object));
    }

    const shown = j.json('show', 'jane');
    expect(shown.contact).toMatchObject({ name: 'Jane Doe', company: 'Acme Homes', email: 'jane@example.com', metOn: '2024-03-01', services: ['Home staging'] });
    expect(shown.timeline.map((e: { id: string }) => e.id)).toEqual([
      'e0000001-0000-4000-8000-000000000004',
      'e0000001-0000-4000-8000-000000000003',
      'e0000001-0000-4000-8000-000000000002',
      'e0000001-0000-4000-8000-000000000001',
    ]);
    expect(j.run('doctor')).toMatchObject({ code: 0, stderr: '' });
  });

  it('takes new writes after the upgrade', () => {
    expect(j.run('log', 'ravi', '--touch', 'coffee', '--note', 'after the upgrade')).toMatchObject({ code: 0, stderr: '' });
    expect((j.dump().events as { note: string | null }[]).map((e) => e.note)).toContain('after the upgrade');
    expect(versionOf(j.db)).toBe(LATEST_VERSION);
  });
});

describe('a journal from a newer net', () => {
  it.each([['list'], ['add', 'Tom'], ['log', 'jane', '--touch', 'call']])('is refused by net %s with exit 5 and left byte for byte', (...args) => {
    const conn = new Database(j.db);
    conn.pragma('user_version = 99');
    conn.close();
    const before = readPathState(j.db);
    expect(before.files).toEqual(['journal.db']);
    const r = j.run(...args);
    expect({ code: r.code, problem: expectOneErrorLine(r) }).toEqual({ code: 5, problem: null });
    expect(r.stderr).toBe(`net: this journal was written by a newer net (schema 99; this net knows up to ${LATEST_VERSION}); upgrade net to open it; the file was not changed\n`);
    expect(readPathState(j.db)).toEqual(before);
  });
});
