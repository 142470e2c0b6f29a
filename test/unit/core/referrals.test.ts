import { describe, expect, it } from 'vitest';
import { referralCheckTerm, thankReferralTerm, importantDateTerm } from '../../../src/core/due.js';
import { formatAmount, parseAmount, parseReferralStatus } from '../../../src/core/referrals.js';
import { readFaded, summarize, type ContactRows } from '../../../src/core/summary.js';

describe('referral flags', () => {
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['1,200.50', 1200.5],
    ['0.5', 0.5],
  ])('reads the amount %s', (text, n) => expect(parseAmount(text)).toBe(n));
  it.each(['-5', '0', 'lots', '1e3', '', '12.345', 'Infinity'])('refuses the amount %s', (text) => expect(() => parseAmount(text)).toThrow(/is not a positive number/));
  it.each(['contacted', 'WON', ' lost '])('reads the status %s', (text) => expect(parseReferralStatus(text)).toBe(text.trim().toLowerCase()));
  it.each(['open', 'closed', ''])('refuses the status %s', (text) => expect(() => parseReferralStatus(text)).toThrow(/unknown status/));
  it.each([
    [1200, '1,200'],
    [350.5, '350.50'],
  ])('formats %d as %s', (n, text) => expect(formatAmount(n)).toBe(text));
});

describe('the due terms of referrals and dates', () => {
  it.each([
    [null, false, 0],
    [0, false, 1],
    [15, false, 0.75],
    [30, false, 0.5],
    [400, false, 0.5],
    [0, true, 0],
    [-1, false, 0],
  ])('thank them: won %s days ago, acknowledged %s -> %d', (days, ack, v) => expect(thankReferralTerm(days, ack)).toBeCloseTo(v));
  it.each([
    [null, 0],
    [21, 0],
    [22, 0.5 + 0.5 / 39],
    [60, 1],
    [180, 1],
    [181, 0],
  ])('ask how it went: open %s days -> %d', (days, v) => expect(referralCheckTerm(days)).toBeCloseTo(v));
  it.each([
    [null, 7, 0],
    [0, 7, 1],
    [7, 7, 0.5],
    [8, 7, 0],
    [0, 0, 1],
  ])('important date in %s days (window %i) -> %d', (days, w, v) => expect(importantDateTerm(days, w)).toBeCloseTo(v));
});

describe('summarize: referrals and the amount', () => {
  const ev = (over: Partial<ContactRows['events'][number]>): ContactRows['events'][number] => ({ type: 'gave', kind: 'referral', value: 4, occurredOn: '2026-10-01', outcome: null, status: 'open', statusOn: '2026-10-01', ...over });
  const rows = (events: ContactRows['events']): ContactRows => ({ events, facts: [], followUps: [], answers: [] });

  it.each([
    ['an open referral given', [ev({})], { referralCheckOn: '2026-10-01', wonReferralOn: null }],
    ['a contacted one, latest change', [ev({ status: 'contacted', statusOn: '2026-11-01' }), ev({ occurredOn: '2026-09-01', statusOn: '2026-09-01' })], { referralCheckOn: '2026-11-01', wonReferralOn: null }],
    ['a won referral given', [ev({ status: 'won', statusOn: '2026-11-01' })], { referralCheckOn: null, wonReferralOn: null }],
    ['a won referral received', [ev({ type: 'received', status: 'won', statusOn: '2026-11-01' })], { referralCheckOn: null, wonReferralOn: '2026-11-01' }],
    ['a lost one received', [ev({ type: 'received', status: 'lost', statusOn: '2026-11-01' })], { referralCheckOn: null, wonReferralOn: null }],
  ])('%s', (_, events, expected) => expect(summarize(rows(events), 180)).toMatchObject(expected));

  it('keeps the amount out of the balance: a won referral weighs its value alone', () => {
    const open = summarize(rows([ev({})]), 180);
    const won = summarize(rows([{ ...ev({ status: 'won', statusOn: '2026-11-01' }), amount: 50_000 } as ContactRows['events'][number]]), 180);
    expect(won.invested).toBe(open.invested);
    expect(readFaded(won.invested, '2026-10-01', 180)).toBeCloseTo(4);
  });

  it('keeps the custom dates as text, in label order', () => {
    const s = summarize({ ...rows([]), dates: [{ label: 'wedding day', date: '--06-20' }, { label: 'Anniversary', date: '2019-05-01' }] }, 180);
    expect(s.importantDates).toBe('2019-05-01\tAnniversary\n--06-20\twedding day');
  });
});
