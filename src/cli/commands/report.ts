import type { Command } from 'commander';
import { buildReport, checkReportWindow, toDefaultSince } from '../../app/report.js';
import { writeFileSafely } from '../../app/write-file.js';
import { addDays } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { parseInterval } from '../../core/intervals.js';
import { DEFAULT_REPORT_DAYS } from '../../core/report.js';
import { renderReport, toReportView } from '../../ui/render-report.js';
import type { CliContext } from '../context.js';
import { readDateFlag } from '../dates.js';
import { withExamples } from '../options.js';

interface ReportFlags {
  since?: string;
  html?: string;
  force?: boolean;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--since <date|interval>', `the window's first day: 2026-01-01, "3 months ago", or an interval such as 90d or 6m (default ${DEFAULT_REPORT_DAYS}d)`)
    .option('--html <file>', 'also write the report as one HTML page with charts, to open in a browser or print')
    .option('--force', 'with --html: replace the file if it exists');
  withExamples(cmd, ['net report', 'net report --since 6m', 'net --json report --since 2026-01-01', 'net report --html ~/look-back.html']).action(async (flags: ReportFlags) => {
    if (flags.force && flags.html === undefined) throw new UsageError('--force goes with --html <file>', 'for example net report --html report.html --force');
    const since = await readSince(ctx, flags.since, ctx.today);
    const input = { since, until: ctx.today };
    checkReportWindow(input);
    const view = toReportView(await ctx.read((store) => buildReport(store, input)));
    if (flags.html !== undefined) {
      const { renderReportHtml } = await import('../../ui/report-html.js');
      writeFileSafely({ file: flags.html, force: Boolean(flags.force), journal: ctx.journalPath().path }, (write) => write(renderReportHtml(view)));
    }
    ctx.out.emit(view, (v, p) => renderReport(v, p, flags.html));
  });
}

/** An interval (90d, 6m) counts back from today; anything else is read as a date. */
export async function readSince(ctx: CliContext, text: string | undefined, today: string): Promise<string> {
  if (text === undefined) return toDefaultSince(today, DEFAULT_REPORT_DAYS);
  if (/^\s*\d+\s*[a-z]+\s*$/i.test(text) && !/ago|from now/i.test(text)) {
    try {
      return addDays(today, -parseInterval(text));
    } catch {
      // not an interval: try it as a date below
    }
  }
  return readDateFlag(ctx, text, 'past', 'read');
}
