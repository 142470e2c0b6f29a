/**
 * stdout and stderr written straight to their file descriptors. Every command prints its result once, at the end;
 * `process.stdout` would cost each start a few milliseconds to build a stream (node loads its stream and socket code
 * for a pipe), and asking `process.stdin.isTTY` builds stdin's stream too. Prompts still use node's own streams.
 */
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describeWriteFailure, OutputError } from '../core/errors.js';

export interface Writer {
  write(text: string): void;
}

/** Waits about a millisecond without spinning: a pipe whose reader is slow can refuse a write for a moment. */
let sleeper: Int32Array | undefined;
function pause(): void {
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, 1);
}

function toWriter(fd: 1 | 2, onClosed: () => void, onFailed: (err: unknown) => void): Writer {
  return {
    write(text) {
      let bytes = Buffer.from(text, 'utf8');
      while (bytes.length > 0) {
        try {
          bytes = bytes.subarray(writeSync(fd, bytes));
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') pause();
          else if (code === 'EPIPE') return onClosed();
          else return onFailed(err);
        }
      }
    },
  };
}

/** `net list | head` closes the pipe early: that is not an error, and there is nothing more to print. */
const exitQuietly = () => process.exit(process.exitCode ?? 0);

/** stdout on a full disk: the command fails with one line (main.ts says whether its write was saved all the same). */
const failOutput = (err: unknown) => {
  throw new OutputError(describeWriteFailure(err));
};

export const stdout: Writer = toWriter(1, exitQuietly, failOutput);
// When stderr itself cannot be written to, there is nowhere left to say so: the exit code still does.
export const stderr: Writer = toWriter(2, () => undefined, () => undefined);

/** Loaded when asked: node:tty brings node's socket and stream code with it, which most commands never need. */
export function isTerminal(fd: 0 | 1 | 2): boolean {
  const tty = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return tty.isatty(fd);
}
