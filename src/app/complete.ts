/** What tab completion asks of the journal: names and tags for the word typed. */
import { toNameKey } from '../core/names.js';
import { openNameIndex } from '../store/complete.js';

/** More than a screen of candidates helps nobody: type a letter more. */
const MOST = 50;

export interface CompletionJournal {
  names(typed: string): string[];
  tags(typed: string): string[];
  close(): void;
}

/** The journal's names and tags, read when asked; a journal that cannot be read offers none. */
export function openCompletionJournal(path: string): CompletionJournal {
  let index: ReturnType<typeof openNameIndex> | null = null;
  const open = () => (index === null ? (index = openNameIndex(path)) : index);
  return {
    names: (typed) => open()?.names(toNameKey(typed), MOST) ?? [],
    tags: (typed) => open()?.tags(typed.trim().toLowerCase(), MOST) ?? [],
    close: () => index?.close(),
  };
}
