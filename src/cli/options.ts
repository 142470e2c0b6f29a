/** Small pieces that command files share: repeatable flags, help examples, the clock, contact resolution. */
import type { Command } from 'commander';
import type { Clock } from '../app/clock.js';
import { findNameMatch, getContact, toAmbiguousNameError, toUnknownNameError } from '../app/resolve.js';
import { UsageError } from '../core/errors.js';
import type { ContactWithSummary } from '../core/types.js';
import type { Store } from '../store/store.js';
import type { CliContext } from './context.js';

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

export function toClock(ctx: CliContext): Clock {
  return { today: ctx.today, timestamp: ctx.timestamp() };
}

/** A typed name to a contact; on a terminal an ambiguous name becomes a pick list. */
export async function resolveContact(ctx: CliContext, store: Store, query: string): Promise<ContactWithSummary> {
  const match = findNameMatch(store, query);
  if (match.kind === 'found') return getContact(store, match.contact.id);
  if (match.kind === 'unknown') throw toUnknownNameError(store, query);
  if (!ctx.interactive || ctx.out.json) throw toAmbiguousNameError(query, match.candidates);
  const { pickContact } = await import('../ui/prompts.js');
  return getContact(store, await pickContact(`"${query}" could mean several people. Which one?`, match.candidates));
}
