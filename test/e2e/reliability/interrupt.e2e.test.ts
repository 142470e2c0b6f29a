/** Ctrl-C during the guided `net log`: nothing written, exit 130, and the terminal left as it was (echo, line mode). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY, runNetInPty } from '../../helpers/pty.js';
import { makeJournal, TODAY, type Journal } from '../../helpers/run-net.js';

let j: Journal;
// The set-up runs in-process; the interrupted commands are real processes.
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  expect(j.run('add', 'Jane Doe')).toMatchObject({ code: 0 });
});
afterEach(() => j.cleanup());

/** Runs net, then prints its exit code and the terminal's settings from the same terminal. */
const THEN_STTY = '"$@"; echo "exit=$?"; stty -a';

function expectTerminalUsable(screen: string): void {
  const settings = screen.slice(screen.lastIndexOf('exit='));
  expect(settings).toMatch(/(^|\s)icanon(\s|$)/m);
  expect(settings).toMatch(/(^|\s)echo(\s|$)/m);
  expect(settings).not.toMatch(/(^|\s)-icanon(\s|$)/m);
  expect(settings).not.toMatch(/(^|\s)-echo(\s|$)/m);
}

describe('Ctrl-C in the guided net log', () => {
  it.each([
    ['at the first question', [{ wait: 'Who was it with?', send: KEY.ctrlC }]],
    [
      'at the note, after choosing the contact',
      [
        { wait: 'Who was it with?', send: 'jane' },
        { wait: 'Jane Doe', send: KEY.enter },
        { wait: 'How were you in touch?', send: KEY.enter },
        { wait: 'Did you give them something?', send: KEY.enter },
        { wait: 'Did they give you something?', send: KEY.enter },
        { wait: 'Note', send: `half a note${KEY.ctrlC}` },
      ],
    ],
  ])('%s writes nothing, exits 130 and leaves the terminal usable', (_, steps) => {
    const before = j.dump();
    const r = runNetInPty(j, ['log'], steps, { shell: THEN_STTY });
    expect(r).toMatchObject({ stuckOn: null, timedOut: false, code: 0 });
    expect(r.screen).toContain('net: cancelled; nothing was written');
    expect(r.screen).toContain('exit=130');
    expectTerminalUsable(r.screen);
    expect(j.dump()).toEqual(before);
  });

  it('a real SIGINT (kill -INT) writes nothing, exits 130 and leaves the terminal usable', () => {
    const before = j.dump();
    // An inner shell notes its pid and becomes net (exec keeps the pid); a killer sends SIGINT to that pid once the
    // question is up; the outer shell then reports the exit code and the terminal's settings.
    const pidFile = `${j.dir}/net.pid`;
    const script = `(sleep 1.5; kill -INT "$(cat ${pidFile})") & sh -c 'echo $$ > ${pidFile}; exec "$@"' sh "$@"; echo "exit=$?"; stty -a`;
    const r = runNetInPty(j, ['log'], [{ wait: 'Who was it with?', send: '' }], { shell: script });
    expect(r).toMatchObject({ stuckOn: null, timedOut: false, code: 0 });
    expect(r.screen).toContain('net: cancelled; nothing was written');
    expect(r.screen).toContain('exit=130');
    expectTerminalUsable(r.screen);
    expect(j.dump()).toEqual(before);
  });
});
