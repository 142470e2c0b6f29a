/**
 * Colour is net's own decision: only on a terminal (not TERM=dumb), never with NO_COLOR, --no-color or --json (chalk has not honoured
 * NO_COLOR). chalk itself is loaded only when colour is on: scripts and pipes, where net runs most often, never pay
 * for it at start-up.
 */
import type { ChalkInstance } from 'chalk';

export type Palette = Pick<ChalkInstance, 'bold' | 'dim' | 'green' | 'yellow' | 'red' | 'cyan'>;
export type ChalkConstructor = typeof import('chalk').Chalk;

export interface ColorInputs {
  env: NodeJS.ProcessEnv;
  /** Asked last, and only when the rest leaves colour possible: answering it loads node's terminal code. */
  isTTY: boolean | (() => boolean);
  flagNoColor: boolean;
  json: boolean;
}

export function wantsColor(o: ColorInputs): boolean {
  const forced = (o.env.FORCE_COLOR ?? '') !== '' && o.env.FORCE_COLOR !== '0';
  if (o.json || o.flagNoColor || (o.env.NO_COLOR ?? '') !== '') return false; // NO_COLOR beats FORCE_COLOR
  if (forced) return true;
  if (o.env.TERM === 'dumb') return false; // a terminal that shows escape codes as text
  return typeof o.isTTY === 'function' ? o.isTTY() : o.isTTY;
}

/** Every style returns the text as it is, and chains (`p.green.bold`) the same. */
const PLAIN: Palette = new Proxy((...text: unknown[]) => text.join(' '), { get: () => PLAIN }) as unknown as Palette;

/** Whether the palette writes colour codes (chalk), or text as it is. */
export function hasColour(p: Palette): boolean {
  return p !== PLAIN;
}

/** `chalk` is the Chalk class when colour is wanted and was loaded; otherwise the plain palette. */
export function makePalette(o: ColorInputs, chalk?: ChalkConstructor): Palette {
  return wantsColor(o) && chalk ? new chalk({ level: 1 }) : PLAIN; // 16 colours read everywhere
}
