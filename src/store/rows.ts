/**
 * The only place that knows column names: rows <-> domain objects. A contact's columns are declared once, each field
 * with its kind (the summary's in core/types.ts SUMMARY_FIELDS, the profile's below); a column is its field in
 * snake_case, and SELECT lists and row mappers are made from a list of fields.
 */
import { SUMMARY_FIELDS, type Answer, type Contact, type ContactWithSummary, type Fact, type FollowUp, type JournalEvent, type SummaryKind } from '../core/types.js';
import type { FactKind } from '../core/vocabulary.js';

export type Row = Record<string, unknown>;

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** How a contact column reads: `required` is text that is never null; the others are the summary's kinds. */
type ColumnKind = SummaryKind | 'required';

/** The contact's own columns, each with how it reads. */
const PROFILE_FIELDS: Record<keyof Contact, ColumnKind> = {
  id: 'required',
  name: 'required',
  company: 'text',
  role: 'text',
  email: 'text',
  phone: 'text',
  metOn: 'date',
  howMet: 'text',
  everyDays: 'days',
  snoozedUntil: 'date',
  note: 'text',
  url: 'text',
  birthday: 'text',
  createdAt: 'required',
  updatedAt: 'required',
};

export type ContactField = keyof ContactWithSummary;
const CONTACT_FIELDS: Record<ContactField, ColumnKind> = { ...PROFILE_FIELDS, ...SUMMARY_FIELDS };
export const PROFILE_KEYS = Object.keys(PROFILE_FIELDS) as (keyof Contact)[];
export const SUMMARY_KEYS = Object.keys(SUMMARY_FIELDS) as (keyof typeof SUMMARY_FIELDS)[];

/** The column of a field: `everyDays` is every_days. */
export const toColumn = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `every_days, met_on, …` for these fields, a column replaced where `instead` names another. */
export function toSelectList(fields: readonly ContactField[], instead: Partial<Record<ContactField, string>> = {}): string {
  return fields.map((f) => instead[f] ?? toColumn(f)).join(', ');
}

/*
 * The mappers are compiled from the field lists into one object literal each, as a hand-written mapper would be:
 * `net due --all` and `net list` map tens of thousands of rows, and an object built key by key in a loop costs
 * several times more. Field names come from the declarations above, never from input.
 */
function compile<T>(body: (field: string, i: number) => string, fields: readonly string[]): (r: never) => T {
  for (const f of fields) if (!/^[a-z][A-Za-z]*$/.test(f)) throw new Error(`not a field name: ${f}`);
  return new Function('str', 'num', `return (r) => ({ ${fields.map((f, i) => `${f}: ${body(f, i)}`).join(', ')} });`)(str, num) as (r: never) => T;
}

/** A mapper for rows read with `.raw()` from toSelectList(fields): positional, values as SQLite gives them. */
export function toRowReader<F extends ContactField>(fields: readonly F[]): (r: unknown[]) => Pick<ContactWithSummary, F> {
  return compile<Pick<ContactWithSummary, F>>((_, i) => `r[${i}]`, fields) as (r: unknown[]) => Pick<ContactWithSummary, F>;
}

const READ: Record<ColumnKind, (column: string) => string> = {
  required: (c) => `String(r.${c})`,
  text: (c) => `str(r.${c})`,
  date: (c) => `str(r.${c})`,
  days: (c) => `num(r.${c})`,
  count: (c) => `Number(r.${c} ?? 0)`,
  sum: (c) => `Number(r.${c} ?? 0)`,
};

/** A whole contact from a `SELECT *` row, each column read as its kind says. */
export const toContact = compile<ContactWithSummary>((f) => READ[CONTACT_FIELDS[f as ContactField]](toColumn(f)), Object.keys(CONTACT_FIELDS)) as (r: Row) => ContactWithSummary;

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
