/**
 * Core says why and what to do as codes with figures; src/ui/messages/ says it in English, flags included. One row
 * per code: the sentence each gives is the one net printed before the words left core (the e2e suite pins many).
 * Every switch over a code is exhaustive (tsc refuses a new code without its words), and this table gives each its
 * sentence.
 */
import { describe, expect, it } from 'vitest';
import type { DoctorFinding } from '../../../src/app/doctor.js';
import { ADVISED_POINTS, type BalanceBreakdown, type CheckAdvice, type CheckReason } from '../../../src/core/capital.js';
import type { PointWhy } from '../../../src/core/checklist.js';
import type { DueAction, DueReason } from '../../../src/core/due.js';
import type { Idea, IdeaReason } from '../../../src/core/ideas.js';
import { describeCheckAdvice, describeCheckReason, describeCheckSubject, describeFirstStep, describeThanks } from '../../../src/ui/messages/check.js';
import type { AskKind } from '../../../src/core/vocabulary.js';
import { CHECKLIST_TEXT, describePointWhy } from '../../../src/ui/messages/checklist.js';
import { describeFinding } from '../../../src/ui/messages/doctor.js';
import { describeDueAction, describeDueReason, describeOccasion } from '../../../src/ui/messages/due.js';
import { describeIdeaAction, describeIdeaReason, describeLearnFirst, toShortNames } from '../../../src/ui/messages/ideas.js';
import type { RepairGive } from '../../../src/core/premature.js';
import { describeEarlyAsk, describeRepair } from '../../../src/ui/messages/premature.js';
import { LEFT_OUT_WORDS } from '../../../src/ui/messages/import.js';
import { SHAPE_WORDS } from '../../../src/ui/messages/report.js';
import { askPhrase, describeEvent, describeLogged, plural, toDayText, toWord, withArticle } from '../../../src/ui/messages/words.js';
import { toThousands } from '../../../src/core/numbers.js';

const DAY = '2026-11-22';

describe('the one plural and the one article', () => {
  it.each<[string, string]>([
    [plural(1, 'day'), '1 day'],
    [plural(0, 'day'), '0 days'],
    [plural(3, 'day'), '3 days'],
    [plural(2, 'acquaintance'), '2 acquaintances'],
    [plural(2, 'deep', 'deep'), '2 deep'],
    [plural(1234, 'contact', 'contacts', toThousands), '1,234 contacts'],
    [plural(1, 'is', 'are', null), 'is'],
    [plural(2, 'is', 'are', null), 'are'],
    [plural(2, "contact's summary differs", "contacts' summaries differ"), "2 contacts' summaries differ"],
    [withArticle('favour'), 'a favour'],
    [withArticle('introduction'), 'an introduction'],
    [withArticle('Estate agent'), 'an Estate agent'],
    [withArticle('an accountant'), 'an accountant'],
    [withArticle('the florist'), 'the florist'],
    [toWord(3), 'three'],
    [toWord(12), '12'],
    [describeEvent({ type: 'gave', kind: 'introduction', value: 3 }), 'gave an introduction (3/5)'],
    [describeEvent({ type: 'gave', kind: 'time', value: 2 }), 'gave time (2/5)'],
    [describeEvent({ type: 'received', kind: 'referral', value: 4 }), 'received a referral (4/5)'],
    [describeEvent({ type: 'ask', kind: 'favour', value: 2 }), 'asked for a favour'],
    [describeEvent({ type: 'ask', kind: 'business', value: 4 }), 'asked for business'],
    [describeEvent({ type: 'ask', kind: 'referral', value: 4 }), 'asked for a referral'],
    [askPhrase('business'), 'business'],
    [askPhrase('introduction'), 'an introduction'],
    [describeEvent({ type: 'touch', kind: 'coffee', value: null }), 'coffee'],
    [describeEvent({ type: 'touch', kind: 'other', value: null }), 'a touchpoint'],
    [describeLogged([{ type: 'touch', kind: 'coffee', value: null }], 'Jane Doe', 'Sun 2026-11-22'), 'coffee with Jane Doe on Sun 2026-11-22'],
    [
      describeLogged([{ type: 'touch', kind: 'coffee', value: null }, { type: 'gave', kind: 'article', value: 3 }], 'Jane Doe', 'Sun 2026-11-22'),
      'coffee with Jane Doe on Sun 2026-11-22: you gave them an article (3/5)',
    ],
    [describeLogged([{ type: 'received', kind: 'referral', value: 4 }], 'Jo Lin', 'Sun 2026-11-22'), 'on Sun 2026-11-22: Jo Lin gave you a referral (4/5)'],
    [
      describeLogged([{ type: 'gave', kind: 'time', value: 2 }, { type: 'received', kind: 'introduction', value: 3 }], 'Jo Lin', 'Sun 2026-11-22'),
      'on Sun 2026-11-22: you gave Jo Lin time (2/5) and they gave you an introduction (3/5)',
    ],
    [
      describeLogged([{ type: 'touch', kind: 'lunch', value: null }, { type: 'received', kind: 'referral', value: 4 }], 'Jo Lin', 'Sat 2026-11-21'),
      'lunch with Jo Lin on Sat 2026-11-21: they gave you a referral (4/5)',
    ],
  ])('%s', (said, expected) => expect(said).toBe(expected));
});

