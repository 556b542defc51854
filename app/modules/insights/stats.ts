// The summary every duration figure on the insights page carries: how many, the median,
// the mean and the 90th percentile. Pure. Definitions (docs/insights.md):
//   median: the middle value, or the mean of the two middle values when the count is even;
//   p90: nearest rank, the smallest value at least 90% of the values are at or below,
//        so it is always a time that really happened;
//   mean: rounded to the millisecond, as the times themselves are.

export type Summary = { count: number; median: number | null; mean: number | null; p90: number | null };

export const EMPTY_SUMMARY: Summary = { count: 0, median: null, mean: null, p90: null };

const ascending = (a: number, b: number) => a - b;

/** The value at or below which `share` (0..1] of the sorted values lie, by nearest rank. */
export function nearestRank(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(share * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort(ascending);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return EMPTY_SUMMARY;
  const sorted = [...values].sort(ascending);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { count: sorted.length, median: median(sorted), mean: Math.round(mean * 1000) / 1000, p90: nearestRank(sorted, 0.9) };
}

/** Milliseconds to seconds, keeping the milliseconds. */
export const toSeconds = (ms: number) => ms / 1000;
