/** Which journal file is in use: --db, else NET_DB, else $XDG_DATA_HOME/net/journal.db, else ~/.local/share/net/journal.db. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface JournalPath {
  path: string;
  /** Where the path came from; only the default location may have its folder created. */
  source: '--db' | 'NET_DB' | 'XDG_DATA_HOME' | 'default';
}

export function resolveJournalPath(flag: string | undefined, env: NodeJS.ProcessEnv): JournalPath {
  const expand = (p: string) => resolve(p.replace(/^~(?=$|\/)/, env.HOME ?? homedir()));
  if (flag) return { path: expand(flag), source: '--db' };
  if (env.NET_DB) return { path: expand(env.NET_DB), source: 'NET_DB' };
  if (env.XDG_DATA_HOME) return { path: join(expand(env.XDG_DATA_HOME), 'net', 'journal.db'), source: 'XDG_DATA_HOME' };
  return { path: join(env.HOME ?? homedir(), '.local', 'share', 'net', 'journal.db'), source: 'default' };
}
