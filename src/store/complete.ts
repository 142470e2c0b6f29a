/**
 * The journal as tab completion reads it: opened read-only, never migrated or created, one prepared query on the name
 * index (or the tag index) per word. A journal that is missing, locked or of another schema completes nothing.
 */
import type Database from 'better-sqlite3';
import { newDatabase } from './sqlite.js';

/** The highest character: a key range [key, key + MAX) holds every key that starts with `key`. */
const MAX = '\u{10FFFF}';

export interface NameIndex {
  /** Names whose key starts with `key`; when none does, names with a word that starts with it. */
  names(key: string, limit: number): string[];
  tags(key: string, limit: number): string[];
  close(): void;
}

export function openNameIndex(path: string): NameIndex | undefined {
  let db: Database.Database;
  try {
    db = newDatabase(path, { readonly: true, fileMustExist: true, timeout: 200 });
  } catch {
    return undefined;
  }
  const query = <T>(sql: string, params: unknown[]): T[] => {
    try {
      return db.prepare(sql).pluck().all(params) as T[];
    } catch {
      return []; // not a journal, or locked past the short timeout: nothing to offer
    }
  };
  return {
    names(key, limit) {
      const starting = query<string>('SELECT name FROM contacts WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT ?', [key, `${key}${MAX}`, limit]);
      return starting.length || !key ? starting : query<string>("SELECT name FROM contacts WHERE instr(name_key, ' ' || ?) > 0 ORDER BY name_key LIMIT ?", [key, limit]);
    },
    tags(key, limit) {
      return query<string>("SELECT min(text) FROM facts WHERE kind = 'tag' AND text_key >= ? AND text_key < ? GROUP BY text_key ORDER BY text_key LIMIT ?", [key, `${key}${MAX}`, limit]);
    },
    close: () => db.close(),
  };
}
