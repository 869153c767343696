// The bench's load of webhooks: `count` deliveries from `connections` concurrent clients, each answer a 202.

/** POST body(n) for n = 0..count-1 to `url`; `accepted` sees each answer (e.g. to read its ticket id). */
export async function postAll(
  url: string,
  count: number,
  connections: number,
  body: (n: number) => string,
  accepted?: (answer: Response) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < count) {
        const r = await fetch(url, { method: "POST", body: body(next++) });
        if (r.status !== 202) throw new Error(`intake answered ${r.status}`);
        await accepted?.(r);
      }
    }),
  );
}
