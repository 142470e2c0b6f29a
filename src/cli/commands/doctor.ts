import type { Command } from 'commander';
import { examineJournal } from '../../app/doctor.js';
import { StoreError } from '../../core/errors.js';
import { plural } from '../../ui/messages/words.js';
import { renderDoctor } from '../../ui/render-doctor.js';
import { toDoctorView } from '../../ui/render-doctor.js';
import type { CliContext } from '../context.js';
import { mayCreateFolder } from '../journal-path.js';
import { withExamples } from '../options.js';

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--fix', 'repair what is safe to repair: permissions, summaries, a large write-ahead log');
  withExamples(cmd, ['net doctor', 'net doctor --fix', 'net doctor --json']).action((flags: { fix?: boolean }) => {
    const where = ctx.journalPath();
    const result = examineJournal({ path: where.path, ownFolder: mayCreateFolder(where), fix: Boolean(flags.fix) });
    ctx.out.emit(toDoctorView(result), renderDoctor);
    const problems = result.checks.filter((c) => !c.ok).length;
    if (problems) throw new StoreError(`the journal has ${plural(problems, 'problem')}`, flags.fix ? 'the fixes above need you' : 'see the fixes above, or run net doctor --fix for the safe ones');
  });
}
