/** stdout carries the command's result (text or JSON, never both); stderr carries warnings and hints. */
import type { Palette } from './palette.js';

export type Renderer<T> = (data: T, palette: Palette) => string;

export interface Output {
  readonly json: boolean;
  readonly palette: Palette;
  /** Prints the result: JSON of `data` with --json, otherwise the renderer's text. */
  emit<T>(data: T, render: Renderer<T>): void;
  /** A warning or hint on stderr; silent with --json so that scripts read clean output. */
  warn(message: string): void;
}

export interface Streams {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export function createOutput(json: boolean, palette: Palette, streams: Streams): Output {
  return {
    json,
    palette,
    emit(data, render) {
      if (json) {
        streams.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        return;
      }
      const text = render(data, palette);
      if (text) streams.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    warn(message) {
      streams.stderr.write(`${palette.yellow('net:')} ${message}\n`);
    },
  };
}
