/**
 * Every start-up trick of net, in one place; each saves more than the noise of measuring it (bench/startup.py: CPU ms
 * of a start above `node -e ''`, node 20, paired runs; two identical builds differ by up to 5 ms). README's
 * "Start-up tricks" gives the figures of every run.
 *
 *   trick                                   where                     saves (final run)           turn it off
 *   stdout and stderr written to their      std-streams.ts            12 ms on show, 16 on log,   NET_NODE_STREAMS=1
 *   file descriptors, not process.stdout                              4 on due
 *   ids from /dev/urandom's bytes, not      urandom-ids.ts            18 ms on a write (log)      NET_NODE_CRYPTO_IDS=1
 *   node:crypto's randomUUID
 *   commander's node:child_process loaded   lazy-child-process.cjs,   21 ms on log, 9 on due,     remove the alias
 *   on first use (never, in net)            rolldown.config.mjs       4 on show
 *   the bundle loaded from V8's code cache  load-bundle.ts,           35 to 45% of net's          NET_NODE_LOADER=1
 *   made at build time, by our own loader   make-code-cache.ts        instructions above node
 *   the bundle's requires resolved without  load-bundle.ts            16 M instructions on due,   NET_NODE_LOADER=1
 *   node:path, which V8 then optimized      (bundleFileIn)            check, show and log
 *   the process ends when run() returns     index.ts (startUp)        a scavenge and the heap's   NET_NODE_EXIT=1
 *                                                                     teardown (see README)
 *   the bundle minified                     rolldown.config.mjs       about 5 M instructions      remove minify
 *
 * Removed, being within the noise over three runs (-14 to +4 ms): the compile cache that kept V8's code between runs
 * on node 20 (vm.Script cached data, patching the module loader, written under ~/.cache at run time). load-bundle.ts
 * is made at build time and bypasses node's resolution; measured in instructions, it is far beyond the noise.
 */
import { useIdMaker } from '../../app/ids.js';
import { nodeStreamsIo, processIo, type Io } from './std-streams.js';
import { newUrandomId } from './urandom-ids.js';

/** What the process entry (cli/main.ts) runs net with: the process's own streams, and how it ends with an exit code. */
export interface Start {
  io: Io;
  end(code: number): void;
}

/**
 * The tricks on. Once run() has returned, the command is over: the journal is closed, a pager or any child process
 * has exited, and the result was written with writeSync. Exiting then spares the return to node's event loop, where
 * V8 would find time for one more scavenge of the young heap. Through node's streams (NET_NODE_STREAMS=1) their
 * writes may still be queued, so the process ends when they are done, as node ends it; NET_NODE_EXIT=1 turns the
 * trick off alone.
 */
export function startUp(env: NodeJS.ProcessEnv): Start {
  if (!env.NET_NODE_CRYPTO_IDS) useIdMaker(newUrandomId);
  const io = env.NET_NODE_STREAMS ? nodeStreamsIo() : processIo();
  const exitAtOnce = !env.NET_NODE_STREAMS && !env.NET_NODE_EXIT;
  return { io, end: exitAtOnce ? (code) => process.exit(code) : (code) => void (process.exitCode = code) };
}
