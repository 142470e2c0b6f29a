/**
 * The user's own git, run as they run it (their PATH, their ssh keys and agent, their credential helpers: their
 * environment), for `net sync`. net holds a working copy of the remote beside the journal and uses it as a cache of
 * the remote: every sync fetches and resets it to the remote's branch, so that a sync killed at any point leaves
 * nothing that the next one must repair. Commits carry no personal data: a fixed author, and messages of machine ids
 * and batch numbers only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SyncError } from '../core/errors.js';

/**
 * The branch net wrote to before it followed the remote's HEAD: a remote it set up then keeps it (see openWorkingCopy).
 */
const FORMER_BRANCH = 'main';

export interface GitOptions {
  /** The working copy. */
  dir: string;
  env: NodeJS.ProcessEnv;
  /** A person at a terminal: git (ssh) may ask for a passphrase there; off a terminal it must never wait for one. */
  interactive: boolean;
  /** Time spent in git, added up (the benchmark reports it apart). */
  timing?: { ms: number };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const NO_PERSONAL_AUTHOR = ['-c', 'user.name=net', '-c', 'user.email=net@localhost', '-c', 'commit.gpgsign=false'];

function git(o: GitOptions, args: string[], cwd = o.dir): Run {
  const env = { ...o.env, ...(o.interactive ? {} : { GIT_TERMINAL_PROMPT: '0', GIT_SSH_COMMAND: o.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes' }) };
  // process.hrtime, not performance.now(): the first use of the global performance loads node's perf_hooks, nine
  // modules of node's own compiled for a clock (issue 19: 2 to 8 ms of an everyday sync, for its benchmark's figure).
  const start = process.hrtime.bigint();
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (o.timing) o.timing.ms += Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SyncError('git is not installed (or not on PATH)', 'install git (https://git-scm.com) and run the command again; the journal is unchanged');
    throw new SyncError(`git could not run: ${r.error.message}`, 'check your git installation; the journal is unchanged');
  }
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** git's own complaint, on one line: its first "fatal:" or "error:" line, else its last line. */
function toComplaint(r: Run): string {
  const lines = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? `exit code ${r.code}`;
  return line.replace(/^(fatal|error):\s*/, '');
}

const failed = (r: Run, what: string) =>
  new SyncError(`git could not ${what}: ${toComplaint(r)}`, 'check the remote and your access to it (git fetch shows the same); the journal is unchanged');

function must(o: GitOptions, args: string[], what: string): Run {
  const r = git(o, args);
  if (r.code !== 0) throw failed(r, what);
  return r;
}

/**
 * A working copy of `remote` at o.dir (made when missing), pointed at that remote, on the branch net syncs: the one the
 * remote's HEAD names, which is the branch `git clone` checks out and a git host shows. Made by `git clone` itself,
 * the one git command that learns the HEAD of an empty remote too (git's protocol v2; a server that cannot say gives
 * the user's own init.defaultBranch, as their own clone would). A client cannot set a remote's HEAD on most hosts
 * (over ssh or https git has no command for it), so net follows the remote rather than the other way round. A remote
 * set up by a net of before, whose HEAD names a branch it never had, keeps the branch net used then. Returns the
 * remote's address as git keeps it: the one to store, so that a copy made again later finds the same remote.
 */
export function openWorkingCopy(o: GitOptions, remote: string): string {
  const fresh = !existsSync(join(o.dir, '.git'));
  if (fresh) {
    rmSync(o.dir, { recursive: true, force: true });
    // Run where the user is, as their own git clone would: a remote given as a relative folder (../net.git) is read
    // from there, not from beside the journal. The address git then records (a folder made absolute) is returned.
    const r = git(o, ['clone', '-q', '--no-checkout', '--no-tags', '--origin', 'origin', remote, o.dir], process.cwd());
    if (r.code !== 0) {
      rmSync(o.dir, { recursive: true, force: true });
      throw unreachable(r);
    }
    const named = branchOf(o);
    const has = (b: string) => git(o, ['rev-parse', '-q', '--verify', `refs/remotes/origin/${b}`]).code === 0;
    if (named !== FORMER_BRANCH && !has(named) && has(FORMER_BRANCH)) must(o, ['symbolic-ref', 'HEAD', `refs/heads/${FORMER_BRANCH}`], 'make a working copy');
  }
  // An existing working copy is of this remote: net sync init makes a new one for another.
  // A git killed with the sync before it (SIGKILL) leaves its lock: no git runs here but the sync that holds net's lock.
  rmSync(join(o.dir, '.git', 'index.lock'), { force: true });
  if (!fresh) return remote;
  const kept = must(o, ['config', '--get', 'remote.origin.url'], 'make a working copy').stdout.trim() || remote;
  // git keeps a local folder made absolute but as typed (/home/me/../usb/net.git): said and stored as its real path.
  return kept.startsWith('/') && existsSync(kept) ? realpathSync(kept) : kept;
}

/**
 * The branch the working copy is on, which is the remote's branch net syncs: read from .git/HEAD (one line, "ref:
 * refs/heads/<branch>") rather than asked of git, a process fewer in every sync. A working copy made by a net of before
 * is on the branch it always used.
 */
function branchOf(o: GitOptions): string {
  let head = '';
  try {
    head = readFileSync(join(o.dir, '.git', 'HEAD'), 'utf8');
  } catch {
    // no working copy yet
  }
  return /^ref: refs\/heads\/(\S+)\s*$/.exec(head)?.[1] ?? FORMER_BRANCH;
}

const unreachable = (r: Run) => {
  const complaint = toComplaint(r);
  // A folder that is not there is a wrong address, not a network fault: git says "repository '…' does not exist".
  const how = /does not exist/.test(complaint)
    ? 'check the remote\'s address (a folder must hold a repository: git init --bare <folder> makes an empty one); the journal is unchanged'
    : 'check the network, the remote\'s address and your access to it (git fetch shows the same); the journal is unchanged';
  return new SyncError(`cannot reach the remote: ${complaint}`, how);
};

/**
 * Fetches the remote and makes the working copy exactly the remote's branch (nothing of a sync killed before it stays).
 * Returns false when the remote has no branch yet (an empty repository). `untracked`: files may have been written and
 * not committed (a sync killed while it wrote), which `git clean` then removes; otherwise (every file net wrote was
 * committed) the reset alone leaves the working copy exact, and one git process fewer runs.
 */
export function pull(o: GitOptions, untracked = true): boolean {
  const branch = branchOf(o);
  const r = git(o, ['fetch', '-q', '--no-tags', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
  if (r.code !== 0) {
    // An empty remote has no branch to fetch: that is not an error.
    if (/couldn't find remote ref|could not find remote ref/i.test(toComplaint(r))) {
      resetToNothing(o);
      return false;
    }
    throw unreachable(r);
  }
  must(o, ['reset', '-q', '--hard', `refs/remotes/origin/${branch}`], 'update the working copy');
  if (untracked) must(o, ['clean', '-q', '-f', '-d'], 'update the working copy');
  return true;
}

/** An empty remote: the working copy holds nothing either (a publish killed before its push left files). */
function resetToNothing(o: GitOptions): void {
  if (git(o, ['rev-parse', '-q', '--verify', 'HEAD']).code === 0) must(o, ['update-ref', '-d', 'HEAD'], 'update the working copy');
  git(o, ['rm', '-r', '-q', '--cached', '--ignore-unmatch', '.']);
  must(o, ['clean', '-q', '-f', '-d', '-x'], 'update the working copy');
}

/**
 * Commits every change of the working copy (with a message of ids and numbers only); false when there is none. The
 * commit is tried at once: only when it fails does `git diff --cached` tell "nothing to commit" (said in the user's
 * language, so not read from commit's output) from a failure, which saves a git process in every sync that pushes.
 */
export function commitAll(o: GitOptions, message: string): boolean {
  must(o, ['add', '-A'], 'stage the files');
  const r = git(o, [...NO_PERSONAL_AUTHOR, 'commit', '-q', '--no-verify', '-m', message]);
  if (r.code === 0) return true;
  if (git(o, ['diff', '--cached', '--quiet']).code === 0) return false;
  throw failed(r, 'commit');
}

/** Pushes the branch (branchOf); 'rejected' when another machine pushed first (fetch, merge and push again). */
export function push(o: GitOptions): 'pushed' | 'rejected' {
  const r = git(o, ['push', '-q', '--porcelain', 'origin', `HEAD:refs/heads/${branchOf(o)}`]);
  if (r.code === 0) return 'pushed';
  if (/^!.*\[(rejected|remote rejected)\].*(fetch first|non-fast-forward|stale info|cannot lock ref|failed to update ref)/m.test(r.stdout) || /\[rejected\]/.test(r.stdout)) return 'rejected';
  throw new SyncError(`cannot push to the remote: ${toComplaint(r)}`, 'check your access to the remote (git push shows the same); your changes are kept, and the next net sync pushes them');
}
