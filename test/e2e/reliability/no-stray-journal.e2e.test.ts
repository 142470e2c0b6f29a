import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeJournal, type Journal } from '../../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal();
});
afterEach(() => j.cleanup());

// A command that fails writes nothing: on a journal that does not exist yet, that means no new file either.
it.each([
  ['snooze of an unknown name', ['snooze', 'nobody', '2w'], 4],
  ['import of a missing file', ['import', 'missing.vcf'], 2],
  ['import of a damaged file', ['import', 'BAD'], 2],
  ['log for an unknown name', ['log', 'nobody', '--touch', 'call'], 4],
  ['a premature ask off a terminal', ['ask', 'nobody', '--for', 'favour'], 4],
])('%s leaves no journal behind', (_what, args, code) => {
  const bad = join(j.dir, 'bad.csv');
  writeFileSync(bad, 'name,email\nJane Doe,jane@example.com\n"Ravi Patel,never closed\n');
  const r = j.run(...args.map((a) => (a === 'BAD' ? bad : a)));
  expect(r).toMatchObject({ code, stdout: '', stderr: expect.stringMatching(/^net: [^\n]+\n$/) });
  for (const suffix of ['', '-wal', '-shm']) expect(existsSync(`${j.db}${suffix}`)).toBe(false);
});

it('keeps a journal that a failing command found already there', () => {
  expect(j.run('add', 'Jane Doe').code).toBe(0);
  expect(j.run('snooze', 'nobody', '2w').code).toBe(4);
  expect(j.json('list').map((c: { name: string }) => c.name)).toEqual(['Jane Doe']);
});
