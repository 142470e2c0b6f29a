/**
 * Hybrid logical clocks: when `net sync` merges a field changed on two machines, the later change wins by this clock,
 * never by wall-clock time alone (clocks drift). A clock reading is the machine's wall clock, unless the clock has
 * already seen a later reading (its own, or one received from another machine): then it is that reading plus one.
 * So a change made after receiving another is always later than it, whatever the two machines' clocks say.
 *
 *   reading = <wall ms, 15 digits>.<counter, 6 digits>.<machine id>
 *
 * Readings compare as strings; the empty string is earlier than every reading. A row that existed before sync began
 * gets a baseline reading: when it was last written (never later than sync's start), by the machine that held it.
 */

export type Hlc = string;

export const HLC_ZERO: Hlc = '';

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/** A machine id: 16 lowercase hexadecimal digits, random. */
export const MACHINE_ID = /^[0-9a-f]{16}$/;
const HLC_PATTERN = /^(\d{15})\.(\d{6})\.([0-9a-f]{16})$/;

export function toHlc(wall: number, counter: number, machine: string): Hlc {
  return `${String(Math.max(0, Math.floor(wall))).padStart(WALL_DIGITS, '0')}.${String(counter).padStart(COUNTER_DIGITS, '0')}.${machine}`;
}

export interface HlcParts {
  wall: number;
  counter: number;
  machine: string;
}

/** The parts of a reading, or undefined for the zero reading and for text that is not a reading. */
export function parseHlc(h: string): HlcParts | undefined {
  const m = HLC_PATTERN.exec(h);
  return m ? { wall: Number(m[1]), counter: Number(m[2]), machine: m[3]! } : undefined;
}

export function isHlc(h: unknown): h is Hlc {
  return typeof h === 'string' && (h === HLC_ZERO || HLC_PATTERN.test(h));
}

export const maxHlc = (a: Hlc, b: Hlc): Hlc => (a >= b ? a : b);

/** The next reading on `machine`, whose wall clock says `wallMs`, after the latest reading it has seen (`last`). */
export function nextHlc(last: Hlc, wallMs: number, machine: string): Hlc {
  const seen = parseHlc(last);
  const wall = Math.floor(wallMs);
  if (!seen || wall > seen.wall) return toHlc(wall, 0, machine);
  return seen.counter >= MAX_COUNTER ? toHlc(seen.wall + 1, 0, machine) : toHlc(seen.wall, seen.counter + 1, machine);
}

/**
 * The baseline reading of a row that `machine` held before sync began, last written at `timestamp` (an ISO instant),
 * never later than `notAfterMs` (sync's start): a row stamped in the future would otherwise win over every later change.
 */
export function toBaselineHlc(timestamp: string, notAfterMs: number, machine: string): Hlc {
  const ms = Date.parse(timestamp);
  return toHlc(Number.isFinite(ms) ? Math.min(ms, notAfterMs) : 0, 0, machine);
}

/** The wall-clock instant of a reading (ISO), for reports; undefined for the zero reading. */
export function toHlcInstant(h: Hlc): string | undefined {
  const p = parseHlc(h);
  return p ? new Date(p.wall).toISOString() : undefined;
}

/** Which machine made a reading ('' for the zero reading). */
export const toHlcMachine = (h: Hlc): string => parseHlc(h)?.machine ?? '';
