import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeText, LineDecoder, MAX_LINE_BYTES } from '../../../../src/core/import/text.js';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

/** Feeds the bytes in pieces cut at `cuts`: what comes out, piece by piece. */
function decodeInPieces(data: Uint8Array, cuts: number[]): { text: string; firstLine: number }[] {
  const decoder = new LineDecoder();
  const pieces: { text: string; firstLine: number }[] = [];
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < data.length).sort((a, b) => a - b), data.length]) {
    const { text, firstLine } = decoder.push(data.slice(at, cut), cut === data.length);
    pieces.push({ text, firstLine });
    at = cut;
  }
  return pieces;
}

describe('decoding an exported file', () => {
  it.each([
    ['UTF-8', bytes('Jürgen\n'), 'Jürgen\n'],
    ['UTF-8 with a BOM', bytes([0xef, 0xbb, 0xbf], 'Zoë\n'), 'Zoë\n'],
    ['Windows-1252', bytes([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e, 0x0a]), 'Jürgen\n'],
    ['UTF-16LE with a BOM', new Uint8Array([0xff, 0xfe, ...Buffer.from('Zoë,a@b.c\r\n', 'utf16le')]), 'Zoë,a@b.c\n'],
    ['UTF-16BE with a BOM', new Uint8Array([0xfe, 0xff, ...Buffer.from('Zoë\n', 'utf16le').swap16()]), 'Zoë\n'],
    ['UTF-16LE without a BOM', new Uint8Array(Buffer.from('First Name,Last Name\r\nZoë,Ng\r\n', 'utf16le')), 'First Name,Last Name\nZoë,Ng\n'],
    ['old Mac line endings', bytes('a\rb\rc'), 'a\nb\nc'],
  ])('%s', (_, data, text) => {
    expect(decodeText(data)).toEqual({ text, warnings: [] });
  });

  it('reads a line that is not UTF-8 as Windows-1252 and leaves the UTF-8 lines as they are', () => {
    expect(decodeText(bytes('Zoë\n', [0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e], '\nRené\n'))).toEqual({ text: 'Zoë\nJürgen\nRené\n', warnings: [] });
  });

  it('never makes U+FFFD: a byte that no character set has becomes "?", with a warning naming its line', () => {
    expect(decodeText(bytes('ok\n', [0x43, 0x61, 0x66, 0xe9, 0x20, 0x81], '\n'))).toEqual({ text: 'ok\nCafé ?\n', warnings: [{ line: 2, reason: 'unreadable-bytes' }] });
    expect(decodeBytes(new Uint8Array([0x8d, 0x90]))).toEqual({ text: '??', unreadable: 2 });
  });

  it('gives the same text and line numbers however the file is cut into pieces', () => {
    const data = bytes('Name,Note\r\n"Zoë","a\r\nb"\r\n', [0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e], '\rlast');
    const whole = decodeText(data).text;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: data.length }), { maxLength: 8 }), (cuts) => {
        const pieces = decodeInPieces(data, cuts);
        expect(pieces.map((p) => p.text).join('')).toBe(whole);
        // Each piece says the line it begins at: one more than the line endings before it.
        let endings = 0;
        for (const p of pieces) {
          expect(p.firstLine).toBe(endings + 1);
          endings += p.text.split('\n').length - 1;
        }
      }),
    );
  });

  it('refuses a line longer than any contact file has, without holding more of it', () => {
    const decoder = new LineDecoder();
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    expect(() => {
      for (let i = 0; i <= MAX_LINE_BYTES / chunk.length; i++) decoder.push(chunk);
    }).toThrow(/line 1 is longer than 64 MB: this is not a contact file/);
  });
});
