import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  j.run('add', 'Jane Doe', '--company', 'Acme', '--role', 'estate agent', '--email', 'jane@example.com', '--tag', 'bni', '--met', '2025-03-01', '--how-met', 'BNI breakfast', '--every', '3w');
  j.run('edit', 'jane', '--service', 'valuations', '--goal', 'second office', '--family', 'Maria, wife');
});
afterEach(() => j.cleanup());

function history() {
  j.runWith({ now: '2026-11-01' }, 'log', 'jane', '--touch', 'coffee', '--gave', 'article', '--value', '3', '--note', 'pricing piece', '--next', '2026-11-10');
  j.run('log', 'jane', '--received', 'referral', '--value', '4', '--date', '2026-11-05');
  j.run('log', 'jane', '--touch', 'call', '--date', '2026-11-12', '--next', 'in 2 weeks'); // closes the first follow-up
}

describe('net show', () => {
  it('shows the profile and the timeline, newest first', () => {
    history();
    const ref = j.json('show', 'jane').timeline.find((e: any) => e.kind === 'referral').referral.shortId;
    expect(j.run('show', 'doe')).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Jane Doe  estate agent, Acme',
        '  email       jane@example.com',
        '  tags        #bni',
        '  services    valuations',
        '  goals       second office',
        '  family      Maria, wife',
        '  met         Sat 2025-03-01 (21 months ago)',
        '  how met     BNI breakfast',
        '  every       3w',
        '  last touch  10 days ago (2026-11-12)',
        '  growing · balance 4.4 · depth 3/13',
        '',
        'Timeline',
        '  2026-12-06  follow-up, due in 2 weeks',
        '  2026-11-12  call',
        '  2026-11-10  follow-up, done on 2026-11-12: pricing piece',
        `  2026-11-05  received a referral (4/5) [open · id ${ref}]`,
        '  2026-11-01  coffee, gave an article (3/5): pricing piece',
        '',
      ].join('\n'),
    });
  });

  it('lays out the dates to remember with the other labelled lines, in one aligned block, and the note last', () => {
    expect(j.run('edit', 'jane', '--birthday', '1980-11-25', '--date-of', 'wedding=06-20', '--note', 'likes tea').code).toBe(0);
    expect(j.run('show', 'jane').stdout.split('\nTimeline')[0]).toBe(
      [
        'Jane Doe  estate agent, Acme',
        '  email       jane@example.com',
        '  tags        #bni',
        '  services    valuations',
        '  goals       second office',
        '  family      Maria, wife',
        '  birthday    1980-11-25, next 2026-11-25 (in 3 days)',
        '  wedding     06-20, next 2027-06-20 (in 210 days)',
        '  met         Sat 2025-03-01 (21 months ago)',
        '  how met     BNI breakfast',
        '  every       3w',
        '  last touch  no touch yet',
        '  note',
        '    likes tea',
        '  acquaintance · balance 0.0 · depth 2/13',
        '',
      ].join('\n'),
    );
  });

  it('prints contact, timeline and follow-ups as JSON', () => {
    history();
    const v = j.json('show', 'jane');
    expect(Object.keys(v)).toEqual(['contact', 'timeline', 'earlierEvents', 'followUps', 'standing', 'importantDates']);
    // The figures net check explains: coffee and a 3/5 article 21 days ago, a call 10 days ago, a 4/5 referral received.
    expect(v.standing).toEqual({ stage: 'growing', balance: 4.4, depth: { score: 3, of: 13 }, knownSince: '2025-03-01' });
    expect(v.contact).toMatchObject({ name: 'Jane Doe', services: ['valuations'], goals: ['second office'], family: ['Maria, wife'], every: '3w', lastTouch: '2026-11-12' });
    expect(v.timeline.map((e: any) => [e.date, e.type, e.kind, e.value, e.note])).toEqual([
      ['2026-11-12', 'touch', 'call', null, null],
      ['2026-11-05', 'received', 'referral', 4, null],
      expect.arrayContaining(['2026-11-01', 'pricing piece']),
      expect.arrayContaining(['2026-11-01', 'pricing piece']),
    ]);
    expect(Object.keys(v.timeline[0])).toEqual(['id', 'date', 'type', 'kind', 'value', 'note', 'outcome', 'outcomeOn', 'premature']);
    expect(v.followUps).toEqual([
      { id: expect.any(String), dueOn: '2026-12-06', note: null, scheduledOn: '2026-11-12', doneOn: null, open: true },
      { id: expect.any(String), dueOn: '2026-11-10', note: 'pricing piece', scheduledOn: '2026-11-01', doneOn: '2026-11-12', open: false },
    ]);
  });

  it('says how to log when nothing is logged yet', () => {
    j.run('add', 'Ravi Patel');
    expect(j.run('show', 'ravi').stdout).toBe(
      ['Ravi Patel', '  every       not set (the default for the relationship)', '  last touch  no touch yet', '  stranger · balance 0.0 · depth 0/13', '', 'Timeline', '  Nothing logged yet. After you meet: net log "Ravi Patel" --touch coffee', ''].join('\n'),
    );
    expect(j.json('show', 'ravi')).toMatchObject({ timeline: [], followUps: [] });
  });

  it('shows the latest 20 events and says how to see the rest; --all and JSON have them all', () => {
    for (let day = 1; day <= 25; day++) expect(j.run('log', 'jane', '--touch', 'call', '--date', `2026-10-${String(day).padStart(2, '0')}`).code).toBe(0);
    const text = j.run('show', 'jane').stdout;
    expect(text.match(/^  2026-10-\d\d  call$/gm)).toHaveLength(20);
    expect(text).toContain('  2026-10-25  call\n');
    expect(text).not.toContain('2026-10-05  call');
    expect(text).toContain('\n  … 5 earlier: net show "Jane Doe" --all\n');
    expect(j.run('show', 'jane', '--all').stdout.match(/^  2026-10-\d\d  call$/gm)).toHaveLength(25);
    const v = j.json('show', 'jane');
    expect(v.timeline).toHaveLength(25);
    expect(v.earlierEvents).toBe(0);
  });

  it('marks an overdue follow-up', () => {
    j.run('log', 'jane', '--next', '2026-11-25', '--note', 'send the brochure');
    expect(j.runWith({ now: '2026-11-28' }, 'show', 'jane').stdout).toContain('  2026-11-25  follow-up, overdue since 3 days ago: send the brochure\n');
  });

  it('is exit 4 for an unknown or ambiguous name', () => {
    j.run('add', 'Jane Roe');
    expect(j.run('show', 'jnae')).toMatchObject({ code: 4, stdout: '', stderr: 'net: no contact called "jnae"; did you mean "Jane Doe" or "Jane Roe"?\n' });
    expect(j.run('show', 'jane')).toEqual({ code: 4, stdout: '', stderr: 'net: "jane" could mean Jane Doe, Jane Roe; use more of the name\n' });
  });

  it('needs a name', () => {
    expect(j.run('show')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: missing required argument 'name'/) });
  });
});
