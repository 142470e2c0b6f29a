/** How an SQLite error ends a run: as the journal's trouble (exit 5) only when its code says so; otherwise a bug (exit 1). */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { report } from '../../../src/cli/run.js';

const reported = (err: unknown) => {
  const lines: string[] = [];
  const code = report(err, false, 'search', { write: (t) => void lines.push(t) }, { path: 'j.db' });
  return { code, stderr: lines.join('') };
};

const sqliteError = (sql: string): unknown => {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE VIRTUAL TABLE t USING fts5(a)');
    db.prepare(sql).all();
  } catch (err) {
    return err;
  } finally {
    db.close();
  }
  throw new Error(`no error from ${sql}`);
};

describe('an SQLite error, reported', () => {
  it('is a bug, not the journal, when SQLite refused a query (an FTS5 syntax error)', () => {
    const err = sqliteError(`SELECT * FROM t WHERE t MATCH '"tom"* ("photo" OR "photos")'`);
    expect((err as { code: string }).code).toBe('SQLITE_ERROR');
    const r = reported(err);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^net: unexpected error: fts5: syntax error near "\("; please report it/);
    expect(r.stderr).not.toMatch(/journal|doctor/);
  });

  it.each([
    ['SQLITE_BUSY', 'is locked by another program'],
    ['SQLITE_CORRUPT_VTAB', 'j.db is damaged or not a net journal'],
    ['SQLITE_READONLY_DBMOVED', 'cannot open the journal j.db'],
    ['SQLITE_FULL', 'the disk that holds the journal j.db is full'],
    ['SQLITE_IOERR_WRITE', 'cannot use the journal j.db: disk I/O error; run net doctor'],
  ])('is the journal\'s trouble, exit 5, when its code says so: %s', (code, says) => {
    const r = reported(Object.assign(new Error('disk I/O error'), { code }));
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(says);
  });
});
