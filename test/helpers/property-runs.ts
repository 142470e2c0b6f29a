/**
 * How many random cases a property test tries. Each names the number it tries in every `npm test`: enough for the
 * property to find a broken rule there (fast-check draws a new seed each run unless the test pins one, so CI covers
 * more cases run after run), few enough that the suite stays a fast loop. NET_PROPERTY_RUNS_FACTOR multiplies them
 * all for a deep run (README, "Tests"); a failure prints the seed and path that replay it.
 */
const FACTOR = Number(process.env.NET_PROPERTY_RUNS_FACTOR ?? 1);
if (!(FACTOR > 0)) throw new Error(`NET_PROPERTY_RUNS_FACTOR=${process.env.NET_PROPERTY_RUNS_FACTOR} is not a positive number`);

export function runs(n: number): number {
  return Math.max(1, Math.round(n * FACTOR));
}
