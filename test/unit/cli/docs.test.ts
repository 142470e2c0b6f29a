import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/context.js';
import { Help } from 'commander';
import { COMMANDS } from '../../../src/cli/commands.js';
import { buildProgram, COMMAND_NAMES, findCommandName } from '../../../src/cli/program.js';

const README = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
const program = await buildProgram({} as CliContext, [], { loadAll: true });
const commands = program.commands.map((c) => c.name());

describe('docs', () => {
  it('knows the journal commands', () => {
    expect(commands).toEqual(expect.arrayContaining(['add', 'log', 'where']));
  });

  it.each(commands)('net %s has a description, examples in --help, and an example in README', (name) => {
    const cmd = program.commands.find((c) => c.name() === name)!;
    expect(cmd.description().length).toBeGreaterThan(10);
    let help = '';
    cmd.configureOutput({ writeOut: (s) => (help += s) });
    cmd.outputHelp();
    expect(help).toMatch(new RegExp(`Examples:\\n\\s+\\$ net (--\\S+ \\S+ )?${name}\\b`));
    expect(README).toMatch(new RegExp(`^\\$? ?net (--\\S+ \\S+ )?${name}\\b`, 'm'));
  });

  it('lists every command in --help, in its order', () => {
    expect(commands).toEqual(COMMAND_NAMES);
  });

  it.each(commands)('net %s: the overview line made from the registry matches the loaded command', (name) => {
    const cmd = program.commands.find((c) => c.name() === name)!;
    const entry = COMMANDS.find((c) => c.name === name)!;
    expect(new Help().subcommandTerm(cmd)).toBe(`${name} ${entry.usage}`.trim());
    expect(cmd.description()).toBe(entry.summary);
  });

  it('gives the same overview help whether or not the commands are loaded', async () => {
    const overview = async (loadAll: boolean) => {
      let help = '';
      const p = await buildProgram({} as CliContext, [], { loadAll });
      p.configureOutput({ writeOut: (s) => (help += s) });
      p.outputHelp();
      return help;
    };
    expect(await overview(false)).toBe(await overview(true));
  });

  it.each([
    [['due'], 'due'],
    [['--db', 'x.db', '--json', 'check', 'jane'], 'check'],
    [['--json', '--db', 'due'], undefined],
    [['--help'], undefined],
    [[], undefined],
  ])('finds the command in %j: %s', (args, name) => {
    expect(findCommandName(args)).toBe(name);
  });

  it('documents every exit code main.ts can return', () => {
    for (const code of [0, 1, 2, 3, 4, 5, 130]) expect(README).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
