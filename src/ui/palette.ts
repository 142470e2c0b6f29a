/** Colour is net's own decision: only on a terminal, never with NO_COLOR, --no-color or --json. */
import { Chalk, type ChalkInstance } from 'chalk';

export type Palette = ChalkInstance;

export interface ColorInputs {
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  flagNoColor: boolean;
  json: boolean;
}

export function makePalette(o: ColorInputs): Palette {
  const forced = (o.env.FORCE_COLOR ?? '') !== '' && o.env.FORCE_COLOR !== '0';
  const off = o.json || o.flagNoColor || (o.env.NO_COLOR ?? '') !== '' || (!o.isTTY && !forced);
  return off ? new Chalk({ level: 0 }) : new Chalk({ level: 1 }); // NO_COLOR beats FORCE_COLOR; 16 colours read everywhere
}
