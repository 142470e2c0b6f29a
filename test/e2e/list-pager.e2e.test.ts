/**
 * `net list` on a terminal goes through a pager, as git's output does; into a pipe, or as JSON, it never does. The pager
 * here prefixes each line, so that the screen shows which way the list went.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runNetInPty } from '../helpers/pty.js';
import { makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal();
  j.run('add', 'Jane Doe', '--company', 'Acme', '--tag', 'bni');
  j.run('add', 'Ravi Patel', '--role', 'bookkeeper');
});
afterEach(() => j.cleanup());

const PAGER = `NET_PAGER='sed s/^/paged:/' exec "$@"`;

it('pages the list on a terminal through NET_PAGER', () => {
  const r = runNetInPty(j, ['list'], [], { shell: PAGER });
  expect(r.code).toBe(0);
  expect(r.screen).toContain('paged:Jane Doe    Acme        #bni  no touch yet');
  expect(r.screen).toContain('paged:Ravi Patel  bookkeeper        no touch yet');
});

it('prints it as it is with --no-pager, with PAGER=cat, as JSON, and into a pipe', () => {
  expect(runNetInPty(j, ['list', '--no-pager'], [], { shell: PAGER }).screen).not.toContain('paged:');
  expect(runNetInPty(j, ['list'], [], { shell: `NET_PAGER=cat exec "$@"` }).screen).toContain('Jane Doe    Acme        #bni  no touch yet');
  const json = runNetInPty(j, ['--json', 'list'], [], { shell: PAGER });
  expect(json.screen).not.toContain('paged:');
  expect(json.screen).toContain('"name": "Jane Doe"');
  expect(j.runWith({ env: { NET_PAGER: 'sed s/^/paged:/' } }, 'list')).toEqual({
    code: 0,
    stderr: '',
    stdout: 'Jane Doe    Acme        #bni  no touch yet\nRavi Patel  bookkeeper        no touch yet\n',
  });
});

it('lists the whole list when the pager cannot be run', () => {
  const r = runNetInPty(j, ['list'], [], { shell: `NET_PAGER=no-such-pager-here exec "$@"` });
  expect(r.code).toBe(0);
  expect(r.screen).toContain('Ravi Patel  bookkeeper        no touch yet');
});
