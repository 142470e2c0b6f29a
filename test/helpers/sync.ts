/**
 * For the tests of `net sync`: bare repositories on disk stand in for remotes, age identity files for keys, and each
 * machine is a journal of its own (run-net.ts) that syncs through them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { TODAY, makeJournal, type Journal, type RunResult } from './run-net.js';

/** The remote's branch, as net syncs it: the one its HEAD names (app/git.ts). */
const BRANCH = 'HEAD';

export interface Remote {
  /** What `net sync init` is given: the bare repository's path. */
  url: string;
  dir: string;
  cleanup(): void;
}

export function makeRemote(): Remote {
  const dir = mkdtempSync(join(tmpdir(), 'net-remote-'));
  const url = join(dir, 'remote.git');
  // No template (sample hooks, a description, info/exclude): files no sync reads, which every snapshot would copy.
  execFileSync('git', ['init', '-q', '--bare', '--template=', url]);
  return { url, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Git as the sync tests want it, in a .gitconfig of a journal's HOME (run-net.ts sets HOME to the journal's folder,
 * and the remote's receive-pack runs with the same HOME): no automatic gc or maintenance after each fetch, commit and
 * push (three of the seventeen git processes of every sync), and no template in the working copy net makes (about
 * twenty files of sample hooks and descriptions that no sync reads, and that each snapshot of a machine would copy
 * and remove again). These tests are of net's sync, not of git's housekeeping.
 */
export function quietGit(home: string): void {
  writeFileSync(join(home, '.gitconfig'), '[maintenance]\n\tauto = false\n[gc]\n\tauto = 0\n[receive]\n\tautogc = false\n[init]\n\ttemplateDir =\n');
}

/**
 * A set-up made once and laid down again before each test that starts from it: the folders of a remote and of
 * journals, copied aside whole and copied back to the same paths (a journal keeps its remote's path, and its working
 * copy the remote as origin). A copy costs milliseconds; making the same set-up again costs syncs.
 */
export interface Snapshot {
  restore(): void;
  cleanup(): void;
}

export function snapshot(dirs: readonly string[]): Snapshot {
  const aside = mkdtempSync(join(tmpdir(), 'net-snapshot-'));
  const copy = (from: string, to: string) => cpSync(from, to, { recursive: true, preserveTimestamps: true });
  dirs.forEach((dir, i) => copy(dir, join(aside, String(i))));
  return {
    restore() {
      dirs.forEach((dir, i) => {
        rmSync(dir, { recursive: true, force: true });
        copy(join(aside, String(i)), dir);
      });
    },
    cleanup: () => rmSync(aside, { recursive: true, force: true }),
  };
}

/**
 * Within a describe: `setUp` runs once, from `start` laid down again, and each of its tests starts from a copy of what
 * it made. The hooks of the describe around run first, so `start` is restored before each test and then this.
 */
/** A set-up of syncs, on a busy two-core machine: longer than vitest's ten seconds for a hook. */
export const SET_UP_TIMEOUT = 120_000;

export function setUpOnce(start: () => Snapshot, dirs: () => readonly string[], setUp: () => void): void {
  let made: Snapshot | undefined;
  beforeAll(() => {
    start().restore();
    setUp();
    made = snapshot(dirs());
  }, SET_UP_TIMEOUT);
  beforeEach(() => made!.restore());
  afterAll(() => made?.cleanup());
}

/** Two machines (journals a and b, run in this process) that sync through one remote with one identity file. */
export interface TwoMachines {
  remote: Remote;
  key: IdentityFile;
  a: Journal;
  b: Journal;
  /** The empty remote and the two empty journals, as each test starts from them. */
  empty: Snapshot;
  /** The folders a snapshot of the two machines copies: the remote's and the journals'. */
  dirs(): readonly string[];
  /** `net sync init <remote> --identity <key>` on one machine. */
  init(j: Journal, ...more: string[]): RunResult;
}

/**
 * The set-up of the sync tests, made once for a file: its hooks make the remote, the key and the two journals before
 * the file's tests, lay the empty ones down again before each test, and remove them all after. The fields are set
 * once the file's first hook has run.
 */
export function twoMachines(): TwoMachines {
  const m = {
    dirs: () => [m.remote.url, m.a.dir, m.b.dir],
    init: (j: Journal, ...more: string[]) => j.run('sync', 'init', m.remote.url, '--identity', m.key.file, ...more),
  } as Partial<TwoMachines> as TwoMachines;
  beforeAll(async () => {
    m.remote = makeRemote();
    m.key = await makeIdentityFile(m.remote.dir);
    m.a = makeJournal(TODAY, 'in-process');
    m.b = makeJournal(TODAY, 'in-process');
    for (const j of [m.a, m.b]) quietGit(j.dir);
    m.empty = snapshot(m.dirs());
  });
  beforeEach(() => m.empty.restore());
  afterAll(() => {
    for (const j of [m.a, m.b]) j?.cleanup();
    m.remote?.cleanup();
    m.empty?.cleanup();
  });
  return m;
}

export interface IdentityFile {
  file: string;
  identity: string;
  recipient: string;
}

/**
 * An age identity file, as age-keygen writes one: X25519, or with 'post-quantum' the hybrid of ML-KEM-768 and X25519
 * that `age-keygen -pq` makes (AGE-SECRET-KEY-PQ-1…), made by age-encryption itself.
 */
export async function makeIdentityFile(dir: string, name = 'age.key', kind: 'x25519' | 'post-quantum' = 'x25519'): Promise<IdentityFile> {
  const age = await import('age-encryption');
  const identity = kind === 'x25519' ? await age.generateX25519Identity() : await age.generateHybridIdentity();
  const recipient = await age.identityToRecipient(identity);
  const file = join(dir, name);
  writeFileSync(file, `# created: 2026-11-22T09:00:00Z\n# public key: ${recipient}\n${identity}\n`, { mode: 0o600 });
  return { file, identity, recipient };
}

/** The journal as `net export --json` writes it, minus the moment of the export: what converged journals share. */
export function exported(j: Journal): string {
  const r = j.run('export', '--format', 'json');
  if (r.code !== 0) throw new Error(`net export exited ${r.code}: ${r.stderr}`);
  return r.stdout.replace(/^ {2}"exportedAt": .*\n/m, '');
}

/** Every object of the repository (blobs, trees, commits), as git cat-file --batch-all-objects prints them. */
export function readAllObjects(repo: string): Buffer {
  return execFileSync('git', ['--git-dir', repo, 'cat-file', '--batch-all-objects', '--batch'], { maxBuffer: 256 * 1024 * 1024 });
}

/** The files of the remote's branch, path by path. */
export function listRemoteFiles(repo: string): string[] {
  return execFileSync('git', ['--git-dir', repo, 'ls-tree', '-r', '--name-only', BRANCH], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/**
 * Changes the remote as someone with access to the repository might: one commit on its branch that writes `path` (or,
 * with null, removes it). Made in the bare repository itself with git's plumbing, through an index of its own (and an
 * empty work tree, which git's removal wants): seven git processes where a clone, a commit and a push take sixteen.
 */
function editRemote(remote: Remote, path: string, change: ((bytes: Buffer) => Buffer) | null): void {
  const work = mkdtempSync(join(tmpdir(), 'net-remote-edit-'));
  const env = { ...process.env, GIT_INDEX_FILE: join(work, 'index'), GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@x', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@x' };
  const git = (args: string[], input?: Buffer) => execFileSync('git', ['--git-dir', remote.url, '--work-tree', work, ...args], { env, input }).toString().trim();
  try {
    git(['read-tree', BRANCH]);
    if (change) {
      const blob = git(['hash-object', '-w', '--stdin'], change(execFileSync('git', ['--git-dir', remote.url, 'cat-file', 'blob', `${BRANCH}:${path}`])));
      git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`]);
    } else {
      git(['update-index', '--force-remove', path]);
    }
    const commit = git(['commit-tree', git(['write-tree']), '-p', BRANCH, '-m', 'edit']);
    git(['update-ref', BRANCH, commit]); // HEAD's branch
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function changeRemoteFile(remote: Remote, path: string, change: (bytes: Buffer) => Buffer): void {
  editRemote(remote, path, change);
}

/** A file of someone else's in the remote: one the first machine did not write (or the first commit of a used remote). */
export function addRemoteFile(remote: Remote, path: string, text: string): void {
  const work = mkdtempSync(join(tmpdir(), 'net-remote-edit-'));
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', work, '-c', 'user.name=x', '-c', 'user.email=x@x', ...args]);
    execFileSync('git', ['init', '-q', '-b', 'main', work]);
    writeFileSync(join(work, path), text);
    git('add', path);
    git('commit', '-q', '-m', 'add');
    git('push', '-q', remote.url, `main:${execFileSync('git', ['--git-dir', remote.url, 'symbolic-ref', 'HEAD'], { encoding: 'utf8' }).trim()}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function removeRemoteFile(remote: Remote, path: string): void {
  editRemote(remote, path, null);
}
