// Query-string pieces the list APIs share.
import { z } from "zod";

/** "a,b , c" → ["a", "b", "c"], each checked by `item`; absent or empty → undefined */
export const csvParam = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(z.array(item).optional());
