/**
 * Touchpoints from a calendar and mail (issue 18), as a user lives them: the monthly habit (export, import, net due)
 * with the real bin/net.js, and the one question net asks the first time, on a terminal.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY, runNetInPty } from '../helpers/pty.js';
import { makeJournal, type Journal } from '../helpers/run-net.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/touchpoints');
const NOW = '2026-11-30T12:00:00Z';

let j: Journal;
beforeEach(() => {
  j = makeJournal(NOW, 'spawn');
});
afterEach(() => j.cleanup());

const net = (...args: string[]) => j.runWith({ env: { TZ: 'Europe/London' } }, ...args);

/** A one-to-one with Jane yesterday, as Google Calendar exports it. */
const CALENDAR = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'DTSTART:20261129T100000Z',
  'DTEND:20261129T110000Z',
  'UID:yesterday-coffee@google.com',
  'ORGANIZER;CN=Alex Morgan:mailto:me@myfirm.example',
  'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Jane Doe:mailto:JANE@acme.example',
  'SUMMARY:Coffee',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('net due after a calendar import', () => {
  it('a meeting held resets the cadence: the contact leaves net due', () => {
    expect(net('add', 'Jane Doe', '--email', 'jane@acme.example', '--every', '2w', '--met', '2026-09-01').code).toBe(0);
    expect(net('log', 'jane', '--touch', 'coffee', '--date', '2026-10-01').code).toBe(0);
    expect(net('add', 'Tom Lee', '--email', 'tom@lee.example', '--every', '2w', '--met', '2026-09-01').code).toBe(0);
    expect(net('log', 'tom', '--touch', 'call', '--date', '2026-10-01').code).toBe(0);
    const before = net('--json', 'due');
    expect(before).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(before.stdout).map((d: { name: string }) => d.name).sort()).toEqual(['Jane Doe', 'Tom Lee']);

    expect(net('config', 'me', 'me@myfirm.example')).toMatchObject({ code: 0, stderr: '' });
    const file = join(j.dir, 'calendar.ics');
    writeFileSync(file, CALENDAR);
    expect(net('import', file)).toEqual({ code: 0, stderr: '', stdout: 'Imported calendar.ics (calendar): 1 touchpoint added with 1 contact.\nRead 1 meeting held with others.\n' });

    const after = net('due');
    expect(after).toMatchObject({ code: 0, stderr: '' });
    expect(after.stdout).toMatch(/^Tom Lee → /);
    expect(after.stdout).not.toContain('Jane Doe');
    expect(JSON.parse(net('--json', 'show', 'jane').stdout)).toMatchObject({ contact: { lastTouch: '2026-11-29' } });
  });

  it('off a terminal, with no addresses set, exit 2 and one line saying how to set them', () => {
    expect(net('add', 'Jane Doe', '--email', 'jane@acme.example').code).toBe(0);
    expect(net('import', resolve(FIXTURES, 'referral.eml'))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'net: net does not know your own email addresses yet; set them first, as many as you have: net config me you@example.com you@work.example\n',
    });
  });
});

describe('the first calendar or mail import on a terminal', () => {
  it('asks once for the user’s own addresses, keeps them, and imports', () => {
    expect(net('add', 'Ravi Patel', '--email', 'ravi@patel.example').code).toBe(0);
    const first = runNetInPty(j, ['import', resolve(FIXTURES, 'referral.eml')], [{ wait: 'Your own email addresses', send: `me@myfirm.example, me@home.example${KEY.enter}` }], { now: NOW });
    expect(first).toMatchObject({ code: 0, stuckOn: null });
    expect(first.screen).toContain('Imported referral.eml (message): 1 touchpoint added with 1 contact.');
    expect(JSON.parse(net('--json', 'config', 'me').stdout).addresses).toEqual(['me@myfirm.example', 'me@home.example']);
    const again = runNetInPty(j, ['import', resolve(FIXTURES, 'referral.eml')], [{ wait: 'Imported referral.eml', send: '' }], { now: NOW });
    expect(again).toMatchObject({ code: 0, stuckOn: null });
    expect(again.screen).not.toContain('Your own email addresses');
  });
});
