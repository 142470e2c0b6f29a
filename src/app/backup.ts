/** `net backup`: a consistent copy of the journal file, made with SQLite's online backup while others may write. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { StoreError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { findSyncRecipient } from '../store/sync.js';
import { writeFileSafely, writeFileVia } from './write-file.js';

export interface BackupInput {
  /** Default: net-backup-YYYY-MM-DD.db in the current folder. */
  file?: string;
  force: boolean;
}

export interface BackupResult {
  file: string;
  bytes: number;
  contacts: number;
  /** How an encrypted backup is opened: with sync's key (its recipient), or with a passphrase; null when plain. */
  encrypted?: { to: 'sync-key'; recipient: string; identityFile: string } | { to: 'passphrase' } | null;
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

export function toEncryptedBackupName(today: string): string {
  return `net-backup-${today}.db.gz.age`;
}

/**
 * `net backup --encrypt`: the journal file compressed, then encrypted with age: to sync's key when sync is set up
 * (the same keys as the remote's files), else with a passphrase. `age -d` opens it (README: Backing it up).
 */
export async function backupEncrypted(store: Store, input: BackupInput, clock: Clock, passphrase: () => Promise<string>): Promise<BackupResult> {
  if (store.path === null) throw new StoreError('there is no journal to back up yet', 'add a contact first (net add), or point --db at your journal');
  const { seal } = await import('./sync-crypto.js');
  const recipient = findSyncRecipient(store);
  const bytes = await seal(store.serialize(), recipient ? { recipient } : { passphrase: await passphrase() });
  const file = input.file ?? toEncryptedBackupName(clock.today);
  writeFileSafely({ file, force: input.force, journal: store.path }, (write) => write(bytes));
  const target = resolve(file);
  const encrypted = recipient ? { to: 'sync-key' as const, recipient, identityFile: (await import('./sync.js')).toSyncIdentityFile(store.path) } : { to: 'passphrase' as const };
  return { file: target, bytes: statSync(target).size, contacts: store.countContacts(), encrypted };
}
