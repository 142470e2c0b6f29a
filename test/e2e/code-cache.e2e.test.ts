/**
 * The code cache (README, "Start-up tricks"; src/cli/startup/load-bundle.ts): the build makes it for the node that
 * built, a command uses it, it holds program code and nothing of the journals it was made on, and a cache V8 refuses
 * (damaged, or another node's) or the trick turned off changes nothing a user sees.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_NAMES } from '../../src/cli/startup/make-code-cache.js';
import { makeJournal } from '../helpers/run-net.js';
import { makeIdentityFile, makeRemote } from '../helpers/sync.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'dist', 'bundle', 'code-cache', `${process.version}-${process.arch}`);

/** Each bundle file the run loaded, and whether V8 took its cached code ('used'), refused it, or had none. */
function cacheUse(stderr: string): Record<string, string> {
  return Object.fromEntries([...stderr.matchAll(/^code cache (\S+): (\w+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('the code cache', () => {
  const j = makeJournal();
  let copy: string;
  beforeAll(() => {
    j.run('add', 'Jane Doe', '--every', '2w');
    j.run('log', 'jane', '--touch', 'coffee', '--gave', 'idea');
    // A copy of the program whose cache can be damaged: bin/ and the bundle, node_modules linked.
    copy = mkdtempSync(join(tmpdir(), 'net-code-cache-test-'));
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'bundle'), join(copy, 'dist', 'bundle'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(() => {
    j.cleanup();
    rmSync(copy, { recursive: true, force: true });
  });

  it('is made by the build for this node, and every file of a command comes from it', () => {
    const r = j.runWith({ env: { NET_CODE_CACHE_CHECK: '1' } }, 'show', 'jane');
    expect(r.code).toBe(0);
    const used = cacheUse(r.stderr);
    expect(Object.keys(used)).toContain('main.cjs');
    expect(Object.keys(used).length).toBeGreaterThan(10);
    expect(Object.values(used).every((u) => u === 'used')).toBe(true);
  });

  it("covers an everyday sync too: every file of it, age's among them, comes from the cache", async () => {
    const remote = makeRemote();
    const other = makeJournal();
    try {
      const key = await makeIdentityFile(remote.dir);
      expect(j.run('sync', 'init', remote.url, '--identity', key.file).code).toBe(0);
      expect(other.run('sync', 'init', remote.url, '--identity', key.file).code).toBe(0);
      other.run('log', 'jane', '--touch', 'call');
      expect(other.run('sync').code).toBe(0);
      j.run('log', 'jane', '--touch', 'email');
      const r = j.runWith({ env: { NET_CODE_CACHE_CHECK: '1' } }, '--json', 'sync');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ pulled: { added: 1 }, pushed: { records: 1 } });
      const used = cacheUse(r.stderr);
      expect(Object.keys(used).some((f) => f.startsWith('age-'))).toBe(true);
      expect(Object.entries(used).filter(([, u]) => u !== 'used')).toEqual([]);
    } finally {
      other.cleanup();
      remote.cleanup();
    }
  });

  it('reads bundle files written for the loader: ASCII only, each inside the function that runs it', () => {
    const bundle = join(ROOT, 'dist', 'bundle');
    const files = [join(bundle, 'main.cjs'), join(bundle, 'complete.cjs'), ...readdirSync(join(bundle, 'chunks')).filter((f) => f.endsWith('.cjs')).map((f) => join(bundle, 'chunks', f))];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      // As rolldown prints it: minified or not, with the function's parameters renamed or not.
      expect(text.slice(0, 200).replace(/\s+/g, ''), file).toMatch(/^\(\(?\w+\)?=>this===globalThis\?\w+:\w+\.call\(this,exports,require,module,__filename,__dirname\)\)\(function\(/);
      expect(/[^\x00-\x7f]/.test(text), file).toBe(false);
    }
  });

  it('turned off, or refused by V8, changes nothing a user sees', () => {
    const plain = j.run('show', 'jane');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Jane Doe');
    expect(j.runWith({ env: { NET_NODE_LOADER: '1' } }, 'show', 'jane')).toEqual(plain);
    // Every cached file damaged: V8 checks what it reads and compiles the source instead.
    const folder = join(copy, 'dist', 'bundle', 'code-cache', `${process.version}-${process.arch}`);
    for (const file of readdirSync(folder)) {
      const bytes = readFileSync(join(folder, file));
      bytes.fill(0x5a, 16);
      writeFileSync(join(folder, file), bytes);
    }
    const env = { PATH: process.env.PATH ?? '', HOME: j.dir, NO_COLOR: '1', NET_NOW: '2026-11-22', NET_CODE_CACHE_CHECK: '1' };
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'net.js'), '--db', j.db, 'show', 'jane'], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    expect(Object.values(cacheUse(r.stderr))).not.toContain('used');
    expect(r.stderr.replace(/^code cache .*\n/gm, '')).toBe(plain.stderr);
  });

  it('holds program code, never the names of the journals it was made on', async () => {
    const { contactName } = (await import(join(ROOT, 'bench', 'generate.mjs'))) as { contactName(i: number): string };
    const names = [...TRAINING_NAMES, ...Array.from({ length: 30 }, (_, i) => contactName(i))];
    const files = readdirSync(CACHE).map((f) => readFileSync(join(CACHE, f)).toString('latin1'));
    const all = files.join('\n');
    // What the search can find: a sentence of the program's own, from the source of `net show`'s renderer.
    expect(all).toContain('net show');
    for (const name of names) expect(all, name).not.toContain(name);
    expect(all).not.toContain('Zephyrine'); // the training contact's company
    // Nor the age key the sync step made and encrypted to, nor a note it logged.
    expect(all).not.toMatch(/AGE-SECRET-KEY-1[0-9A-Z]{20}/);
    expect(all).not.toMatch(/age1[0-9a-z]{50}/);
    expect(all).not.toContain('woven at the sync step');
  });
});
