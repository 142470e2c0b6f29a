/** What cli/ uses of the journal's code, in one module that cli/journal-code.ts loads on demand. */
export { openSession, prepareSession } from '../app/session.js';
export { AmbiguousNameError, Answers, UnknownNameError } from '../app/resolve.js';
