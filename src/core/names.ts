/**
 * Which contact a typed name means. Forgiving: case and accents do not matter, and a unique prefix of the full
 * name or of any word in it is enough ("jane" finds "Jane Doe", "doe" too).
 */
import { UsageError } from './errors.js';
import { editDistance } from './edit-distance.js';
import { minOf } from './numbers.js';
import { refuseOddCharacters, TEXT_RULES } from './text.js';
import { lazyRegExp } from './lazy-regexp.js';

export interface NamedContact {
  id: string;
  name: string;
}

/**
 * How to tell candidates apart when a name could mean several: each by name, and a name that two of them share by name
 * and the first 8 characters of the id, which every command takes where a name goes (Jane Doe (3f2a9c1e)).
 */
export function toDistinctLabels(choices: readonly NamedContact[]): string[] {
  const keys = choices.map((c) => toNameKey(c.name));
  const shared = new Set(keys.filter((k, i) => keys.indexOf(k) !== i));
  return choices.map((c, i) => (shared.has(keys[i]!) ? `${c.name} (${c.id.slice(0, 8)})` : c.name));
}

export type NameMatch<T extends NamedContact> =
  | { kind: 'found'; contact: T }
  | { kind: 'ambiguous'; candidates: T[] }
  | { kind: 'unknown' };

const MARK = lazyRegExp(String.raw`\p{M}`, 'gu');
/**
 * Every mark (\p{M}) is at U+0300 or above: a name without such a character has none to remove, and the expression
 * above is not built (V8 expands its class from ICU's tables when it first runs: about 2 M instructions of `net show`).
 */
const ABOVE_MARKS_START = /[^\u0000-\u02ff]/;

/** The key names are compared by: lower case, accents removed, spaces collapsed. */
export function toNameKey(name: string): string {
  const decomposed = name.normalize('NFKD');
  return (ABOVE_MARKS_START.test(decomposed) ? decomposed.replace(MARK(), '') : decomposed)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A contact's name as given: spaces collapsed; refuses an empty one, and what core/text.ts refuses in a name. */
export function parseContactName(text: string): string {
  const name = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name) throw new UsageError('a contact needs a name', 'give the name in quotes, for example net add "Jane Doe"');
  if (name.length > TEXT_RULES.name.max) throw new UsageError(`that name is longer than ${TEXT_RULES.name.max} characters`, 'give the name a person would use');
  refuseOddCharacters('name', name, 'a name', 'type the name as plain text');
  return name;
}

/** A given or family name (`--given-name`, `--family-name`, or a source's name columns): as typed, under the rule for names. */
export function parseNamePart(text: string, what: string): string {
  const part = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!part) throw new UsageError(`${what} is empty`, `give ${what} some text, or leave the flag out`);
  if (part.length > 100) throw new UsageError(`${what} is longer than 100 characters`, `shorten ${what}`);
  refuseOddCharacters('name', part, what, 'type it as plain text');
  return part;
}

/** The candidates that a query could mean, best first; the store pre-selects them by key prefix in SQL. */
export function matchName<T extends NamedContact>(query: string, candidates: readonly T[]): NameMatch<T> {
  const key = toNameKey(query);
  if (!key) return { kind: 'unknown' };
  const keyed = candidates.map((c) => ({ c, k: toNameKey(c.name) }));
  const exact = keyed.filter((x) => x.k === key);
  if (exact.length === 1) return { kind: 'found', contact: exact[0]!.c };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact.map((x) => x.c) };
  const prefix = keyed.filter((x) => x.k.startsWith(key) || x.k.split(' ').some((w) => w.startsWith(key)));
  if (prefix.length === 1) return { kind: 'found', contact: prefix[0]!.c };
  if (prefix.length > 1) return { kind: 'ambiguous', candidates: prefix.map((x) => x.c).sort((a, b) => a.name.localeCompare(b.name)) };
  return { kind: 'unknown' };
}

/** Up to `limit` names closest to a mistyped query, for "did you mean". */
export function suggestNames(query: string, names: readonly string[], limit = 3): string[] {
  const key = toNameKey(query);
  const scored = names.map((name) => {
    const k = toNameKey(name);
    const words = [k, ...k.split(' ')];
    const distance = minOf(words.map((w) => editDistance(key, w.slice(0, Math.max(key.length, 1) + 2))));
    return { name, distance };
  });
  const allowed = Math.max(2, Math.floor(key.length / 3));
  return scored
    .filter((s) => s.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}
