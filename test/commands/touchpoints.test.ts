/**
 * Touchpoints from calendars and mail (issue 18), through argv on real journal files: Google Calendar's, Outlook's and
 * khal's calendars, Gmail Takeout's and Thunderbird's mboxes, a Maildir and an .eml (test/fixtures/touchpoints/,
 * every person invented). The user's zone is Europe/London unless a test says otherwise.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeJournal, type Journal } from '../helpers/run-net.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/touchpoints');
const fixture = (name: string) => resolve(FIXTURES, name);
const NOW = '2026-11-30T12:00:00Z';

let j: Journal;
const net = (...args: string[]) => j.runWith({ env: { TZ: 'Europe/London' } }, ...args);
const netIn = (tz: string, ...args: string[]) => j.runWith({ env: { TZ: tz } }, ...args);

beforeEach(() => {
  j = makeJournal(NOW, 'in-process');
  for (const args of [
    ['add', 'Jane Doe', '--email', 'jane@acme.example'],
    ['add', 'Ravi Patel', '--email', 'ravi@patel.example', '--email', 'ravi.patel@gmail.example'],
    ['add', 'Tom Lee', '--email', 'Tom@Lee.example'],
  ]) expect(net(...args).code).toBe(0);
});
afterEach(() => j.cleanup());

type Row = Record<string, any>;
/** name -> the touchpoints as "day channel", oldest first. */
function touches(): Record<string, string[]> {
  const { contacts, events } = j.dump() as { contacts: Row[]; events: Row[] };
  return Object.fromEntries(
    contacts.map((c) => [
      c.name,
      events
        .filter((e) => e.contact_id === c.id && e.type === 'touch')
        .map((e) => `${e.occurred_on} ${e.kind}`)
        .sort(),
    ]),
  );
}

const setMe = (...addresses: string[]) => expect(net('config', 'me', ...addresses).code).toBe(0);

describe('net config me', () => {
  it('adds, lists and removes the user’s own addresses; a bad one is refused and nothing is written', () => {
    expect(net('config', 'me')).toMatchObject({ code: 0, stdout: 'You have set no addresses of your own: net config me you@example.com you@work.example\n' });
    expect(net('config', 'me', 'me@myfirm.example', 'ME@myfirm.example', 'me.personal@home.example')).toMatchObject({
      code: 0,
      stdout: 'Added me@myfirm.example, me.personal@home.example to your addresses.\nYour addresses: me@myfirm.example, me.personal@home.example\n',
    });
    const before = j.dump();
    expect(net('config', 'me', 'not-an-address')).toMatchObject({ code: 2, stdout: '', stderr: 'net: "not-an-address" is not an email address; give your own addresses, for example net config me jane@acme.example jane@home.example\n' });
    expect(j.dump()).toEqual(before);
    expect(net('config', 'me', 'Me.Personal@home.example', '--remove')).toMatchObject({ code: 0, stdout: 'Removed Me.Personal@home.example from your addresses.\nYour addresses: me@myfirm.example\n' });
    expect(j.json('config', 'me')).toEqual({ addresses: ['me@myfirm.example'], added: [], removed: [] });
    expect(net('config', 'me', 'other@x.example', '--remove')).toMatchObject({ code: 2, stderr: 'net: other@x.example is not one of your addresses; yours are: me@myfirm.example\n' });
  });

  it('sets the announcement threshold', () => {
    expect(net('config', 'announcement-recipients', '8').code).toBe(0);
    expect(j.json('config', 'announcement-recipients')).toMatchObject({ key: 'announcement-recipients', value: '8', isDefault: false });
    expect(net('config', 'announcement-recipients', 'many')).toMatchObject({ code: 2, stdout: '' });
  });
});

