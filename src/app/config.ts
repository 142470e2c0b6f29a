/** `net config`: the journal's settings, kept in the journal itself so that they travel with it. */
import { UsageError } from '../core/errors.js';
import { parseInterval, toIntervalText } from '../core/intervals.js';
import { DEFAULT_HALF_LIFE_DAYS } from '../core/summary.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';

const MIN_HALF_LIFE_DAYS = 30;
const MAX_HALF_LIFE_DAYS = 3650;

interface SettingSpec {
  /** The settings row's key. */
  column: string;
  description: string;
  defaultValue: number;
  parse(text: string): number;
  format(value: number): string;
}

const HALF_LIFE_HINT = `give an interval from ${MIN_HALF_LIFE_DAYS} days to 10 years, for example 180d, 6m or 1y`;

export const SETTINGS: Record<string, SettingSpec> = {
  'half-life': {
    column: 'half_life_days',
    description: 'how fast what you invested fades when a relationship is left untended: after this long it counts half',
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
    format: toIntervalText,
  },
};

export interface SettingEntry {
  key: string;
  /** As the user writes it, e.g. "6m". */
  value: string;
  /** The stored number (days for half-life). */
  stored: number;
  defaultValue: string;
  isDefault: boolean;
  description: string;
}

function getSpec(key: string): SettingSpec {
  const spec = SETTINGS[key];
  if (!spec) throw new UsageError(`unknown setting "${key}"`, `settings are: ${Object.keys(SETTINGS).join(', ')}`);
  return spec;
}

function readEntry(store: Store, key: string): SettingEntry {
  const spec = getSpec(key);
  const raw = Number(store.findSetting(spec.column));
  const stored = Number.isFinite(raw) && raw > 0 ? raw : spec.defaultValue;
  return { key, value: spec.format(stored), stored, defaultValue: spec.format(spec.defaultValue), isDefault: stored === spec.defaultValue, description: spec.description };
}

export function listSettings(store: Store, key?: string): SettingEntry[] {
  return key === undefined ? Object.keys(SETTINGS).map((k) => readEntry(store, k)) : [readEntry(store, key)];
}

export interface SetResult {
  setting: SettingEntry;
  /** Contacts whose summaries were recomputed under the new value. */
  recomputed: number;
}

/** Parses before writing: a bad value leaves the journal as it was. */
export function parseSetting(key: string, text: string): number {
  return getSpec(key).parse(text);
}

export function changeSetting(store: Store, key: string, value: number, clock: Clock): SetResult {
  const spec = getSpec(key);
  store.setSetting(spec.column, String(value), clock.timestamp);
  // Fading sums are stored at the scale of the half-life: every summary must be recomputed with the new one.
  store.refreshAllSummaries();
  return { setting: readEntry(store, key), recomputed: store.countContacts() };
}
