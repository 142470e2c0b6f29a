import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJournal, type Journal } from '../helpers/run-net.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/report');
const NOW = '2026-11-22';
let j: Journal;

/** A fixed journal: each command at its own NET_NOW, so that every timestamp is fixed too; set up in-process. */
function fill(journal: Journal): void {
  const at = (now: string, ...args: string[]) => {
    const r = journal.runWith({ now, runner: 'in-process' }, ...args);
    if (r.code !== 0) throw new Error(`net ${args.join(' ')}: ${r.stderr}`);
  };
  // Jane: an acquaintance before the window, growing now (three services, family, a referral given and won).
  at('2026-01-10', 'add', 'Jane Doe', '--met', '2025-01-01', '--every', '1y');
  at('2026-06-01', 'log', 'jane', '--touch', 'coffee');
  at('2026-10-01', 'edit', 'jane', '--service', 'valuations', '--service', 'lettings', '--service', 'staging', '--family', 'Maria, wife');
  at('2026-10-01', 'log', 'jane', '--touch', 'one-to-one', '--gave', 'referral', '--value', '4', '--prospect', 'Tom Baker');
  at('2026-11-10', 'referral', 'jane', '--status', 'won', '--amount', '1200');
  // Ravi: growing before the window and still, but not touched in it: going cold. One ask in the window.
  at('2026-01-10', 'add', 'Ravi Patel', '--met', '2025-06-01', '--service', 'audit', '--service', 'tax', '--service', 'payroll', '--family', 'Priya, wife');
  at('2026-05-01', 'log', 'ravi', '--gave', 'referral', '--value', '5', '--prospect', 'Sue Lin');
  at('2026-05-01', 'log', 'ravi', '--gave', 'introduction', '--value', '5', '--touch', 'lunch');
  at('2026-09-20', 'ask', 'ravi', '--for', 'favour', '--anyway');
  // Sam: new in the window; gave the user a referral (lost) and an idea.
  at('2026-10-15', 'add', 'Sam Lee');
  at('2026-10-20', 'log', 'sam', '--received', 'referral', '--value', '5', '--prospect', 'Ann Kim', '--touch', 'call');
  at('2026-11-01', 'referral', 'sam', '--status', 'lost');
  at('2026-11-15', 'log', 'sam', '--received', 'idea', '--value', '2');
  // Maria: a received referral won in the window, and weekly touchpoints.
  at('2026-08-01', 'add', 'Maria Lopez', '--met', '2026-07-01');
  at('2026-09-01', 'log', 'maria', '--received', 'referral', '--value', '3', '--prospect', 'Ben Ode');
  at('2026-11-20', 'referral', 'maria', '--status', 'won', '--amount', '350.50');
  for (const d of ['2026-09-07', '2026-09-14', '2026-09-21', '2026-10-05', '2026-11-16']) at(d, 'log', 'maria', '--touch', 'message');
}

beforeAll(() => {
  j = makeJournal(NOW);
  fill(j);
}, 60_000);
afterAll(() => j.cleanup());

