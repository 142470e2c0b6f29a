/**
 * The look-back report as one self-contained HTML page: inline CSS and SVG charts, no scripts, fonts or images from
 * the network, so that it opens offline, prints, and can be sent to someone.
 */
import { STAGES } from '../core/capital.js';
import { maxOf } from '../core/numbers.js';
import { formatAmount } from '../core/referrals.js';
import { PREMATURE_WORDS } from './messages/premature.js';
import { SHAPE_WORDS } from './messages/report.js';
import { plural } from './messages/words.js';
import { ACTIVITY_ROWS, describeMove, type ReportView } from './render-report.js';

const esc = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const COLOURS: Record<string, string> = { gives: '#2f7d32', touchpoints: '#1f5fa8', asks: '#b3261e', received: '#8a5a00' };

/**
 * Each series has a fill that reads without colour too (printed in grey, or by someone who does not tell red from
 * green): gives solid, touchpoints striped, asks dotted, received cross-hatched; the legend names all four.
 */
const PATTERNS: Record<string, string> = {
  gives: '',
  touchpoints: '<path d="M0,6 L6,0" stroke="#fff" stroke-width="1.6"/>',
  asks: '<circle cx="3" cy="3" r="1.3" fill="#fff"/>',
  received: '<path d="M0,0 L6,6 M6,0 L0,6" stroke="#fff" stroke-width="1.1"/>',
};

const fillOf = (k: string) => (PATTERNS[k] ? `url(#fill-${k})` : COLOURS[k]!);

function patternDefs(): string {
  const defs = Object.entries(PATTERNS)
    .filter(([, shape]) => shape)
    .map(([k, shape]) => `<pattern id="fill-${k}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${COLOURS[k]}"/>${shape}</pattern>`);
  return `<defs>${defs.join('')}</defs>`;
}

/**
 * Grouped bars across the page's full width: one group a week, one bar per series with its count above it (a direct
 * label, so the chart reads without the legend), and a legend that names every series with its total.
 */
function weeklyChart(v: ReportView): string {
  const width = 820;
  const left = 30;
  const right = 10;
  const top = 18;
  const h = 200;
  const groupW = (width - left - right) / Math.max(v.weeks.length, 1);
  const barW = Math.max(3, Math.min(28, (groupW - 6) / ACTIVITY_ROWS.length));
  const max = maxOf(v.weeks.flatMap((w) => ACTIVITY_ROWS.map(([k]) => w[k])), 1);
  const y = (n: number) => top + h - (n / max) * h;
  const parts: string[] = [patternDefs()];
  for (const tick of [...new Set([0, Math.ceil(max / 2), max])]) {
    parts.push(`<line x1="${left - 4}" x2="${width - right}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" class="tick">${tick}</text>`);
  }
  const every = Math.max(1, Math.ceil(v.weeks.length / 13));
  v.weeks.forEach((w, i) => {
    const x0 = left + i * groupW + (groupW - barW * ACTIVITY_ROWS.length) / 2;
    ACTIVITY_ROWS.forEach(([k, label], j) => {
      const n = w[k];
      const x = x0 + j * barW;
      parts.push(`<rect class="bar ${k}" x="${x.toFixed(1)}" y="${y(n).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${((n / max) * h).toFixed(1)}" fill="${fillOf(k)}" stroke="${COLOURS[k]}" stroke-width="0.5"><title>${esc(label)}, week of ${esc(w.start)}: ${n}</title></rect>`);
      if (n > 0 && barW >= 9) parts.push(`<text x="${(x + (barW - 1) / 2).toFixed(1)}" y="${(y(n) - 3).toFixed(1)}" text-anchor="middle" class="tick">${n}</text>`);
    });
    if (i % every === 0) parts.push(`<text x="${(left + i * groupW + groupW / 2).toFixed(1)}" y="${top + h + 14}" text-anchor="middle" class="tick">${esc(w.start.slice(5))}</text>`);
  });
  const slot = (width - left) / ACTIVITY_ROWS.length;
  const legend = ACTIVITY_ROWS.map(
    ([k, label], j) =>
      `<g class="legend ${k}"><rect x="${(left + j * slot).toFixed(1)}" y="${top + h + 26}" width="16" height="12" fill="${fillOf(k)}" stroke="${COLOURS[k]}"/><text x="${(left + j * slot + 22).toFixed(1)}" y="${top + h + 36}" class="label">${esc(label)} (${v.totals[k]})</text></g>`,
  ).join('');
  const height = top + h + 46;
  return `<svg class="chart" id="weekly" role="img" aria-label="gives, touchpoints, asks and received per week" width="100%" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">${parts.join('')}${legend}</svg>`;
}

