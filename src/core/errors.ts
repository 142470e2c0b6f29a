/** Errors that carry their exit code; cli/main.ts is the only place that turns them into output. */
// 3 (premature) is a verdict, not an error: net check and net ask set it on the context and still print their answer.
export type ExitCode = 2 | 4 | 5;

export class NetError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags, unreadable values, input missing without a terminal. */
export class UsageError extends NetError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** An unknown or ambiguous contact name; candidates are the names to offer. */
export class NotFoundError extends NetError {
  constructor(
    message: string,
    readonly candidates: string[] = [],
    hint?: string,
  ) {
    super(message, 4, hint);
  }
}

/** What a failed write's error code means, in words, for a file or for the output. */
const WRITE_FAILURES: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EFBIG: 'the file would be larger than this process may write (ulimit -f)',
  EIO: 'the disk reported an input/output error',
  // SQLite's own codes, for the copy its online backup writes.
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'the disk refused the write (an input/output error, or the size limit of ulimit -f)',
};

export function describeWriteFailure(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code) return WRITE_FAILURES[code] ?? WRITE_FAILURES[code.replace(/^(SQLITE_[A-Z]+)_.*/, '$1')] ?? code;
  return err instanceof Error ? err.message : String(err);
}

/** The result could not be printed: stdout is on a full disk, or fails otherwise. */
export class OutputError extends NetError {
  constructor(readonly reason: string) {
    super(`cannot print the result: ${reason}`, 2, 'send the output somewhere that can take it');
  }
}

/** The journal file cannot be used: missing folder, not a journal, locked, too new. */
export class StoreError extends NetError {
  constructor(message: string, hint?: string) {
    super(message, 5, hint);
  }
}
