/** Why a record of an import did not become a contact, as `net import` lists it. */
import type { LeftOutReason } from '../../core/import/records.js';

export const LEFT_OUT_WORDS: Record<LeftOutReason, string> = {
  group: 'a group, not a person',
  unnamed: 'nothing to call them by',
};