describe('net due', () => {
  const occasion = (label: string, on: string, inDays: number, years: number | null) => ({ label, date: on, on, inDays, years });
  it.each<[DueReason, string]>([
    [{ code: 'follow-up', plannedOn: DAY, daysLate: 0 }, 'you planned to follow up today'],
    [{ code: 'follow-up', plannedOn: '2026-11-15', daysLate: 7 }, 'the follow-up you planned for 2026-11-15 is 7 days late'],
    [{ code: 'follow-up', plannedOn: '2026-11-21', daysLate: 1 }, 'the follow-up you planned for 2026-11-21 is 1 day late'],
    [{ code: 'cadence-overdue', days: 15, every: 30, own: true, from: { on: '2026-10-08', what: 'last touch' } }, 'a catch-up is overdue by 15 days (every 30 days; last touch 6 weeks ago)'],
    [{ code: 'cadence-overdue', days: 30, every: 90, own: false, from: { on: '2026-07-25', what: 'met' } }, 'a catch-up is overdue by 30 days (stage default: every 90 days; met 4 months ago, no touchpoint since)'],
    [{ code: 'cadence-overdue', days: 1, every: 30, own: false, from: { on: '2026-10-22', what: 'added' } }, 'a catch-up is overdue by 1 day (stage default: every 30 days; added 4 weeks ago, no touchpoint yet)'],
    [{ code: 'received', receivedOn: '2026-11-19' }, 'they gave you something 3 days ago and have not heard from you since'],
    [{ code: 'ask-open', askedOn: '2026-11-02', days: 20 }, 'your ask of 2026-11-02 has waited 20 days for an outcome'],
    [{ code: 'going-cold', stage: 'deep', balance: 10, monthlyLoss: 1.09 }, 'a deep relationship going cold: its balance of 10.0 loses 1.1 a month without a touch'],
    [{ code: 'going-cold', stage: 'growing', balance: 4.26, monthlyLoss: 0.46 }, 'a growing relationship going cold: its balance of 4.3 loses 0.5 a month without a touch'],
    [{ code: 'never-met', addedOn: '2026-11-01' }, 'added 3 weeks ago, not met yet: farming, not hunting'],
    [{ code: 'referral-won', wonOn: DAY }, 'a referral they gave you closed business (marked won today)'],
    [{ code: 'referral-open', changedOn: '2026-10-25' }, 'the referral you gave them 4 weeks ago has no outcome yet'],
    [
      { code: 'important-date', occasions: [occasion('work anniversary', DAY, 0, 7), occasion('birthday', '2026-11-25', 3, 46)] },
      'work anniversary today, November 22 (7 years); birthday in 3 days, November 25 (turns 46)',
    ],
  ])('reason %j', (reason, expected) => expect(describeDueReason(reason, DAY)).toBe(expected));

  it.each<[string, number, number | null, string]>([
    ['wedding day', 1, 1, 'wedding day tomorrow, November 23 (1 year)'],
    ['wedding day', 5, null, 'wedding day in 5 days, November 27'],
  ])('occasion %s in %i days', (label, inDays, years, expected) => {
    const on = `2026-11-${22 + inDays}`;
    expect(describeOccasion({ label, date: on, on, inDays, years })).toBe(expected);
  });

  it.each<[DueAction, string]>([
    ['follow-up', 'follow up as planned: a call or a coffee'],
    ['send-something', 'give first: send them an article or an idea'],
    ['suggest-one-to-one', 'suggest a one-to-one'],
    ['thank', 'thank them: log a touchpoint or a give'],
    ['close-the-loop', 'close the loop: ask how it went'],
    ['pass-something-on', 'give first: pass on a referral, an introduction or an idea'],
    ['get-to-know', 'suggest a one-to-one to get to know them'],
    ['thank-for-referral', 'thank them: a call or a card, then log it as a touchpoint or a give'],
    ['ask-how-it-went', 'ask how it went, then net referral "Jane Doe" --status contacted|won|lost'],
    ['call-today', 'get in touch today: a call or a message'],
    ['mark-the-day', 'remember the day: a message or a card on the day'],
    ['give-after-early-ask', 'give first: something useful, no ask (your ask came early)'],
  ])('action %s', (action, expected) => expect(describeDueAction(action, 'Jane Doe')).toBe(expected));
});

