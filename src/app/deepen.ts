/** `net deepen`: the user's own answers to the eight checklist points the journal cannot see. */
import { newId } from './ids.js';
import { toStanding, type Stage } from '../core/capital.js';
import { ANSWERED_IDS, CHECKLIST_IDS, isDerived, toDepthPoints, type ChecklistId, type Depth, type DepthPoint, type DerivedId } from '../core/checklist.js';
import type { IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import type { ContactWithSummary } from '../core/types.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { getContact } from './resolve.js';

/** How the journal reads each of its points, for the error when one is given as an answer. */
const DERIVED_FROM: Record<DerivedId, string> = {
  'known-a-year': 'when you met (--met) or the first event in the journal',
  'knows-services': 'three or more services recorded with net edit --service',
  'knows-family': 'a family member recorded with net edit --family',
  'knows-goals': 'five or more goals recorded with net edit --goal',
  'regular-appointments': 'touchpoints that keep your cadence over the last three cycles, or a follow-up scheduled',
};

/** `trust,enjoy-time`: answered ids only; a derived id says how the journal derives it. */
export function parseAnsweredIds(text: string, flag: string): ChecklistId[] {
  const ids = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (!ids.length) throw new UsageError(`${flag} needs checklist ids`, `for example ${flag} trust,enjoy-time`);
  return ids.map((id) => {
    const point = CHECKLIST_IDS.find((p) => p === id);
    if (!point) throw new UsageError(`unknown checklist point "${id}"`, `${flag} takes: ${ANSWERED_IDS.join(', ')}`);
    if (isDerived(point)) throw new UsageError(`${id} is read from the journal, not answered`, `it comes from ${DERIVED_FROM[point]}`);
    return point;
  });
}

export interface DeepenInput {
  contactId: string;
  yes: ChecklistId[];
  no: ChecklistId[];
}

export interface DepthResult {
  contact: ContactWithSummary;
  points: DepthPoint[];
  depth: Depth;
  stage: Stage;
}

export interface DeepenResult extends DepthResult {
  /** The answers this command gave, in checklist order. */
  answered: { id: ChecklistId; answer: boolean }[];
}

export function checkDeepenInput(input: Omit<DeepenInput, 'contactId'>): void {
  if (!input.yes.length && !input.no.length) throw new UsageError('nothing to answer', 'give --holds and/or --not with checklist ids, for example --holds trust,enjoy-time --not call-at-night');
  const both = input.yes.filter((id) => input.no.includes(id));
  if (both.length) throw new UsageError(`${both.join(', ')} both holds and does not (--holds and --not)`, 'give each point one answer');
}

export function toDepthResult(store: Store, contactId: string, today: IsoDate): DepthResult {
  const contact = getContact(store, contactId);
  const standing = toStanding(contact, today, store.halfLifeDays());
  return { contact, points: toDepthPoints(contact, store.listAnswers(contact.id), today), depth: standing.depth, stage: standing.stage };
}

export function deepenContact(store: Store, input: DeepenInput, clock: Clock): DeepenResult {
  checkDeepenInput(input);
  const contact = getContact(store, input.contactId);
  const answered = CHECKLIST_IDS.flatMap((id) => (input.yes.includes(id) ? [{ id, answer: true }] : input.no.includes(id) ? [{ id, answer: false }] : []));
  for (const a of answered) {
    store.upsertAnswer({ id: newId(), contactId: contact.id, point: a.id, answer: a.answer, answeredOn: clock.today, createdAt: clock.timestamp, updatedAt: clock.timestamp });
  }
  store.refreshSummary(contact.id);
  return { ...toDepthResult(store, contact.id, clock.today), answered };
}