describe('net import: calendars', () => {
  it('off a terminal, without the user’s addresses, says how to set them and writes nothing', () => {
    const before = j.dump();
    expect(net('import', fixture('google-calendar.ics'))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'net: net does not know your own email addresses yet; set them first, as many as you have: net config me you@example.com you@work.example\n',
    });
    expect(j.dump()).toEqual(before);
  });

  it('Google Calendar: meetings held, on the local day, with their channel; recurrence with exceptions; cancelled, declined and future ones left out', () => {
    setMe('me@myfirm.example');
    expect(net('import', fixture('google-calendar.ics'))).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Imported google-calendar.ics (calendar): 12 touchpoints added with 3 contacts.',
        'Read 11 meetings held with others; left out 2 cancelled, 1 you declined, 1 with no one else, 2 yet to come.',
        '2 people you met are not in your journal: --unknown lists them, --add-unknown [N] adds the N seen most.',
        '',
      ].join('\n'),
    });
    expect(touches()).toEqual({
      // A Meet link: video; the BNI breakfast with four people: an event; the cancelled viewing and next week's coffee: none.
      'Jane Doe': ['2026-11-10 video', '2026-11-17 event'],
      // Weekly from Oct 5: Oct 19 excluded (EXDATE), Nov 2 moved to Nov 4, Nov 9 cancelled, Dec 7 yet to come.
      'Ravi Patel': ['2026-10-05 one-to-one', '2026-10-12 one-to-one', '2026-10-26 one-to-one', '2026-11-04 one-to-one', '2026-11-16 one-to-one', '2026-11-23 one-to-one', '2026-11-30 one-to-one'],
      // The all-day trade fair on its date; 23:30 in New York is 04:30 on the 25th in London (Zoom: video); the declined lunch: none.
      'Tom Lee': ['2026-11-05 event', '2026-11-17 event', '2026-11-25 video'],
    });
    const { contacts } = j.dump() as { contacts: Row[] };
    expect(contacts.find((c) => c.name === 'Tom Lee')).toMatchObject({ last_touch_on: '2026-11-25' });
  });

  it('--add-unknown: an attendee the journal knows by name alone is that contact, never added again; another email is another person', () => {
    setMe('me@myfirm.example');
    // Sam Green is in the journal without an email; a Priya Shah with another address is someone else.
    expect(net('add', 'Sam Green', '--company', 'Green & Co').code).toBe(0);
    expect(net('add', 'Priya Shah', '--email', 'priya@elsewhere.example').code).toBe(0);
    const r = net('import', fixture('google-calendar.ics'), '--add-unknown');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Added 1 contact with their history: priya@shah.example.\n');
    const { contacts } = j.dump() as { contacts: Row[] };
    expect(contacts.map((c) => [c.name, c.email]).sort()).toEqual([
      ['Jane Doe', 'jane@acme.example'],
      ['Priya Shah', 'priya@elsewhere.example'],
      ['Ravi Patel', 'ravi@patel.example'],
      ['Sam Green', 'sam@green.example'],
      ['Tom Lee', 'Tom@Lee.example'],
      ['priya@shah.example', 'priya@shah.example'],
    ]);
    expect(touches()['Sam Green']).toEqual(['2026-11-17 event']);
    // Known by the address now: a second import adds no one and logs nothing twice.
    const after = j.dump();
    expect(net('import', fixture('google-calendar.ics'), '--add-unknown').stdout).toMatch(/^Imported google-calendar\.ics \(calendar\): 0 touchpoints added with 5 contacts; 14 already imported\.\n/);
    expect(j.dump().contacts).toEqual(after.contacts);
  });

  it('mail: a recipient the journal knows by name alone is that contact, even when the address first came without a name', () => {
    setMe('me@myfirm.example');
    expect(net('add', 'Carol King').code).toBe(0);
    const message = (n: number, day: string, to: string) =>
      [`From - Mon Nov 30 08:00:00 2026`, `Date: ${day} 10:00:00 +0000`, `Message-ID: <m${n}@myfirm.example>`, 'From: me@myfirm.example', `To: ${to}`, 'Subject: hi', '', 'Hello.', '', ''].join('\n');
    const file = join(j.dir, 'Sent.mbox');
    writeFileSync(file, [message(1, 'Mon, 02 Nov 2026', 'carol@king.example'), message(2, 'Tue, 03 Nov 2026', 'Carol King <carol@king.example>')].join(''));
    expect(net('import', file, '--add-unknown').stdout).toBe('Imported Sent.mbox (mbox): 2 touchpoints added with 1 contact.\nRead 2 messages: 2 you sent to others.\n');
    expect(touches()['Carol King']).toEqual(['2026-11-02 email', '2026-11-03 email']);
    expect((j.dump().contacts as Row[]).map((c) => c.name).sort()).toEqual(['Carol King', 'Jane Doe', 'Ravi Patel', 'Tom Lee']);
  });

  it('a meeting’s day is the user’s day: in New York the late call is on the 24th; an all-day event stays on its date', () => {
    setMe('me@myfirm.example');
    expect(netIn('America/New_York', 'import', fixture('google-calendar.ics')).code).toBe(0);
    expect(touches()['Tom Lee']).toEqual(['2026-11-05 event', '2026-11-17 event', '2026-11-24 video']);
  });

  it('importing again logs nothing twice; a newer export moves a moved meeting and keeps one deleted from it', () => {
    setMe('me@myfirm.example');
    expect(net('import', fixture('google-calendar.ics')).code).toBe(0);
    const first = touches();
    expect(net('import', fixture('google-calendar.ics')).stdout).toMatch(/^Imported google-calendar\.ics \(calendar\): 0 touchpoints added with 3 contacts; 12 already imported\.\n/);
    expect(touches()).toEqual(first);

    const newer = readFileSync(fixture('google-calendar.ics'), 'utf8')
      .replace('DTSTART;TZID=Europe/London:20261110T100000', 'DTSTART;TZID=Europe/London:20261111T100000')
      .replace('DTEND;TZID=Europe/London:20261110T103000', 'DTEND;TZID=Europe/London:20261111T103000')
      .replace(/BEGIN:VEVENT\r\n(?:(?!END:VEVENT)[\s\S])*n1y2c3l4a5t6e7@google\.com[\s\S]*?END:VEVENT\r\n/, '');
    expect(newer).not.toContain('n1y2c3l4a5t6e7');
    const file = join(j.dir, 'google-calendar.ics');
    writeFileSync(file, newer);
    expect(net('import', file).stdout).toMatch(/^Imported google-calendar\.ics \(calendar\): 0 touchpoints added, 1 moved with their meetings with 3 contacts; 10 already imported\.\n/);
    expect(touches()).toEqual({ ...first, 'Jane Doe': ['2026-11-11 video', '2026-11-17 event'] });
    // One source a contact and occurrence: the moved one kept its row.
    const sources = j.dump().touchpoint_sources as Row[];
    expect(sources).toHaveLength(12);
    expect(sources.filter((s) => s.source_key === '5p3kq8h0oj1c7m2v9s4bd1e6rt@google.com/').map((s) => s.occurred_on)).toEqual(['2026-11-11']);
  });

  it('a meeting the user logged by hand that day is not logged again', () => {
    setMe('me@myfirm.example');
    expect(net('log', 'jane', '--touch', 'coffee', '--date', '2026-11-10').code).toBe(0);
    expect(net('import', fixture('google-calendar.ics')).stdout).toMatch(/: 11 touchpoints added with 3 contacts; 1 joined a touchpoint of the same day\.\n/);
    expect(touches()['Jane Doe']).toEqual(['2026-11-10 coffee', '2026-11-17 event']);
  });

  it('Outlook: Windows zone names, a Teams link, a monthly series with a deleted occurrence, an attendee by another email in capitals', () => {
    setMe('me@myfirm.example');
    expect(net('import', fixture('outlook.ics'))).toMatchObject({ code: 0, stdout: 'Imported outlook.ics (calendar): 4 touchpoints added with 2 contacts.\nRead 4 meetings held with others; left out 1 yet to come.\n' });
    expect(touches()).toEqual({
      'Jane Doe': ['2026-11-26 video'],
      'Ravi Patel': ['2026-08-03 one-to-one', '2026-10-05 one-to-one', '2026-11-02 one-to-one'],
      'Tom Lee': [],
    });
  });

  it('Apple Calendar: a person with no email (invalid:nomail) is the contact of that name; never an unknown to add; declined and rooms left out', () => {
    setMe('me@myfirm.example');
    expect(net('add', 'Carol King').code).toBe(0); // known by name alone
    expect(net('import', fixture('apple-nomail.ics'), '--add-unknown')).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Imported apple-nomail\.ics \(calendar\): 2 touchpoints added with 2 contacts\.\n/) });
    expect(touches()).toEqual({
      'Carol King': ['2026-11-10 one-to-one'],
      'Jane Doe': ['2026-11-12 event'], // with two others: a group
      'Ravi Patel': [],
      'Tom Lee': [],
    });
    expect((j.dump().contacts as Row[]).map((c) => c.name).sort()).toEqual(['Carol King', 'Jane Doe', 'Ravi Patel', 'Tom Lee']);
  });

  it('a khal/vdirsyncer folder: every .ics file in its calendars, zones from each file, a moved occurrence, floating all-day events', () => {
    setMe('me@myfirm.example');
    expect(net('import', fixture('khal'))).toMatchObject({ code: 0, stdout: 'Imported khal (calendar): 7 touchpoints added with 3 contacts.\nRead 7 meetings held with others in 3 files.\n' });
    expect(touches()).toEqual({
      'Jane Doe': ['2026-11-18 one-to-one'],
      'Ravi Patel': ['2026-11-21 one-to-one'],
      'Tom Lee': ['2026-11-23 one-to-one', '2026-11-24 one-to-one', '2026-11-26 one-to-one', '2026-11-26 one-to-one', '2026-11-27 one-to-one'],
    });
  });

  it('a damaged calendar in a folder refuses the whole import', () => {
    setMe('me@myfirm.example');
    const folder = join(j.dir, 'cal');
    cpSync(fixture('khal'), folder, { recursive: true });
    writeFileSync(join(folder, 'work', 'broken.ics'), 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026\n');
    const before = j.dump();
    const r = net('import', folder);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^net: cannot read broken\.ics as a calendar: .*; export the calendar again \(as \.ics\); nothing was imported\n$/);
    expect(j.dump()).toEqual(before);
  });

  it('--dry-run: a line per contact, nothing written; --since leaves out what came before', () => {
    setMe('me@myfirm.example');
    const before = j.dump();
    expect(net('import', fixture('google-calendar.ics'), '--dry-run', '--since', '2026-11-15')).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '  Ravi Patel  +3 touchpoints  2026-11-16 to 2026-11-30',
        '  Tom Lee     +2 touchpoints  2026-11-17 to 2026-11-25',
        '  Jane Doe    +1 touchpoint  2026-11-17',
        'Dry run of google-calendar.ics (calendar): would add 6 touchpoints with 3 contacts. Nothing was written.',
        'Read 5 meetings held with others; left out 2 cancelled, 1 you declined, 1 with no one else, 2 yet to come, 6 before --since.',
        '1 person you met is not in your journal: --unknown lists them, --add-unknown [N] adds the N seen most.',
        '',
      ].join('\n'),
    });
    expect(j.dump()).toEqual(before);
  });
});