describe('net check', () => {
  const line = (count: number, faded: number) => ({ count, points: 0, faded });
  const breakdown = (over: Partial<BalanceBreakdown> = {}): BalanceBreakdown => ({ gave: line(0, 0), touch: line(0, 0), ask: line(0, 0), received: line(0, 0), balance: 0, asksSinceLastDeposit: 0, lastReceivedOn: null, ...over });
  it.each<[CheckReason, string]>([
    [{ code: 'not-met' }, 'you have not met yet'],
    [{ code: 'known-for', days: 1, since: '2026-11-21', need: 180, ask: 'introduction' }, 'known for 1 day (since 2026-11-21); asking for an introduction needs 180 days'],
    [{ code: 'known-for', days: 30, since: '2026-10-23', need: 180, ask: null }, 'known for 30 days (since 2026-10-23); referring them needs 180 days'],
    [{ code: 'balance', breakdown: breakdown(), need: 2, ask: 'favour' }, 'balance 0.0: nothing invested yet; asking for a favour needs 2.0'],
    [
      { code: 'balance', breakdown: breakdown({ gave: line(1, 0.06), touch: line(2, 1.5), ask: line(3, 5.24), balance: -3.68, asksSinceLastDeposit: 3 }), need: 2, ask: 'favour' },
      'balance -3.7 from 1 give (+0.1), 2 touchpoints (+1.5), 3 asks (−5.2), faded to today; asking for a favour needs 2.0; drawn down by 3 asks since you last gave or met',
    ],
    [{ code: 'depth', depth: { score: 3, of: 13 }, need: 5, missing: ['trust', 'knows-goals'], unanswered: [] }, 'depth 3 of 13 (needs 5); nearest missing: trust, knows-goals'],
    [{ code: 'depth', depth: { score: 3, of: 13 }, need: 5, missing: ['trust'], unanswered: ['trust'] }, 'depth 3 of 13 (needs 5); nearest missing: trust; 1 point only you can answer is unanswered'],
    [{ code: 'depth', depth: { score: 1, of: 13 }, need: 5, missing: ['trust', 'enjoy-time', 'top-of-mind'], unanswered: ['trust', 'enjoy-time', 'top-of-mind'] }, 'depth 1 of 13 (needs 5); nearest missing: trust, enjoy-time, top-of-mind; 3 points only you can answer are unanswered'],
    [{ code: 'depth', depth: { score: 13, of: 13 }, need: 6, missing: [], unanswered: [] }, 'depth 13 of 13 (needs 6)'],
    [{ code: 'ask-open', askedOn: '2026-11-19' }, 'your ask of 2026-11-19 is still open'],
    [{ code: 'last-touch', on: '2026-11-01' }, 'last touch 2026-11-01'],
    [{ code: 'trust', holds: true, stale: false }, 'you trust their work'],
    [{ code: 'trust', holds: true, stale: true }, 'you trust their work (answered over a year ago)'],
    [{ code: 'trust', holds: false, stale: false }, 'you have not said you trust their work'],
    [{ code: 'services', why: { code: 'services', count: 2, need: 3 } }, '2 services of theirs recorded (referring them needs 3)'],
    [{ code: 'services', why: { code: 'services', count: 0, need: 3 } }, '0 services of theirs recorded (referring them needs 3)'],
    [{ code: 'services', why: { code: 'services', count: 1, need: 3 } }, '1 service of theirs recorded (referring them needs 3)'],
  ])('reason %j', (reason, expected) => expect(describeCheckReason(reason)).toBe(expected));

  it.each<[CheckAdvice, string]>([
    [{ code: 'meet-first' }, 'meet them first: invite them to a one-to-one (net log "Jane Doe" --next "in 1 week")'],
    [{ code: 'farm', days: 179, ask: 'introduction' }, "farm, don't hunt: schedule more times to connect; asking for an introduction fits in 179 more days of knowing each other"],
    [{ code: 'farm', days: 150, ask: null }, "farm, don't hunt: schedule more times to connect; referring them fits in 150 more days of knowing each other"],
    [{ code: 'give-first' }, 'give first: share something useful (an article, an idea) or pass them a referral (net log "Jane Doe" --gave article)'],
    [{ code: 'keep-giving' }, 'keep giving: share something useful (an article, an idea) or pass them a referral (net log "Jane Doe" --gave article)'],
    [{ code: 'close-ask' }, 'close the loop on it first (net ask "Jane Doe" --outcome yes|no)'],
    [{ code: 'see-their-work' }, 'see their work first-hand; when you trust it, say so (net deepen "Jane Doe" --holds trust)'],
    [{ code: 'deepen', points: ['trust', 'enjoy-time'] }, 'answer the points only you can: if they hold, say so (net deepen "Jane Doe" --holds "trust, enjoy-time")'],
    [{ code: 'refer-with-care' }, 'refer with care: tell both sides why you are connecting them'],
    [{ code: 'point', point: 'knows-services' }, 'learn three of their services and record them (net edit "Jane Doe" --service "…")'],
    [{ code: 'point', point: 'knows-goals' }, 'ask about their goals for the year and record five (net edit "Jane Doe" --goal "…")'],
    [{ code: 'point', point: 'knows-family' }, 'get to know them beyond business: family, what matters to them (net edit "Jane Doe" --family "…")'],
    [{ code: 'point', point: 'regular-appointments' }, 'schedule regular one-to-ones (net log "Jane Doe" --touch one-to-one --next "in 4 weeks")'],
    [{ code: 'point', point: 'asked-how-to-help' }, 'ask how you can help grow their business'],
    [{ code: 'point', point: 'trust' }, 'see their work first-hand before you vouch for it'],
    [{ code: 'point', point: 'open-talks' }, 'talk openly about how you can help each other'],
  ])('advice %j', (advice, expected) => expect(describeCheckAdvice(advice, 'Jane Doe')).toBe(expected));

  it.each<[CheckAdvice, string]>([
    [{ code: 'give-first' }, 'give first'],
    [{ code: 'meet-first' }, 'meet them first'],
    [{ code: 'deepen', points: ['trust'] }, 'answer the checklist'],
    [{ code: 'close-ask' }, 'close your open ask first'],
    [{ code: 'see-their-work' }, 'see their work first-hand'],
  ])('first step %j', (advice, expected) => expect(describeFirstStep(advice)).toBe(expected));

  it.each<[string, AskKind | null, string]>([
    ['Gary Hook', 'business', 'ask Gary Hook for business'],
    ['Gary Hook', 'referral', 'ask Gary Hook for a referral'],
    ['Gary Hook', 'introduction', 'ask Gary Hook for an introduction'],
    ['Tom Baker', null, 'refer Tom Baker to your contacts'],
  ])('subject %s %s', (name, ask, expected) => expect(describeCheckSubject(name, ask)).toBe(expected));

  it.each([
    [{ count: 1, lastOn: '2026-11-08' }, 'Wendy Wu gave you something on 2026-11-08: a reason to thank them and to give, not to ask'],
    [{ count: 3, lastOn: '2026-11-08' }, 'Wendy Wu gave you something 3 times, last on 2026-11-08: a reason to thank them and to give, not to ask'],
  ])('thanks %j', (t, expected) => expect(describeThanks('Wendy Wu', t)).toBe(expected));

  it('has advice for every point core advises on', () => {
    for (const point of ADVISED_POINTS) expect(describeCheckAdvice({ code: 'point', point }, 'Jane Doe').length).toBeGreaterThan(10);
  });
});

