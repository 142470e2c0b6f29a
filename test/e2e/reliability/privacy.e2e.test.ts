/** The journal holds notes about other people: it is yours alone, its errors never quote them, and nothing leaves. */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWriting, pause, writeContactsCsv } from '../../helpers/journal-state.js';
import { BIN, makeJournal, TODAY, type Journal } from '../../helpers/run-net.js';

const SRC = resolve(import.meta.dirname, '../../../src');
const SECRET = 'Jane is leaving Acme in March; keep it quiet';

let j: Journal;
// Set-up and the refusals run in-process; the permission tests spawn bin/net.js under an open umask.
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** net at the default location ($XDG_DATA_HOME/net/journal.db) under a umask that would let anyone read new files. */
function netWithOpenUmask(args: string[]): string {
  return `umask 000 && exec ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')}`;
}
const env = () => ({ PATH: process.env.PATH ?? '', HOME: j.dir, XDG_DATA_HOME: j.dir, NO_COLOR: '1', NET_NOW: TODAY });

describe('permissions', () => {
  it('creates the journal 0600 in a 0700 folder at the default location, whatever the umask', () => {
    const r = spawnSync('sh', ['-c', netWithOpenUmask(['add', 'Jane Doe'])], { encoding: 'utf8', env: env() });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const folder = join(j.dir, 'net');
    expect(modeOf(folder).toString(8)).toBe('700');
    expect(modeOf(join(folder, 'journal.db')).toString(8)).toBe('600');
  });

  it('keeps the write-ahead log and shared-memory files 0600 too', async () => {
    expect(spawnSync('sh', ['-c', netWithOpenUmask(['add', 'Jane Doe'])], { env: env() }).status).toBe(0);
    const db = join(j.dir, 'net', 'journal.db');
    const csv = join(j.dir, 'contacts.csv');
    writeContactsCsv(csv, 10_000);
    const child = spawn('sh', ['-c', netWithOpenUmask(['import', csv])], { env: env(), stdio: 'ignore' });
    const done = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const probe = new Database(db, { timeout: 0, readonly: false });
    const deadline = Date.now() + 15_000;
    while (!isWriting(probe) && Date.now() < deadline) pause(5);
    const modes = Object.fromEntries(['-wal', '-shm'].map((s) => [s, modeOf(`${db}${s}`).toString(8)]));
    probe.close();
    expect(await done).toBe(0);
    expect(modes).toEqual({ '-wal': '600', '-shm': '600' });
  });
});

describe('errors never quote another contact’s notes', () => {
  const ATTEMPTS = [
    ['log', 'ravi', '--touch', 'call', '--date', 'yesterdayy'],
    ['log', 'ravi', '--gave', 'idea', '--value', '9'],
    ['log', 'rav', '--touch', 'teleport'],
    ['log', 'jnae', '--touch', 'call'],
    ['show', 'jan'],
    ['check', 'ravi', '--for', 'introduction'],
    ['ask', 'ravi', '--for', 'introduction'],
    ['edit', 'ravi', '--email', 'jane@example.com'],
    ['add', 'Jane Doe'],
    ['rm', 'ravi'],
    ['deepen', 'ravi', '--yes', 'trust', '--no', 'trust'],
    ['--debug', 'log', 'ravi', '--touch', 'call', '--date', '2999-01-01'],
  ];

  it(`in ${ATTEMPTS.length} failed commands about other contacts`, () => {
    expect(j.run('add', 'Jane Doe', '--email', 'jane@example.com')).toMatchObject({ code: 0 });
    expect(j.run('add', 'Janet Roe')).toMatchObject({ code: 0 });
    expect(j.run('add', 'Ravi Patel')).toMatchObject({ code: 0 });
    expect(j.run('log', 'jane doe', '--touch', 'coffee', '--gave', 'idea', '--note', SECRET, '--next', 'in 1 week')).toMatchObject({ code: 0 });
    const before = j.dump();
    for (const args of ATTEMPTS) {
      const r = j.run(...args);
      const what = `net ${args.join(' ')}`;
      expect(r.code, what).not.toBe(0);
      expect(r.stderr, what).toMatch(/^(net: |$)/); // a premature check is a verdict on stdout, exit 3
      expect(r.stderr, what).not.toContain(SECRET);
      expect(r.stdout, what).not.toContain(SECRET);
    }
    expect(j.dump()).toEqual(before);
  });
});

// ---- no network access in the code ----------------------------------------------------------------------------------

const NETWORK_PATTERNS: [string, RegExp][] = [
  ['a network module', /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"](?:node:)?(?:http|https|http2|net|dgram|dns|dns\/promises|tls|undici)['"]/],
  ['fetch(', /\bfetch\s*\(/],
  ['WebSocket', /\bWebSocket\b/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['undici', /\bundici\b/],
  ['a network library', /['"](?:axios|node-fetch|got|request|superagent|ws|socket\.io-client)['"]/],
];

function findNetworkUse(text: string): string[] {
  return NETWORK_PATTERNS.filter(([, re]) => re.test(text)).map(([what]) => what);
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listSources(join(dir, e.name)) : /\.[cm]?[jt]s$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('nothing is sent anywhere', () => {
  it.each([
    ["import http from 'node:http';", ['a network module']],
    ["const dns = await import('dns');", ['a network module']],
    ["const { connect } = require('node:net');", ['a network module']],
    ['await fetch("https://example.com")', ['fetch(']],
    ['new WebSocket(url)', ['WebSocket']],
    ["import { request } from 'undici';", ['a network module', 'undici']],
    ["import { Command } from 'commander'; // net add", []],
  ])('the scanner finds %s', (text, found) => {
    expect(findNetworkUse(text)).toEqual(found);
  });

  it('no file in src/ uses the network', () => {
    const files = listSources(SRC);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((f) => findNetworkUse(readFileSync(f, 'utf8')).map((what) => `${relative(SRC, f)}: ${what}`));
    expect(offenders).toEqual([]);
  });

  it('no dependency is a network client', () => {
    const pkg = JSON.parse(readFileSync(resolve(SRC, '../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).filter((d) => /^(axios|node-fetch|got|request|superagent|ws|undici|socket\.io-client)$/.test(d))).toEqual([]);
  });
});
