// The other half of in-process.ts: runs net's own run() (cli/run.ts, as built into dist/) for each message, with
// strings for stdout and stderr and no terminal, and wakes the waiting test thread when the run is over.
import { parentPort } from 'node:worker_threads';
import { run } from '../../dist/cli/run.js';

parentPort.on('message', async ({ args, env, port, done }) => {
  let stdout = '';
  let stderr = '';
  const io = { env, stdout: { write: (t) => void (stdout += t) }, stderr: { write: (t) => void (stderr += t) }, isTerminal: () => false };
  let code;
  try {
    code = await run(args, io);
  } catch (err) {
    // run() reports every error itself: one escaping it is a bug in net, shown as a crashed process would show it
    stderr += `${err instanceof Error ? err.stack : String(err)}\n`;
    code = 1;
  }
  port.postMessage({ stdout, stderr, code });
  port.close();
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