describe('the checklist', () => {
  it.each<[PointWhy, string]>([
    [{ code: 'known-since', since: '2025-03-01' }, 'known since 2025-03-01'],
    [{ code: 'not-met' }, 'not met yet'],
    [{ code: 'services', count: 1, need: 3 }, '1 of 3 services recorded'],
    [{ code: 'family', count: 0 }, 'no family recorded'],
    [{ code: 'family', count: 2 }, '2 family recorded'],
    [{ code: 'goals', count: 4, need: 5 }, '4 of 5 goals recorded'],
    [{ code: 'follow-up-scheduled', on: '2026-12-06' }, 'follow-up scheduled for 2026-12-06'],
    [{ code: 'keeps-cadence', days: 21 }, 'touchpoints keep a 21-day cadence'],
    [{ code: 'misses-cadence', days: 90 }, 'no follow-up scheduled and touchpoints do not keep a 90-day cadence'],
  ])('why %j', (why, expected) => expect(describePointWhy(why)).toBe(expected));

  it('states each point as the checklist does', () => {
    expect(CHECKLIST_TEXT['call-at-night']).toBe('You could call them at 9 at night if you really needed something');
    expect(Object.values(CHECKLIST_TEXT).every((t) => /^(You|They) /.test(t))).toBe(true);
  });
});

