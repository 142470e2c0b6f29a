import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { parseInterval, toIntervalText } from '../../../src/core/intervals.js';

describe('parseInterval', () => {
  it.each([
    ['3w', 21],
    ['2m', 60],
    ['90d', 90],
    ['1y', 365],
    ['3 weeks', 21],
    ['1 week', 7],
    ['10 days', 10],
    ['2 months', 60],
    ['3W', 21],
    [' 14d ', 14],
    ['3650d', 3650],
  ])('reads %j as %i days', (text, days) => {
    expect(parseInterval(text)).toBe(days);
  });

  it.each(['', 'w', '3', '0d', '-3w', '3x', 'three weeks', '1.5w', '11y', '3 fortnights', 'every 3w'])('refuses %j', (text) => {
    expect(() => parseInterval(text)).toThrow(UsageError);
    expect(() => parseInterval(text)).toThrow(`cannot read interval "${text}"`);
  });
});

describe('toIntervalText', () => {
  it.each([
    [21, '3w'],
    [60, '2m'],
    [90, '3m'],
    [365, '1y'],
    [10, '10d'],
    [14, '2w'],
    [420, '14m'],
  ])('%i days is %s', (days, text) => {
    expect(toIntervalText(days)).toBe(text);
  });

  it.each(['3w', '2m', '90d', '1y', '10d'])('writes back what %s reads as', (text) => {
    expect(parseInterval(toIntervalText(parseInterval(text)))).toBe(parseInterval(text));
  });
});
