/**
 * What a failed write means, in words: for a file net writes (app/write-file.ts) and for its output
 * (cli/startup/std-streams.ts), which both say it in their one error line.
 */
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