describe('net ideas', () => {
  const pair = (kind: Idea['kind'], forName: string, withName: string | null, need: string | null = null) => ({ kind, for: { id: 'a', name: forName }, with: withName ? { id: 'b', name: withName } : null, need });
  it.each<[IdeaReason, string]>([
    [{ code: 'match', wish: { kind: 'need', text: 'a wedding photographer' }, offer: { field: 'service', text: 'wedding photography' }, seeker: 'Maria Lopez', provider: 'Tom Baker' }, 'Maria needs a wedding photographer; Tom offers wedding photography'],
    [{ code: 'match', wish: { kind: 'ideal', text: 'couples planning a wedding' }, offer: { field: 'role', text: 'wedding planner' }, seeker: 'Maria Lopez', provider: 'Sam Lee' }, "Maria's ideal referral is couples planning a wedding; Sam is a wedding planner"],
    [{ code: 'match', wish: { kind: 'goal', text: 'a second studio' }, offer: { field: 'role', text: 'estate agent' }, seeker: 'Maria Lopez', provider: 'Ann Cole' }, 'Maria has a goal: a second studio; Ann is an estate agent'],
    [{ code: 'match', wish: { kind: 'need', text: 'an accountant' }, offer: { field: 'tag', text: 'bookkeeper' }, seeker: 'Tom Baker', provider: 'Tom Hill' }, 'Tom Baker needs an accountant; Tom Hill is tagged #bookkeeper'],
    [{ code: 'match', wish: { kind: 'need', text: 'a printer' }, offer: { field: 'company', text: 'Print & Co' }, seeker: 'Maria Lopez', provider: 'Ann Cole' }, 'Maria needs a printer; Ann works at Print & Co'],
    [{ code: 'match', wish: { kind: 'ideal', text: 'couples planning a wedding' }, offer: { field: 'need', text: 'a wedding photographer' }, seeker: 'Leo Marsh', provider: 'Cara Diaz' }, "Leo's ideal referral is couples planning a wedding; Cara needs a wedding photographer"],
    [{ code: 'not-met', name: 'Sam Lee' }, 'you have not met Sam yet: learn what they do and what they need'],
    [{ code: 'need-unanswered', name: 'Sam Lee', need: 'a van' }, 'Sam needs a van and no one in your journal offers it yet: something useful on it is a real give'],
    [{ code: 'needs-unknown', name: 'Sam Lee' }, 'you have not recorded what Sam needs: ask, then record it (net edit "Sam Lee" --need "…")'],
    [{ code: 'acquaintance', name: 'Sam Lee' }, 'Sam is an acquaintance: time one to one is how it grows'],
  ])('because %#', (reason, expected) => expect(describeIdeaReason(reason)).toBe(expected));

  it.each<[ReturnType<typeof pair>, string]>([
    [pair('introduction', 'Maria Lopez', 'Tom Baker'), 'introduce Maria Lopez to Tom Baker'],
    [pair('goal', 'Maria Lopez', 'Ann Cole'), 'introduce Maria Lopez to Ann Cole'],
    [pair('referral', 'Maria Lopez', 'Tom Baker'), 'refer Tom Baker to Maria Lopez'],
    [pair('one-to-one', 'Sam Lee', null), 'invite Sam Lee to a one-to-one'],
    [pair('article', 'Sam Lee', null, 'a van'), 'send Sam Lee an article or an idea on "a van"'],
    [pair('ask-how-to-help', 'Sam Lee', null), 'ask Sam Lee how you can help'],
  ])('action %#', (idea, expected) => expect(describeIdeaAction(idea)).toBe(expected));

  it('says what to learn first, about whom', () => {
    expect(describeLearnFirst({ name: 'Tom Baker', advice: { code: 'see-their-work' } })).toBe('Tom Baker: see their work first-hand; when you trust it, say so (net deepen "Tom Baker" --holds trust)');
    expect(toShortNames('Tom Baker', 'Tom Hill')).toEqual(['Tom Baker', 'Tom Hill']);
  });
});

