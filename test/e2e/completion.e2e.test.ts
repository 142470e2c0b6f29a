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

const END = '--end of case--';
/**
 * COMPREPLY for each list of words, the last one being completed, as bash's machinery fills them in (emptied, then
 * _net_complete): one bash for all of them, the script loaded once, each completion still its own `net complete`.
 */
const compreplies = (cases: readonly (readonly string[])[]) =>
  bash(
    cases
      .map((words) => `COMP_WORDS=(${words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _net_complete; printf '%s\\n' "\${COMPREPLY[@]}" '${END}'`)
      .join('\n'),
  )
    .split(`${END}\n`)
    .slice(0, -1)
    .map((out) => out.split('\n').filter(Boolean));

describe('bash', () => {
  it('registers _net_complete for net', () => {
    expect(bash('complete -p net')).toMatch(/^complete -o default -o nosort -F _net_complete net\n$/);
  });

  const cases: [string[], string[]][] = [
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
  ];
  let replies: string[][];
  beforeAll(() => {
    replies = compreplies(cases.map(([words]) => words));
  });
  it.each(cases.map(([words, expected], i) => [words, expected, i] as const))('completes %j with %j', (_words, expected, i) => {
    expect(replies[i]).toEqual(expected);
  });
  it('completed each case once', () => {
    expect(replies).toHaveLength(cases.length);
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
  /** fish's own completion of each line: one fish for all of them, the script loaded once. */
  const fish = (lines: readonly string[]) => {
    const script = `function net; "$NET_NODE" "$NET_BIN" $argv; end; net completion fish | source\n${lines.map((line) => `complete -C ${JSON.stringify(line)}; echo '${END}'`).join('\n')}`;
    const r = spawnSync('fish', ['--no-config', '-c', script], { encoding: 'utf8', env: env() });
    expect(r.stderr).toBe('');
    return r.stdout
      .split(`${END}\n`)
      .slice(0, -1)
      .map((out) => out.split('\n').filter(Boolean).map((l) => l.split('\t')[0]));
  };

  const cases: [string, string[]][] = [
    ['net lo', ['log']],
    ['net log Ja', ['Jane Doe']],
    ['net log jane coffee gave ar', ['article']],
    ['net log --touch=co', ['--touch=coffee']],
    ['net list --tag bn', ['bni', 'bni-köln']],
  ];
  let replies: (string | undefined)[][];
  beforeAll(() => {
    replies = fish(cases.map(([line]) => line));
  });
  it.each(cases.map(([line, expected], i) => [line, expected, i] as const))('completes %j with %j', (_line, expected, i) => {
    expect(replies[i]).toEqual(expected);
  });
  it('completed each line once', () => {
    expect(replies).toHaveLength(cases.length);
  });
});
