/**
 * The entry of the completion bundle (dist/bundle/complete.cjs), which bin/net.js runs for `net complete [--bash|--zsh] --
 * <words>`: what the shell scripts of `net completion` call on every Tab. It loads this file alone: the command tree
 * as data (made when net is built, see spec.ts), no commander, no chalk, and SQLite only for a name or a tag. Prints
 * one completion a line, "value<TAB>description", then ":directive" (the protocol of the scripts @bomb.sh/tab writes:
 * 4 means "no file names"; 0 lets the shell complete files).
 */
import { writeSync } from 'node:fs';
import spec from 'net:completion-spec';
import { openCompletionJournal } from '../../app/complete.js';
import { resolveJournalPath } from '../journal-path.js';
import { complete } from './complete.js';

const NO_FILES = 4;

function journalOf(words: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const at = words.indexOf('--db');
  const inline = words.find((w) => w.startsWith('--db='));
  try {
    return resolveJournalPath(at >= 0 ? words[at + 1] : inline?.slice(5), env).path;
  } catch {
    return undefined; // no usable home: no names to offer
  }
}

const argv = process.argv.slice(3);
const split = argv.indexOf('--');
const words = split < 0 ? argv : argv.slice(split + 1);
const asked = split > 0 ? argv.slice(0, split) : [];
const quote = asked.includes('--bash') ? 'bash' : asked.includes('--zsh') ? 'zsh' : 'none';
const path = journalOf(words.slice(0, -1), process.env);
const journal = path === undefined ? { names: () => [], tags: () => [], close() {} } : openCompletionJournal(path);
try {
  const { items, files } = complete(spec, words.length ? words : [''], journal, { quote });
  const lines = items.map((i) => (i.description ? `${i.value}\t${i.description.replace(/\s+/g, ' ')}` : i.value));
  writeSync(1, `${[...lines, `:${files ? 0 : NO_FILES}`].join('\n')}\n`);
} finally {
  journal.close();
}
