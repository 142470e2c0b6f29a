/**
 * What a start loads (README, "What a start costs"): `net --help` and `net --version` compile no journal code
 * (better-sqlite3's JavaScript, the store, the migrations: cli/journal-code.ts); a command that reads the journal does.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, makeJournal } from '../helpers/run-net.js';

/**
 * The files node compiled for `net …args` that hold better-sqlite3's JavaScript (its `nativeBinding` option, which
 * store/sqlite.ts passes too): bin/net.js run under a hook on the CommonJS loader, which loads the bundle's files
 * when the code cache's loader is off (NET_NODE_LOADER=1; the same files either way).
 */
function journalCodeLoaded(...args: string[]): string[] {
  const hook = `const M = require('node:module'); const seen = []; const compile = M.prototype._compile;
M.prototype._compile = function (content, filename) { if (content.includes('nativeBinding')) seen.push(filename); return compile.apply(this, arguments); };
process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(seen)));
process.argv.splice(1, 0, ${JSON.stringify(BIN)}); require(${JSON.stringify(BIN)});`;
  const r = spawnSync(process.execPath, ['-e', hook, '--', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NET_NOW: '2026-11-22', NET_NODE_LOADER: '1' } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stderr.trim().split('\n').at(-1)!) as string[];
}

describe('what a start loads', () => {
  const j = makeJournal();
  afterAll(() => j.cleanup());

  it.each([[['--help']], [['--version']], [[]]])('net %j loads no journal code', (args) => {
    expect(journalCodeLoaded(...args)).toEqual([]);
  });

  it('a command that reads the journal loads it', () => {
    j.run('add', 'Jane Doe');
    expect(journalCodeLoaded('--db', j.db, 'show', 'jane').length).toBeGreaterThan(0);
  });

  it("loads SQLite's compiled addon without node's module loader (store/sqlite.ts)", () => {
    j.run('add', 'Addie Loader');
    // Every request to node's loader, and every addon node opens, under the program's own loader (the default).
    const hook = `const M = require('node:module'); const asked = []; const load = M._load;
M._load = function (request) { asked.push(request); return load.apply(this, arguments); };
const dlopen = process.dlopen; const opened = []; process.dlopen = function (m, file) { opened.push(file); return dlopen.apply(this, arguments); };
process.on('exit', () => process.stderr.write('\\n' + JSON.stringify({ asked, opened })));
process.argv.splice(1, 0, ${JSON.stringify(BIN)}); require(${JSON.stringify(BIN)});`;
    const r = spawnSync(process.execPath, ['-e', hook, '--', '--db', j.db, 'show', 'addie'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NET_NOW: '2026-11-22' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Addie Loader');
    const { asked, opened } = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { asked: string[]; opened: string[] };
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/better-sqlite3[\\/]build[\\/]Release[\\/]better_sqlite3\.node$/);
    expect(asked.filter((id) => id.endsWith('.node') || id.includes('better-sqlite3'))).toEqual([]);
  });
});
