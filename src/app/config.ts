/** `net config`: the journal's settings, kept in the journal itself so that they travel with it. */
import { DATE_ORDER_SETTING, DATE_ORDERS, toUserDateOrder, type DateOrder } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { parseInterval, toIntervalText } from '../core/intervals.js';
import { DEFAULT_HALF_LIFE_DAYS } from '../core/summary.js';
import { DEFAULT_DATE_WINDOW_DAYS, MAX_DATE_WINDOW_DAYS } from '../core/important-dates.js';
import { DEFAULT_SYNONYMS, parseSynonymGroup } from '../core/matching.js';
import { readSynonymGroups, writeSynonymGroups } from '../store/ideas.js';
import type { Store } from '../store/store.js';
import { ANNOUNCEMENT_SETTING, DEFAULT_ANNOUNCEMENT_RECIPIENTS } from '../core/touchpoints.js';
import type { Clock } from './clock.js';

const MIN_HALF_LIFE_DAYS = 30;
const MAX_HALF_LIFE_DAYS = 3650;

interface SettingSpec {
  /** The settings row's key. */
  column: string;
  defaultValue: number | string;
  parse(text: string): number | string;
  format(value: number | string): string;
  /** Whether the stored summaries depend on it (then changing it recomputes them all). */
  recompute?: boolean;
}

/** `net config date-order`: how slashed dates read; `auto` (the default) follows the locale. */
const DATE_ORDER_VALUES = [...DATE_ORDERS, 'auto'];

const HALF_LIFE_HINT = `give an interval from ${MIN_HALF_LIFE_DAYS} days to 10 years, for example 180d, 6m or 1y`;

export const SETTINGS = {
  'half-life': {
    column: 'half_life_days',
    defaultValue: DEFAULT_HALF_LIFE_DAYS,
    parse(text) {
      let days: number;
      try {
        days = parseInterval(text);
      } catch {
        throw new UsageError(`cannot read half-life "${text}"`, HALF_LIFE_HINT);
      }
      if (days < MIN_HALF_LIFE_DAYS || days > MAX_HALF_LIFE_DAYS) throw new UsageError(`half-life ${toIntervalText(days)} is out of range`, HALF_LIFE_HINT);
      return days;
    },
    format: (days) => toIntervalText(Number(days)),
  },
  'date-window': {
    column: 'date_window_days',
    defaultValue: DEFAULT_DATE_WINDOW_DAYS,
    recompute: false,
    parse(text) {
      const hint = `give a number of days from 1 to ${MAX_DATE_WINDOW_DAYS}, for example 7, 10d or 2w`;
      let days: number;
      try {
        days = /^\s*\d+\s*$/.test(text) ? Number(text) : parseInterval(text);
      } catch {
        throw new UsageError(`cannot read date window "${text}"`, hint);
      }
      if (days < 1 || days > MAX_DATE_WINDOW_DAYS) throw new UsageError(`date window of ${days} days is out of range`, hint);
      return days;
    },
    format: (days: number) => `${days}d`,
  },
  'date-order': {
    column: DATE_ORDER_SETTING,
    defaultValue: 'auto',
    recompute: false,
    parse(text) {
      const word = text.trim().toLowerCase();
      if (!DATE_ORDER_VALUES.includes(word)) throw new UsageError(`cannot read date order "${text}"`, 'give dmy (day first: 24/11/2026), mdy (month first: 11/24/2026) or auto (your locale)');
      return word;
    },
    format: String,
  },
  'announcement-recipients': {
    column: ANNOUNCEMENT_SETTING,
    defaultValue: DEFAULT_ANNOUNCEMENT_RECIPIENTS,
    recompute: false,
    parse(text) {
      const n = Number(text);
      if (!/^\s*\d+\s*$/.test(text) || n < 1 || n > 1000) throw new UsageError(`cannot read announcement-recipients "${text}"`, 'give a number of recipients from 1 to 1000: a message sent to more people is an announcement, not a touchpoint');
      return n;
    },
    format: String,
  },
} satisfies Record<string, SettingSpec>;
export type SettingKey = keyof typeof SETTINGS;

