// Small helpers for bounded parallel work (API calls of one enrichment, tickets of one pipeline batch).

/** Run `fn` over `items` with at most `limit` calls in flight, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** A promise's outcome as a value: one item's failure in a batch is that item's result, not the batch's. */
export function settle<T>(p: Promise<T>): Promise<PromiseSettledResult<T>> {
  return p.then(
    (value) => ({ status: "fulfilled", value }),
    (reason: unknown) => ({ status: "rejected", reason }),
  );
}

/**
 * Settle `fn` for every item, at most `limit` keys at a time; items that share a key run one after the other, in
 * their order (two jobs of one ticket in one batch must not overtake each other).
 */
export async function settleByKey<T, R>(
  items: readonly T[],
  keyOf: (item: T) => string,
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const out: PromiseSettledResult<R>[] = new Array(items.length);
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), i]));
  await mapLimit([...groups.values()], limit, async (group) => {
    for (const i of group) out[i] = await settle(fn(items[i]!));
  });
  return out;
}

/**
 * A lock per key within this process: `run(key, fn)` waits for the earlier calls with the same key to finish.
 * For work that two concurrent batches of the worker could otherwise do for one ticket at once.
 */
export function keyedLock(): <R>(key: string, fn: () => Promise<R>) => Promise<R> {
  const tails = new Map<string, Promise<void>>();
  return async (key, fn) => {
    const before = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = before.then(() => mine);
    tails.set(key, tail);
    await before;
    try {
      return await fn();
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
