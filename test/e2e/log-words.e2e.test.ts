/**
 * The one-line log: each form, the same input from words and from flags (the same journal rows), and the refusals (one
 * line, exit 2, the journal unchanged). NET_NOW pins Monday 2026-11-30. The rows run net's run() in-process (fast); the
 * first of each table also runs the real bin/net.js, spawned as a shell runs it, for its exit code and streams.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeJournal, type Journal, type Runner } from '../helpers/run-net.js';

const NOW = '2026-11-30';
/** A journal with Jane Doe and Ravi Patel. */
function journal(runner: Runner): Journal {
  const journal = makeJournal(NOW, runner);
  expect(journal.run('add', 'Jane Doe').code).toBe(0);
  expect(journal.run('add', 'Ravi Patel').code).toBe(0);
  return journal;
}
/** The first row of a table also runs spawned, the others in-process only. */
const runners = (i: number): Runner[] => (i === 0 ? ['in-process', 'spawn'] : ['in-process']);

let j: Journal;
beforeEach(() => {
  j = journal('in-process');
});
afterEach(() => j.cleanup());

/** What a log wrote, without ids and timestamps: the events and follow-ups as rows. */
function written(journal: Journal) {
  const { events, follow_ups } = journal.dump() as { events: any[]; follow_ups: any[] };
  return {
    events: events.map((e) => [e.type, e.kind, e.value, e.note, e.occurred_on, e.prospect, e.status]),
    followUps: follow_ups.map((f) => [f.due_on, f.note, f.scheduled_on]),
  };
}

