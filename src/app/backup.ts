/** `net backup`: a consistent copy of the journal file, made with SQLite's online backup while others may write. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { StoreError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { writeFileVia } from './write-file.js';

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
  // SQLite writes the copy into the temporary file the writer made owner-only; the writer syncs and renames it.
  await writeFileVia({ file, force: input.force, journal: store.path }, (temp) => store.backupTo(temp));
  const target = resolve(file);
  return { file: target, bytes: statSync(target).size, contacts: store.countContacts() };
}
