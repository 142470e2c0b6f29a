/**
 * Tab completion: the words typed so far (after `net`; the last one is the word being completed, '' after a space) to
 * what may come next. Commands, flags, the values of --touch, --gave, --received, --for and --format, tags and names
 * from the journal, and the words of the one-line log. Pure: the journal is asked through `lookups`.
 */
import { CHANNELS, GIVE_KINDS } from '../../core/vocabulary.js';
import type { CommandSpec, CompletionSpec, OptionSpec, ValueSource } from './spec.js';

export interface CompletionLookups {
  /** Contacts' names that the typed text could be the start of (case and accents aside). */
  names(typed: string): string[];
  /** Tags that start with the typed text. */
  tags(typed: string): string[];
}

export interface CompletionItem {
  value: string;
  description?: string;
}

export interface Completion {
  items: CompletionItem[];
  /** Nothing of net's own fits here: the shell's own file completion does (a file to import, --db). */
  files: boolean;
}

export interface CompletionOptions {
  /**
   * For a shell that inserts what it is given as it is, a value with spaces or quotes comes back quoted as that shell
   * reads it: bash 'Jane Doe' (unless the word being completed opens a quote itself, which bash then closes), zsh
   * Jane\ Doe (written Jane\\ Doe for the script's _describe). fish quotes what it inserts itself: 'none'.
   */
  quote: 'none' | 'bash' | 'zsh';
}

const LOG_KEYWORDS = ['gave', 'received', 'next', 'for'];

/** bash splits `--touch=co` into three words at "=" (COMP_WORDBREAKS): joined again, as the user typed it. */
export function joinBashWords(words: readonly string[]): string[] {
  const joined: string[] = [];
  let glue = false;
  for (const w of words) {
    if ((w === '=' || w === ':') && joined.length) {
      joined[joined.length - 1] += w;
      glue = true;
    } else if (glue) {
      joined[joined.length - 1] += w;
      glue = false;
    } else joined.push(w);
  }
  return joined;
}

/** A word as the shell will read it: an opening quote and backslashes taken off. */
function unquote(word: string): string {
  return word.replace(/^['"]/, '').replace(/['"]$/, '').replace(/\\(.)/g, '$1');
}

const PLAIN = /^[\p{L}\p{N}@%+=:,./_-]+$/u;

function shellQuote(value: string, style: CompletionOptions['quote']): string {
  if (style === 'none' || PLAIN.test(value)) return value;
  // zsh: the script hands the value to _describe, which takes one level of backslashes off before inserting it.
  return style === 'bash' ? `'${value.replace(/'/g, `'\\''`)}'` : value.replace(/[^\p{L}\p{N}@%+=:,./_-]/gu, (c) => `\\\\${c}`);
}

function findOption(options: readonly OptionSpec[], flag: string): OptionSpec | undefined {
  return options.find((o) => o.flags.includes(flag));
}

const byPrefix = (typed: string) => (w: string) => w.toLowerCase().startsWith(typed.toLowerCase());

export function complete(spec: CompletionSpec, typedWords: readonly string[], lookups: CompletionLookups, opts: CompletionOptions): Completion {
  const words = opts.quote === 'bash' ? joinBashWords(typedWords) : [...typedWords];
  const current = words.pop() ?? '';
  let command: CommandSpec | undefined;
  let pending: OptionSpec | undefined;
  let onlyArgs = false;
  const args: string[] = [];
  for (const w of words) {
    if (pending) {
      pending = undefined;
      continue;
    }
    const options = [...(command?.options ?? []), ...spec.globals];
    if (!onlyArgs && w === '--') onlyArgs = true;
    else if (!onlyArgs && w.startsWith('-') && w.length > 1) {
      const option = findOption(options, w.split('=')[0]!);
      if (option?.takesValue && !w.includes('=')) pending = option;
    } else if (!command) {
      command = spec.commands.find((c) => c.name === w);
      if (!command) return { items: [], files: false };
    } else args.push(unquote(w));
  }
  const options = [...(command?.options ?? []), ...spec.globals];
  if (pending) return values(pending.values, current, [], lookups, opts);
  if (!onlyArgs && current.startsWith('--') && current.includes('=')) {
    const option = findOption(options, current.slice(0, current.indexOf('=')));
    return option ? values(option.values, current.slice(current.indexOf('=') + 1), [], lookups, { quote: 'none' }) : { items: [], files: false };
  }
  if (!onlyArgs && current.startsWith('-')) {
    const items = options.flatMap((o) => o.flags.filter((f) => f.startsWith(current)).slice(0, 1).map((f) => ({ value: f, description: o.description })));
    return { items, files: false };
  }
  if (!command) return { items: spec.commands.filter((c) => c.name.startsWith(current)).map((c) => ({ value: c.name, description: c.summary })), files: false };
  const arg = command.args[args.length] ?? (command.args.at(-1)?.variadic ? command.args.at(-1) : undefined);
  if (!arg) return { items: [], files: false };
  const what = arg.variadic ? args.slice(command.args.length - 1) : [];
  return values(arg.values, current, what, lookups, opts);
}

/** The values a source offers for the typed text; `before`: the words of a variadic argument typed already. */
function values(source: ValueSource, typed: string, before: readonly string[], lookups: CompletionLookups, opts: CompletionOptions): Completion {
  const words = (list: readonly string[]) => ({ items: list.filter(byPrefix(typed)).map((value) => ({ value })), files: false });
  if (source === 'file') return { items: [], files: true };
  if (source === 'none') return { items: [], files: false };
  if (source === 'tags') return words(lookups.tags(unquote(typed)));
  if (source === 'names') {
    // A quote the user opened is closed by the shell; without one, a name with spaces is quoted here.
    const style = /^['"]/.test(typed) ? 'none' : opts.quote;
    return { items: lookups.names(unquote(typed)).map((name) => ({ value: shellQuote(name, style) })), files: false };
  }
  if (source === 'log-words') {
    const last = before.at(-1)?.toLowerCase();
    if (last === 'gave' || last === 'received') return words(GIVE_KINDS);
    if (last === 'next' || last === 'for') return { items: [], files: false };
    return words([...CHANNELS.filter((c) => c !== 'other'), ...LOG_KEYWORDS]);
  }
  return words(source.words);
}
