/**
 * stdout carries the command's result (text or JSON, never both); stderr carries warnings and hints.
 * The result is a view: plain data, made beside the renderer that prints it (render-*.ts; the contact and event views
 * several renderers share in contact-view.ts). The same object becomes JSON with --json and text through the renderer.
 * Keys are stable camelCase; dates are YYYY-MM-DD; timestamps ISO. Adding a key is fine, renaming one is not.
 */
import { hasColour, type Palette } from './palette.js';
import { toTerminalData, toTerminalField, toTerminalText } from './terminal-text.js';

export type Renderer<T> = (data: T, palette: Palette) => string;

export interface Output {
  readonly json: boolean;
  readonly palette: Palette;
  /**
   * Prints the result: with --json, the JSON of `toJson(view)` (the view itself by default), exact; otherwise the
   * renderer's text, rendered from the view with every field made safe for a terminal (ui/terminal-text.ts).
   */
  emit<V>(view: V, render: Renderer<V>, toJson?: (view: V) => unknown): void;
  /**
   * Prints a list an item at a time into `sink` (stdout, or a pager), so that its memory does not grow with its length:
   * with --json, the same array emit would print; otherwise each item's line, made safe for a terminal. Stops early when
   * the sink is closed (a pager quit before the end).
   */
  stream<V>(items: Iterable<V>, sink: Sink, line: Renderer<V>, toJson: (item: V) => unknown): Promise<void>;
  /** The text stream() writes, in batches, for a caller that writes it as it comes (inside a read transaction). */
  format<V>(items: Iterable<V>, line: Renderer<V>, toJson: (item: V) => unknown): Iterable<string>;
  /** A one-line warning or hint on stderr, or a block rendered from a view (as emit renders it). */
  warn(message: string): void;
  warn<V>(view: V, render: Renderer<V>): void;
}

/** Where a streamed list goes: written in order; a write may wait (a pager reading slowly). */
export interface Sink {
  write(text: string): void | Promise<void>;
  /** The reader went away (a pager quit): nothing more is wanted. */
  readonly closed: boolean;
}

/** Lines are handed to the sink in batches of about this many characters: fewer writes, and the first screen at once. */
const BATCH = 16_384;

export interface Streams {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export function createOutput(json: boolean, palette: Palette, streams: Streams): Output {
  const colour = hasColour(palette);
  const toText = <V>(view: V, render: Renderer<V>) => toTerminalText(render(toTerminalData(view), palette), colour);
  return {
    json,
    palette,
    emit<V>(view: V, render: Renderer<V>, toJson?: (view: V) => unknown) {
      if (json) {
        streams.stdout.write(`${JSON.stringify(toJson ? toJson(view) : view, null, 2)}\n`);
        return;
      }
      const text = toText(view, render);
      if (text) streams.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    *format<V>(items: Iterable<V>, line: Renderer<V>, toJson: (item: V) => unknown) {
      let batch = '';
      let first = true;
      for (const item of items) {
        if (json) batch += `${first ? '[\n' : ',\n'}  ${JSON.stringify(toJson(item), null, 2).replace(/\n/g, '\n  ')}`;
        else batch += `${toText(item, line)}\n`;
        first = false;
        if (batch.length >= BATCH) {
          yield batch;
          batch = '';
        }
      }
      if (json) batch += first ? '[]\n' : '\n]\n';
      if (batch) yield batch;
    },
    async stream<V>(items: Iterable<V>, sink: Sink, line: Renderer<V>, toJson: (item: V) => unknown) {
      for (const batch of this.format(items, line, toJson)) {
        await sink.write(batch);
        if (sink.closed) return;
      }
    },
    warn<V>(message: string | V, render?: Renderer<V>) {
      const text = render ? toText(message as V, render) : toTerminalField(String(message));
      streams.stderr.write(`${palette.yellow('net:')} ${text}\n`);
    },
  };
}
