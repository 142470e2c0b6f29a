/**
 * Numbers grouped by thousands ("1,234,567.89") without Intl: the first toLocaleString of a process loads ICU's number
 * formatting, about 15 ms, more than `net show` spends on everything else it prints.
 */

/** The plain decimal digits of a non-negative finite number as JavaScript writes it (its shortest round-trip form). */
function toPlainDecimal(n: number): { int: string; frac: string } {
  const text = String(n);
  const e = text.indexOf('e');
  if (e < 0) {
    const dot = text.indexOf('.');
    return dot < 0 ? { int: text, frac: '' } : { int: text.slice(0, dot), frac: text.slice(dot + 1) };
  }
  const exp = Number(text.slice(e + 1));
  const mantissa = text.slice(0, e).replace('.', '');
  const point = text.indexOf('.') < 0 || text.indexOf('.') > e ? e : text.indexOf('.');
  const at = point + exp; // where the decimal point falls in the mantissa's digits
  if (at <= 0) return { int: '0', frac: `${'0'.repeat(-at)}${mantissa}` };
  if (at >= mantissa.length) return { int: `${mantissa}${'0'.repeat(at - mantissa.length)}`, frac: '' };
  return { int: mantissa.slice(0, at), frac: mantissa.slice(at) };
}

/** Adds one to a string of decimal digits. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  return i < 0 ? `1${'0'.repeat(digits.length)}` : `${digits.slice(0, i)}${String(Number(digits[i]) + 1)}${'0'.repeat(digits.length - i - 1)}`;
}

/**
 * `n` with exactly `fractionDigits` decimals and its whole part grouped by thousands: the same text as
 * `n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })`, which rounds the shortest decimal
 * form of `n` half away from zero (1.005 gives "1.01", where toFixed gives "1.00"). For a whole number and no decimals,
 * what `n.toLocaleString('en')` gives.
 */
export function toThousands(n: number, fractionDigits = 0): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '∞' : '-∞';
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  const { int, frac } = toPlainDecimal(Math.abs(n));
  let digits = `${int}${frac.slice(0, fractionDigits).padEnd(fractionDigits, '0')}`;
  if (frac.length > fractionDigits && frac.charCodeAt(fractionDigits) >= 53 /* '5' */) digits = increment(digits);
  const whole = digits.slice(0, digits.length - fractionDigits);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${fractionDigits ? `.${digits.slice(digits.length - fractionDigits)}` : ''}`;
}

/**
 * The largest of `values`, and at least `floor`. A loop, where `Math.max(...values)` would put every value on the
 * stack: a list as long as the journal (130,000 contacts) overflows it. The same for minOf.
 */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}
