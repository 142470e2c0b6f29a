/**
 * Tab completion as a shell does it, against a real journal: bash's `complete` machinery (COMP_WORDS, the function
 * the script registers, and a real interactive bash in a pseudo-terminal typing Tab), zsh's compsys and fish's own
 * completion, each loading the script `net completion <shell>` prints. zsh and fish are skipped, saying so, where they
 * are not installed (.ci/run installs them).
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, runNetInPty } from '../helpers/pty.js';
import { BIN, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeAll(() => {
  j = makeJournal('2026-11-30', 'in-process');
  for (const args of [
    ['add', 'Jane Doe', '--tag', 'bni'],
    ['add', 'Jürgen Müller', '--tag', 'bni-köln'],
    ['add', "Zoë O'Neill", '--tag', 'client'],
    ['add', 'Ravi Patel'],
  ]) {
    expect(j.run(...args).code).toBe(0);
  }
});
afterAll(() => j.cleanup());

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const env = () => ({ PATH: process.env.PATH ?? '', HOME: j.dir, NET_DB: j.db, NET_NOW: '2026-11-30', NET_NODE: process.execPath, NET_BIN: BIN });

/**
 * In an interactive shell, `net` runs the real bin/net.js for what the completion scripts call (`net complete`, `net
 * completion`); any other command line prints its arguments, [one][by][one], to show what Tab put on the line.
 */
const SHOW_ARGS = `net() { if [ "$1" = complete ] || [ "$1" = completion ]; then "$NET_NODE" "$NET_BIN" "$@"; else printf '[%s]' "$@"; echo; fi; }`;
/** The pseudo-terminal's command: the shell named, with the journal and net's paths from runNetInPty's arguments. */
const shellWith = (shell: string) => `export NET_NODE="$1" NET_BIN="$2" NET_DB="$4" PS1='READY> ' NET_NOW=2026-11-30; exec ${shell}`;

/** Runs a bash script with `net` defined as the real bin/net.js and the completion script loaded. */
function bash(script: string): string {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `net() { "$NET_NODE" "$NET_BIN" "$@"; }\nsource <(net completion bash)\n${script}`], { encoding: 'utf8', env: env() });
  expect(r.stderr).toBe('');
  return r.stdout;
}

/** COMPREPLY for the words, the last one being completed, as bash's machinery fills them in. */
const compreply = (...words: string[]) =>
  bash(`COMP_WORDS=(${words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _net_complete; printf '%s\\n' "\${COMPREPLY[@]}"`).split('\n').filter(Boolean);

describe('bash', () => {
  it('registers _net_complete for net', () => {
    expect(bash('complete -p net')).toMatch(/^complete -o default -o nosort -F _net_complete net\n$/);
  });

  it.each([
    [['net', 'lo'], ['log']],
    [['net', 'log', 'ja'], ["'Jane Doe'"]],
    [['net', 'log', 'j'], ["'Jane Doe'", "'Jürgen Müller'"]],
    [['net', 'show', 'jurg'], ["'Jürgen Müller'"]],
    [['net', 'show', 'zo'], [`'Zoë O'\\''Neill'`]],
    [['net', 'show', 'patel'], ["'Ravi Patel'"]],
    [['net', 'show', "'Ja"], ['Jane Doe']],
    [['net', 'log', 'jane', 'co'], ['coffee']],
    [['net', 'log', 'jane', 'gave', 'ar'], ['article']],
    [['net', 'log', '--touch', 'c'], ['coffee', 'call']],
    [['net', 'log', '--touch', '=', 'co'], ['coffee']],
    [['net', 'log', '--gave', 're'], ['referral']],
    [['net', 'check', 'jane', '--for', 'int'], ['introduction']],
    [['net', 'list', '--tag', 'bni'], ['bni', 'bni-köln']],
    [['net', 'edit', 'jane', '--untag', 'c'], ['client']],
    [['net', 'edit', 'jane', '--forget-e'], ['--forget-email']],
    [['net', '--js'], ['--json']],
    [['net', 'completion', ''], ['bash', 'zsh', 'fish']],
    [['net', 'nosuch', ''], []],
  ])('completes %j with %j', (words, expected) => {
    expect(compreply(...words)).toEqual(expected);
  });

  it('says where a file is wanted (directive 0: bash completes file names) and where none is (4)', () => {
    const directive = (...words: string[]) => spawnSync(process.execPath, [BIN, 'complete', '--bash', '--', ...words], { encoding: 'utf8', env: env() }).stdout.trim().split('\n').at(-1);
    expect([directive('import', ''), directive('--db', ''), directive('show', ''), directive('log', '--touch', '')]).toEqual([':0', ':0', ':4', ':4']);
  });

  it('inserts a name with spaces quoted when Tab is pressed in an interactive bash', { timeout: 30_000 }, () => {
    const r = runNetInPty(j, [], [
      { wait: 'READY> ', send: `${SHOW_ARGS}; source <(net completion bash)\r` },
      { wait: 'READY> ', send: 'net log ja' },
      { wait: 'net log ja', send: '\t' },
      { wait: "'Jane Doe' ", send: `coffee\r` },
      { wait: '[log][Jane Doe][coffee]', send: `exit\r` },
    ], { shell: shellWith('bash --norc --noprofile -i') });
    expect(r).toMatchObject({ stuckOn: null, timedOut: false });
  });
});

describe.skipIf(!has('zsh'))('zsh (skipped when zsh is not installed)', () => {
  it('completes a command, then a name with spaces escaped, through compsys', { timeout: 30_000 }, () => {
    const r = runNetInPty(j, [], [
      { wait: 'READY> ', send: `autoload -U compinit; compinit -u; ${SHOW_ARGS}; source <(net completion zsh)\r` },
      { wait: 'READY> ', send: 'net sho\t' },
      { wait: 'w', send: 'Ja\t' },
      { wait: 'Doe', send: 'coffee\r' },
      { wait: '[show][Jane Doe][coffee]', send: 'exit\r' },
    ], { shell: shellWith('zsh -f -i') });
    expect(r).toMatchObject({ stuckOn: null, timedOut: false });
  });
});

describe.skipIf(!has('fish'))('fish (skipped when fish is not installed)', () => {
  const fish = (line: string) => {
    const script = `function net; "$NET_NODE" "$NET_BIN" $argv; end; net completion fish | source; complete -C ${JSON.stringify(line)}`;
    const r = spawnSync('fish', ['--no-config', '-c', script], { encoding: 'utf8', env: env() });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
  };

  it.each([
    ['net lo', ['log']],
    ['net log Ja', ['Jane Doe']],
    ['net log jane coffee gave ar', ['article']],
    ['net log --touch=co', ['--touch=coffee']],
    ['net list --tag bn', ['bni', 'bni-köln']],
  ])('completes %j with %j', (line, expected) => {
    expect(fish(line)).toEqual(expected);
  });
});