describe('net doctor', () => {
  it.each<[DoctorFinding, string, string | null]>([
    [{ code: 'no-journal' }, 'no journal yet: the first write creates it', null],
    [{ code: 'folder', path: '/x' }, '/x is a folder, not a journal file', 'point --db or NET_DB at the journal file itself (net where shows the path in use)'],
    [{ code: 'odd-file', path: '/x', kind: 'named-pipe' }, '/x is a named pipe, not a journal file', 'point --db or NET_DB at the journal file itself (net where shows the path in use)'],
    [{ code: 'odd-file', path: '/x', kind: 'socket' }, '/x is a socket, not a journal file', 'point --db or NET_DB at the journal file itself (net where shows the path in use)'],
    [{ code: 'odd-file', path: '/x', kind: 'device' }, '/x is a device, not a journal file', 'point --db or NET_DB at the journal file itself (net where shows the path in use)'],
    [{ code: 'empty-file' }, 'an empty file: net makes it a journal on the first write', null],
    [{ code: 'not-sqlite', path: '/x' }, '/x is not an SQLite file: its first bytes are not an SQLite header', 'check the path given with --db or NET_DB; if it was your journal, restore it from a backup (net backup makes one)'],
    [{ code: 'sqlite-file', bytes: 12288 }, 'an SQLite file of 12,288 bytes', null],
    [{ code: 'private', ownFolder: true }, 'readable by you only (0600 in a 0700 folder)', null],
    [{ code: 'private', ownFolder: false }, 'readable by you only (0600)', null],
    [
      { code: 'readable-by-others', files: [{ path: '/a b/j.db', mode: 0o644 }], folder: { path: '/a b', mode: 0o755 } },
      'others can read notes about your contacts: /a b/j.db is 0644; the folder /a b is 0755',
      "run chmod 600 '/a b/j.db' && chmod 700 '/a b' (or net doctor --fix)",
    ],
    [{ code: 'no-wal' }, 'no write-ahead log left over', null],
    [{ code: 'wal', bytes: 4096 }, 'a write-ahead log of 4,096 bytes: SQLite folds it into the journal on the next command', null],
    [{ code: 'wal-large', bytes: 70_000_000 }, 'a write-ahead log of 70,000,000 bytes has not been folded into the journal', 'run net doctor --fix when no other net is running'],
    [
      { code: 'rollback-pending', path: '/x-journal' },
      '/x-journal holds a write that was interrupted: SQLite undoes it by itself on the next net command, and the checks that read the journal wait until then',
      'nothing to restore: run any net command, or net doctor --fix, and it is undone',
    ],
    [{ code: 'rollback-undone' }, 'the interrupted write was undone', null],
    [{ code: 'cannot-open', error: 'boom' }, 'SQLite cannot open it: boom', 'restore the journal from a backup (net backup makes one); to salvage what is readable: sqlite3 journal.db .recover | sqlite3 recovered.db'],
    [{ code: 'unreadable', error: 'boom' }, 'SQLite cannot read it: boom', 'restore the journal from a backup (net backup makes one); to salvage what is readable: sqlite3 journal.db .recover | sqlite3 recovered.db'],
    [{ code: 'readable' }, 'SQLite reads it', null],
    [{ code: 'integrity-ok' }, 'PRAGMA integrity_check: ok', null],
    [{ code: 'damaged', messages: ['a', 'b', 'c', 'd', 'e'] }, 'the file is damaged: a; b; c (and 2 more)', 'restore the journal from a backup (net backup makes one); to salvage what is readable: sqlite3 journal.db .recover | sqlite3 recovered.db'],
    [{ code: 'schema-newer', version: 99, latest: 8 }, 'written by a newer net (schema 99; this net knows up to 8)', 'upgrade net; the file was not changed'],
    [{ code: 'schema-empty' }, 'no schema yet: net makes it a journal on the first write', null],
    [{ code: 'schema', version: 8, latest: 8 }, "schema 8, this net's", null],
    [{ code: 'schema', version: 6, latest: 8 }, 'schema 6 of 8: net upgrades it in place on the next command', null],
    [{ code: 'no-orphans' }, 'every row belongs to a contact (PRAGMA foreign_key_check)', null],
    [
      { code: 'orphans', dangling: [{ table: 'events', parent: 'contacts', count: 2 }] },
      'rows that belong to no contact, which net never shows: 2 in events',
      'back up first (net backup), then remove them with sqlite3 journal.db "DELETE FROM events WHERE contact_id NOT IN (SELECT id FROM contacts);"',
    ],
    [{ code: 'summaries-match' }, "every contact's summary matches their events", null],
    [{ code: 'summaries-differ', count: 1, examples: [{ name: 'Jane Doe', fields: ['invested'] }] }, "1 contact's summary differs from their events: Jane Doe (invested)", 'run net doctor --fix to recompute them'],
    [
      { code: 'summaries-differ', count: 5, examples: [{ name: 'Jane Doe', fields: ['invested', 'touchCount'] }] },
      "5 contacts' summaries differ from their events: Jane Doe (invested, touchCount) and 4 more",
      'run net doctor --fix to recompute them',
    ],
  ])('finding %j', (finding, detail, fix) => expect(describeFinding(finding)).toEqual({ detail, fix }));
});

