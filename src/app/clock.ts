import type { IsoDate } from '../core/dates.js';

/** The moment a command runs: the calendar day for events, the instant for timestamps. */
export interface Clock {
  today: IsoDate;
  timestamp: string;
}
