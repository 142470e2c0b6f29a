import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MboxSplitter, toHeaders } from '../../../src/app/import-mail.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/touchpoints');

/** The Message-IDs of an mbox read in pieces of `size` bytes. */
function messageIds(bytes: Buffer, size: number): string[] {
  const ids: string[] = [];
  const splitter = new MboxSplitter((block) => ids.push(toHeaders(block).get('message-id')?.[0] ?? '(none)'));
  for (let at = 0; at < bytes.length; at += size) splitter.push(bytes.subarray(at, at + size));
  splitter.end();
  return ids;
}

describe('MboxSplitter', () => {
  it.each(['gmail-takeout.mbox', 'thunderbird-sent.mbox'])('%s: the same messages whatever the pieces it is read in', (file) => {
    const bytes = readFileSync(resolve(FIXTURES, file));
    const whole = messageIds(bytes, bytes.length);
    expect(whole.length).toBe(file.startsWith('gmail') ? 8 : 3);
    for (const size of [1, 2, 5, 6, 7, 13, 64, 1000]) expect(messageIds(bytes, size)).toEqual(whole);
  });

  it('splits at "From " lines after a blank line that name a sender and a date, not at body lines that start with "From "', () => {
    const mbox = [
      'From a@x.example Sat Jan  3 01:05:34 1996',
      'Message-ID: <1@x>',
      '',
      'From the top.',
      '>From quoted.',
      '',
      'From here on, text.',
      '',
      'From b@x.example Sun Jan  4 01:05:34 1996',
      'Message-ID: <2@x>',
      '',
      '',
    ].join('\n');
    expect(messageIds(Buffer.from(mbox), 3)).toEqual(['<1@x>', '<2@x>']);
  });

  it('reads a lone message (no "From " line) and unfolds its headers', () => {
    const h = toHeaders(Buffer.from('To: a@x.example,\r\n b@x.example\r\nSubject: =?UTF-8?Q?hi?=\r\n'));
    expect(h.get('to')).toEqual(['a@x.example, b@x.example']);
    const ids: string[] = [];
    const splitter = new MboxSplitter((block) => ids.push(toHeaders(block).get('message-id')![0]!));
    splitter.push(Buffer.from('Message-ID: <lone@x>\nFrom: me@x.example\n\nbody\n'));
    splitter.end();
    expect(ids).toEqual(['<lone@x>']);
  });
});
