import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxOf, minOf, toThousands } from '../../../src/core/numbers.js';
import { runs } from '../../helpers/property-runs.js';

const intl = (n: number, d: number) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

describe('toThousands', () => {
  it.each([
    [0, 0, '0'],
    [7, 0, '7'],
    [999, 0, '999'],
    [1000, 0, '1,000'],
    [1234, 0, '1,234'],
    [94_715_904, 0, '94,715,904'],
    [-1234, 0, '-1,234'],
    [-0, 0, '-0'],
    [1e21, 0, '1,000,000,000,000,000,000,000'],
    [2 ** 70, 0, '1,180,591,620,717,411,300,000'],
    [1.5, 0, '2'],
    [350.5, 2, '350.50'],
    [1200, 2, '1,200.00'],
    [1234567.891, 2, '1,234,567.89'],
    [1.005, 2, '1.01'],
    [2.675, 2, '2.68'],
    [999.995, 2, '1,000.00'],
    [0.0049, 2, '0.00'],
    [1e-7, 2, '0.00'],
    [5e-3, 2, '0.01'],
    [-0.001, 2, '-0.00'],
    [1e20 + 0.5, 2, '100,000,000,000,000,000,000.00'],
  ])('writes %d with %d decimals as %s', (n, d, text) => expect(toThousands(n, d)).toBe(text));

  it('gives what toLocaleString gives, whatever the number', () => {
    const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100), fc.nat());
    fc.assert(fc.property(number, fc.constantFrom(0, 2), (n, d) => {
      expect(toThousands(n, d)).toBe(intl(n, d));
    }), { numRuns: runs(2000) });
  });
});

describe('maxOf and minOf', () => {
  it.each([
    [[3, 9, 2], -Infinity, 9],
    [[], 0, 0],
    [[-5, -2], 0, 0],
    [[4], 10, 10],
  ])('maxOf(%j, %d) = %d', (values, floor, max) => {
    expect(maxOf(values, floor)).toBe(max);
  });

  it('minOf takes a ceiling', () => {
    expect(minOf([3, 9, 2])).toBe(2);
    expect(minOf([], 7)).toBe(7);
  });

  it('takes an array as long as a large journal, where Math.max(...xs) overflows the stack', () => {
    const xs = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect(() => Math.max(...xs)).toThrow(RangeError);
    expect(maxOf(xs)).toBe(499_999);
    expect(minOf(xs)).toBe(0);
  });
});
