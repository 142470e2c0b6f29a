/** Tab completion in-process: the spec made from the command tree, and what the completer offers for the words typed. */
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/context.js';
import { buildProgram } from '../../../src/cli/program.js';
import { complete, joinBashWords, type CompletionLookups } from '../../../src/cli/completion/complete.js';
import { toCompletionSpec } from '../../../src/cli/completion/spec.js';
import { toCompletionScript } from '../../../src/cli/completion/scripts.js';

const program = await buildProgram({} as CliContext, [], { loadAll: true });
const spec = toCompletionSpec(program);
const NAMES = ['Jane Doe', 'Jürgen Müller', "Zoë O'Neill"];
const lookups: CompletionLookups = {
  names: (typed) => NAMES.filter((n) => n.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().startsWith(typed.toLowerCase())),
  tags: (typed) => ['bni', 'client'].filter((t) => t.startsWith(typed)),
};
const values = (words: string[], quote: 'none' | 'bash' | 'zsh' = 'none') => complete(spec, words, lookups, { quote }).items.map((i) => i.value);

describe('the completion spec', () => {
  it('has every command with every flag the command tree has, and the help flag', () => {
    expect(spec.commands.map((c) => c.name)).toEqual([...program.commands.map((c) => c.name()), 'help']);
    for (const cmd of program.commands) {
      const flags = spec.commands.find((c) => c.name === cmd.name())!.options.flatMap((o) => o.flags);
      expect(flags).toEqual(expect.arrayContaining([...cmd.options.map((o) => o.long!), '--help']));
    }
    expect(spec.globals.map((o) => o.flags[0])).toEqual(['--version', '--db', '--json', '--no-color', '--debug', '--help']);
  });

  it('knows which values each flag and argument takes', () => {
    const log = spec.commands.find((c) => c.name === 'log')!;
    expect(log.options.find((o) => o.flags[0] === '--touch')).toMatchObject({ takesValue: true, values: { words: expect.arrayContaining(['coffee', 'one-to-one']) } });
    expect(log.args).toEqual([{ name: 'name', variadic: false, values: 'names' }, { name: 'what', variadic: true, values: 'log-words' }]);
    expect(spec.commands.find((c) => c.name === 'import')!.args[0]).toMatchObject({ values: 'file' });
  });
});

describe('complete', () => {
  it.each([
    [['s'], ['show', 'search', 'snooze', 'sync']],
    [['log', 'j'], ['Jane Doe', 'Jürgen Müller']],
    [['log', 'jane', ''], ['coffee', 'lunch', 'call', 'video', 'message', 'email', 'event', 'one-to-one', 'gave', 'received', 'next', 'for']],
    [['log', 'jane', 'coffee', 'received', 'i'], ['introduction', 'idea']],
    [['log', 'jane', 'next', ''], []],
    [['log', '--value', '3', 'ja'], ['Jane Doe']],
    [['--db', 'x.db', '--json', 'show', 'zo'], ["Zoë O'Neill"]],
    [['intro', 'jane', 'j'], ['Jane Doe', 'Jürgen Müller']],
    [['intro', 'jane', 'jurgen', ''], []],
    [['ask', 'jane', '--for', ''], ['favour', 'referral', 'introduction', 'business', 'promotion']],
    [['export', '--format', ''], ['json', 'csv', 'vcf']],
    [['due', '--tag', 'b'], ['bni']],
    [['log', '--touch=co'], ['coffee']],
    [['--', 'x'], []],
    [['h'], ['help']],
    [['help', 'i'], ['ideas', 'intro', 'import']],
    [['help', 'log', ''], []],
  ])('after %j offers %j', (words, expected) => {
    expect(values(words)).toEqual(expected);
  });

  it('quotes names as bash and zsh read them, and leaves a quote the user opened to the shell', () => {
    expect(values(['show', 'j'], 'bash')).toEqual(["'Jane Doe'", "'Jürgen Müller'"]);
    expect(values(['show', 'zo'], 'bash')).toEqual([`'Zoë O'\\''Neill'`]);
    expect(values(['show', "'Ja"], 'bash')).toEqual(['Jane Doe']);
    expect(values(['show', 'zo'], 'zsh')).toEqual([`Zoë\\\\ O\\\\'Neill`]);
  });

  it('joins what bash split at "=", and offers files only where a file goes', () => {
    expect(joinBashWords(['log', '--touch', '=', 'co'])).toEqual(['log', '--touch=co']);
    expect(joinBashWords(['log', '--touch', '='])).toEqual(['log', '--touch=']);
    expect(values(['log', '--touch', '=', ''], 'bash')).toContain('coffee');
    expect(complete(spec, ['import', ''], lookups, { quote: 'bash' }).files).toBe(true);
    expect(complete(spec, ['--db', ''], lookups, { quote: 'bash' }).files).toBe(true);
    expect(complete(spec, ['show', ''], lookups, { quote: 'bash' }).files).toBe(false);
  });
});

describe('the scripts', () => {
  it("call net complete: zsh's asking for zsh's quoting, bash's for bash's", () => {
    expect(toCompletionScript('zsh')).toContain('requestComp="net complete --zsh -- ${quoted_args[*]}"');
    expect(toCompletionScript('fish')).toContain('net complete -- $args[2..-1] "$lastArg"');
    expect(toCompletionScript('bash')).toContain('net complete --bash -- "${COMP_WORDS[@]:1:COMP_CWORD}"');
  });
});
