/** What each journal setting means, as `net config` lists it. */
import type { SettingKey } from '../../app/config.js';

export const SETTING_WORDS: Record<SettingKey, string> = {
  'half-life': 'how fast what you invested fades when a relationship is left untended: after this long it counts half',
  'date-window': 'how many days ahead net due lists birthdays and important dates',
};
