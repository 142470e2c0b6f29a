/**
 * The only module that imports inquirer (it costs ~85 ms to load, so commands import this file lazily, and only on a
 * terminal). Flows in ui/flows/ build the same typed input that flags do, through these questions.
 */
import { checkbox, confirm, input, password, search, select } from '@inquirer/prompts';
import { toDistinctLabels, type NamedContact } from '../core/names.js';
import { PROMPTS } from './messages/prompts.js';
import { toTerminalField } from './terminal-text.js';

/**
 * A real SIGINT (kill -INT) during a question cancels it as Ctrl+C does. By default signal-exit (which inquirer uses)
 * re-raises the signal and net dies mid-question with no word; with a listener of ours it stands aside, so we cancel
 * the question ourselves: inquirer restores the terminal, and main says "cancelled" with exit 130. Only while a
 * question is open: elsewhere SIGINT keeps its default, ending net at once (an open transaction is rolled back).
 */
async function asked<T>(question: Promise<T>): Promise<T> {
  let interrupted = false;
  const cancel = () => {
    interrupted = true;
    (question as Promise<T> & { cancel?: () => void }).cancel?.();
  };
  process.on('SIGINT', cancel);
  try {
    return await question;
  } catch (err) {
    throw interrupted ? Object.assign(new Error('interrupted'), { name: 'ExitPromptError' }) : err;
  } finally {
    process.off('SIGINT', cancel);
  }
}

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/** Choices as a terminal may show them: a name from the journal is text, never a command to the terminal. */
const shown = <C extends Choice<unknown>>(choices: readonly C[]): C[] =>
  choices.map((c) => ({ ...c, name: toTerminalField(c.name), ...(c.description === undefined ? {} : { description: toTerminalField(c.description) }) }));

/** A pick list for an ambiguous name; returns the contact's id. */
export async function pickContact(message: string, candidates: readonly NamedContact[]): Promise<string> {
  const labels = toDistinctLabels(candidates);
  return asked(select({ message: toTerminalField(message), choices: shown(candidates.map((c, i) => ({ name: labels[i]!, value: c.id }))), pageSize: 12 }));
}

export async function confirmAddContact(name: string): Promise<boolean> {
  return asked(confirm({ message: PROMPTS.notInJournal(toTerminalField(name)), default: true }));
}

/**
 * An unknown name with contacts of a name close to it: those first (a typo is likelier than someone new, and Enter
 * takes the first), then adding them as someone new, then stopping. Returns the contact's id, 'add' or 'stop'.
 */
export async function pickLookAlikeOrAdd(query: string, lookAlikes: readonly NamedContact[], addable: string): Promise<string> {
  const labels = toDistinctLabels(lookAlikes);
  const choices = [...lookAlikes.map((c, i) => ({ name: labels[i]!, value: c.id })), { name: PROMPTS.addAsNew(addable), value: ADD }, { name: PROMPTS.neither, value: STOP }];
  return asked(select({ message: PROMPTS.notInJournalLookAlikes(toTerminalField(query)), choices: shown(choices), pageSize: 12 }));
}
/** pickLookAlikeOrAdd's two answers that are no contact (a contact's id is never these). */
export const ADD = 'add';
export const STOP = 'stop';

export async function askConfirm(message: string, defaultValue = false): Promise<boolean> {
  return asked(confirm({ message: toTerminalField(message), default: defaultValue }));
}

/** Free text; an empty answer is undefined, so that every question can be skipped with Enter. */
export async function askText(message: string, opts: { required?: boolean; validate?: (v: string) => string | true; defaultValue?: string } = {}): Promise<string | undefined> {
  const answer = await asked(
    input({
      message: toTerminalField(message),
      default: opts.defaultValue,
      validate: (v) => {
        if (!v.trim()) return opts.required ? 'Please type something (or press Ctrl+C to stop).' : true;
        return opts.validate ? opts.validate(v) : true;
      },
    }),
  );
  return answer.trim() || undefined;
}

export async function askChoice<T>(message: string, choices: readonly Choice<T>[], defaultValue?: T): Promise<T> {
  return asked(select({ message: toTerminalField(message), choices: shown(choices), default: defaultValue, pageSize: 12 }));
}

export async function askChoices<T>(message: string, choices: readonly (Choice<T> & { checked?: boolean })[]): Promise<T[]> {
  return asked(checkbox({ message: toTerminalField(message), choices: shown(choices), pageSize: 15 }));
}

/** Type-to-search over choices that `source` finds for the typed term. */
export async function askSearch<T>(message: string, source: (term: string) => Choice<T>[]): Promise<T> {
  return asked(search({ message: toTerminalField(message), source: (term) => shown(source(term ?? '')), pageSize: 10 }));
}

/** A message for the prompt from an error that the parse function threw: "what was wrong: how to do it right". */
function toPromptMessage(err: unknown): string {
  if (err instanceof Error) {
    const hint = (err as { hint?: unknown }).hint;
    return typeof hint === 'string' && hint ? `${err.message}: ${hint}` : err.message;
  }
  return String(err);
}

/**
 * Text read by `parse`, the same function that reads the flag, so that an answer is checked as the flag would be and
 * asked again until it reads. Enter skips (undefined) unless the answer is required; `defaultValue` is shown and used
 * on Enter, or with `editable` typed in ready to change.
 */
export async function askParsed<T>(
  message: string,
  parse: (text: string) => T | Promise<T>,
  opts: { required?: boolean; defaultValue?: string; editable?: boolean } = {},
): Promise<T | undefined> {
  let parsed: T | undefined;
  await asked(
    input({
      message: toTerminalField(message),
      default: opts.defaultValue,
      prefill: opts.editable ? 'editable' : 'tab',
      validate: async (v) => {
        parsed = undefined;
        if (!v.trim()) return opts.required ? 'Please type something (or press Ctrl+C to stop).' : true;
        try {
          parsed = await parse(v);
          return true;
        } catch (err) {
          return toPromptMessage(err);
        }
      },
    }),
  );
  return parsed;
}

/**
 * A passphrase, typed without echo: `twice` asks again to confirm (a new passphrase, which nothing could recover if
 * mistyped), until both agree.
 */
export async function askPassphrase(message: string, twice: boolean): Promise<string> {
  for (;;) {
    const first = await asked(password({ message: toTerminalField(message), mask: true, validate: (v) => (v.length ? true : 'Please type a passphrase (or press Ctrl+C to stop).') }));
    if (!twice) return first;
    const again = await asked(password({ message: 'The same passphrase again:', mask: true }));
    if (again === first) return first;
  }
}
