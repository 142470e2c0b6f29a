/** Guided `net log`: pick a contact (or add one), say what happened; builds the same LogInput as the flags. */
import type { LogInput } from '../../app/log.js';
import type { CliContext } from '../../cli/context.js';
import type { Store } from '../../store/store.js';
import { UsageError } from '../../core/errors.js';

export async function askLogInput(_ctx: CliContext, _store: Store): Promise<LogInput> {
  throw new UsageError('the guided log is not ready yet', 'use flags: net log jane --touch coffee');
}