describe('net log <name> <words>', () => {
  it.each(([
    [['jane', 'coffee', 'yesterday'], 'Logged coffee with Jane Doe on Sun 2026-11-29.\n', ['--touch', 'coffee', '--date', 'yesterday']],
    [['jane', 'coffee'], 'Logged coffee with Jane Doe on Mon 2026-11-30.\n', ['--touch', 'coffee']],
    [['jane', 'coffee', 'gave', 'article', 'sent her the pricing piece'], 'Logged coffee with Jane Doe on Mon 2026-11-30: you gave them an article (2/5).\nNote: sent her the pricing piece\n', ['--touch', 'coffee', '--gave', 'article', '--note', 'sent her the pricing piece']],
    [
      ['ravi', 'gave', 'referral', '4', 'Tom needs a bookkeeper', 'next', 'in 2 weeks'],
      'Logged on Mon 2026-11-30: you gave Ravi Patel a referral (4/5).\nNote: Tom needs a bookkeeper\nFollow-up on Mon 2026-12-14.\n',
      ['--gave', 'referral', '--value', '4', '--note', 'Tom needs a bookkeeper', '--next', 'in 2 weeks'],
    ],
    [
      ['ravi', 'gave', 'referral', 'for', 'Tom Baker, needs a bookkeeper', 'last', 'friday'],
      'Logged on Fri 2026-11-27: you gave Ravi Patel a referral (2/5) for Tom Baker, needs a bookkeeper.\n',
      ['--gave', 'referral', '--prospect', 'Tom Baker, needs a bookkeeper', '--date', 'last friday'],
    ],
    [['ravi', 'received', 'introduction', 'yesterday'], 'Logged on Sun 2026-11-29: Ravi Patel gave you an introduction (2/5).\n', ['--received', 'introduction', '--date', 'yesterday']],
    [['jane', 'next', 'friday'], 'Scheduled a follow-up with Jane Doe on Fri 2026-12-04.\n', ['--next', 'friday']],
    [['jane', 'gave', 'article', '3', 'days', 'ago'], 'Logged on Fri 2026-11-27: you gave Jane Doe an article (2/5).\n', ['--gave', 'article', '--date', '3 days ago']],
  ] as [string[], string, string[]][]).map((row, i) => [...row, runners(i)] as const))('net log %j: the same rows as its flags form', (words, stdout, flags, runs) => {
    for (const runner of runs) {
      const mine = runner === 'in-process' ? j : journal(runner);
      const other = journal(runner);
      try {
        expect(mine.run('log', ...words), runner).toEqual({ code: 0, stderr: '', stdout });
        expect(other.run('log', words[0]!, ...flags), runner).toEqual({ code: 0, stderr: '', stdout });
        expect(written(mine)).toEqual(written(other));
      } finally {
        other.cleanup();
        if (mine !== j) mine.cleanup();
      }
    }
  });

  it('mixes words and flags', () => {
    expect(j.run('log', 'jane', 'coffee', '--gave', 'idea', '--value', '3')).toEqual({ code: 0, stderr: '', stdout: 'Logged coffee with Jane Doe on Mon 2026-11-30: you gave them an idea (3/5).\n' });
  });

  it.each(([
    [['jane', 'article'], 'net: "article" could be read two ways: --gave article, or --received article; say gave article or received article\n'],
    [['jane', 'other'], 'net: "other" could be read three ways: --touch other, or --gave other, or --received other; say gave other or received other, or use --touch other\n'],
    [['jane', 'gave', 'article', '5', 'sept'], 'net: "gave article 5 sept" could be read two ways: --gave article --date "5 sept", or --gave article --value 5 --date sept; say which with the flags\n'],
    [['jane', 'cofee'], 'net: cannot read "cofee" in what happened (did you mean coffee?); say what happened with a channel (coffee, call…), gave <kind>, received <kind>, a date, next <when>, for <whom> or a note in quotes; see net log --help\n'],
    [['jane', 'coffee', 'pricing'], 'net: cannot read "pricing" in what happened; a note of one word goes with --note pricing; say what happened with a channel (coffee, call…), gave <kind>, received <kind>, a date, next <when>, for <whom> or a note in quotes; see net log --help\n'],
    [['jane', 'coffee', 'lunch'], 'net: "lunch" says how you were in touch a second time; say each thing once\n'],
    [['jane', 'coffee', '--touch', 'lunch'], 'net: --touch and the words after the name both say how you were in touch; say it once, with the flag or with words\n'],
    [['jane', 'coffee', 'in 2 weeks'], 'net: "in 2 weeks" is in the future (2026-12-14); log what has happened; schedule what is to come with next, for example next "in 2 weeks"\n'],
    [['jane', 'coffee, sent her the article', 'yesterday'], 'net: nothing to log: the words after the name say no channel, gave <kind> or received <kind>; say what happened outside the quotes, for example net log jane coffee "sent her the article" yesterday\n'],
  ] as [string[], string][]).map((row, i) => [...row, runners(i)] as const))('refuses net log %j in one line, writing nothing', (words, stderr, runs) => {
    for (const runner of runs) {
      const mine = runner === 'in-process' ? j : journal(runner);
      try {
        const before = mine.dump();
        expect(mine.run('log', ...words), runner).toEqual({ code: 2, stdout: '', stderr });
        expect(mine.dump()).toEqual(before);
      } finally {
        if (mine !== j) mine.cleanup();
      }
    }
  });

  it('says "too many arguments" without a stray ".;"', () => {
    expect(j.run('show', 'jane', 'doe')).toEqual({ code: 2, stdout: '', stderr: "net: too many arguments for 'show'. Expected 1 argument but got 2; see net show --help\n" });
  });

  it('documents the grammar in net log --help', () => {
    const help = j.run('log', '--help').stdout;
    expect(help).toMatch(/^Usage: net log \[options\] \[name\] \[what\.\.\.\]/);
    expect(help).toMatch(/^ {2}gave <kind> \[1-5\] +a give, and what it was worth \(--gave, --value\)$/m);
    expect(help).toMatch(/^ {2}received <kind> \[1-5\] +something received/m);
    expect(help).toContain('$ net log jane coffee yesterday');
  });
});
