/** Small pieces that command files share: repeatable flags, counts, help examples. */
import { Help, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { maxOf } from '../core/numbers.js';

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

/** How wide help is made to fit: a terminal of 80 columns, and help read off a terminal (help.e2e.test.ts checks it). */
export const HELP_WIDTH = 80;

/**
 * Adds text after a command's options in --help, fitted to HELP_WIDTH: its lines that start at the margin run together
 * into paragraphs, which commander wraps; a blank line ends a paragraph, and indented lines (a table, a script) stay
 * as they are written.
 */
export function withText(cmd: Command, text: string): Command {
  const blocks: string[] = [];
  let prose: string[] = [];
  const endParagraph = () => {
    if (prose.length) blocks.push(new Help().boxWrap(prose.join(' '), HELP_WIDTH));
    prose = [];
  };
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      prose.push(line.trim());
    } else {
      endParagraph();
      blocks.push(line);
    }
  }
  endParagraph();
  return cmd.addHelpText('after', blocks.join('\n'));
}

/**
 * Adds an "Examples:" block to a command's --help. An example's comment (after two spaces and "#") is aligned with
 * the others' to the right of the commands; when that would pass HELP_WIDTH, each comment goes on the line above its
 * command instead.
 */
export function withExamples(cmd: Command, examples: string[]): Command {
  const split = examples.map((e) => {
    const m = /^(.*?)\s{2,}# (.*)$/.exec(e);
    return m ? { command: m[1]!, comment: m[2]! } : { command: e, comment: undefined };
  });
  const column = maxOf(split.filter((e) => e.comment !== undefined).map((e) => e.command.length), 0) + 3;
  const fits = split.every((e) => e.comment === undefined || 4 + column + 2 + e.comment.length <= HELP_WIDTH);
  const lines = split.flatMap(({ command, comment }) => {
    if (comment === undefined) return [`  $ ${command}`];
    return fits ? [`  $ ${command.padEnd(column)}# ${comment}`] : [`  # ${comment}`, `  $ ${command}`];
  });
  return cmd.addHelpText('after', `\nExamples:\n${lines.join('\n')}\n`);
}
