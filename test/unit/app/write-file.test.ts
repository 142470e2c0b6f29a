import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExclusive, markDurably, writeFileSafely, writeFileVia } from '../../../src/app/write-file.js';
import { UsageError } from '../../../src/core/errors.js';

let dir: string;
let journal: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'net-write-'));
  journal = join(dir, 'journal.db');
  writeFileSync(journal, 'the journal');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (file: string, force = false, text = 'hello') => writeFileSafely({ file, force, journal }, (w) => (w(text), text.length));
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as UsageError).message;
  }
  throw new Error('not refused');
};

describe('writeFileSafely', () => {
  it('writes the whole file 0600 and returns what fill returns; no temporary file stays', () => {
    const file = join(dir, 'out.txt');
    expect(write(file, false, 'é'.repeat(100_000))).toBe(100_000);
    expect(readFileSync(file, 'utf8')).toBe('é'.repeat(100_000));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['journal.db', 'out.txt']);
  });

  it('replaces an existing file only when forced', () => {
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'mine');
    expect(refusal(() => write(file))).toBe(`${file} already exists`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    write(file, true);
    expect(readFileSync(file, 'utf8')).toBe('hello');
  });

  it.each(['', '-wal', '-shm', '-journal'])('never the journal%s, by any name', (suffix) => {
    expect(refusal(() => write(`${journal}${suffix}`, true))).toMatch(/^\S+ is the journal/);
    expect(refusal(() => write(join(dir, '.', `journal.db${suffix}`), true))).toMatch(/is the journal/);
    expect(readFileSync(journal, 'utf8')).toBe('the journal');
  });

  it('never a hard link to the journal, nor through a symbolic link', () => {
    linkSync(journal, join(dir, 'hard'));
    expect(refusal(() => write(join(dir, 'hard'), true))).toMatch(/is the journal itself \(another name for the same file\)$/);
    writeFileSync(join(dir, 'target'), 'keep');
    symlinkSync(join(dir, 'target'), join(dir, 'link'));
    expect(refusal(() => write(join(dir, 'link'), true))).toBe(`${join(dir, 'link')} is a symbolic link`);
    expect(readFileSync(join(dir, 'target'), 'utf8')).toBe('keep');
  });

  it('leaves nothing behind when filling fails, and says why in one error', () => {
    const file = join(dir, 'out.txt');
    expect(() =>
      writeFileSafely({ file, force: false, journal }, (w) => {
        w('half');
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      }),
    ).toThrow(`cannot write ${file}: the disk is full`);
    expect(readdirSync(dir)).toEqual(['journal.db']);
  });

  it('keeps an old file whole when the new one fails', () => {
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'old');
    expect(() => writeFileSafely({ file, force: true, journal }, () => { throw Object.assign(new Error('x'), { code: 'EFBIG' }); })).toThrow(/ulimit -f/);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});

describe('writeFileSafely, not durable (a file of sync\'s working copy)', () => {
  it('is whole, owner-only and renamed into place all the same; no temporary file stays', () => {
    const file = join(dir, 'batch.age');
    writeFileSync(file, 'old');
    expect(writeFileSafely({ file, force: true, journal, durable: false }, (w) => (w('new '.repeat(50_000)), 1))).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('new '.repeat(50_000));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['batch.age', 'journal.db']);
  });

  it('keeps the same refusals', () => {
    symlinkSync(join(dir, 'nowhere'), join(dir, 'link'));
    expect(refusal(() => writeFileSafely({ file: join(dir, 'link'), force: true, journal, durable: false }, (w) => w('x')))).toBe(`${join(dir, 'link')} is a symbolic link`);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });
});

describe('markDurably', () => {
  it('makes an empty owner-only file, and leaves one already there as it is', () => {
    const mark = join(dir, 'writing');
    markDurably(mark);
    expect(readFileSync(mark, 'utf8')).toBe('');
    expect(statSync(mark).mode & 0o777).toBe(0o600);
    writeFileSync(mark, 'left by a killed sync');
    markDurably(mark);
    expect(readFileSync(mark, 'utf8')).toBe('left by a killed sync');
  });

  it('never through a symbolic link: one error, nothing made where the link points', () => {
    const link = join(dir, 'writing');
    symlinkSync(join(dir, 'nowhere'), link);
    expect(refusal(() => markDurably(link))).toMatch(/^cannot write /);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });
});

describe('writeFileVia', () => {
  it('hands its producer an owner-only temporary file beside the target, and renames it into place', async () => {
    const file = join(dir, 'copy.db');
    let seen = '';
    await writeFileVia({ file, force: false, journal }, async (temp) => {
      seen = temp;
      expect(statSync(temp).mode & 0o777).toBe(0o600);
      writeFileSync(temp, 'copied');
    });
    expect(seen.startsWith(join(dir, '.copy.db.'))).toBe(true);
    expect(existsSync(seen)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('copied');
  });

  it('removes the temporary file and its SQLite companions when the producer fails', async () => {
    const file = join(dir, 'copy.db');
    await expect(
      writeFileVia({ file, force: false, journal }, async (temp) => {
        writeFileSync(`${temp}-journal`, 'x');
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
      }),
    ).rejects.toThrow(`cannot write ${file}: the disk refused the write`);
    expect(readdirSync(dir)).toEqual(['journal.db']);
  });
});

describe('createExclusive', () => {
  it('makes the file whole and owner-only in one step (a link), and leaves nothing else in the folder', () => {
    const lock = join(dir, 'lock');
    expect(createExclusive(lock, '4242\n')).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe('4242\n');
    expect(statSync(lock).mode & 0o777).toBe(0o600);
    expect(statSync(lock).nlink).toBe(1); // its own file, linked and then let go
    expect(readdirSync(dir).sort()).toEqual(['journal.db', 'lock']);
  });

  it('returns false, and changes nothing, when a file or a link (even a dangling one) is at the name', () => {
    const lock = join(dir, 'lock');
    writeFileSync(lock, '1\n');
    expect(createExclusive(lock, '2\n')).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe('1\n');
    const link = join(dir, 'link');
    symlinkSync(join(dir, 'nowhere'), link);
    expect(createExclusive(link, '2\n')).toBe(false);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['journal.db', 'link', 'lock']);
  });

  it('a file of its own left by a killed process of the same pid does not stop it', () => {
    const lock = join(dir, 'lock');
    writeFileSync(`${lock}.${process.pid}`, 'half');
    expect(createExclusive(lock, 'whole\n')).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe('whole\n');
    expect(readdirSync(dir).sort()).toEqual(['journal.db', 'lock']);
  });
});
