/**
 * Runs net in this process: the same run() that bin/net.js runs (cli/run.ts, built into dist/), on real journal
 * files, with stdout and stderr caught as strings and no terminal. It runs in a worker thread that this thread waits
 * for, so that a call is synchronous like spawnSync, and costs a few milliseconds instead of a process start.
 * What only a real process shows (exit of the process, signals, terminals, pipes, the bundle) stays with spawned tests.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { RunResult } from './run-net.js';

let worker: Worker | undefined;

export function runInProcess(args: readonly string[], env: Record<string, string>): RunResult {
  if (!worker) {
    worker = new Worker(new URL('./in-process-worker.mjs', import.meta.url));
    worker.unref();
  }
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ args: [...args], env, port: port2, done }, [port2]);
  if (Atomics.wait(done, 0, 0, 60_000) === 'timed-out') throw new Error(`net ${args.join(' ')} did not finish in 60 s`);
  const reply = receiveMessageOnPort(port1);
  port1.close();
  if (!reply) throw new Error(`net ${args.join(' ')} gave no result`);
  return reply.message as RunResult;
}
