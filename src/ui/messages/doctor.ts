/** `net doctor` in words: what each check found, and the fix for a problem, commands included. */
import type { DoctorFinding, OddFileKind } from '../../app/doctor.js';
import { toThousands } from '../../core/numbers.js';
import { plural } from './words.js';

const octal = (m: number) => m.toString(8).padStart(4, '0');
const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const bytes = (n: number) => `${toThousands(n)} bytes`;

const ODD_FILES: Record<OddFileKind, string> = { 'named-pipe': 'a named pipe', socket: 'a socket', device: 'a device' };

const RESTORE = 'restore the journal from a backup (net backup makes one); to salvage what is readable: sqlite3 journal.db .recover | sqlite3 recovered.db';

/** What was found, and how to fix it when it is a problem (null when it is not). */
export function describeFinding(f: DoctorFinding): { detail: string; fix: string | null } {
  const said = (detail: string, fix: string | null = null) => ({ detail, fix });
  switch (f.code) {
    case 'no-journal':
      return said('no journal yet: the first write creates it');
    case 'no-folder':
      return said(`the folder ${f.path} does not exist, and net makes no folder you named`, `create it first (mkdir -p ${shellQuote(f.path)}) or give another path with --db or NET_DB`);
    case 'folder':
      return said(`${f.path} is a folder, not a journal file`, 'point --db or NET_DB at the journal file itself (net where shows the path in use)');
    case 'odd-file':
      return said(`${f.path} is ${ODD_FILES[f.kind]}, not a journal file`, 'point --db or NET_DB at the journal file itself (net where shows the path in use)');
    case 'empty-file':
      return said('an empty file: net makes it a journal on the first write');
    case 'not-sqlite':
      return said(`${f.path} is not an SQLite file: its first bytes are not an SQLite header`, 'check the path given with --db or NET_DB; if it was your journal, restore it from a backup (net backup makes one)');
    case 'sqlite-file':
      return said(`an SQLite file of ${bytes(f.bytes)}`);
    case 'private':
      return said(f.ownFolder ? 'readable by you only (0600 in a 0700 folder)' : 'readable by you only (0600)');
    case 'readable-by-others': {
      const found = [...f.files.map((x) => `${x.path} is ${octal(x.mode)}`), ...(f.folder ? [`the folder ${f.folder.path} is ${octal(f.folder.mode)}`] : [])];
      const commands = [...(f.files.length ? [`chmod 600 ${f.files.map((x) => shellQuote(x.path)).join(' ')}`] : []), ...(f.folder ? [`chmod 700 ${shellQuote(f.folder.path)}`] : [])];
      return said(`others can read notes about your contacts: ${found.join('; ')}`, `run ${commands.join(' && ')} (or net doctor --fix)`);
    }
    case 'no-wal':
      return said('no write-ahead log left over');
    case 'wal':
      return said(`a write-ahead log of ${bytes(f.bytes)}: SQLite folds it into the journal on the next command`);
    case 'wal-large':
      return said(`a write-ahead log of ${bytes(f.bytes)} has not been folded into the journal`, 'run net doctor --fix when no other net is running');
    case 'rollback-pending':
      return said(
        `${f.path} holds a write that was interrupted: SQLite undoes it by itself on the next net command, and the checks that read the journal wait until then`,
        'nothing to restore: run any net command, or net doctor --fix, and it is undone',
      );
    case 'rollback-undone':
      return said('the interrupted write was undone');
    case 'cannot-open':
      return said(`SQLite cannot open it: ${f.error}`, RESTORE);
    case 'unreadable':
      return said(`SQLite cannot read it: ${f.error}`, RESTORE);
    case 'readable':
      return said('SQLite reads it');
    case 'integrity-ok':
      return said('PRAGMA integrity_check: ok');
    case 'damaged': {
      const more = f.messages.length > 3 ? ` (and ${f.messages.length - 3} more)` : '';
      return said(`the file is damaged: ${f.messages.slice(0, 3).join('; ')}${more}`, RESTORE);
    }
    case 'schema-newer':
      return said(`written by a newer net (schema ${f.version}; this net knows up to ${f.latest})`, 'upgrade net; the file was not changed');
    case 'schema-empty':
      return said('no schema yet: net makes it a journal on the first write');
    case 'schema':
      return said(f.version === f.latest ? `schema ${f.version}, this net's` : `schema ${f.version} of ${f.latest}: net upgrades it in place on the next command`);
    case 'no-orphans':
      return said('every row belongs to a contact (PRAGMA foreign_key_check)');
    case 'orphans': {
      const what = f.dangling.map((d) => `${d.count} in ${d.table}`).join(', ');
      const sql = f.dangling.map((d) => `DELETE FROM ${d.table} WHERE contact_id NOT IN (SELECT id FROM ${d.parent});`).join(' ');
      return said(`rows that belong to no contact, which net never shows: ${what}`, `back up first (net backup), then remove them with sqlite3 journal.db "${sql}"`);
    }
    case 'summaries-match':
      return said("every contact's summary matches their events");
    case 'summaries-differ': {
      const examples = f.examples.map((e) => `${e.name} (${e.fields.join(', ')})`).join(', ');
      const more = f.count > f.examples.length ? ` and ${f.count - f.examples.length} more` : '';
      return said(`${plural(f.count, "contact's summary differs", "contacts' summaries differ")} from their events: ${examples}${more}`, 'run net doctor --fix to recompute them');
    }
  }
}
