/** How far one word is from another, for "did you mean": a module of its own, which net's start can load alone. */

/**
 * The edits that turn a into b: insertions, deletions and substitutions; with `swaps`, two neighbours swapped count
 * as one edit too ("lgo" is one from "log"), as commander counts them for a mistyped command.
 */
export function editDistance(a: string, b: string, swaps = false): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, before[j - 2]! + 1);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}
