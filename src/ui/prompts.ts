/**
 * The only module that imports inquirer (it costs ~85 ms to load, so commands import this file lazily, and only on a
 * terminal). Flows in ui/flows/ build the same typed input that flags do, through these questions.
 */
import { checkbox, confirm, input, search, select } from '@inquirer/prompts';
import type { NamedContact } from '../core/names.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/** A pick list for an ambiguous name; returns the contact's id. */
export async function pickContact(message: string, candidates: readonly NamedContact[]): Promise<string> {
  return select({ message, choices: candidates.map((c) => ({ name: c.name, value: c.id })), pageSize: 12 });
}

export async function confirmAddContact(name: string): Promise<boolean> {
  return confirm({ message: `"${name}" is not in your journal yet. Add them now?`, default: true });
}

export async function askConfirm(message: string, defaultValue = false): Promise<boolean> {
  return confirm({ message, default: defaultValue });
}

/** Free text; an empty answer is undefined, so that every question can be skipped with Enter. */
export async function askText(message: string, opts: { required?: boolean; validate?: (v: string) => string | true; defaultValue?: string } = {}): Promise<string | undefined> {
  const answer = await input({
    message,
    default: opts.defaultValue,
    validate: (v) => {
      if (!v.trim()) return opts.required ? 'Please type something (or press Ctrl+C to stop).' : true;
      return opts.validate ? opts.validate(v) : true;
    },
  });
  return answer.trim() || undefined;
}

export async function askChoice<T>(message: string, choices: readonly Choice<T>[], defaultValue?: T): Promise<T> {
  return select({ message, choices: [...choices], default: defaultValue, pageSize: 12 });
}

export async function askChoices<T>(message: string, choices: readonly (Choice<T> & { checked?: boolean })[]): Promise<T[]> {
  return checkbox({ message, choices: [...choices], pageSize: 15 });
}

/** Type-to-search over choices that `source` finds for the typed term. */
export async function askSearch<T>(message: string, source: (term: string) => Choice<T>[]): Promise<T> {
  return search({ message, source: (term) => source(term ?? ''), pageSize: 10 });
}
