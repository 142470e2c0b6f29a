/** The questions net asks on a terminal, and what it says when the answer is no. */
export const PROMPTS = {
  notInJournal: (name: string) => `"${name}" is not in your journal yet. Add them now?`,
  notInJournalLookAlikes: (name: string) => `"${name}" is not in your journal. Did you mean someone already in it?`,
  addAsNew: (name: string) => `No: add "${name}" as someone new`,
  neither: 'Neither: stop, nothing is written',
  recordPrematureAsk: 'Record this ask anyway? It will be marked premature.',
  whichAsk: (name: string) => `Which of ${name}'s open asks?`,
  recordIntroAnyway: 'Record this introduction anyway?',
  whichHold: (name: string) => `Which hold for ${name}? (space ticks, enter saves)`,
  removeContact: (name: string, rows: string) => `Remove ${name}${rows ? ` and their ${rows}` : ''}? This cannot be undone.`,
  keptContact: (name: string) => `kept ${name}; nothing was removed`,
  newPassphrase: 'A passphrase for the remote (nothing can recover it: keep it in your password manager):',
  passphrase: 'The passphrase of the remote:',
  backupPassphrase: 'A passphrase for the backup (nothing can recover it: keep it in your password manager):',
};
