// Local sign-in: e-mail + password → a session. Failures are rate limited per
// e-mail address and per client address, and all say the same thing.
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { logger } from "../logger";
import { auditAccount } from "./audit";
import { verifyNothing, verifyPassword } from "./passwords";
import { SlidingWindowLimiter } from "./rate-limit";
import { createSession } from "./sessions";
import { emailSchema } from "./users";

const log = logger.child({ module: "auth" });
const WINDOW_MS = 15 * 60_000;
const perEmail = new SlidingWindowLimiter(10, WINDOW_MS);
const perClient = new SlidingWindowLimiter(50, WINDOW_MS);

export const loginBody = z.object({ email: emailSchema, password: z.string().min(1).max(1024) });

function refuseIfLimited(email: string, client: string) {
  const wait = Math.max(perEmail.retryAfter(email), perClient.retryAfter(client));
  if (wait > 0)
    throw new AppError("too_many_requests", `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} min`, {
      retryAfterSeconds: wait,
    });
}

/** A new session for the user, or a 401 that does not say whether the account exists. */
export async function signInLocal(
  body: z.infer<typeof loginBody>,
  client: string,
): Promise<{ token: string; expires: Date; email: string }> {
  refuseIfLimited(body.email, client);
  const user = await db().user.findUnique({
    where: { email: body.email },
    select: { id: true, email: true, passwordHash: true, disabled: true },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, body.password)
    : await verifyNothing(body.password);
  if (!user || !ok || user.disabled) {
    perEmail.hit(body.email);
    perClient.hit(client);
    log.warn("sign-in refused", { client, reason: !user ? "no such user" : user.disabled ? "disabled" : "password" });
    throw new AppError("unauthorized", "Wrong e-mail or password, or the account is disabled");
  }
  perEmail.reset(body.email);
  const session = await createSession(user.id);
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await auditAccount(`user:${user.email}`, "signed in", { method: "password", client });
  return { ...session, email: user.email };
}
