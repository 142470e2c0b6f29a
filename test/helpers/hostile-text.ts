/** Text a terminal would obey, and the check that output shows none of it: shared by the tests of every input path. */

/** Each with a visible tail, so that a test can see where it went. */
export const HOSTILE: Record<string, string> = {
  'an escape that clears the screen and retitles the window': 'Co\u001b[2J\u001b]0;Owned\u0007 tail',
  'a line break that fakes a row': 'r\nFAKE Person  today',
  'a carriage return that overwrites the line': 'good\rFAKE',
  'a bidi override': 'invoice\u202Efdp.exe',
  'a C1 control (a one-byte CSI)': 'x\u009b2J tail',
  'a bell and a backspace': 'ring\u0007\u0008 tail',
};

export const LINE_BREAKS = ['a line break that fakes a row', 'a carriage return that overwrites the line'];

/** All of them in one text: what an import or an old journal holds in every field at once. */
export const HOSTILE_ALL = Object.values(HOSTILE).join(' | ');

/**
 * Every typed text field: the arguments that set it to `v`. Notes keep line breaks; names and date labels fold every
 * run of white space (line breaks too) into one space, and tags into a dash; the other fields refuse line breaks.
 */
export const TYPED: { field: string; args: (v: string) => string[]; multiline?: boolean; folds?: boolean }[] = [
  { field: 'name (add)', args: (v) => ['add', '--', `Name ${v}`], folds: true },
  { field: 'name (edit --name)', args: (v) => ['edit', 'jane', '--name', `Name ${v}`], folds: true },
  { field: 'company', args: (v) => ['edit', 'jane', '--company', v] },
  { field: 'role', args: (v) => ['add', 'Tom Lee', '--role', v] },
  { field: 'how met', args: (v) => ['add', 'Tom Lee', '--how-met', v] },
  { field: 'service', args: (v) => ['edit', 'jane', '--service', v] },
  { field: 'goal', args: (v) => ['edit', 'jane', '--goal', v] },
  { field: 'family', args: (v) => ['edit', 'jane', '--family', v] },
  { field: 'need', args: (v) => ['edit', 'jane', '--need', v] },
  { field: 'ideal referral', args: (v) => ['edit', 'jane', '--ideal', v] },
  { field: 'need met', args: (v) => ['edit', 'jane', '--met-need', v] },
  { field: 'tag', args: (v) => ['edit', 'jane', '--tag', v], folds: true },
  { field: 'custom date label', args: (v) => ['edit', 'jane', '--date-of', `${v}=2019-05-01`], folds: true },
  { field: 'prospect', args: (v) => ['log', 'jane', '--gave', 'referral', '--prospect', v] },
  { field: 'note (log)', args: (v) => ['log', 'jane', '--touch', 'call', '--note', v], multiline: true },
  { field: 'note (ask)', args: (v) => ['ask', 'jane', '--for', 'favour', '--anyway', '--note', v], multiline: true },
  { field: 'note (intro)', args: (v) => ['intro', 'jane', 'ravi', '--anyway', '--note', v], multiline: true },
  { field: 'note (referral)', args: (v) => ['referral', 'ravi', '--status', 'contacted', '--note', v], multiline: true },
];

/** A raw byte a terminal acts on, or a bidi control. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** What in `text` a terminal would obey, or a line that a field made; null when none. With colour, the palette's codes are fine. */
export function findUnsafe(text: string, colour = false): string | null {
  const rest = colour ? text.replace(/\u001b\[[0-9;]*m/g, '') : text;
  const m = UNSAFE.exec(rest);
  if (m) return `${JSON.stringify(m[0])} at ${JSON.stringify(rest.slice(Math.max(0, m.index - 20), m.index + 20))}`;
  const fake = rest.split('\n').find((l) => /^FAKE/.test(l));
  return fake === undefined ? null : `a line of its own from a field: ${JSON.stringify(fake)}`;
}
