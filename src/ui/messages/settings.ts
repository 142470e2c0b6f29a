/** What each journal setting means, as `net config` lists it. */
import type { SettingKey } from '../../app/config.js';

export const SETTING_WORDS: Record<SettingKey, string> = {
  'half-life': 'how fast what you invested fades when a relationship is left untended: after this long it counts half',
  'date-window': 'how many days ahead net due lists birthdays and important dates',
  'date-order': 'how dates written with slashes read: dmy (24/11/2026) or mdy (11/24/2026); auto follows your locale (LC_ALL, LC_TIME, LANG)',
  'announcement-recipients': 'a message you sent to more people than this (To and Cc) is an announcement, not a touchpoint, when net imports your mail',
};
