/** The only place that knows column names: rows <-> domain objects. */
import type { Answer, ContactWithSummary, Fact, FollowUp, JournalEvent } from '../core/types.js';
import type { FactKind } from '../core/vocabulary.js';

export type Row = Record<string, unknown>;

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function toContact(r: Row): ContactWithSummary {
  return {
    id: String(r.id),
    name: String(r.name),
    company: str(r.company),
    role: str(r.role),
    email: str(r.email),
    phone: str(r.phone),
    metOn: str(r.met_on),
    howMet: str(r.how_met),
    everyDays: num(r.every_days),
    snoozedUntil: str(r.snoozed_until),
    note: str(r.note),
    url: str(r.url),
    birthday: str(r.birthday),
    givenName: str(r.given_name),
    familyName: str(r.family_name),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    firstEventOn: str(r.first_event_on),
    lastEventOn: str(r.last_event_on),
    lastTouchOn: str(r.last_touch_on),
    touchCount: Number(r.touch_count ?? 0),
    giveCount: Number(r.give_count ?? 0),
    receivedCount: Number(r.received_count ?? 0),
    askCount: Number(r.ask_count ?? 0),
    invested: Number(r.invested ?? 0),
    withdrawn: Number(r.withdrawn ?? 0),
    received: Number(r.received ?? 0),
    lastReceivedOn: str(r.last_received_on),
    openAskOn: str(r.open_ask_on),
    nextFollowUpOn: str(r.next_follow_up_on),
    recentTouchGap: num(r.recent_touch_gap),
    serviceCount: Number(r.service_count ?? 0),
    familyCount: Number(r.family_count ?? 0),
    goalCount: Number(r.goal_count ?? 0),
    answersYes: Number(r.answers_yes ?? 0),
    wonReferralOn: str(r.won_referral_on),
    referralCheckOn: str(r.referral_check_on),
    importantDates: str(r.important_dates),
  };
}

export function toFact(r: Row): Fact {
  return {
    id: String(r.id),
    contactId: String(r.contact_id),
    kind: String(r.kind) as FactKind,
    text: String(r.text),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export function toEvent(r: Row): JournalEvent {
  return {
    id: String(r.id),
    contactId: String(r.contact_id),
    type: String(r.type) as JournalEvent['type'],
    kind: String(r.kind),
    value: num(r.value),
    note: str(r.note),
    occurredOn: String(r.occurred_on),
    outcome: str(r.outcome),
    outcomeOn: str(r.outcome_on),
    premature: Number(r.premature) === 1,
    prospect: str(r.prospect),
    status: str(r.status),
    statusOn: str(r.status_on),
    amount: num(r.amount),
    statusNote: str(r.status_note),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export function toFollowUp(r: Row): FollowUp {
  return {
    id: String(r.id),
    contactId: String(r.contact_id),
    dueOn: String(r.due_on),
    note: str(r.note),
    scheduledOn: String(r.scheduled_on),
    doneOn: str(r.done_on),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export function toAnswer(r: Row): Answer {
  return {
    id: String(r.id),
    contactId: String(r.contact_id),
    point: String(r.point),
    answer: Number(r.answer) === 1,
    answeredOn: String(r.answered_on),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}
