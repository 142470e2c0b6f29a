/** `net doctor`: its view (the JSON) and its text: one line per check, the fix under each problem, then a verdict. */
import type { DoctorCheckId, DoctorFinding, DoctorResult } from '../app/doctor.js';
import { maxOf } from '../core/numbers.js';
import type { Palette } from './palette.js';
import { describeFinding } from './messages/doctor.js';
import { plural } from './messages/words.js';
import { wrapInto } from './wrap.js';

/** `net doctor --json`: each check with what it found in words, and its code beside them. */
export interface DoctorView {
  path: string;
  exists: boolean;
  healthy: boolean;
  checks: { id: DoctorCheckId; ok: boolean; detail: string; fix: string | null; fixed: boolean; code: DoctorFinding['code'] }[];
}

export function toDoctorView(r: DoctorResult): DoctorView {
  return { path: r.path, exists: r.exists, healthy: r.healthy, checks: r.checks.map((c) => ({ id: c.id, ok: c.ok, ...describeFinding(c.finding), fixed: c.fixed, code: c.finding.code })) };
}

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

/** `net where`: the journal in use, and whether it exists yet (`folderMissing`: a folder the user named is not there). */
export function renderWhere(w: { path: string; exists: boolean; folderMissing?: boolean }): string {
  if (w.folderMissing) return `${w.path} (its folder does not exist: create it first, or give another path with --db or NET_DB)`;
  return `${w.path}${w.exists ? '' : ' (not created yet: the first write creates it)'}`;
}

export function renderDoctor(r: DoctorView, p: Palette): string {
  const width = maxOf(r.checks.map((c) => TITLES[c.id].length), 0);
  const lines = [`Checked ${r.path}`];
  // A detail or a fix too long for 80 columns goes on under itself.
  const under = ' '.repeat(2 + 7 + 2 + width + 2);
  for (const c of r.checks) {
    const mark = c.ok ? p.green('ok     ') : p.red('PROBLEM');
    wrapInto(lines, `${c.detail}${c.fixed ? p.green(' (fixed)') : ''}`, under, `  ${mark}  ${TITLES[c.id].padEnd(width)}  `);
    if (c.fix) wrapInto(lines, `${p.yellow('fix:')} ${c.fix}`, `${under}     `, under);
  }
  const problems = r.checks.filter((c) => !c.ok).length;
  lines.push(problems ? p.red(`${plural(problems, 'problem')} found: see the fixes above.`) : p.green('The journal is healthy.'));
  return lines.join('\n');
}
