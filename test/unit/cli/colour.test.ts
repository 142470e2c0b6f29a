/**
 * net's one colour decision (ui/palette.ts wantsColor) reaches what colours through node's util.styleText, the
 * questions above all: run() writes it into the environment that styleText reads (test/e2e/questions.e2e.test.ts
 * shows it on a terminal).
 */
import { WriteStream } from 'node:tty';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';

/** How many colour bits node's terminal streams (and so styleText, on a terminal) see in an environment: 1 is none. */
const colourDepth = (env: NodeJS.ProcessEnv): number => WriteStream.prototype.getColorDepth.call({}, env);

/** The environment run() leaves for `net ...args` with `env`, its stdout a terminal or not. */
async function envAfter(env: NodeJS.ProcessEnv, args: string[], terminal = true): Promise<NodeJS.ProcessEnv> {
  const silent = { write: () => undefined };
  const io = { env: { TERM: 'xterm-256color', ...env, NET_NOW: '2026-11-22', XDG_DATA_HOME: '/nonexistent' }, stdout: silent, stderr: silent, isTerminal: () => terminal, columns: () => 80 };
  expect(await run(['--db', '/nonexistent/journal.db', ...args, 'where'], io)).toBe(0);
  return io.env;
}

describe('the colour decision reaches util.styleText', () => {
  it.each([
    ['--no-color', {}, ['--no-color'], true],
    ['--no-color with FORCE_COLOR', { FORCE_COLOR: '1' }, ['--no-color'], true],
    ['--json', {}, ['--json'], true],
    ['NO_COLOR with FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '1' }, [], true],
    ['TERM=dumb', { TERM: 'dumb' }, [], true],
    ['a pipe', {}, [], false],
  ])('off with %s: NO_COLOR set, FORCE_COLOR gone', async (_what, env: NodeJS.ProcessEnv, args: string[], terminal: boolean) => {
    const after = await envAfter(env, args, terminal);
    expect(after).toMatchObject({ NO_COLOR: expect.stringMatching(/./) });
    expect(after.FORCE_COLOR).toBeUndefined();
    expect(colourDepth(after)).toBe(1);
  });

  it.each([
    ['a terminal', {}],
    ['an empty NO_COLOR (net colours; so must the questions)', { NO_COLOR: '' }],
  ])('on with %s: no NO_COLOR left', async (_what, env: NodeJS.ProcessEnv) => {
    const after = await envAfter(env, []);
    expect(after.NO_COLOR).toBeUndefined();
    expect(colourDepth(after)).toBeGreaterThan(2);
  });
});
