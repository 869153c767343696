// Exponential backoff with "equal jitter": half the delay is fixed, half is
// random, so delays always grow with the attempt while retries of many jobs
// that failed together still spread out.

export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
