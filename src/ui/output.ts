/** stdout carries the command's result (text or JSON, never both); stderr carries warnings and hints. */
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
  /** A one-line warning or hint on stderr, or a block rendered from a view (as emit renders it). */
  warn(message: string): void;
  warn<V>(view: V, render: Renderer<V>): void;
}

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
    warn<V>(message: string | V, render?: Renderer<V>) {
      const text = render ? toText(message as V, render) : toTerminalField(String(message));
      streams.stderr.write(`${palette.yellow('net:')} ${text}\n`);
    },
  };
}
