/** Text for `net doctor`: one line per check, the fix under each problem, then a verdict. */
import type { DoctorCheckId } from '../app/doctor.js';
import { maxOf } from '../core/numbers.js';
import type { Palette } from './palette.js';
import type { DoctorView } from './views.js';
import { plural } from './messages/words.js';

const TITLES: Record<DoctorCheckId, string> = {
  file: 'file',
  permissions: 'permissions',
  rollback: 'rollback journal',
  open: 'readable',
  integrity: 'integrity',
  schema: 'schema',
  orphans: 'orphan rows',
  summaries: 'summaries',
  wal: 'write-ahead log',
};

/** `net where`: the journal in use, and whether it exists yet. */
export function renderWhere(w: { path: string; exists: boolean }): string {
  return `${w.path}${w.exists ? '' : ' (not created yet: the first write creates it)'}`;
}

export function renderDoctor(r: DoctorView, p: Palette): string {
  const width = maxOf(r.checks.map((c) => TITLES[c.id].length), 0);
  const lines = [`Checked ${r.path}`];
  for (const c of r.checks) {
    const mark = c.ok ? p.green('ok     ') : p.red('PROBLEM');
    lines.push(`  ${mark}  ${TITLES[c.id].padEnd(width)}  ${c.detail}${c.fixed ? p.green(' (fixed)') : ''}`);
    if (c.fix) lines.push(`  ${' '.repeat(7)}  ${' '.repeat(width)}  ${p.yellow('fix:')} ${c.fix}`);
  }
  const problems = r.checks.filter((c) => !c.ok).length;
  lines.push(problems ? p.red(`${plural(problems, 'problem')} found: see the fixes above.`) : p.green('The journal is healthy.'));
  return lines.join('\n');
}
