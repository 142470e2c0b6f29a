/** What an SQLite error says of the journal (store/journal-errors.ts), for cli/run.ts without the rest of the store. */
export { toJournalError } from '../store/journal-errors.js';
