/** The process's entry (bin/net.js runs its bundle): one run of net on the process's arguments and streams. */
import { report, run } from './run.js';
import { processIo } from './startup/std-streams.js';

// No top-level await: the bundle is CommonJS, which node starts faster than an ES module (see rolldown.config.mjs).
run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = report(err, process.env.NET_DEBUG === '1', undefined, processIo().stderr);
  },
);
