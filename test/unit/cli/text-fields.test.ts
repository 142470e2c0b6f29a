/**
 * Every typed text field refuses what a terminal would obey, before anything runs: the flags are parsed in-process,
 * as net parses them (test/e2e/reliability/text.e2e.test.ts runs a few through the real program).
 */
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/context.js';
import { buildProgram } from '../../../src/cli/program.js';
import { NetError } from '../../../src/core/errors.js';
import { createOutput } from '../../../src/ui/output.js';
import { makePalette } from '../../../src/ui/palette.js';
import { HOSTILE, LINE_BREAKS, TYPED } from '../../helpers/hostile-text.js';

const reached = (): never => {
  throw new Error('the journal was opened');
};

/** A context whose journal must not be reached (nor anything printed): every refusal comes from parsing. */
const ctx = {
  now: new Date('2026-11-22T12:00:00Z'),
  today: '2026-11-22',
  clock: { today: '2026-11-22', timestamp: '2026-11-22T12:00:00.000Z' },
  env: {},
  interactive: false,
  canAsk: false,
  out: createOutput(false, makePalette({ env: {}, isTTY: false, flagNoColor: true, json: false }), { stdout: { write: reached }, stderr: { write: reached } }),
  journalPath: reached,
  open: reached,
  read: async () => reached(),
  write: async () => reached(),
} as unknown as CliContext;

async function parse(args: string[]): Promise<unknown> {
  const program = await buildProgram(ctx, args);
  try {
    await program.parseAsync(['node', 'net', ...args]);
    return undefined;
  } catch (err) {
    return err;
  }
}

describe('typed text fields', () => {
  const cases = TYPED.flatMap((t) =>
    Object.entries(HOSTILE)
      .filter(([what]) => !(LINE_BREAKS.includes(what) && (t.multiline || t.folds)))
      .map(([what, value]) => [t.field, what, t.args(value)] as const),
  );

  it.each(cases)('%s refuses %s', async (_field, _what, args) => {
    const err = await parse(args);
    expect(err).toBeInstanceOf(NetError);
    expect((err as NetError).exitCode).toBe(2);
    expect((err as NetError).message).toMatch(/cannot hold (control characters|a line break|characters that reverse the direction of the text)$|is not a tag$/);
  });

  it.each(TYPED.filter((t) => t.multiline || t.folds).flatMap((t) => LINE_BREAKS.map((what) => [t.field, what, t.args(HOSTILE[what]!)] as const)))(
    '%s takes %s (a note keeps it; a name, a label or a tag folds it)',
    async (_field, _what, args) => {
      expect(await parse(args)).toEqual(new Error('the journal was opened'));
    },
  );
});
