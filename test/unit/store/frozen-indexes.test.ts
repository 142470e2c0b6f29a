/**
 * Migration 6 froze expressions of core's rules (the urgency's weights, the open ask's days, the stage cadences, the
 * checklist's thresholds) into index definitions, and a shipped migration never changes. The code builds the same
 * expressions from core's tables at run time; SQLite uses an index only when a query's expression is the indexed one,
 * term for term. This test compares each index, as the journal stores it, with what the code builds now: when a rule
 * changes in core, the queries stay right but lose their index, and this test says so.
 */
import { describe, expect, it } from 'vitest';
import { DUE_WEIGHTS } from '../../../src/core/due.js';
import { openMemory } from '../../../src/store/db.js';
import { DATED_ID_SQL, DUE_FROM_SQL, toCapSql, UNMET_ADDED_SQL } from '../../../src/store/due.js';
import { FRESH_SQL, NET_SQL, ROW_EXPRESSIONS, STAGE_COLUMNS } from '../../../src/store/standing-sql.js';
import { KNOWN_ORDER } from '../../../src/store/ideas.js';

/** The index's columns as written in its CREATE INDEX, split at the commas outside brackets and quotes. */
export function toIndexedColumns(createSql: string): string[] {
  const open = createSql.indexOf('(', createSql.search(/\bON\s+\w+\s*\(/i));
  const columns: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = open + 1;
  for (let i = start; i < createSql.length; i++) {
    const ch = createSql[i]!;
    if (ch === "'") quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') depth++;
    else if (ch === ')' && depth-- === 0) {
      columns.push(createSql.slice(start, i));
      break;
    } else if (ch === ',' && depth === 0) {
      columns.push(createSql.slice(start, i));
      start = i + 1;
    }
  }
  return columns.map(normalize);
}

/** One space between tokens, none inside brackets' edges: how the two texts are compared. */
const normalize = (sql: string) => sql.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();

/** What the code builds now, index by index: the leading columns each query needs, in the index's order. */
const BUILT: Record<string, { from: string; columns: string[] }> = {
  contacts_due_cap: { from: 'store/due.ts toCapSql(DUE_WEIGHTS)', columns: [toCapSql(DUE_WEIGHTS)] },
  contacts_due_for_good: { from: 'store/due.ts DUE_FROM_SQL', columns: [DUE_FROM_SQL] },
  contacts_due_rest: {
    from: 'store/standing-sql.ts FRESH_SQL, store/due.ts DUE_FROM_SQL, store/standing-sql.ts ROW_EXPRESSIONS and store/due.ts UNMET_ADDED_SQL and DATED_ID_SQL',
    columns: [FRESH_SQL, DUE_FROM_SQL, 'snoozed_until', ...ROW_EXPRESSIONS, 'next_follow_up_on', 'last_received_on', 'last_touch_on', 'referral_check_on', UNMET_ADDED_SQL, 'substr(birthday, -5)', DATED_ID_SQL],
  },
  contacts_stage: { from: 'store/standing-sql.ts STAGE_COLUMNS', columns: [...STAGE_COLUMNS] },
  contacts_fresh: { from: 'store/standing-sql.ts FRESH_SQL', columns: [FRESH_SQL, 'substr(created_at, 1, 10)'] },
  contacts_balance: { from: 'store/standing-sql.ts NET_SQL', columns: [`${NET_SQL} DESC`, 'name_key'] },
  contacts_known: { from: 'store/ideas.ts KNOWN_ORDER', columns: KNOWN_ORDER },
};

function storedIndexes(): Map<string, string> {
  const db = openMemory();
  try {
    return new Map((db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").raw().all() as [string, string][]));
  } finally {
    db.close();
  }
}

describe('indexes frozen in migrations', () => {
  const stored = storedIndexes();

  it.each(Object.keys(BUILT))('%s holds what the code builds now from core', (name) => {
    const sql = stored.get(name);
    expect(sql, `no index ${name} in a new journal`).toBeDefined();
    const indexed = toIndexedColumns(sql!);
    const { from, columns } = BUILT[name]!;
    columns.forEach((built, i) => {
      const want = normalize(built);
      if (indexed[i] !== want) {
        expect.fail(
          [
            `index ${name}, column ${i + 1}, is not what ${from} builds now from core's tables, so SQLite will no longer use it`,
            `(the query stays right, but reads every contact).`,
            `  indexed: ${indexed[i]}`,
            `  built:   ${want}`,
            `Write a new migration in src/store/migrations.ts that drops ${name} and creates it again with the expression the`,
            `code builds now (never edit a shipped migration), then update this test's expectations if the index's columns move.`,
          ].join('\n'),
        );
      }
    });
  });

  it('reads the columns of an index as SQLite stores them', () => {
    expect(toIndexedColumns("CREATE INDEX x ON t((a + f(b, 'c,d')) DESC, min(x,\n  y), z) WHERE z IS NOT NULL")).toEqual(["(a + f(b, 'c,d')) DESC", 'min(x, y)', 'z']);
  });

  it('notices a weight changed in core', () => {
    const changed = normalize(toCapSql({ ...DUE_WEIGHTS, thankReferral: 9 }));
    expect(toIndexedColumns(stored.get('contacts_due_cap')!)[0]).not.toBe(changed);
  });
});
