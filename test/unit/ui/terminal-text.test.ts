import { describe, expect, it } from 'vitest';
import { toTerminalData, toTerminalField, toTerminalText } from '../../../src/ui/terminal-text.js';

describe('toTerminalField: one value inside a line', () => {
  it.each([
    ['plain text', 'plain text'],
    ['Co\u001b[2J\u001b]0;T\u0007', 'Co␛[2J␛]0;T␇'],
    ['r\nFAKE Person', 'r↵FAKE Person'],
    ['one\r\ntwo\rthree', 'one↵two↵three'],
    ['a\tb', 'a b'],
    ['x\u009b2J', 'x<U+009B>2J'],
    ['del\u007f', 'del␡'],
    ['invoice\u202efdp.exe', 'invoice<U+202E>fdp.exe'],
    ['Zoë 👩‍💻 שרה', 'Zoë 👩‍💻 שרה'],
  ])('%j -> %j', (text, shown) => {
    expect(toTerminalField(text)).toBe(shown);
  });
});

describe('toTerminalText: a whole rendered text', () => {
  it('keeps its own lines, tabs and, with colour, the palette codes; shows every other control', () => {
    expect(toTerminalText('a\n\tb', false)).toBe('a\n\tb');
    expect(toTerminalText('\u001b[32mok\u001b[39m', true)).toBe('\u001b[32mok\u001b[39m');
    expect(toTerminalText('\u001b[32mok\u001b[39m', false)).toBe('␛[32mok␛[39m');
    expect(toTerminalText('\u001b]0;title\u0007 \u001b[2J', true)).toBe('␛]0;title␇ ␛[2J');
    expect(toTerminalText('over\rwrite', true)).toBe('over␍write');
  });
});

describe('toTerminalData: what a renderer is given', () => {
  it('makes every string of plain objects and arrays safe, and leaves the rest', () => {
    const view = { name: 'A\nB', n: 3, ok: true, none: null, tags: ['x\u001b'], nested: { note: 'y\u0007' } };
    expect(toTerminalData(view)).toEqual({ name: 'A↵B', n: 3, ok: true, none: null, tags: ['x␛'], nested: { note: 'y␇' } });
    expect(view.name).toBe('A\nB'); // a copy: the JSON of the same view stays exact
  });
});
