/** Errors that carry their exit code; cli/main.ts is the only place that turns them into output. */
// 3 (premature) is a verdict, not an error: net check and net ask set it on the context and still print their answer.
export type ExitCode = 2 | 4 | 5 | 6;

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

/** The result could not be printed: stdout is on a full disk, or fails otherwise; `reason` says why. */
export class OutputError extends NetError {
  constructor(
    message: string,
    readonly reason: string,
    hint?: string,
  ) {
    super(message, 2, hint);
  }
}

/** The journal file cannot be used: missing folder, not a journal, locked, too new. */
export class StoreError extends NetError {
  constructor(message: string, hint?: string) {
    super(message, 5, hint);
  }
}

/**
 * `net sync` cannot use its remote: git missing or failing, the remote unreachable or damaged, a wrong passphrase or
 * key, a remote written by a newer net, another sync running (6); a missing or bad flag or passphrase input (2).
 * The journal is unchanged.
 */
export class SyncError extends NetError {
  constructor(message: string, hint?: string, code: 2 | 6 = 6) {
    super(message, code, hint);
  }
}