describe('net import: mail', () => {
  beforeEach(() => setMe('me@myfirm.example', 'me.personal@home.example'));

  it('Gmail Takeout: emails the user sent, one a day per contact; received mail, announcements and drafts left out; chats are messages', () => {
    expect(net('import', fixture('gmail-takeout.mbox'), '--unknown')).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Imported gmail-takeout.mbox (mbox): 4 touchpoints added with 3 contacts; 1 joined a touchpoint of the same day.',
        'Read 8 messages: 5 you sent to others; left out 1 announcement (to more than 5 people), 1 draft.',
        'Not in your journal (2), most frequent first:',
        '  Jürgen Müller  jurgen@mueller.example  1 message                 2026-11-25',
        '  Sam Green      sam@green.example       1 message                 2026-10-05',
        '',
      ].join('\n'),
    });
    expect(touches()).toEqual({
      'Jane Doe': ['2026-11-20 email'],
      // Sent at 23:30 in New York: the 25th in London. By his second address, in Cc.
      'Ravi Patel': ['2026-11-25 email'],
      // The announcement of the 23rd and the draft of the 25th are not touchpoints.
      'Tom Lee': ['2026-10-05 email', '2026-11-26 message'],
    });
    expect(net('import', fixture('gmail-takeout.mbox')).stdout).toMatch(/: 0 touchpoints added with 3 contacts; 5 already imported\.\n/);
    expect(Object.values(touches()).flat()).toHaveLength(4);
  });

  it('--since, and a larger announcement threshold', () => {
    expect(net('config', 'announcement-recipients', '8').code).toBe(0);
    expect(net('import', fixture('gmail-takeout.mbox'), '--since', '2026-11-01').stdout).toMatch(/^Imported gmail-takeout\.mbox \(mbox\): 4 touchpoints added with 3 contacts; 1 joined a touchpoint of the same day\.\nRead 8 messages: 5 you sent to others; left out 1 draft, 1 before --since\.\n/);
    expect(touches()['Tom Lee']).toEqual(['2026-11-23 email', '2026-11-26 message']);
  });

  it('Thunderbird: ">From " quoting and "From " lines inside bodies; the user in Cc is never anyone; an encoded name decoded', () => {
    const r = j.json('import', fixture('thunderbird-sent.mbox'), '--unknown');
    expect(r.mail).toEqual({ messages: 3, sent: 2, announcements: 0, drafts: 1, undated: 0, before: 0, threshold: 5 });
    expect(r.unknown).toEqual([{ name: 'André Pirard', email: 'andre@pirard.example', meetings: 0, messages: 1, first: '2026-11-25', last: '2026-11-25' }]);
    expect(touches()['Jane Doe']).toEqual(['2026-11-24 email']);
  });

  it('a Maildir (cur/ and new/) and one .eml', () => {
    expect(net('import', fixture('maildir'))).toMatchObject({ code: 0, stdout: 'Imported maildir (Maildir): 1 touchpoint added with 1 contact.\nRead 2 messages: 1 you sent to others.\n' });
    expect(net('import', fixture('referral.eml'))).toMatchObject({ code: 0, stdout: 'Imported referral.eml (message): 1 touchpoint added with 1 contact.\nRead 1 message: 1 you sent to others.\n' });
    expect(touches()).toEqual({ 'Jane Doe': [], 'Ravi Patel': ['2026-11-28 email'], 'Tom Lee': ['2026-11-26 email'] });
  });

  it('people not in the journal ranked by how often, then how lately; --add-unknown adds the most frequent with their history', () => {
    const message = (n: number, day: string, to: string) =>
      [`From - Mon Nov 30 08:00:00 2026`, `Date: ${day} 10:00:00 +0000`, `Message-ID: <m${n}@myfirm.example>`, 'From: me@myfirm.example', `To: ${to}`, 'Subject: hi', '', 'Hello.', '', ''].join('\n');
    const mbox = [
      message(1, 'Mon, 02 Nov 2026', 'Carol King <carol@king.example>'),
      message(2, 'Tue, 03 Nov 2026', 'Bob Stone <bob@stone.example>'),
      message(3, 'Wed, 04 Nov 2026', 'bob@stone.example'),
      message(4, 'Thu, 05 Nov 2026', 'Dave Ng <dave@ng.example>, BOB@stone.example'),
      message(5, 'Fri, 06 Nov 2026', 'dave@ng.example'),
      message(6, 'Sat, 07 Nov 2026', 'Erin Fox <erin@fox.example>'),
    ].join('');
    const file = join(j.dir, 'Sent.mbox');
    writeFileSync(file, mbox);
    const listed = j.json('import', file, '--unknown', '--dry-run');
    expect(listed.unknown.map((u: Row) => [u.email, u.messages, u.last])).toEqual([
      ['bob@stone.example', 3, '2026-11-05'],
      ['dave@ng.example', 2, '2026-11-06'],
      ['erin@fox.example', 1, '2026-11-07'],
      ['carol@king.example', 1, '2026-11-02'],
    ]);
    // A dry run says whom it would add, and adds no one.
    const before = j.dump();
    const dry = net('import', file, '--add-unknown', '2', '--dry-run');
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toContain('Nothing was written.\nRead 6 messages: 6 you sent to others.\nWould add 2 contacts with their history: Bob Stone <bob@stone.example>, Dave Ng <dave@ng.example>.\n');
    expect(dry.stdout).not.toMatch(/^Added/m);
    expect(j.dump()).toEqual(before);
    expect(net('import', file, '--add-unknown', '2').stdout).toBe(
      [
        'Imported Sent.mbox (mbox): 5 touchpoints added with 2 contacts.',
        'Read 6 messages: 6 you sent to others.',
        'Added 2 contacts with their history: Bob Stone <bob@stone.example>, Dave Ng <dave@ng.example>.',
        '2 people you wrote to are not in your journal: --unknown lists them, --add-unknown [N] adds the N seen most.',
        '',
      ].join('\n'),
    );
    expect(touches()).toMatchObject({ 'Bob Stone': ['2026-11-03 email', '2026-11-04 email', '2026-11-05 email'], 'Dave Ng': ['2026-11-05 email', '2026-11-06 email'] });
    const { contacts } = j.dump() as { contacts: Row[] };
    expect(contacts.find((c) => c.name === 'Bob Stone')).toMatchObject({ email: 'bob@stone.example', met_on: '2026-11-03', last_touch_on: '2026-11-05' });
    // They are contacts now: a second import adds no one and logs nothing twice.
    expect(net('import', file).stdout).toMatch(/^Imported Sent\.mbox \(mbox\): 0 touchpoints added with 2 contacts; 5 already imported\.\n/);
  });

  it('--since and --unknown go with calendars and mailboxes only', () => {
    expect(net('import', resolve(import.meta.dirname, '../fixtures/import/google.vcf'), '--unknown')).toMatchObject({ code: 2, stdout: '' });
  });

  it('a folder that is neither a Maildir nor a calendar folder is refused', () => {
    const folder = join(j.dir, 'empty');
    mkdirSync(folder);
    expect(net('import', folder)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: .*empty is a folder with neither calendar files \(\.ics\) nor a Maildir/) });
  });
});
