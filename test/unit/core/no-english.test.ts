/**
 * English lives in src/ui/messages/: core returns codes and figures, never sentences or flag syntax. This test reads
 * every string and template literal in src/core and fails on one that names a net command or a flag, or reads as a
 * phrase (three words or more; a template with two words or more around its values), unless it is what an error is
 * made of: the message or hint of a `new …Error(…)`, a *_HINT constant, or the words of a parse* function, which turns
 * text into a value or a UsageError. Then it looks at what core's main functions return, on real journals.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAsk, checkReferral } from '../../../src/core/capital.js';
import { addDays } from '../../../src/core/dates.js';
import { scoreDue } from '../../../src/core/due.js';
import { toFallbackIdeas } from '../../../src/core/ideas.js';
import { ASK_KINDS } from '../../../src/core/vocabulary.js';
import { readBalanceBreakdown } from '../../../src/store/figures.js';
import type { Store } from '../../../src/store/store.js';
import { makeVariedJournal } from '../../helpers/varied-journal.js';

const CORE = join(import.meta.dirname, '../../../src/core');
/**
 * Left out, and why: the import parsers' messages (core/import/) name what is wrong with a record of the user's file,
 * which net reports as it reports an error.
 */
const LEFT_OUT = ['import/'];

const COMMAND = /\bnet (add|edit|list|show|rm|log|due|snooze|check|ask|deepen|balance|ideas|intro|referrals?|report|import|export|backup|config|doctor|where)\b/;
const FLAG = /(^|[\s("'`])--[a-z]/;
/** A code such as `ask-how-to-help` or `X-APPLE-OMIT-YEAR`: one token, however many hyphens. */
const CODE = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;
const wordCount = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).length;

/** What an error is made of, or not a value at all (a type, an import, a list of words to split). */
function isExempt(node: ts.Node): boolean {
  if (node.parent && ts.isPropertyAccessExpression(node.parent) && node.parent.name.text === 'split') return true;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isNewExpression(n) && /Error$/.test(n.expression.getText())) return true;
    if (ts.isThrowStatement(n)) return true;
    if (ts.isVariableDeclaration(n) && /_HINT$/.test(n.name.getText())) return true;
    if (ts.isCallExpression(n) && /^parse[A-Z]/.test(n.expression.getText())) return true;
    // A pattern built on first use (core/lazy-regexp.ts): code, however many letters its classes name.
    if (ts.isCallExpression(n) && n.expression.getText() === 'lazyRegExp') return true;
    if (ts.isFunctionDeclaration(n) && /^parse[A-Z]/.test(n.name?.text ?? '')) return true;
    if (ts.isTypeNode(n) || ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return true;
  }
  return false;
}

/** The English found in one file's source: `line: text` for each literal that reads as words for a person. */
export function findEnglish(source: string, file = 'x.ts'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | null = null;
    let template = false;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) {
      text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${…}');
      template = true;
    }
    const isKey = node.parent && (ts.isPropertyAssignment(node.parent) || ts.isPropertySignature(node.parent)) && node.parent.name === node;
    if (text !== null && !isKey && !CODE.test(text)) {
      const english = COMMAND.test(text) || FLAG.test(text) || wordCount(text) >= (template ? 2 : 3);
      if (english && !isExempt(node)) found.push(`${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function coreFiles(dir = CORE): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? coreFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('core says no English', () => {
  it('finds what it looks for', () => {
    const sample = `
      export function advise(name: string) { return \`give first (net log "\${name}" --gave article)\`; }
      const days = (n: number) => \`\${n} day\${n === 1 ? '' : 's'} overdue by now\`;
      const said = 'you have not met yet';
      const code = 'ask-how-to-help';
      throw new UsageError('cannot read that', 'use --value 3 with net log');
      const DATE_HINT = 'use YYYY-MM-DD or words such as today';
      const STOP = 'a an the of'.split(' ');
    `;
    expect(findEnglish(sample).map((f) => f.replace(/^\d+: /, ''))).toEqual(['give first (net log "${…}" --gave article)', '${…} day${…} overdue by now', 'you have not met yet']);
  });

  it.each(coreFiles().map((f) => relative(CORE, f)).filter((f) => !LEFT_OUT.some((l) => f.startsWith(l))))('core/%s builds no sentence and names no command or flag', (file) => {
    const found = findEnglish(readFileSync(join(CORE, file), 'utf8'), file);
    expect(found, `English in core/${file}: return a code with its figures, and say it in src/ui/messages/`).toEqual([]);
  });
});

describe('what core returns holds no words for a person', () => {
  const TODAY = '2026-11-22';
  let store: Store;
  beforeAll(() => {
    store = makeVariedJournal(TODAY, { contacts: 150, seed: 5 });
  });
  afterAll(() => store.close());

  /** Every string in a value, but those the journal holds (names, needs, labels): what core made itself. */
  function madeStrings(value: unknown, journal: ReadonlySet<string>, out: string[] = []): string[] {
    if (typeof value === 'string') {
      if (!journal.has(value)) out.push(value);
    } else if (Array.isArray(value)) value.forEach((v) => madeStrings(v, journal, out));
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => madeStrings(v, journal, out));
    return out;
  }

  it('scoreDue, checkAsk, checkReferral and the fallback ideas give codes, dates and the journal own words only', () => {
    const contacts = store.listContacts();
    const journal = new Set([...contacts.flatMap((c) => [c.name, c.id]), 'birthday', 'work anniversary', 'Sam Lee', 'a van']);
    const results: unknown[] = [];
    for (const c of contacts) {
      for (const day of [TODAY, addDays(TODAY, 40)]) results.push(scoreDue(c, day, 180));
      const inputs = { contact: c, breakdown: readBalanceBreakdown(store, c.id, TODAY, 180), answers: store.listAnswers(c.id), today: TODAY, halfLifeDays: 180 };
      for (const kind of ASK_KINDS) results.push(checkAsk(inputs, kind));
      results.push(checkReferral(inputs));
    }
    results.push(toFallbackIdeas({ id: 'x', name: 'Sam Lee', met: true, standing: { stage: 'acquaintance', balance: 0, received: 0, depth: { score: 0, of: 13 }, knownSince: null, knownDays: null } }, ['a van']));
    const phrases = madeStrings(results, journal).filter((s) => / /.test(s) && s !== 'last touch');
    expect(phrases).toEqual([]);
    expect(results.filter(Boolean).length).toBeGreaterThan(500);
  });
});
