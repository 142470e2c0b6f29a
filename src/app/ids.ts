/**
 * Random (version 4) UUIDs for new rows: node:crypto's randomUUID, unless the process's start-up gave a faster maker
 * (cli/startup/urandom-ids.ts, which reads /dev/urandom: see README's start-up tricks).
 */
import { createRequire } from 'node:module';

let maker: (() => string) | undefined;

/** Start-up code hands in its own maker of version 4 UUIDs. */
export function useIdMaker(make: () => string): void {
  maker = make;
}

export function newId(): string {
  maker ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomUUID;
  return maker();
}
