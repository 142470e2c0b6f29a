/** Small pieces that command files share: repeatable flags, counts, help examples. */
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';

/** For repeatable flags: `--tag a --tag b` collects into ['a', 'b']. */
export function collect<T>(parse: (s: string) => T) {
  return (value: string, previous: T[] = []): T[] => [...previous, parse(value)];
}

export function parseCount(flag: string) {
  return (text: string): number => {
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < 1) throw new UsageError(`${flag} "${text}" is not a whole number of 1 or more`, `for example ${flag} 10`);
    return n;
  };
}

/** Adds an "Examples:" block to a command's --help. */
export function withExamples(cmd: Command, examples: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}
