import { describe, expect, it } from 'vitest';
import { toBar, toMoves, toSparkline, toWeekStarts, type StageMove } from '../../../src/core/report.js';

describe('report pieces', () => {
  it.each([
    [[0, 1, 2, 4, 8], '·▁▂▄█'],
    [[0, 0, 0], '···'],
    [[3], '█'],
    [[1, 100], '▁█'],
  ])('sparkline of %j is %s', (counts, line) => expect(toSparkline(counts)).toBe(line));

  it.each([
    [0, 10, 20, ''],
    [1, 100, 20, '█'],
    [10, 10, 5, '█████'],
    [5, 10, 10, '█████'],
  ])('bar of %i of %i in %i is %s', (n, max, width, bar) => expect(toBar(n, max, width)).toBe(bar));

  it.each([
    ['2026-08-24', '2026-11-22', 13, '2026-11-16'],
    ['2026-11-22', '2026-11-22', 1, '2026-11-22'],
    ['2026-11-01', '2026-11-22', 4, '2026-11-22'],
  ])('weeks from %s to %s: %i, the last starting %s', (since, until, n, last) => {
    const weeks = toWeekStarts(since, until);
    expect(weeks).toHaveLength(n);
    expect(weeks.at(-1)).toBe(last);
  });

  it('sorts moves up and relationships going cold', () => {
    const m = (name: string, from: StageMove['from'], to: StageMove['to'], lastTouch: string | null): StageMove => ({ id: name, name, from, to, lastTouch });
    const rows = [m('A', 'acquaintance', 'growing', '2026-10-01'), m('B', 'growing', 'acquaintance', '2026-01-01'), m('C', 'deep', 'deep', '2026-05-01'), m('D', 'deep', 'deep', '2026-10-01'), m('E', 'stranger', 'deep', '2026-11-01'), m('F', 'growing', 'growing', null)];
    const { movedUp, goingCold } = toMoves(rows, '2026-08-24');
    expect(movedUp.map((r) => r.name)).toEqual(['E', 'A']);
    expect(goingCold.map((r) => r.name)).toEqual(['C', 'F', 'B']);
  });
});
