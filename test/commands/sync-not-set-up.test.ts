/** `net sync` on a journal never set up for sync: refused in one line, and nothing left beside the journal. */
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  expect(j.run('add', 'Jane Doe')).toMatchObject({ code: 0 });
});
afterEach(() => j.cleanup());

it('refuses a sync of a journal never set up for it, and leaves no sync folder', () => {
  const files = readdirSync(j.dir).sort();
  const before = j.dump();
  expect(j.run('sync')).toEqual({
    code: 2,
    stdout: '',
    stderr: 'net: sync is not set up for this journal; run net sync init <remote> first (README: One journal on every machine)\n',
  });
  expect(existsSync(`${j.db}.sync`)).toBe(false);
  expect(readdirSync(j.dir).sort()).toEqual(files);
  expect(j.dump()).toEqual(before);
});