describe('net report', () => {
  it.each([
    ['empty', 'no contacts yet'],
    ['wide-shallow', 'a mile wide and an inch deep: fewer than 1 in 10 relationships are growing or deep'],
    ['deep', 'deep: three or more deep referral relationships'],
    ['growing', 'still growing: fewer than three deep referral relationships'],
  ] as const)('the %s shape', (shape, expected) => expect(SHAPE_WORDS[shape]).toBe(expected));
});

describe('net asks --premature', () => {
  it.each<[Parameters<typeof describeEarlyAsk>[0], string]>([
    [{ kind: 'business', on: DAY, note: 'buy my course', why: 'marked' }, 'asked for business on Sun 2026-11-22, recorded although net check found it premature (buy my course)'],
    [{ kind: 'favour', on: '2026-01-05', note: null, why: 'not-met' }, 'asked for a favour on Mon 2026-01-05, before you had met'],
    [{ kind: 'introduction', on: DAY, note: 'to your CFO\nsoon', why: 'too-soon' }, 'asked for an introduction on Sun 2026-11-22, before you had known each other long enough (to your CFO)'],
  ])('early ask %j', (ask, expected) => expect(describeEarlyAsk(ask)).toBe(expected));

  it.each<[RepairGive, string]>([
    ['meet-first', 'meet them first, with no ask attached: invite them to a one-to-one (net log "Gary Hook" --next "in 1 week")'],
    ['give-first', 'give first, with no ask attached: something useful to them (net log "Gary Hook" --gave article)'],
  ])('repair %s', (repair, expected) => expect(describeRepair(repair, 'Gary Hook')).toBe(expected));
});

describe('net import', () => {
  it.each([
    ['group', 'a group, not a person'],
    ['unnamed', 'nothing to call them by'],
  ] as const)('a record left out as %s', (reason, expected) => expect(LEFT_OUT_WORDS[reason]).toBe(expected));
});

describe('the weekday echo of a stored date', () => {
  it.each([
    ['2026-11-22', 'Sun 2026-11-22'],
    ['2026-11-24', 'Tue 2026-11-24'],
    ['2024-02-29', 'Thu 2024-02-29'],
    ['1970-01-01', 'Thu 1970-01-01'],
    ['1969-12-31', 'Wed 1969-12-31'],
  ])('%s', (date, expected) => expect(toDayText(date)).toBe(expected));
});
