/** `net backup`: a consistent copy of the journal file, made with SQLite's online backup while others may write. */
import { chmodSync, closeSync, existsSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StoreError, UsageError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';

export interface BackupInput {
  /** Default: net-backup-YYYY-MM-DD.db in the current folder. */
  file?: string;
  force: boolean;
}

export interface BackupResult {
  file: string;
  bytes: number;
  contacts: number;
}

export function toBackupName(today: string): string {
  return `net-backup-${today}.db`;
}

export async function backupJournal(store: Store, input: BackupInput, clock: Clock): Promise<BackupResult> {
  if (store.path === null) throw new StoreError('there is no journal to back up yet', 'add a contact first (net add), or point --db at your journal');
  const file = input.file ?? toBackupName(clock.today);
  const target = resolve(file);
  if (target === resolve(store.path)) throw new UsageError(`${file} is the journal itself`, 'write the backup to another file');
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new UsageError(`${file} is a folder`, `give a file name, for example ${join(file, toBackupName(clock.today))}`);
    if (!input.force) throw new UsageError(`${file} already exists`, 'choose another file name, or add --force to replace it');
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    closeSync(openSync(temp, 'wx', 0o600)); // owner-only from the start: SQLite would create it with the umask's mode
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${file}: ${code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : String(code ?? err)}`, 'choose a file in a folder you can write to');
  }
  try {
    await store.backupTo(temp);
    chmodSync(temp, 0o600);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  const contacts = store.countContacts();
  return { file: target, bytes: statSync(target).size, contacts };
}
