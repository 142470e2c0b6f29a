/** better-sqlite3's connection, made in one place: every open of the journal (store/db.ts, tab completion) goes here. */
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where better-sqlite3's build puts its compiled addon, inside the package's folder. */
const ADDON = join('build', 'Release', 'better_sqlite3.node');

/*
 * Start-up trick: better-sqlite3's JavaScript is bundled with net's; its compiled addon is loaded on the first open, so
 * `net --help` and `net where` never load SQLite. The addon is found and loaded without node's module loader, which
 * for a path given to require() still works out its real path (a stat of each folder on the way), reads the
 * package.json files above it and registers a module; and resolving better-sqlite3's package.json to find the folder
 * read more of them. Measured (paired runs of a script that only loads the addon, load 1 to 2): process.dlopen 1.8 ms,
 * require() of the path 3.0 ms, with the package resolved first 4.2 ms; in `net due`, 90 KB of young allocations
 * less. The folder is looked for where node would look first, in node_modules beside this file and above it (the
 * bundle's chunks, tsc's dist/ and the sources sit at different depths); where the build put it elsewhere,
 * better-sqlite3 finds it through its `bindings` search as usual.
 */
let addon: { path: string | null; exports?: object } | undefined;

function findAddonPath(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', 'better-sqlite3', ADDON);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  try {
    const resolved = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), ADDON);
    return existsSync(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/** The addon's exports (what better-sqlite3 takes as its `nativeBinding`), loaded once per process; null: not found. */
function loadAddon(): object | null {
  addon ??= { path: findAddonPath() };
  if (addon.path === null) return null;
  if (!addon.exports) {
    const module = { exports: {} };
    process.dlopen(module, addon.path);
    addon.exports = module.exports;
  }
  return addon.exports;
}

export function newDatabase(path: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = loadAddon();
  // better-sqlite3 takes the addon itself as nativeBinding ("a string or addon object", lib/database.js); its types
  // name only the path.
  return new Database(path, nativeBinding ? ({ ...options, nativeBinding } as unknown as Database.Options) : options);
}
