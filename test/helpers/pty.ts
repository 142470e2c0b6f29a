/**
 * Runs the real bin/net.js in a pseudo-terminal, so that the guided flows see a terminal and inquirer reads keys.
 * python3's pty module does the terminal work (python3 is on every machine that runs the tests, CI included): it
 * waits for each expected text on the screen, then types the step's keys, and reports the screen and exit code.
 * Every run is bounded by a timeout, so a prompt that hangs fails the test instead of blocking it.
 */
import { spawnSync } from 'node:child_process';
import { BIN, TODAY, type Journal } from './run-net.js';

/**
 * The python3 that runs the driver, asked of `python3` once per worker: `python3` on PATH may be a version manager's
 * shim (pyenv's is a shell script that starts its own processes; 0.7 s a start on our machines against 0.1 s for the
 * interpreter itself), and every guided test starts one or more. The driver needs only the standard library, so it
 * runs with -S: no site module, no .pth files of installed packages (another 0.1 s a start).
 */
let interpreter: string | undefined;
export function python3(): string {
  interpreter ??= spawnSync('python3', ['-S', '-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout?.trim() || 'python3';
  return interpreter;
}

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03', backspace: '\x7f' } as const;

export interface PtyStep {
  /** Text to wait for on the screen (colour and cursor codes removed), after the previous step's text. */
  wait: string;
  /** Keys to type once it is there. */
  send: string;
}

export interface PtyResult {
  /** Everything the program wrote to the terminal, without escape codes. */
  screen: string;
  /** The same with its escape codes (colour, cursor), as the terminal got it. */
  raw: string;
  code: number | null;
  /** The text a step was still waiting for when the time ran out, if any. */
  stuckOn: string | null;
  timedOut: boolean;
}

const DRIVER = String.raw`
import fcntl, json, os, pty, re, select, struct, sys, termios, time, signal
spec = json.loads(sys.argv[1])
ANSI = re.compile(rb'\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b[=>78]')
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    os.execvpe(spec['argv'][0], spec['argv'], os.environ)
deadline = time.time() + spec['timeout']
buf = b''
eof = False
def pump(wait):
    global buf, eof
    if eof: return
    r, _, _ = select.select([fd], [], [], wait)
    if not r: return
    try:
        data = os.read(fd, 65536)
    except OSError:
        data = b''
    if data: buf += data
    else: eof = True
def screen():
    return ANSI.sub(b'', buf).replace(b'\r', b'').decode('utf-8', 'replace')
seen = 0
stuck = None
for step in spec['steps']:
    while True:
        i = screen().find(step['wait'], seen)
        if i >= 0:
            seen = i + len(step['wait'])
            break
        if eof or time.time() > deadline:
            stuck = step['wait']
            break
        pump(0.05)
    if stuck is not None: break
    time.sleep(spec['settle'])
    os.write(fd, step['send'].encode())
while not eof and time.time() < deadline:
    pump(0.1)
code = None
timed_out = False
while True:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        code = os.waitstatus_to_exitcode(status)
        break
    if time.time() > deadline:
        timed_out = True
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        break
    time.sleep(0.05)
print(json.dumps({'screen': screen(), 'raw': buf.decode('utf-8', 'replace'), 'code': code, 'stuckOn': stuck, 'timedOut': timed_out}))
`;

export function runNetInPty(
  j: Pick<Journal, 'db' | 'dir'>,
  args: readonly string[],
  steps: readonly PtyStep[],
  /**
   * `shell` runs a sh script in the terminal instead, with "$NET" set to the net command line (for `stty -a` after it).
   * `settleMs`: the pause between a step's text showing and its keys being typed (100 ms unless said).
   * `env`: variables set for the run, over the test's own (NO_COLOR among them); undefined takes one out.
   */
  opts: { timeoutMs?: number; now?: string; shell?: string; settleMs?: number; env?: Record<string, string | undefined> } = {},
): PtyResult {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const net = [process.execPath, BIN, '--db', j.db, ...args];
  const argv = opts.shell === undefined ? net : ['sh', '-c', opts.shell, 'sh', ...net];
  const spec = { argv, steps, timeout: timeoutMs / 1000, settle: (opts.settleMs ?? 100) / 1000 };
  const env: Record<string, string | undefined> = { PATH: process.env.PATH ?? '', HOME: j.dir, XDG_DATA_HOME: j.dir, NO_COLOR: '1', NET_NOW: opts.now ?? TODAY, TERM: 'xterm-256color', ...opts.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const r = spawnSync(python3(), ['-S', '-c', DRIVER, JSON.stringify(spec)], { encoding: 'utf8', env, timeout: timeoutMs + 5_000 });
  if (r.status !== 0) throw new Error(`the pty driver failed (${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout) as PtyResult;
}
