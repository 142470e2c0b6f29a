/** Which journal file is in use: --db, else NET_DB, else $XDG_DATA_HOME/net/journal.db, else ~/.local/share/net/journal.db. */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { StoreError } from '../core/errors.js';

export interface JournalPath {
  path: string;
  /** Where the path came from; only the default location may have its folder created. */
  source: '--db' | 'NET_DB' | 'XDG_DATA_HOME' | 'default';
}

/**
 * Whether net may make the journal's folder: for the default location only. A path the user gave (--db, NET_DB) must
 * point into a folder that exists, so that a mistyped folder is said at once instead of becoming a new, empty journal.
 */
export const mayCreateFolder = (p: JournalPath): boolean => p.source === 'default' || p.source === 'XDG_DATA_HOME';

/** The home folder, which must be an absolute path: an empty or relative HOME would put the journal wherever net runs. */
function findHome(env: NodeJS.ProcessEnv): string {
  const home = env.HOME ?? homedir();
  if (isAbsolute(home)) return home;
  throw new StoreError(home ? `HOME is not an absolute path ("${home}"), so there is no home folder for the journal` : 'HOME is empty, so there is no home folder for the journal', 'set HOME to your home folder, or give the journal with --db or NET_DB');
}

export function resolveJournalPath(flag: string | undefined, env: NodeJS.ProcessEnv): JournalPath {
  const expand = (p: string) => resolve(/^~(?=$|\/)/.test(p) ? `${findHome(env)}${p.slice(1)}` : p);
  if (flag) return { path: expand(flag), source: '--db' };
  if (env.NET_DB) return { path: expand(env.NET_DB), source: 'NET_DB' };
  // The XDG base directory spec: a relative path is invalid and is ignored.
  const xdg = env.XDG_DATA_HOME && /^~(?=$|\/)/.test(env.XDG_DATA_HOME) ? expand(env.XDG_DATA_HOME) : env.XDG_DATA_HOME;
  if (xdg && isAbsolute(xdg)) return { path: join(xdg, 'net', 'journal.db'), source: 'XDG_DATA_HOME' };
  return { path: join(findHome(env), '.local', 'share', 'net', 'journal.db'), source: 'default' };
}
