import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, openMemory } from '../../../src/store/db.js';
import { READ_CACHE_PAGES, Store } from '../../../src/store/store.js';

let dir: string;
let store: Store | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'net-read-cache-'));
});
afterEach(() => {
  store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const cacheSize = (s: Store) => s.db.pragma('cache_size', { simple: true }) as number;

function fileStore(): Store {
  const path = join(dir, 'journal.db');
  return new Store(openDatabase(path, { write: true, createFolder: false }), path);
}

describe('the page cache of a read', () => {
  it('is small during a read of a journal file, and as it was after', () => {
    store = fileStore();
    const before = cacheSize(store);
    expect(before).not.toBe(READ_CACHE_PAGES);
    expect(store.read(() => cacheSize(store!))).toBe(READ_CACHE_PAGES);
    expect(cacheSize(store)).toBe(before);
  });

  it('is as it was after a read that fails', () => {
    store = fileStore();
    const before = cacheSize(store);
    expect(() =>
      store!.read(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(cacheSize(store)).toBe(before);
  });

  it('is left alone inside a write, whose changed pages it holds', () => {
    store = fileStore();
    const before = cacheSize(store);
    expect(store.tx(() => store!.read(() => cacheSize(store!)))).toBe(before);
  });

  it('is left alone in a journal in memory, which lives in it', () => {
    store = new Store(openMemory(), null);
    const before = cacheSize(store);
    expect(store.read(() => cacheSize(store!))).toBe(before);
  });
});

describe('the statement journals of a write', () => {
  const tempStore = (s: Store) => s.db.pragma('temp_store', { simple: true }) as number;

  it('stay in memory when the journal is opened to write (no temporary file per statement)', () => {
    store = fileStore();
    expect(tempStore(store)).toBe(2); // MEMORY
  });

  it('keep the default when it is opened to read, so that a large sort may use a file', () => {
    fileStore().close();
    const path = join(dir, 'journal.db');
    store = new Store(openDatabase(path, { write: false, createFolder: false }), path);
    expect(tempStore(store)).toBe(0); // DEFAULT
  });
});
