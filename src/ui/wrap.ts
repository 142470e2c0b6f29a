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
  const lines: string[] = [];
  let line = first;
  let used = columnsOf(first);
  for (const word of text.split(' ')) {
    const start = line === first || line === indent;
    const cols = columnsOf(word);
    if (!start && used + 1 + cols > width) {
      lines.push(line);
      line = indent + word;
      used = columnsOf(indent) + cols;
    } else {
      line = start ? line + word : `${line} ${word}`;
      used += start ? cols : 1 + cols;
    }
  }
  lines.push(line);
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
