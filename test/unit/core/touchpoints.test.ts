import { describe, expect, it } from 'vitest';
import { detectMessageFormat } from '../../../src/core/import/detect.js';
import { compareUnknown, hasConferenceLink, isAnnouncement, parseMyAddress, toCalendarAddress, toMeetingChannel, type UnknownPerson } from '../../../src/core/touchpoints.js';

describe('the channel of a meeting', () => {
  it.each([
    [1, false, 'one-to-one'],
    [1, true, 'video'],
    [2, false, 'event'],
    [2, true, 'event'],
    [12, false, 'event'],
  ] as const)('%i others, conference link %s: %s', (others, link, channel) => {
    expect(toMeetingChannel(others, link)).toBe(channel);
  });

  it.each([
    ['Join with Google Meet: https://meet.google.com/abc-defg-hij', true],
    ['https://us02web.zoom.us/j/81234567890?pwd=abc', true],
    ['https://zoom.us/my/janedoe', true],
    ['<https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0>', true],
    ['https://acme.webex.com/meet/jane', true],
    ['Café Central, Herrengasse 14', false],
    ['zoom in on the details', false],
  ])('%s: %s', (text, link) => {
    expect(hasConferenceLink([null, text])).toBe(link);
  });
});

describe('announcements', () => {
  it.each([
    [5, 5, false],
    [6, 5, true],
    [1, 1, false],
    [2, 1, true],
  ])('%i recipients, threshold %i: %s', (n, threshold, expected) => {
    expect(isAnnouncement(n, threshold)).toBe(expected);
  });
});

describe('addresses', () => {
  it('reads the user’s own, refusing what is not one', () => {
    expect(parseMyAddress(' Me@MyFirm.example ')).toBe('Me@MyFirm.example');
    expect(parseMyAddress('mailto:me@myfirm.example')).toBe('me@myfirm.example');
    expect(() => parseMyAddress('me at myfirm')).toThrow('"me at myfirm" is not an email address');
  });

  it('reads a calendar address as a key: mailto: taken off, case folded', () => {
    expect(toCalendarAddress('MAILTO:Jane@Acme.Example')).toBe('jane@acme.example');
    expect(toCalendarAddress('urn:uuid:1234')).toBeUndefined();
    expect(toCalendarAddress(null)).toBeUndefined();
  });
});

describe('people not in the journal', () => {
  const p = (email: string, meetings: number, messages: number, last: string): UnknownPerson => ({ name: null, email, meetings, messages, first: '2026-01-01', last });
  it('rank by meetings and messages together, then the most recent, then the address', () => {
    const list = [p('a@x', 1, 0, '2026-03-01'), p('b@x', 0, 3, '2026-01-01'), p('c@x', 2, 1, '2026-02-01'), p('d@x', 1, 0, '2026-04-01'), p('e@x', 1, 0, '2026-04-01')];
    expect(list.sort(compareUnknown).map((u) => u.email)).toEqual(['c@x', 'b@x', 'd@x', 'e@x', 'a@x']);
  });
});

describe('detectMessageFormat', () => {
  it.each([
    ['BEGIN:VCALENDAR\r\nVERSION:2.0\r\n', 'ics'],
    ['\uFEFFBEGIN:VCALENDAR\n', 'ics'],
    ['From 1750000000000000001@xxx Mon Nov 30 08:00:00 +0000 2026\r\nX-GM-THRID: 1\r\n', 'mbox'],
    ['From - Tue Nov 24 10:00:00 2026\nX-Mozilla-Status: 0001\n', 'mbox'],
    ['Return-Path: <a@b.example>\nDate: Sat, 28 Nov 2026 10:00:00 +0000\nFrom: A <a@b.example>\nSubject: x\n  continued\n\nbody, with: commas', 'eml'],
    ['Name,Email\nJane,jane@acme.example\n', undefined],
    ['First Name;Last Name\n', undefined],
    ['BEGIN:VCARD\nFN:Jane\nEND:VCARD\n', undefined],
    ['Subject: no sender\nDate: Sat, 28 Nov 2026 10:00:00 +0000\n\n', undefined],
  ])('%j: %s', (text, format) => {
    expect(detectMessageFormat(text)).toBe(format);
  });
});
