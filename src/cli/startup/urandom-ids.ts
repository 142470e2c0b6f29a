/**
 * Start-up trick: version 4 UUIDs made from /dev/urandom's bytes. Loading node:crypto for randomUUID brings node's
 * stream code with it, which costs a writing command more than its write (measured in README's start-up tricks);
 * where /dev/urandom cannot be read, randomUUID it is. Handed to app/ids.ts by startUp() (cli/startup/index.ts).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

const BATCH = 16 * 64;
let pool: Buffer | undefined;
let used = BATCH;
let urandom = true;

function randomBytes16(): Buffer | undefined {
  if (!urandom) return undefined;
  if (used === BATCH) {
    try {
      const fd = openSync('/dev/urandom', 'r');
      try {
        pool ??= Buffer.alloc(BATCH);
        if (readSync(fd, pool, 0, BATCH, null) !== BATCH) throw new Error('short read');
      } finally {
        closeSync(fd);
      }
      used = 0;
    } catch {
      urandom = false;
      return undefined;
    }
  }
  used += 16;
  return pool!.subarray(used - 16, used);
}

export function newUrandomId(): string {
  const b = randomBytes16();
  if (!b) return (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomUUID();
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
