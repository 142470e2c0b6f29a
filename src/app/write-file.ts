/**
 * The one door for every file net writes (exports, calendars, reports, backups, and whatever writes files next). One
 * set of rules: never the journal or its companions (compared by real path and by device and inode, not by spelling),
 * never through a symbolic link, never over what is not a regular file, an existing file only when forced; the bytes go
 * to a temporary file beside the target, every one of them (a short write is retried), are synced to the disk, and the
 * file is renamed into place, owner-only (0600). On any failure nothing is left behind and one error says why.
 *
 * A write past `ulimit -f` fails with EFBIG instead of killing the process: node ignores SIGXFSZ from its start.
 */
import { closeSync, constants, fchmodSync, fsyncSync, linkSync, lstatSync, openSync, realpathSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { describeWriteFailure } from './write-failure.js';

export interface FileTarget {
  /** The path as the user gave it (named in messages). */
  file: string;
  /** Replace an existing file. */
  force: boolean;
  /** The journal in use, never to be written over (nor its -wal, -shm or -journal); null for none. */
  journal: string | null;
  /**
   * false: whole, renamed into place, but not synced to the disk, for a file that the caller can make again after a
   * crash and that something already synced says to check (sync's working copy: see markDurably). Synced otherwise.
   */
  durable?: boolean;
}

export type Write = (chunk: string | Uint8Array) => void;

/** Chunks of text gathered into writes of about 1 MB: big exports stay quick, and small in memory. */
export function bufferWrites(write: (chunk: string) => void): { add: (chunk: string) => void; flush: () => void } {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length) write(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    add(s) {
      parts.push(s);
      size += s.length;
      if (size > 1 << 20) flush();
    },
    flush,
  };
}

const JOURNAL_COMPANIONS = ['', '-wal', '-shm', '-journal'];

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The path with its folder's symbolic links resolved (the file itself may not exist yet). */
function toRealPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

const KINDS: [(s: Stats) => boolean, string][] = [
  [(s) => s.isFIFO(), 'a named pipe'],
  [(s) => s.isSocket(), 'a socket'],
  [(s) => s.isCharacterDevice() || s.isBlockDevice(), 'a device'],
];

