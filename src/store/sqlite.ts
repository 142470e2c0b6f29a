/** better-sqlite3's connection, made in one place: every open of the journal (store/db.ts, tab completion) goes here. */
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/*
 * better-sqlite3's JavaScript is bundled with net's; its compiled addon is loaded on the first open, so `net --help`
 * and `net where` never load SQLite. Named directly, the addon loads without the `bindings` package's search of a dozen
 * paths (about 4 ms a start); where the build put it elsewhere, better-sqlite3 finds it as usual.
 */
let nativeBinding: string | null | undefined;
function findNativeBinding(): string | null {
  if (nativeBinding === undefined) {
    const addon = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    nativeBinding = existsSync(addon) ? addon : null;
  }
  return nativeBinding;
}

export function newDatabase(path: string, options: Database.Options = {}): Database.Database {
  const addon = findNativeBinding();
  return new Database(path, addon ? { ...options, nativeBinding: addon } : options);
}
