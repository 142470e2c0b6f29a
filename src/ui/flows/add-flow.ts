/** Guided `net add`: the same AddInput that the flags build. Every question but the name can be skipped. */
import type { AddInput } from '../../app/add.js';
import type { CliContext } from '../../cli/context.js';
import { UsageError } from '../../core/errors.js';
import { parseContactName } from '../../core/names.js';
import { askText } from '../prompts.js';

export async function askAddInput(_ctx: CliContext): Promise<AddInput> {
  const name = await askText('Name:', { required: true, validate: (v) => check(() => parseContactName(v)) });
  return { name: parseContactName(name!) };
}

function check(fn: () => unknown): string | true {
  try {
    fn();
    return true;
  } catch (e) {
    return e instanceof UsageError ? `${e.message}${e.hint ? `: ${e.hint}` : ''}` : String(e);
  }
}
