/**
 * The journal's code: better-sqlite3's JavaScript, the store and the name resolution, about half of what the program
 * compiles at each start. A command loads it (cli/run.ts, beside the command's own module) before it runs; `net --help`,
 * `net --version` and a mistyped command never load it. The migrations load apart, only for a journal that needs them
 * (app/session.ts, prepareSession). The context (cli/context.ts) reaches it
 * through `journalCode()` once loaded, so that opening the journal stays synchronous for the commands.
 */
type JournalCode = typeof import('./journal-code-parts.js');

let loaded: JournalCode | undefined;

export async function loadJournalCode(): Promise<JournalCode> {
  loaded ??= await import('./journal-code-parts.js');
  return loaded;
}

export function journalCode(): JournalCode {
  if (!loaded) throw new Error('the journal code was used before run() loaded it');
  return loaded;
}
