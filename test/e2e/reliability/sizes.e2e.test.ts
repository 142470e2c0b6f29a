/**
 * Inputs of any size or kind. A journal path that is not a file is refused before SQLite opens it; nothing's stack
 * depends on the journal's size (a spread of one argument per contact overflowed it at about 130,000 contacts), which
 * a scan of every call in src/ and a run of every command over a large journal, on a small stack, both hold.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, readPathState, unwrapDoctor } from '../../helpers/journal-state.js';
import { BIN, makeJournal, TODAY, type Journal } from '../../helpers/run-net.js';

const SRC = resolve(import.meta.dirname, '../../../src');

describe('a journal path that is not a file', () => {
  let j: Journal;
  beforeAll(() => {
    j = makeJournal();
  });
  afterAll(() => j.cleanup());

  const at = (db: string, args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: j.dir, NO_COLOR: '1', NET_NOW: TODAY }, timeout: 10_000 });
    return { stdout: String(r.stdout), stderr: String(r.stderr), code: r.status, timedOut: r.error !== undefined };
  };

  it.each([
    ['a named pipe', 'named pipe', (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0)],
  ])('%s: exit 5 with one line for a read and a write, never a wait; doctor says what it is', (_what, kind, make) => {
    const path = join(j.dir, 'fifo.db');
    make(path);
    for (const args of [['list'], ['add', 'Jane Doe'], ['due', '--ics']]) {
      const r = at(path, args);
      expect(r.timedOut, args.join(' ')).toBe(false);
      expect({ code: r.code, problem: expectOneErrorLine(r) }).toEqual({ code: 5, problem: null });
      expect(r.stderr).toBe(`net: ${path} is a ${kind}, not a journal file; give --db or NET_DB the path of a file, for example --db ~/journal.db\n`);
    }
    const doctor = at(path, ['doctor']);
    expect({ code: doctor.code, timedOut: doctor.timedOut }).toEqual({ code: 5, timedOut: false });
    expect(unwrapDoctor(doctor.stdout)).toMatch(new RegExp(`PROBLEM +file +${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is a ${kind}, not a journal file`));
  });

  it('a unix socket: exit 5 with one line, not "unexpected error"', async () => {
    const path = join(j.dir, 'sock.db');
    const server = createServer();
    await new Promise<void>((done) => server.listen(path, done));
    try {
      for (const args of [['list'], ['add', 'Jane Doe']]) {
        const r = at(path, args);
        expect({ code: r.code, problem: expectOneErrorLine(r) }).toEqual({ code: 5, problem: null });
        expect(r.stderr).toMatch(/is a socket, not a journal file; /);
      }
    } finally {
      server.close();
    }
  });
});

// ---- nothing's stack grows with the journal ------------------------------------------------------------------------

/** A call that puts every element of an array on the stack as an argument: `f(...xs)`, `new F(...xs)`. */
interface Spread {
  file: string;
  call: string;
}

