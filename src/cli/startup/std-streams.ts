/**
 * Start-up trick: stdout and stderr written straight to their file descriptors. Every command prints its result once,
 * at the end; `process.stdout` would cost each start a stream (node loads its stream and socket code for a pipe), and
 * asking `process.stdin.isTTY` builds stdin's stream too. Prompts still use node's own streams. NET_NODE_STREAMS=1
 * turns it off (cli/startup/index.ts).
 */
import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describeWriteFailure } from '../../app/write-failure.js';
import { OutputError } from '../../core/errors.js';

export interface Writer {
  write(text: string): void;
}

/** What a run of net talks to: the process's own (processIo) or, in tests, strings in memory. */
export interface Io {
  env: NodeJS.ProcessEnv;
  stdout: Writer;
  stderr: Writer;
  isTerminal(fd: 0 | 1 | 2): boolean;
  /** The terminal's width, when fd is one (help wraps to it). */
  columns?(fd: 1 | 2): number | undefined;
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

/** stdout on a full disk: the command fails with one line (cli/run.ts says whether its write was saved all the same). */
const failOutput = (err: unknown) => {
  const reason = describeWriteFailure(err);
  throw new OutputError(`cannot print the result: ${reason}`, reason, 'send the output somewhere that can take it');
};

export const stdout: Writer = toWriter(1, exitQuietly, failOutput);
// When stderr itself cannot be written to, there is nowhere left to say so: the exit code still does.
export const stderr: Writer = toWriter(2, () => undefined, () => undefined);

/**
 * node:tty brings node's socket and stream code with it, which most commands never need: a pipe or a file, never a
 * terminal, is told apart by fstat alone, and node:tty is loaded only for a character device (a terminal, /dev/null).
 */
export function isTerminal(fd: 0 | 1 | 2): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false; // a closed descriptor
  }
  const tty = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return tty.isatty(fd);
}

/** Only a terminal has a width; asking node's stream for it builds the stream, so it is asked only of a terminal. */
function columns(fd: 1 | 2): number | undefined {
  return isTerminal(fd) ? (fd === 1 ? process.stdout : process.stderr).columns : undefined;
}

export const processIo = (): Io => ({ env: process.env, stdout, stderr, isTerminal, columns });

/** The trick turned off: node's own process.stdout and process.stderr (a closed pipe then ends net quietly too). */
export function nodeStreamsIo(): Io {
  const quiet = () => undefined;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : quiet()));
  return { env: process.env, stdout: { write: (t) => void process.stdout.write(t) }, stderr: { write: (t) => void process.stderr.write(t) }, isTerminal, columns };
}