/** UPDATE_GOLDEN=1 rewrites the expected files from this run: review the diff before keeping it. */
function golden(name: string, actual: string): string {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(join(FIXTURES, name), actual);
  return readFileSync(join(FIXTURES, name), 'utf8');
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('net report', () => {
  it('gives fixed figures over a fixed journal and day (golden text)', () => {
    const r = j.run('report');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(golden('report.txt', r.stdout));
  });

  it('gives the same figures as JSON (golden JSON, ids aside)', () => {
    const r = j.run('--json', 'report');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const json = r.stdout.replace(UUID, '<id>');
    expect(JSON.parse(json)).toEqual(JSON.parse(golden('report.json', json)));
  });

  it('counts a won referral and its amount in the totals, the balance unchanged by the amount', () => {
    const v = j.json('report', '--since', '2026-10-01');
    expect(v.referrals.given).toEqual({ logged: 1, stillOpen: 0, won: 1, lost: 0, amountWon: 1200 });
    expect(v.referrals.received).toEqual({ logged: 1, stillOpen: 0, won: 1, lost: 1, amountWon: 350.5 });
    expect(j.json('referrals', '--given').referrals[0]).toMatchObject({ prospect: 'Tom Baker', status: 'won', amount: 1200 });
    // The balance: a 4/5 referral and a one-to-one on 2026-10-01 and a coffee on 2026-06-01, faded; never the 1,200.
    const balance = j.json('show', 'jane').standing.balance;
    const k = makeJournal(NOW);
    try {
      k.runWith({ now: '2026-01-10' }, 'add', 'Jane Doe', '--met', '2025-01-01');
      k.runWith({ now: '2026-06-01' }, 'log', 'jane', '--touch', 'coffee');
      k.runWith({ now: '2026-10-01' }, 'log', 'jane', '--touch', 'one-to-one', '--gave', 'referral', '--value', '4');
      expect(k.json('show', 'jane').standing.balance).toBe(balance);
    } finally {
      k.cleanup();
    }
  });

  it('reads --since as a date, words or an interval, and refuses a day after today', () => {
    expect(j.json('report', '--since', '30d')).toMatchObject({ since: '2026-10-23', until: NOW, days: 31 });
    expect(j.json('report', '--since', '2026-11-01').weeks.map((w: any) => w.start)).toEqual(['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22']);
    expect(j.json('report', '--since', '2 weeks ago').since).toBe('2026-11-08');
    expect(j.run('report', '--since', '2027-01-01')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: --since 2027-01-01 is after today/) });
    expect(j.run('report', '--since', 'someday')).toMatchObject({ code: 2, stdout: '' });
  });

  it('writes the HTML page 0600, and refuses to overwrite it without --force', () => {
    const file = join(j.dir, 'look-back.html');
    const r = j.run('report', '--html', file);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`Wrote the report to ${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)|@import|url\((?!#fill-)/);
    // The weekly chart: full width, every series named in the legend, each with a fill that reads without colour.
    expect(html).toMatch(/<svg class="chart" id="weekly"[^>]* width="100%"/);
    for (const k of ['gives', 'touchpoints', 'asks', 'received']) expect(html).toMatch(new RegExp(`<g class="legend ${k}">.*?>${k} \\(\\d+\\)</text></g>`));
    for (const k of ['touchpoints', 'asks', 'received']) expect(html).toContain(`<pattern id="fill-${k}"`);
    expect(html).toContain('<h2>People to thank</h2>');
    expect(html).toContain('<h2>Asks made before the relationship was ready</h2>');
    expect(html.match(/<svg /g)).toHaveLength(2);
    writeFileSync(file, 'mine');
    expect(j.run('report', '--html', file)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/already exists; choose another file name, or add --force/) });
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(j.run('report', '--html', file, '--force').code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(html);
    expect(j.run('report', '--force')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^net: --force goes with --html/) });
  });
});

/** Debian's chromium, headless: the page must load without errors and show its charts. CI installs it (.ci/run). */
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
const inCi = process.env.CI === 'true';

describe.skipIf(!chromium && !inCi)('net report --html in a headless browser', () => {
  it('opens without errors and draws both charts', () => {
    expect(chromium, 'chromium is required when CI=true (see .ci/run)').toBeDefined();
    const file = join(j.dir, 'browser.html');
    expect(j.run('report', '--html', file).code).toBe(0);
    const profile = mkdtempSync(join(tmpdir(), 'net-chromium-'));
    try {
      const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0'];
      const r = spawnSync(chromium!, [...flags, '--dump-dom', `file://${file}`], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(0);
      expect(r.stderr).not.toMatch(/Uncaught|SyntaxError|Refused to/);
      const dom = r.stdout;
      expect(dom).toContain('<svg class="chart" id="weekly"');
      expect(dom).toContain('<svg class="chart" id="stages"');
      // 13 weeks × 4 kinds of bars, and 4 stage bars.
      expect(dom.match(/<rect class="bar (gives|touchpoints|asks|received)"/g)).toHaveLength(13 * 4);
      expect(dom.match(/<rect class="bar stage"/g)).toHaveLength(4);
      expect(dom).not.toMatch(/undefined|NaN/);
      const shot = join(profile, 'shot.png');
      const s = spawnSync(chromium!, [...flags, `--screenshot=${shot}`, '--window-size=900,1400', `file://${file}`], { encoding: 'utf8', timeout: 60_000 });
      expect(s.status).toBe(0);
      expect(existsSync(shot) && statSync(shot).size).toBeGreaterThan(10_000);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