/** Why a write to `target` must not happen, before anything is created. */
function checkTarget(t: FileTarget, target: string): void {
  if (t.journal) {
    const journal = toRealPath(resolve(t.journal));
    const real = toRealPath(target);
    const same = JOURNAL_COMPANIONS.find((suffix) => real === `${journal}${suffix}`);
    if (same !== undefined) throw new UsageError(`${t.file} is ${same ? `the journal's ${same.slice(1)} file` : 'the journal itself'}`, 'write to another file');
    const st = lstatOrUndefined(target);
    if (st?.isFile()) {
      for (const suffix of JOURNAL_COMPANIONS) {
        const j = lstatOrUndefined(`${journal}${suffix}`);
        if (j && j.dev === st.dev && j.ino === st.ino) throw new UsageError(`${t.file} is the journal itself (another name for the same file)`, 'write to another file');
      }
    }
  }
  const st = lstatOrUndefined(target);
  if (!st) return;
  if (st.isSymbolicLink()) throw new UsageError(`${t.file} is a symbolic link`, 'net does not write through links: give the path of a file, not of a link');
  if (st.isDirectory()) throw new UsageError(`${t.file} is a folder`, `give a file name, for example ${join(t.file, 'net-file')}`);
  const kind = KINDS.find(([is]) => is(st))?.[1];
  if (kind) throw new UsageError(`${t.file} is ${kind}, not a file`, 'give the path of a file');
  if (!t.force) throw new UsageError(`${t.file} already exists`, 'choose another file name, or add --force to replace it');
}

function toWriteError(file: string, err: unknown): UsageError {
  if (err instanceof UsageError) return err;
  return new UsageError(`cannot write ${file}: ${describeWriteFailure(err)}`, 'choose a place with room that you can write to; nothing was written');
}

/** Writes all of `bytes`, however many calls it takes. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    const n = writeSync(fd, bytes, offset, bytes.length - offset);
    if (n <= 0) throw Object.assign(new Error('the write made no progress'), { code: 'EIO' });
    offset += n;
  }
}

function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // The file is whole and renamed; some file systems refuse to sync a folder, which costs only durability there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

interface Temp {
  target: string;
  path: string;
  fd: number;
  open: boolean;
}

function openTemp(t: FileTarget): Temp {
  const target = resolve(t.file);
  checkTarget(t, target);
  const path = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(path, 'wx', 0o600); // exclusive: never through a link someone left at that name
    fchmodSync(fd, 0o600); // whatever the umask
    return { target, path, fd, open: true };
  } catch (err) {
    throw toWriteError(t.file, err);
  }
}

/** Syncs and renames the temporary file into place; rechecks the target, which may have appeared meanwhile. */
function commit(t: FileTarget, temp: Temp): void {
  if (t.durable !== false) fsyncSync(temp.fd);
  temp.open = false;
  closeSync(temp.fd);
  checkTarget(t, temp.target);
  renameSync(temp.path, temp.target);
  if (t.durable !== false) syncFolder(dirname(temp.target));
}

/** Leaves nothing behind (SQLite's own companions of the temporary file included) and says why in one error. */
function fail(t: FileTarget, temp: Temp, err: unknown): never {
  if (temp.open) {
    try {
      closeSync(temp.fd);
    } catch {
      // closing after a failure must not hide the failure
    }
  }
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${temp.path}${suffix}`, { force: true });
  throw toWriteError(t.file, err);
}

/** Writes a file whole or not at all: `fill` writes its chunks (text as UTF-8) and returns what the caller reports. */
export function writeFileSafely<T>(t: FileTarget, fill: (write: Write) => T): T {
  const temp = openTemp(t);
  try {
    const result = fill((chunk) => writeAll(temp.fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk));
    commit(t, temp);
    return result;
  } catch (err) {
    return fail(t, temp, err);
  }
}

/**
 * The same rules for a writer that needs a path rather than chunks (SQLite's online backup): `produce` fills the
 * temporary file at the path it is given, already created owner-only.
 */
export async function writeFileVia<T>(t: FileTarget, produce: (path: string) => Promise<T>): Promise<T> {
  const temp = openTemp(t);
  try {
    const result = await produce(temp.path);
    commit(t, temp);
    return result;
  } catch (err) {
    return fail(t, temp, err);
  }
}

/**
 * An empty file at `file` (made owner-only if missing, never through a link), whose name is on the disk when this
 * returns: its folder is synced, the one fsync an empty file needs (not the two of writeFileSafely). A mark that must
 * outlive a crash and be there before what it warns of (sync's "writing": files written after it, not synced
 * themselves, are checked after a crash).
 */
export function markDurably(file: string): void {
  try {
    closeSync(openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW, 0o600));
  } catch (err) {
    throw toWriteError(file, err);
  }
  syncFolder(dirname(file));
}

/**
 * A small file made only if nothing is at `file` (never through a link left at that name), owner-only, and whole from
 * the moment it exists: a lock. Returns false when something is there already. The content is written to a file of
 * this process's own first and then hard-linked to `file` (link(2) fails when the name exists, as O_EXCL does): a lock
 * made with O_EXCL and then written is empty for a moment, and a second sync reading it then took it for one left by a
 * killed sync and took it over. Not synced to the disk: a lock matters only while its process runs, and after a crash
 * a lock left behind names no running process and is taken over (the fsync cost 7 to 13 ms of every net sync,
 * issue 19).
 */
export function createExclusive(file: string, content: string): boolean {
  const own = `${file}.${process.pid}`;
  rmSync(own, { force: true }); // left by a process of this pid that was killed
  let fd: number;
  try {
    fd = openSync(own, 'wx', 0o600);
  } catch (err) {
    throw toWriteError(file, err);
  }
  try {
    try {
      writeAll(fd, Buffer.from(content, 'utf8'));
    } finally {
      closeSync(fd);
    }
    linkSync(own, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw toWriteError(file, err);
  } finally {
    rmSync(own, { force: true });
  }
}