/** Horizontal bars: contacts at each stage, deepest first. */
function stageChart(v: ReportView): string {
  const rowH = 26;
  const left = 100;
  const barMax = 360;
  const max = maxOf(STAGES.map((s) => v.stages[s]), 1);
  const stages = [...STAGES].reverse();
  const rows = stages.map((s, i) => {
    const w = (v.stages[s] / max) * barMax;
    const yy = 6 + i * rowH;
    return `<text x="${left - 8}" y="${yy + 15}" text-anchor="end" class="label">${esc(s)}</text><rect class="bar stage" x="${left}" y="${yy}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="#1f5fa8"><title>${esc(s)}: ${v.stages[s]}</title></rect><text x="${left + w + 6}" y="${yy + 15}" class="label">${v.stages[s]}</text>`;
  });
  const height = 12 + stages.length * rowH;
  return `<svg class="chart" id="stages" role="img" aria-label="contacts at each stage" width="${left + barMax + 60}" height="${height}" viewBox="0 0 ${left + barMax + 60} ${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

function table(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const list = (items: string[], none: string) => (items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : `<p class="none">${esc(none)}</p>`);

/** The premature asks as a habit to change: per person, what was asked and when, and the give that would repair it. */
function prematureHtml(v: ReportView): string {
  const pv = v.prematureAsks;
  if (!pv.people.length && !pv.outweighed.length) return `<p class="none">${esc(PREMATURE_WORDS.none(pv.since))}</p>`;
  const people = pv.people.map((x) => `<h3>${esc(x.name)}</h3>${list(x.asks.map((a) => a.text), '')}<p class="repair">→ ${esc(x.repair)}</p>`).join('');
  const outweighed = pv.outweighed.length ? `<p>${esc(PREMATURE_WORDS.outweighed(pv.latelyDays))}</p>${list(pv.outweighed.map((o) => `${o.name} → ${o.repair}`), '')}` : '';
  return `${pv.people.length ? `<p>${esc(PREMATURE_WORDS.habit)}</p>` : ''}${people}${outweighed}`;
}

export function renderReportHtml(v: ReportView): string {
  const g = v.referrals.given;
  const r = v.referrals.received;
  const total = STAGES.reduce((n, s) => n + v.stages[s], 0);
  const more = (n: number) => (n ? [`and ${n} more`] : []);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>net look-back: ${esc(v.since)} to ${esc(v.until)}</title>
<style>
  body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; max-width: 860px; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin-bottom: 0.2rem; } h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
  .sub, .none { color: #666; } .chart { max-width: 100%; height: auto; } #weekly { width: 100%; }
  .grid { stroke: #e5e5e5; } .tick, .label { font-size: 11px; fill: #444; } .label { font-size: 13px; }
  table { border-collapse: collapse; } th, td { padding: 0.25rem 0.9rem; text-align: right; } th:first-child, td:first-child { text-align: left; }
  thead th { border-bottom: 1px solid #ccc; } ul { padding-left: 1.2rem; }
  @media print { body { margin: 0; } h2 { break-after: avoid; } }
</style>
</head>
<body>
<h1>Look-back: ${esc(v.since)} to ${esc(v.until)}</h1>
<p class="sub">${v.weeks.length} weeks · ${v.totals.gives} gives · ${v.totals.touchpoints} touchpoints · ${v.totals.asks} asks · ${v.totals.received} received</p>
<h2>Per week</h2>
${weeklyChart(v)}
<h2>Referrals</h2>
${table(['', 'given', 'received'], [
  ['logged', g.logged, r.logged],
  ['still open', g.stillOpen, r.stillOpen],
  ['won', g.won, r.won],
  ['lost', g.lost, r.lost],
  ['business won', formatAmount(g.amountWon), formatAmount(r.amountWon)],
])}
<h2>Relationships</h2>
<h3>Moved up a stage</h3>
${list([...v.movedUp.map((m) => describeMove(m, false)), ...more(v.movedUpMore)], 'None in this window.')}
<h3>Going cold</h3>
${list([...v.goingCold.map((m) => describeMove(m, true)), ...more(v.goingColdMore)], 'None: your closer relationships are tended.')}
${v.newContacts ? `<p>${plural(v.newContacts, 'new contact')} added.</p>` : ''}
<h2>Network shape</h2>
<p>${plural(total, 'contact')}: ${esc(SHAPE_WORDS[v.shape])}</p>
${stageChart(v)}
<h2>People to thank</h2>
${list(v.toThank.map((t) => t.text), 'Nobody logged a give to you in this window.')}
<h2>Asks made before the relationship was ready</h2>
${prematureHtml(v)}
</body>
</html>
`;
}
