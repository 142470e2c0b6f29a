/**
 * The one sanitiser for text bound for a terminal. A journal written by an older net, or merged from someone else's
 * file, may hold text that a terminal would obey (an escape that clears the screen or retitles the window, a line break
 * that fakes a row, a bidi override that reverses what follows): at output, such characters are shown, never obeyed.
 * JSON output is left exact: JSON escapes control characters itself.
 */
import { BIDI, CONTROL, LINE_BREAK } from '../core/text.js';

/* eslint-disable-next-line no-control-regex */
const UNSAFE = new RegExp(`\\u001b\\[[0-9;]{0,12}m|[\\r\\u0085\\u2028\\u2029]|${CONTROL.source}|${BIDI.source}`, 'g');

/** A control character as its visible picture (␛, ␇, ␡), or as <U+0085> where Unicode has none. */
function toVisible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** One value inside a line (a name, a note, a company): its line breaks shown as ↵, tabs as spaces, controls visible. */
export function toTerminalField(text: string): string {
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
 * and null as they are. What a renderer is given, so that no field can break its line.
 */
export function toTerminalData<T>(data: T): T {
  if (typeof data === 'string') return toTerminalField(data) as T;
  if (Array.isArray(data)) return data.map((x: unknown) => toTerminalData(x)) as T;
  if (data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) out[k] = toTerminalData(v);
    return out as T;
  }
  return data;
}
