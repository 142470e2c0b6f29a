/** net due on an 80-column terminal: a person's line, and a next step too long for it, stay apart from the reasons. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../helpers/property-runs.js';
import { makePalette } from '../../../src/ui/palette.js';
import { renderDue } from '../../../src/ui/render-due.js';
import { wrapWords } from '../../../src/ui/wrap.js';
import type { DueItemView } from '../../../src/ui/render-due.js';

const plain = makePalette({ env: {}, isTTY: false, flagNoColor: true, json: false });

describe('net due in 80 columns', () => {
  it('wraps between words, never inside one', () => {
    expect(wrapWords('one two three four', 9, '  ')).toEqual(['one two', '  three', '  four']);
    expect(wrapWords('a-very-long-word b', 5, ' ')).toEqual(['a-very-long-word', ' b']);
    // A colour code takes no column: coloured text wraps where the same text without colour does.
    expect(wrapWords('one \u001b[1mtwo\u001b[22m three four', 9, '  ')).toEqual(['one \u001b[1mtwo\u001b[22m', '  three', '  four']);
  });

  it('wraps any text as words laid one by one would', () => {
    /**
     * The rule, word by word: a word goes on the line unless it would pass the width; an empty word starts nothing;
     * colour codes take no column.
     */
    const byWords = (text: string, width: number, indent: string, first: string): string[] => {
      // eslint-disable-next-line no-control-regex
      const cols = (t: string) => t.replace(/\u001b\[[0-9;]*m/g, '').length;
      const lines: string[] = [];
      let line = first;
      for (const word of text.split(' ')) {
        const start = line === first || line === indent;
        if (!start && cols(line) + 1 + cols(word) > width) {
          lines.push(line);
          line = indent + word;
        } else line = start ? line + word : `${line} ${word}`;
      }
      lines.push(line);
      return lines;
    };
    const words = ['a', 'bb', 'ccc', 'dddddddd', '', ' ', 'é', '→', '\u001b[1mbold\u001b[22m', '\u001b[2m', 'x\u001b[39m'];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 20 }), fc.constantFrom('', '  ', '      '), fc.constantFrom('', '    '), (t, width, indent, first) => {
        expect(wrapWords(t, width, indent, first)).toEqual(byWords(t, width, indent, first));
      }),
      { numRuns: runs(500) },
    );
  });

  it('goes on with a long next step at two columns; the reasons stand at four', () => {
    const item: DueItemView = {
      id: 'x',
      name: 'Maria Lopez-Fernandez',
      score: 1,
      reasons: ['the referral you gave them 4 weeks ago has no outcome yet'],
      nextAction: 'ask how it went, then net referral "Maria Lopez-Fernandez" --status contacted|won|lost',
      lastTouch: null,
      stage: 'growing',
      cadenceDays: null,
      reasonCodes: ['referral-open'],
      nextActionCode: 'ask-how-it-went',
    };
    const out = renderDue({ on: null, items: [item], total: 1, emptyJournal: false, explain: false }, plain);
    expect(out.split('\n')).toEqual([
      'Maria Lopez-Fernandez → ask how it went, then net referral "Maria',
      '  Lopez-Fernandez" --status contacted|won|lost',
      '    the referral you gave them 4 weeks ago has no outcome yet',
    ]);
  });
});
