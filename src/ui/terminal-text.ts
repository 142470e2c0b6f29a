/**
 * The one sanitiser for text bound for a terminal. A journal written by an older net, or merged from someone else's
 * file, may hold text that a terminal would obey (an escape that clears the screen or retitles the window, a line break
 * that fakes a row, a bidi override that reverses what follows): at output, such characters are shown, never obeyed.
 * JSON output is left exact: JSON escapes control characters itself.
 */
import { BIDI, CONTROL, LINE_BREAK } from '../core/text.js';

/* eslint-disable-next-line no-control-regex */
const UNSAFE = new RegExp(`\\u001b\\[[0-9;]{0,12}m|[\\r\\u0085\\u2028\\u2029]|${CONTROL.source}|${BIDI.source}`, 'g');
/** Anything toTerminalField would change, as one class: most text has none, and is returned as it is. */
const FIELD_UNSAFE = new RegExp(`[\\t\\n\\r\\u2028\\u2029${CONTROL.source.slice(1, -1)}${BIDI.source.slice(1, -1)}]`);

/** A control character as its visible picture (␛, ␇, ␡), or as <U+0085> where Unicode has none. */
function toVisible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** One value inside a line (a name, a note, a company): its line breaks shown as ↵, tabs as spaces, controls visible. */
export function toTerminalField(text: string): string {
  if (!FIELD_UNSAFE.test(text)) return text;
  return text.replace(LINE_BREAK, '↵').replace(/\t/g, ' ').replace(CONTROL, toVisible).replace(BIDI, toVisible);
}

/**
 * A whole rendered text: its own line breaks and tabs kept, every other control character shown. An escape stays
 * only as one of the palette's colour codes, and only when colour is on.
 */
export function toTerminalText(text: string, colour: boolean): string {
  return text.replace(UNSAFE, (m) => (m.length > 1 ? (colour ? m : `${toVisible(m[0]!)}${m.slice(1)}`) : toVisible(m)));
}

/**
 * Every string inside `data` (plain objects and arrays, deeply) made safe with toTerminalField; numbers, booleans
 * and null as they are. What a renderer is given, so that no field can break its line. Copied only where something
 * changes: the view itself, which --json prints, stays exact, and a clean list of 200,000 contacts costs no copy.
 */
export function toTerminalData<T>(data: T): T {
  if (typeof data === 'string') return toTerminalField(data) as T;
  if (Array.isArray(data)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < data.length; i++) {
      const v = toTerminalData(data[i] as unknown);
      if (v !== data[i]) (out ??= data.slice())[i] = v;
    }
    return (out ?? data) as T;
  }
  if (data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    let out: Record<string, unknown> | undefined;
    for (const k in data) {
      const was = (data as Record<string, unknown>)[k];
      const v = toTerminalData(was);
      if (v !== was) (out ??= { ...(data as Record<string, unknown>) })[k] = v;
    }
    return (out ?? data) as T;
  }
  return data;
}
