/** The process's entry (bin/net.js runs its bundle): one run of net on the process's arguments and streams. */
import { report, run } from './run.js';
import { startUp } from './startup/index.js';

// No top-level await: the bundle is CommonJS, which node starts faster than an ES module (see rolldown.config.mjs).
const { io, end } = startUp(process.env);
run(process.argv.slice(2), io).then(end, (err: unknown) => end(report(err, process.env.NET_DEBUG === '1', undefined, io.stderr)));
