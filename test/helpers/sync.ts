/**
 * For the tests of `net sync`: bare repositories on disk stand in for remotes, age identity files for keys, and each
 * machine is a journal of its own (run-net.ts) that syncs through them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Journal } from './run-net.js';

export interface Remote {
  /** What `net sync init` is given: the bare repository's path. */
  url: string;
  dir: string;
  cleanup(): void;
}

export function makeRemote(): Remote {
  const dir = mkdtempSync(join(tmpdir(), 'net-remote-'));
  const url = join(dir, 'remote.git');
  execFileSync('git', ['init', '-q', '--bare', url]);
  return { url, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface IdentityFile {
  file: string;
  identity: string;
  recipient: string;
}

/** An age identity file, as age-keygen writes one. */
export async function makeIdentityFile(dir: string, name = 'age.key'): Promise<IdentityFile> {
  const age = await import('age-encryption');
  const identity = await age.generateX25519Identity();
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
  return execFileSync('git', ['--git-dir', repo, 'ls-tree', '-r', '--name-only', 'main'], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** Changes the remote in a clone of it and pushes the change, as someone with access to the repository might. */
function editRemote(remote: Remote, edit: (work: string) => void): void {
  const work = mkdtempSync(join(tmpdir(), 'net-remote-edit-'));
  try {
    execFileSync('git', ['clone', '-q', '-b', 'main', remote.url, work]);
    edit(work);
    const git = (...args: string[]) => execFileSync('git', ['-C', work, '-c', 'user.name=x', '-c', 'user.email=x@x', ...args]);
    git('commit', '-q', '-a', '-m', 'edit');
    git('push', '-q', 'origin', 'main');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function changeRemoteFile(remote: Remote, path: string, change: (bytes: Buffer) => Buffer): void {
  editRemote(remote, (work) => writeFileSync(join(work, path), change(readFileSync(join(work, path)))));
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
    git('push', '-q', remote.url, 'main');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function removeRemoteFile(remote: Remote, path: string): void {
  editRemote(remote, (work) => rmSync(join(work, path)));
}
