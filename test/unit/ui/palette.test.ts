import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { makePalette, wantsColor } from '../../../src/ui/palette.js';

const tty = { env: {}, isTTY: true, flagNoColor: false, json: false };

describe('palette', () => {
  it.each([
    ['a terminal', tty, true],
    ['a pipe', { ...tty, isTTY: false }, false],
    ['a pipe with FORCE_COLOR', { ...tty, isTTY: false, env: { FORCE_COLOR: '1' } }, true],
    ['FORCE_COLOR=0', { ...tty, isTTY: false, env: { FORCE_COLOR: '0' } }, false],
    ['NO_COLOR', { ...tty, env: { NO_COLOR: '1' } }, false],
    ['NO_COLOR beats FORCE_COLOR', { ...tty, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, false],
    ['an empty NO_COLOR', { ...tty, env: { NO_COLOR: '' } }, true],
    ['--no-color', { ...tty, flagNoColor: true }, false],
    ['--json', { ...tty, json: true }, false],
    ['TERM=dumb', { ...tty, env: { TERM: 'dumb' } }, false],
    ['TERM=dumb with FORCE_COLOR', { ...tty, env: { TERM: 'dumb', FORCE_COLOR: '1' } }, true],
    ['TERM=xterm-256color', { ...tty, env: { TERM: 'xterm-256color' } }, true],
  ])('colour on %s: %s', (_what, inputs, expected) => {
    expect(wantsColor(inputs)).toBe(expected);
  });

  it('colours through chalk only when wanted', () => {
    expect(makePalette(tty, Chalk).green('ok')).toBe('\u001b[32mok\u001b[39m');
    expect(makePalette({ ...tty, env: { NO_COLOR: '1' } }, Chalk).green('ok')).toBe('ok');
  });

  it('has a plain palette whose styles chain and return the text as it is', () => {
    const p = makePalette({ ...tty, isTTY: false });
    expect(p.green.bold('done')).toBe('done');
    expect(p.dim(`${p.yellow('a')} b`)).toBe('a b');
  });
});
