/** How net lays its sentences out: within 80 columns, a terminal's narrowest common width and the width off a terminal. */

/** The widest line net prints (net due, check, balance, ideas, report …; help has its own, cli/options.ts HELP_WIDTH). */
export const TEXT_WIDTH = 80;

/** The palette's colour codes, which take no column. */
// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[[0-9;]*m/g;

/** The columns a piece of text takes: its characters less the colour codes around them. */
const columnsOf = (text: string): number => (text.includes('\u001b') ? text.replace(COLOUR, '').length : text.length);

/**
 * Words laid into lines of at most `width` columns, never broken inside a word (a word longer than a line stands
 * alone); `first` starts the first line, `indent` the others. Colour codes take no column, so coloured text wraps as
 * the same text without colour does.
 */
export function wrapWords(text: string, width: number, indent: string, first = ''): string[] {
  // Each line is cut from the text once, where it ends, rather than grown word by word from a split: `net due` wraps
  // some eighty texts, and the words and the partial lines were two thirds of its young allocations in rendering.
  const coloured = text.includes('\u001b');
  const lines: string[] = [];
  let prefix = first;
  let used = columnsOf(first);
  // The line's words: text[from, to), or none yet (from = -1); the words are separated by single spaces.
  let from = -1;
  let to = 0;
  for (let at = 0; at <= text.length; ) {
    const space = text.indexOf(' ', at);
    const end = space < 0 ? text.length : space;
    const cols = coloured ? columnsOf(text.slice(at, end)) : end - at;
    // Plain assignments: V8's interpreter makes an array and an iterator for a destructuring one.
    if (from < 0) {
      // An empty word (two spaces) starts no line.
      if (end > at) {
        from = at;
        to = end;
        used += cols;
      }
    } else if (used + 1 + cols > width) {
      lines.push(prefix + text.slice(from, to));
      prefix = indent;
      used = columnsOf(indent) + cols;
      from = end > at ? at : -1;
      to = end;
    } else {
      to = end;
      used += 1 + cols;
    }
    at = end + 1;
  }
  lines.push(from < 0 ? prefix : prefix + text.slice(from, to));
  return lines;
}

/** wrapWords into the lines `out` holds: one line pushed at a time, never spread onto the stack. */
export function wrapInto(out: string[], text: string, indent: string, first = indent, width = TEXT_WIDTH): void {
  for (const line of wrapWords(text, width, indent, first)) out.push(line);
}

/** A text of one or more lines, each wrapped to TEXT_WIDTH, its following lines at `indent`, the first at `first`. */
export function wrapText(text: string, indent = '', first = indent): string {
  return text
    .split('\n')
    .flatMap((l, i) => (l === '' ? [''] : wrapWords(l, TEXT_WIDTH, indent, i === 0 ? first : indent)))
    .join('\n');
}

/** A table's cell cut to `width` columns, with "…" for what is left out (the whole text is in --json). */
export function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
}
