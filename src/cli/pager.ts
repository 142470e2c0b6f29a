/**
 * A long list on a terminal goes through a pager, as git's output does: $NET_PAGER, else $PAGER, else `less`, with
 * LESS=FRX when LESS is not set (quit at once when it fits one screen, keep colours, leave the text on the screen).
 * An empty pager or `cat` means none, and so does output that is not a terminal, or a terminal without TERM (or dumb). The pager reads the list as net writes
 * it, so that its first screen shows as soon as net has written that much.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Sink } from '../ui/output.js';
import type { CliContext } from './context.js';

export interface PagedSink extends Sink {
  /** Done writing: waits for the pager, if any, to be quit. */
  end(): Promise<void>;
}

/** The pager's command, or undefined for none. */
export function findPager(env: NodeJS.ProcessEnv): string | undefined {
  const pager = (env.NET_PAGER ?? env.PAGER ?? 'less').trim();
  return pager === '' || pager === 'cat' ? undefined : pager;
}

/** Plain words run as they are; anything a shell would read (quotes, pipes, $) runs through sh, as git does. */
const SHELL_CHARACTERS = /[|&;<>()$`\\"'*?[\]#~=%{}\s]/;

function startPager(command: string, env: NodeJS.ProcessEnv): Promise<ChildProcess | undefined> {
  const words = command.split(/\s+/);
  const plain = !words.some((w) => SHELL_CHARACTERS.test(w));
  const child = spawn(plain ? words[0]! : command, plain ? words.slice(1) : [], {
    shell: !plain,
    stdio: ['pipe', 'inherit', 'inherit'],
    env: { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' },
  });
  // A pager that cannot be run (no less on the machine): the list is printed as it is.
  return new Promise((resolve) => {
    child.once('spawn', () => resolve(child));
    child.once('error', () => resolve(undefined));
  });
}

/** Where a list is written: a pager when stdout is a terminal and one is set, else stdout itself. */
export async function openListSink(ctx: CliContext, usePager: boolean): Promise<PagedSink> {
  // A terminal that cannot move its cursor (TERM unset or dumb) gets the list as it is: less would stop to complain.
  const capable = (ctx.env.TERM ?? 'dumb') !== 'dumb';
  const command = usePager && capable && !ctx.out.json && ctx.io.isTerminal(1) ? findPager(ctx.env) : undefined;
  const child = command === undefined ? undefined : await startPager(command, ctx.env);
  if (!child?.stdin) return { closed: false, write: (text) => ctx.io.stdout.write(text), end: async () => undefined };
  const stdin = child.stdin;
  let closed = false;
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // EPIPE: the pager was quit before the end. Either way nothing more is written.
  const gone = Promise.race([exited, new Promise<void>((resolve) => stdin.once('error', () => resolve()))]).then(() => {
    closed = true;
  });
  // Ctrl+C belongs to the pager while it runs (less clears its prompt); net finishes when the pager is quit.
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  return {
    get closed() {
      return closed;
    },
    async write(text) {
      if (closed || stdin.write(text)) return;
      await Promise.race([new Promise<void>((resolve) => stdin.once('drain', () => resolve())), gone]);
    },
    async end() {
      if (!closed) stdin.end();
      await exited;
      process.off('SIGINT', ignore);
    },
  };
}
