/** `net check`: is the relationship ready for an ask, or to refer the contact onwards? */
import { ASK_NEEDS, checkAsk, checkReferral, REFER_NEEDS, type CheckResult } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import type { ContactWithSummary } from '../core/types.js';
import type { AskKind, EventType } from '../core/vocabulary.js';
import { readBalanceBreakdown } from '../store/figures.js';
import type { Store } from '../store/store.js';
import { getContact } from './resolve.js';

export interface CheckInput {
  contactId: string;
  /** The ask to judge; ignored when `toRefer` is set. */
  kind: AskKind;
  /** Judge the other direction: is the user ready to refer this contact to their own people? */
  toRefer?: boolean;
  /** List the events behind each balance line (what --json prints): a long relationship has thousands. */
  eventIds?: boolean;
}

export interface CheckOutcome {
  contact: ContactWithSummary;
  /** The ask judged, or null for --to-refer. */
  kind: AskKind | null;
  needs: { balance?: number; depth: number; knownDays: number };
  result: CheckResult;
  /** The ids of the events the figures come from, by type, as `net show` lists them; empty unless asked for. */
  eventIds: Record<EventType, string[]>;
  halfLifeDays: number;
}

export function checkContact(store: Store, input: CheckInput, today: IsoDate): CheckOutcome {
  const contact = getContact(store, input.contactId);
  const eventIds = input.eventIds ? store.listEventIdsByType(contact.id) : { gave: [], touch: [], ask: [], received: [] };
  const halfLifeDays = store.halfLifeDays();
  const breakdown = readBalanceBreakdown(store, contact.id, today, halfLifeDays);
  const inputs = { contact, breakdown, answers: store.listAnswers(contact.id), today, halfLifeDays };
  if (input.toRefer) {
    return { contact, kind: null, needs: { depth: REFER_NEEDS.depth, knownDays: REFER_NEEDS.knownDays }, result: checkReferral(inputs), eventIds, halfLifeDays };
  }
  return { contact, kind: input.kind, needs: ASK_NEEDS[input.kind], result: checkAsk(inputs, input.kind), eventIds, halfLifeDays };
}