function findSpreadCalls(file: string, text: string): Spread[] {
  const found: Spread[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) {
      found.push({ file, call: node.getText(source).replace(/\s+/g, ' ') });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listSources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Spreads whose length does not follow the journal, each with the reason. Everything else loops (core/numbers.ts maxOf). */
const ALLOWED: { file: string; starts: string; why: string }[] = [
  { file: 'store/ideas.ts', starts: 'store.stmt(`${distinctSql(', why: "SQL parameters: the stems of one contact's words" },
  { file: 'store/sync.ts', starts: 'this.store .stmt(`SELECT ${quote(rec.t.key)}', why: 'SQL parameters: the columns of one unique key of a synced table' },
  { file: 'store/sync.ts', starts: 'this.store .stmt(`INSERT INTO ${quote(rec.table)}', why: 'SQL parameters: the columns of one synced table' },
  { file: 'store/sync.ts', starts: 'this.store .stmt(`UPDATE ${quote(rec.table)}', why: 'SQL parameters: the columns of one synced table' },
];

describe('no call spreads an array onto the stack', () => {
  it.each([
    ['Math.max(...widths)', 1],
    ['lines.push(...rows.map(render))', 1],
    ['new Set([...a, ...b]); const c = [...a];', 0],
    ['f(a, b)', 0],
  ])('the scan finds %s', (text, count) => {
    expect(findSpreadCalls('x.ts', text)).toHaveLength(count);
  });

  it('in src/: every spread is in the short list of bounded ones', () => {
    const files = listSources(SRC);
    expect(files.length).toBeGreaterThan(50);
    const spreads = files.flatMap((f) => findSpreadCalls(relative(SRC, f), readFileSync(f, 'utf8')));
    const allowed = (s: Spread) => ALLOWED.some((a) => a.file === s.file && s.call.startsWith(a.starts));
    expect(spreads.filter((s) => !allowed(s)).map((s) => `${s.file}: ${s.call}`)).toEqual([]);
    expect(ALLOWED.filter((a) => !spreads.some((s) => s.file === a.file && s.call.startsWith(a.starts)))).toEqual([]); // no stale entry
  });
});

describe('every command over a large journal, on a small stack', () => {
  // On a 100 KB stack a spread of about 12,250 arguments overflows (on node's default stack, about 130,000), on a 72 KB
  // stack about 8,750: 14,000 contacts (and a 14,000-row file) meet the same failure with the margin 20,000 had on
  // 100 KB (1.6 times), at 70% of the work. Node itself needs about 48 KB: 72 leaves the commands room. Every command
  // that reads every contact runs.
  const CONTACTS = 14_000;
  const STACK_KB = 72;
  let j: Journal;
  // The set-up runs in-process; each command under test is a real process on a small stack.
  beforeAll(() => {
    j = makeJournal(TODAY, 'in-process');
    expect(j.run('add', 'Seed Person', '--every', '3w', '--met', '2025-01-01', '--company', 'Acme', '--tag', 'bni', '--service', 'photography').code).toBe(0);
    expect(j.run('log', 'seed', '--gave', 'referral', '--date', '2026-10-01', '--next', '2026-12-01').code).toBe(0);
    expect(j.run('log', 'seed', '--received', 'idea', '--date', '2026-11-01').code).toBe(0);
    const conn = new Database(j.db);
    try {
      const columns = (conn.prepare("SELECT name FROM pragma_table_info('contacts') WHERE name NOT IN ('id', 'name', 'name_key')").pluck().all() as string[]).join(', ');
      conn.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CONTACTS})
        INSERT INTO contacts (id, name, name_key, ${columns}) SELECT printf('00000000-0000-4000-8000-%012d', i), printf('Person %06d', i), printf('person %06d', i), ${columns} FROM n, (SELECT * FROM contacts LIMIT 1);
        INSERT INTO facts (id, contact_id, kind, text, text_key, created_at, updated_at) SELECT 'f' || id, id, 'tag', 'bni', 'bni', created_at, updated_at FROM contacts WHERE name <> 'Seed Person';
        INSERT INTO events (id, contact_id, type, kind, value, occurred_on, created_at, updated_at, status, status_on)
          SELECT 'e' || id, id, 'gave', 'referral', 2, '2026-10-01', created_at, updated_at, 'open', '2026-10-01' FROM contacts WHERE name <> 'Seed Person';
        PRAGMA wal_checkpoint(TRUNCATE);`);
    } finally {
      conn.close();
    }
    const rows = Array.from({ length: CONTACTS }, (_, i) => `Imported ${i},imp${i}@example.com,Co ${i % 9}`);
    writeFileSync(join(j.dir, 'many.csv'), `name,email,company\n${rows.join('\n')}\n`);
  }, 120_000);
  afterAll(() => j.cleanup());

  it.each([['list'], ['balance'], ['due', '--all'], ['due', '--ics'], ['ideas'], ['referrals'], ['report', '--since', '2026-01-01'], ['export', '--csv'], ['import', 'many.csv', '--dry-run']])('net %s', (...args) => {
    const argv = args.map((a) => (a === 'many.csv' ? join(j.dir, a) : a));
    const env = { PATH: process.env.PATH ?? '', HOME: j.dir, XDG_DATA_HOME: j.dir, NO_COLOR: '1', NET_NOW: TODAY };
    const r = spawnSync(process.execPath, [`--stack-size=${STACK_KB}`, BIN, '--db', j.db, ...argv], { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024, timeout: 60_000 });
    expect(r.stderr, r.stderr).not.toMatch(/stack/i);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(readPathState(j.db).kind).toBe('file');
  }, 60_000);
});
