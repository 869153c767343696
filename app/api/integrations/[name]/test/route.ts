// "Test connection" for an integration (databricks, azure, slack, jira, gemini): a cheap read that says what
// failed. Admins only, and at most 20 a minute per caller: each test spends the server's credentials.
import { guarded } from "@/lib/api/guarded";
import { SlidingWindowLimiter } from "@/lib/auth/rate-limit";
import { AppError, jsonResponse } from "@/lib/errors";
import { testIntegration } from "@/lib/connection-tests/test-connection";

export const dynamic = "force-dynamic";

const tests = new SlidingWindowLimiter(20, 60_000);

export const POST = guarded("admin", async (req: Request, ctx: { params: Promise<{ name: string }> }, who) => {
  const wait = tests.retryAfter(who.actor);
  if (wait > 0)
    throw new AppError("too_many_requests", `Too many connection tests: try again in ${wait} s`, {
      retryAfterSeconds: wait,
    });
  tests.hit(who.actor);
  const { name } = await ctx.params;
  const text = await req.text();
  let body: unknown = {};
  try {
    body = text.trim() ? JSON.parse(text) : {};
  } catch {
    body = null;
  }
  return jsonResponse(await testIntegration(name, body));
});