export interface SettingEntry {
  key: string;
  /** As the user writes it, e.g. "6m". */
  value: string;
  /** The stored value (days for half-life). */
  stored: number | string;
  defaultValue: string;
  isDefault: boolean;
  /** date-order only: the order in use (the locale's when the setting is auto). */
  effective?: DateOrder;
}

function getSpec(key: string): SettingSpec {
  const spec = (SETTINGS as Record<string, SettingSpec>)[key];
  if (!spec) throw new UsageError(`unknown setting "${key}"`, `settings are: ${Object.keys(SETTINGS).join(', ')}`);
  return spec;
}

function readEntry(store: Store, key: string, localeOrder: DateOrder): SettingEntry {
  const spec = getSpec(key);
  const text = store.findSetting(spec.column);
  let stored: number | string = spec.defaultValue;
  if (typeof spec.defaultValue === 'string') stored = text !== undefined && DATE_ORDER_VALUES.includes(text) ? text : spec.defaultValue;
  else if (Number.isFinite(Number(text)) && Number(text) > 0) stored = Number(text);
  const entry: SettingEntry = { key, value: spec.format(stored), stored, defaultValue: spec.format(spec.defaultValue), isDefault: stored === spec.defaultValue };
  if (spec.column === DATE_ORDER_SETTING) entry.effective = toUserDateOrder(String(stored), localeOrder);
  return entry;
}

/** Every setting, or one; `localeOrder` is the date order of the user's locale (for date-order's auto). */
export function listSettings(store: Store, key: string | undefined, localeOrder: DateOrder): SettingEntry[] {
  return key === undefined ? Object.keys(SETTINGS).map((k) => readEntry(store, k, localeOrder)) : [readEntry(store, key, localeOrder)];
}

export interface SetResult {
  setting: SettingEntry;
  /** Contacts whose summaries were recomputed under the new value. */
  recomputed: number;
}

/** Parses before writing: a bad value leaves the journal as it was. */
export function parseSetting(key: string, text: string): number | string {
  return getSpec(key).parse(text);
}

export function changeSetting(store: Store, key: string, value: number | string, clock: Clock, localeOrder: DateOrder): SetResult {
  const spec = getSpec(key);
  store.setSetting(spec.column, String(value), clock.timestamp);
  if (spec.recompute === false) return { setting: readEntry(store, key, localeOrder), recomputed: 0 };
  // Fading sums are stored at the scale of the half-life: every summary must be recomputed with the new one.
  store.refreshAllSummaries();
  return { setting: readEntry(store, key, localeOrder), recomputed: store.countContacts() };
}

// ---- synonyms: words net ideas treats as one ----------------------------------------------------------------------

export interface SynonymsResult {
  builtIn: string[][];
  yours: string[][];
  /** The group this command added or removed. */
  added: string[] | null;
  removed: string[] | null;
}

const sameGroup = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w) => b.includes(w));

export function listSynonyms(store: Store): SynonymsResult {
  return { builtIn: DEFAULT_SYNONYMS.map((g) => [...g]), yours: readSynonymGroups(store), added: null, removed: null };
}

/** Adds a group (`accountant=bookkeeper`), or with `remove` takes one of the user's groups away. */
export function changeSynonyms(store: Store, text: string, remove: boolean, clock: Clock): SynonymsResult {
  const group = parseSynonymGroup(text);
  const yours = readSynonymGroups(store);
  const at = yours.findIndex((g) => sameGroup(g, group));
  if (remove) {
    if (at < 0) {
      const builtIn = DEFAULT_SYNONYMS.some((g) => sameGroup(g, group));
      throw new UsageError(`${group.join('=')} is not one of your synonym groups`, builtIn ? 'built-in groups stay' : 'see them with net config synonyms; give a group exactly as it lists it');
    }
    writeSynonymGroups(store, yours.filter((_, i) => i !== at), clock.timestamp);
    return { ...listSynonyms(store), removed: group };
  }
  if (at >= 0 || DEFAULT_SYNONYMS.some((g) => sameGroup(g, group))) throw new UsageError(`${group.join('=')} is already a synonym group`, 'see them with net config synonyms');
  writeSynonymGroups(store, [...yours, group], clock.timestamp);
  return { ...listSynonyms(store), added: group };
}
